"""Every write of 三（一） and 三（二）, one module per stage. Views, API, demo data and the documents' hooks call
these; each public service is one durable transaction over casework.services.case_transition (the workflow tables
in inspections/workflow.py), except penalty_recommend, which any regime calls inside its own step."""

from .checks import check_close, check_open, check_report_receive, check_summarize, file_score, site_check
from .complaints import (
    complaint_answer,
    complaint_energy,
    complaint_file,
    complaint_investigate,
    complaint_refer,
    complaint_track,
)
from .discretion import circumstance_save, penalty_recommend, penalty_suggest
from .fault import decision_draft, decision_served, fault_close, fault_open, fault_refer
from .legal import legal_review_decide, legal_review_request
from .supervision import (
    notice_served,
    review_apply,
    review_draft,
    review_served,
    supervision_close,
    supervision_open,
    supervision_report_receive,
)

__all__ = [
    "complaint_answer",
    "complaint_energy",
    "complaint_file",
    "complaint_investigate",
    "complaint_refer",
    "complaint_track",
    "check_close",
    "check_open",
    "check_report_receive",
    "check_summarize",
    "circumstance_save",
    "decision_draft",
    "decision_served",
    "fault_close",
    "fault_open",
    "fault_refer",
    "file_score",
    "legal_review_decide",
    "legal_review_request",
    "notice_served",
    "penalty_recommend",
    "penalty_suggest",
    "review_apply",
    "review_draft",
    "review_served",
    "site_check",
    "supervision_close",
    "supervision_open",
    "supervision_report_receive",
]
