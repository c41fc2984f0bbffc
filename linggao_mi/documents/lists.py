"""The documents' lists (linggao_mi.lists): every document the user may see, and the approval queue."""

from django.utils import timezone

from linggao_mi import lists

from .forms import DocumentFilterForm


def _case_reference(document) -> str:
    return document.case.reference if document.case else ""


def _subject(document):
    return document.case.subject if document.case else None


def _waiting_days(document) -> int | None:
    return (timezone.now() - document.submitted_at).days if document.submitted_at else None


SEARCH = lists.Search(
    "number", "title", "kind__name", of_case=True, label="文号、标题、文书种类、案号或单位名称"
)
CASE = lists.Column("case", "案号", _case_reference, width=22)
SUBJECT = lists.Column("subject", "单位", _subject, width=30)
KIND = lists.Column("kind", "文书种类", "kind.name", sort=("kind__name",), width=20)
TITLE = lists.Column("title", "标题", sort=("title",), width=30)
DRAFTED_BY = lists.Column("drafted_by", "起草人", lambda d: d.drafted_by.get_full_name() or d.drafted_by.username)

DOCUMENTS = lists.ListSpec(
    template="documents/list.html",
    filename="文书",
    search=SEARCH,
    filters=DocumentFilterForm,
    columns=(
        lists.Column("number", "文号", sort=("number",), width=24),
        KIND,
        TITLE,
        CASE,
        SUBJECT,
        lists.Column("state", "状态", "get_state_display", sort=("state",), width=10),
        DRAFTED_BY,
        lists.Column("drafted_at", "起草时间", sort=("drafted_at",), width=18),
        lists.Column("submitted_at", "报送时间", sort=("submitted_at",), nulls_last=True, page=False, width=18),
        lists.Column("issued_on", "成文日期", sort=("issued_on",), nulls_last=True, width=14),
        lists.Column("served_on", "送达日期", page=False, width=14),
        lists.Column("return_reason", "退回理由", page=False, width=30),
    ),
    default_sort=("-drafted_at", "-id"),
)

APPROVALS = lists.ListSpec(
    template="documents/approvals.html",
    filename="待审批文书",
    search=SEARCH,
    columns=(
        CASE,
        SUBJECT,
        KIND,
        TITLE,
        DRAFTED_BY,
        lists.Column("submitted_at", "报送时间", sort=("submitted_at",), width=18),
        lists.Column("waiting", "已等待（天）", _waiting_days, width=10),
    ),
    default_sort=("submitted_at", "id"),
)
