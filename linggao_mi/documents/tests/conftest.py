import pytest

from linggao_mi.documents import services
from linggao_mi.documents.models import DocumentKind
from tests.caseapp.fixtures import _media, case, make_case, outsider, postgres_only  # noqa: F401

DEFAULT_CONTENT = {"addressee": "临高县某某有限公司", "body": "经查，你单位存在问题。\n请于三十日内整改。"}


@pytest.fixture
def kind(db):
    return DocumentKind.objects.create(
        code="test-notice",
        name="测试通知书",
        number_prefix="临工信测",
        template_name="documents/pdf/generic.html",
    )


@pytest.fixture
def make_document(case, kind, users):  # noqa: F811  (the imported fixture)
    """A document of `case` in the state asked for, drafted by inspector1 and approved by the chief."""

    def make(state="draft", *, title="关于限期整改的通知", content=None, on_case=None, drafter=None):
        drafter = drafter or users["inspector1"]
        document = services.document_draft(
            actor=drafter,
            case=on_case or case,
            kind_code=kind.code,
            title=title,
            content=content if content is not None else DEFAULT_CONTENT,
        )
        if state == "draft":
            return document
        document = services.document_submit(actor=drafter, document=document)
        if state == "submitted":
            return document
        document = services.document_approve(actor=users["chief"], document=document)
        if state == "approved":
            return document
        return services.document_issue(actor=drafter, document=document)

    return make
