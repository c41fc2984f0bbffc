import pytest

from linggao_mi.documents import services
from linggao_mi.documents.models import DocumentKind
from tests.caseapp.fixtures import _media, case, make_case, outsider, postgres_only  # noqa: F401

DEFAULT_TEXTS = {"addressee": "临高县某某有限公司", "body": "经查，你单位存在问题。\n请于三十日内整改。"}


@pytest.fixture
def kind(db):
    """The test notice (tests/caseapp/documents.py), whose row kinds_sync made after migrate."""
    return DocumentKind.objects.get(code="test-notice")


@pytest.fixture
def make_document(case, kind, users):  # noqa: F811  (the imported fixture)
    """A document of `case` in the state asked for, drafted by inspector1 (or `drafter`), approved and issued by
    the chief (by a leader when the chief drafted it)."""

    def make(state="draft", *, title="关于限期整改的通知", texts=None, on_case=None, drafter=None):
        drafter = drafter or users["inspector1"]
        approver = users["leader"] if drafter == users["chief"] else users["chief"]
        document = services.document_draft(
            actor=drafter,
            case=on_case or case,
            kind_code=kind.code,
            title=title,
            texts=texts if texts is not None else DEFAULT_TEXTS,
        )
        if state == "draft":
            return document
        document = services.document_submit(actor=drafter, document=document)
        if state == "submitted":
            return document
        document = services.document_approve(actor=approver, document=document)
        if state == "approved":
            return document
        return services.document_issue(actor=approver, document=document)

    return make
