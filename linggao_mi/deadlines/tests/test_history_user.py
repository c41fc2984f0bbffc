"""A scheduled task and a command write history in the system user's name (nobody is logged in)."""

import pytest
from django.core.management import call_command

from linggao_mi.casework.history import SYSTEM_USERNAME, acting_user
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import Deadline
from linggao_mi.deadlines.tasks import send_deadline_reminders

from .test_reminders import deadlines  # noqa: F401  (one deadline of each kind)

pytestmark = pytest.mark.django_db


def _overdue_marked_by(deadline) -> str:
    record = Deadline.history.filter(id=deadline.pk, state=DeadlineState.OVERDUE).get()
    return record.history_user.username


def test_the_reminder_task_marks_overdue_as_the_system(deadlines):  # noqa: F811
    result = send_deadline_reminders.apply(args=["2026-12-02"]).get()  # through Celery's task machinery
    assert result["overdue"] == 1
    assert _overdue_marked_by(deadlines["overdue"]) == SYSTEM_USERNAME
    assert acting_user() is None  # the task's user does not outlive it


def test_the_command_marks_overdue_as_the_system(deadlines):  # noqa: F811
    call_command("send_reminders", "--date", "2026-12-02", stdout=open("/dev/null", "w"))
    assert _overdue_marked_by(deadlines["overdue"]) == SYSTEM_USERNAME
