"""Every write of 三（五）, one module per stage: the project register and its triggers, the checks and their 8 steps,
the measures. Views, API, demo data, the documents' hooks and the daily task call these and nothing else."""

from .checks import (
    check_close,
    check_plan,
    feedback_draft,
    feedback_served,
    notice_draft,
    notice_served,
    step_record,
)
from .measures import measure_decide, stop_order_served
from .projects import (
    PROJECT_FIELDS,
    project_change_record,
    project_create,
    project_progress_record,
    trigger_record,
    triggers_detect,
)

__all__ = [
    "PROJECT_FIELDS",
    "check_close",
    "check_plan",
    "feedback_draft",
    "feedback_served",
    "measure_decide",
    "notice_draft",
    "notice_served",
    "project_change_record",
    "project_create",
    "project_progress_record",
    "step_record",
    "stop_order_served",
    "trigger_record",
    "triggers_detect",
]
