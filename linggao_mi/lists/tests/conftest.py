from tests.caseapp.fixtures import make_case  # noqa: F401
