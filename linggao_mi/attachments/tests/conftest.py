from tests.caseapp.fixtures import _media, case, make_case, outsider, postgres_only  # noqa: F401
