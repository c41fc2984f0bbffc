"""The lists of 三（一） (linggao_mi.lists): oversight checks, supervision notices, fault cases, complaints — each
searched by its 案号 (or 受理编号), filtered by state, sorted by a column and exported."""

from dataclasses import replace

from django import forms

from linggao_mi import lists

from .choices import (
    CheckOrigin,
    CheckState,
    ComplaintKind,
    ComplaintState,
    FaultSituation,
    FaultState,
    LegalReviewState,
    NoticeDecision,
    SupervisionState,
)


def _all(choices) -> list:
    return [("", "全部"), *choices]


def _name(user) -> str:
    return user.get_full_name() or user.username


class CheckFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(CheckState.choices))
    origin = forms.ChoiceField(label="检查缘由", required=False, choices=_all(CheckOrigin.choices))


class SupervisionFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(SupervisionState.choices))
    decision = forms.ChoiceField(label="处理决定", required=False, choices=_all(NoticeDecision.choices))


class FaultFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(FaultState.choices))


class LegalFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(LegalReviewState.choices))


class ComplaintFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(ComplaintState.choices))
    kind = forms.ChoiceField(label="类型", required=False, choices=_all(ComplaintKind.choices))


# The columns every case list of 三（一） ends with: the case's state, who handles it, its next deadline.
STATE = lists.Column("state", "状态", "get_state_display", sort=("state",), width=16)
SECTION = lists.Column("section", "承办股室", "section.name", page=False, width=12)
CREATED_AT = lists.Column("created_at", "立案时间", sort=("created_at",), width=18)
REFERENCE = lists.Column("reference", "案号", sort=("year", "serial"), width=24)
CASE_TAIL = (STATE, SECTION, replace(lists.INSPECTORS, page=False), *lists.NEXT_DEADLINE, CREATED_AT)

CHECKS = lists.ListSpec(
    template="inspections/check_list.html",
    filename="执法监督检查",
    search=lists.Search("origin_note", "section__name", reference=True, label="案号、部署文件或缘由、承办股室"),
    filters=CheckFilterForm,
    columns=(
        REFERENCE,
        lists.Column("origin", "检查缘由", "get_origin_display", sort=("origin",), width=20),
        lists.Column("origin_note", "部署文件或缘由说明", page=False, width=30),
        lists.Column("checked_sections", "受查股室", "checked_sections", width=20),
        lists.Column("started_on", "检查开始日期", sort=("started_on",), width=14),
        *CASE_TAIL,
    ),
    default_sort=("-created_at", "-id"),
)

SUPERVISIONS = lists.ListSpec(
    template="inspections/supervision_list.html",
    filename="执法监督通知（决定）",
    search=lists.Search(
        "checked_section__name", "notice_document__number", "facts", reference=True,
        label="案号、文号、被检查的单位或认定的事实",
    ),
    filters=SupervisionFilterForm,
    columns=(
        REFERENCE,
        lists.Column("checked_section", "被检查的单位", "checked_section.name", sort=("checked_section__name",),
                     width=16),
        lists.Column("decision", "处理决定", "get_decision_display", sort=("decision",), width=10),
        lists.Column("notice_number", "通知（决定）书文号", "notice_document.number", page=False, width=24),
        lists.Column("served_on", "送达日期", sort=("served_on",), nulls_last=True, width=14),
        *CASE_TAIL,
    ),
    default_sort=("-created_at", "-id"),
)


def _situations(case) -> str:
    return "、".join(FaultSituation(v).label for v in case.situations)


FAULTS = lists.ListSpec(
    template="inspections/fault_list.html",
    filename="行政执法过错责任追究",
    search=lists.Search(
        "person__username", "person__first_name", "person__last_name", "evidence", reference=True,
        label="案号、责任人或证据",
    ),
    filters=FaultFilterForm,
    columns=(
        REFERENCE,
        lists.Column("person", "责任人", lambda case: _name(case.person), sort=("person__last_name",
                     "person__first_name"), width=12),
        lists.Column("situations", "过错情形", _situations, page=False, width=40),
        lists.Column("effective_from", "处理生效日期", sort=("effective_from",), nulls_last=True, width=14),
        *CASE_TAIL,
    ),
    default_sort=("-created_at", "-id"),
)

COMPLAINTS = lists.ListSpec(
    template="inspections/complaint_list.html",
    filename="申诉、检举、控告和建议",
    search=lists.Search("tracking_number", "subject", "name", label="受理编号、事项或提交人"),
    filters=ComplaintFilterForm,
    columns=(
        lists.Column("tracking_number", "受理编号", sort=("tracking_number",), width=16),
        lists.Column("kind", "类型", "get_kind_display", sort=("kind",), width=12),
        lists.Column("subject", "事项", sort=("subject",), width=30),
        lists.Column("name", "姓名或单位", page=False, width=16),
        lists.Column("received_at", "受理时间", sort=("received_at",), width=18),
        lists.Column("state", "状态", "public_progress", sort=("state",), width=20),
        lists.Column("triaged_at", "分办时间", page=False, width=18),
        lists.Column("answered_at", "反馈时间", sort=("answered_at",), nulls_last=True, width=18),
    ),
    default_sort=("-received_at", "-id"),
)


def _case_reference(review) -> str:
    return review.case.reference if review.case else ""


def _document(review) -> str:
    return f"{review.document.kind.name}《{review.document.title}》"


LEGAL_REVIEWS = lists.ListSpec(
    template="inspections/legal_queue.html",
    filename="法制审核",
    search=lists.Search("document__title", "document__number", "document__kind__name", of_case=True,
                        label="文书标题、文号、文书种类、案号或单位名称"),
    filters=LegalFilterForm,
    columns=(
        lists.Column("case", "案号", _case_reference, width=24),
        lists.Column("document", "文书", _document, sort=("document__kind__name", "document__title"), width=40),
        lists.Column("requested_by", "送审人", lambda r: _name(r.requested_by), width=12),
        lists.Column("requested_at", "送审时间", sort=("requested_at",), width=18),
        lists.Column("state", "状态", "get_state_display", sort=("state",), width=14),
        lists.Column("reviewer", "审核人", lambda r: r.reviewer and _name(r.reviewer), page=False, width=12),
        lists.Column("decided_at", "审核时间", page=False, width=18),
        lists.Column("opinion", "审核意见", page=False, width=40),
    ),
    default_sort=("waiting", "-requested_at", "-id"),  # those waiting for review first
)
