"""Every write of 三（三）（六）～（九), one module per stage. Views, API, demo data and the documents' hooks call these
and nothing else; each public service is one durable transaction that takes a step of a workflow table
(infoproj/workflow.py) through casework.services.case_transition."""

from .acceptance import (
    acceptance_apply,
    acceptance_review,
    acceptance_served,
    evaluation_refusal,
    performance_evaluate,
    project_close,
)
from .briefings import briefing_create, briefing_issue, quarter_bounds
from .construction import (
    change_decide,
    change_request,
    check_rectified,
    complaint_record,
    contract_check,
    plan_correct,
    routine_check,
)
from .keyprojects import (
    DecisionInput,
    assess,
    key_complete,
    key_register,
    meeting_record,
    milestone_add,
    milestone_done,
    week_of,
    weekly_record,
    weekly_tracking_chase,
    weeks_reported,
)
from .plans import plan_acknowledge, plan_check, plan_county_approve, plan_province_file, plan_register
from .projects import feasibility_review, owner_evaluations, project_register, tender_file_review, tender_file_submit
from .reviews import ReviewInput
from .tendering import (
    ItemInput,
    announcement_edit,
    announcement_missing,
    announcement_publish,
    check_publishable,
    winner_determine,
)

__all__ = [
    "DecisionInput", "ItemInput", "ReviewInput", "acceptance_apply", "acceptance_review", "acceptance_served",
    "announcement_edit", "announcement_missing", "announcement_publish", "assess", "briefing_create",
    "briefing_issue", "change_decide", "change_request", "check_publishable", "check_rectified", "complaint_record",
    "contract_check", "evaluation_refusal", "feasibility_review", "key_complete", "key_register", "meeting_record",
    "milestone_add", "milestone_done", "owner_evaluations", "performance_evaluate", "plan_acknowledge",
    "plan_check", "plan_correct", "plan_county_approve", "plan_province_file", "plan_register", "project_close",
    "project_register", "quarter_bounds", "routine_check", "tender_file_review", "tender_file_submit", "week_of",
    "weekly_record", "weekly_tracking_chase", "weeks_reported", "winner_determine",
]
