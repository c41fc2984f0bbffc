from django.apps import AppConfig


class TestCasesConfig(AppConfig):
    """A concrete Case for testing the shared machinery (documents, attachments) without a regime."""

    name = "tests.caseapp"
    label = "testcases"
    verbose_name = "测试案件"

    def ready(self):
        from . import documents  # noqa: F401  (registers the test document kinds)
