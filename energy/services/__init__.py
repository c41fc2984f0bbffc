"""Every write of the energy regime (三（四）), one module per stage. Views, API, demo data and the documents'
hooks call these and nothing else; each public service is one durable transaction that takes a step of the
workflow table (energy/workflow.py) through casework.services.case_transition.
"""

from .extension import extension_decide, extension_request, extension_window
from .inspection import (
    FindingInput,
    materials_receive,
    record_file,
    reply_receive,
    reply_require,
    testing_commission,
    testing_result_record,
)
from .outcome import (
    RecommendationInput,
    check_rectification_months,
    outcome_confirm,
    outcome_decide,
    outcome_propose,
    outcome_return,
    outcome_served,
)
from .planning import inspection_plan, notice_draft, notice_served, plan_correct
from .rectification import case_close, rectification_escalate, rectification_verify, report_receive
from .units import UNIT_FIELDS, unit_create, unit_delete, unit_update

__all__ = [
    "UNIT_FIELDS",
    "FindingInput",
    "RecommendationInput",
    "case_close",
    "check_rectification_months",
    "extension_decide",
    "extension_request",
    "extension_window",
    "inspection_plan",
    "materials_receive",
    "notice_draft",
    "notice_served",
    "outcome_confirm",
    "outcome_decide",
    "outcome_propose",
    "outcome_return",
    "outcome_served",
    "plan_correct",
    "rectification_escalate",
    "rectification_verify",
    "record_file",
    "reply_receive",
    "reply_require",
    "report_receive",
    "testing_commission",
    "testing_result_record",
    "unit_create",
    "unit_delete",
    "unit_update",
]
