from tests.caseapp.fixtures import _media, case, make_case, outsider  # noqa: F401
