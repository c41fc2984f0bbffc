"""Reminders: near, due today, overdue (marked, escalated to the chief); every e-mail exactly once."""

import datetime
import io
from collections import Counter

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from linggao_mi.deadlines import services
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import Deadline
from linggao_mi.deadlines.services import deadline_meet, deadline_open, deadline_reschedule, reminders_send
from linggao_mi.notifications.models import Notification
from linggao_mi.notifications.tests.backends import FlakyBackend

from .conftest import day

pytestmark = pytest.mark.django_db

TODAY = day("2026-12-02")  # a Wednesday; DEADLINE_REMINDER_LEAD_DAYS = 3


@pytest.fixture
def deadlines(rules, users, industry):
    """One deadline of each kind for the two inspectors of 工业股 (chief: t_chief)."""
    inspectors = [users["inspector1"], users["inspector2"]]

    def make(start, label, responsible=inspectors):
        return deadline_open(
            case=industry,
            rule_code="t-notice",
            start=day(start),
            amount=(day(label[1]) - day(start)).days,
            label=label[0],
            responsible=responsible,
            section=industry,
        )

    made = {
        "upcoming": make("2026-12-01", ("临近", "2026-12-04")),  # Friday, 2 days ahead
        "due": make("2026-11-30", ("今日届满", "2026-12-02")),
        "overdue": make("2026-11-30", ("已逾期", "2026-12-01")),
        "far": make("2026-12-01", ("尚远", "2026-12-11")),
    }
    met = make("2026-11-30", ("已办结", "2026-12-01"))
    deadline_meet(deadline=met, on=day("2026-12-01"))
    assert {k: d.due for k, d in made.items()} == {
        "upcoming": day("2026-12-04"),
        "due": TODAY,
        "overdue": day("2026-12-01"),
        "far": day("2026-12-11"),
    }
    return made


def sent():
    return Counter((m.subject, tuple(m.to)) for m in mail.outbox)


def test_first_run_reminds_marks_overdue_and_escalates(deadlines, users):
    run = reminders_send(today=TODAY)
    assert (run.upcoming, run.due_today, run.overdue, run.notified, run.emailed) == (1, 1, 1, 7, 7)
    inspectors = {users["inspector1"].email, users["inspector2"].email}
    by_subject = {}
    for m in mail.outbox:
        by_subject.setdefault(m.subject, set()).update(m.to)
    case = str(deadlines["due"].case)
    assert by_subject == {
        f"期限将至：{case} 临近（2026年12月4日届满）": inspectors,
        f"期限今日届满：{case} 今日届满": inspectors,
        f"期限已逾期：{case} 已逾期（2026年12月1日届满）": inspectors,
        f"逾期督办：{case} 已逾期已于2026年12月1日届满": {users["chief"].email},
    }
    deadlines["overdue"].refresh_from_db()
    assert deadlines["overdue"].state == DeadlineState.OVERDUE
    assert Deadline.objects.filter(state=DeadlineState.OPEN).count() == 3
    escalation = next(m for m in mail.outbox if m.subject.startswith("逾期督办"))
    assert "责任人：" in escalation.body and "已逾期1日" in escalation.body
    assert all(n.emailed_at for n in Notification.objects.all())
    assert (
        Notification.objects.get(user=users["chief"]).key == f"deadline:{deadlines['overdue'].pk}:escalated:2026-12-01"
    )


def test_running_twice_sends_each_email_exactly_once(deadlines, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=TODAY)
    first = sent()
    with django_capture_on_commit_callbacks(execute=True):
        again = reminders_send(today=TODAY)
    assert (again.notified, again.emailed) == (0, 0)
    assert sent() == first and set(first.values()) == {1} and len(first) == 7
    # the next day only yesterday's "due today" one is new (now overdue); the upcoming one is not repeated
    reminders_send(today=TODAY + datetime.timedelta(days=1))
    new = [m.subject for m in mail.outbox[7:]]
    assert len(new) == 3 and all(s.startswith(("期限已逾期", "逾期督办")) and "今日届满" in s for s in new)


def test_mail_server_failing_for_one_message_then_rerun_sends_the_rest_once(deadlines, users, settings):
    settings.EMAIL_BACKEND = "linggao_mi.notifications.tests.backends.FlakyBackend"
    FlakyBackend.failing = {users["chief"].email}
    try:
        run = reminders_send(today=TODAY)
    finally:
        FlakyBackend.failing = set()
    assert (run.notified, run.emailed) == (7, 6)
    assert Notification.objects.filter(emailed_at__isnull=True).get().user == users["chief"]
    assert users["chief"].email not in {a for m in mail.outbox for a in m.to}

    rerun = reminders_send(today=TODAY)
    assert (rerun.notified, rerun.emailed) == (0, 1)
    counts = sent()
    assert len(counts) == 7 and set(counts.values()) == {1}
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_crash_half_way_then_rerun_sends_everything_once(deadlines, monkeypatch):
    real_notify_many = services.notify_many
    calls = []

    def crashing_notify_many(messages):
        calls.append(messages)
        if len(calls) == 2:  # the worker dies in the middle of the second batch
            raise SystemExit("worker killed")
        return real_notify_many(messages)

    monkeypatch.setattr(services, "REMINDER_BATCH", 1)
    monkeypatch.setattr(services, "notify_many", crashing_notify_many)
    with pytest.raises(SystemExit):
        reminders_send(today=TODAY)
    monkeypatch.setattr(services, "notify_many", real_notify_many)
    half = Notification.objects.count()
    assert 0 < half < 7

    reminders_send(today=TODAY)
    reminders_send(today=TODAY)
    assert Notification.objects.count() == 7
    counts = sent()
    assert len(counts) == 7 and set(counts.values()) == {1}
    assert Deadline.objects.filter(state=DeadlineState.OVERDUE).count() == 1


def _statements_of_a_sweep(count: int, users, industry) -> tuple[int, int]:
    """(statements, notifications) of a sweep over `count` deadlines, half overdue, half upcoming."""
    inspectors = [users["inspector1"], users["inspector2"]]
    for n in range(count):
        deadline_open(
            case=users["inspector1"], rule_code="t-notice", start=day("2026-11-27"), amount=3 + n % 2 * 4,
            responsible=inspectors, section=industry,
        )
    with CaptureQueriesContext(connection) as queries:
        run = reminders_send(today=TODAY)
    assert run.overdue + run.upcoming == count
    return len(queries), run.notified


def test_the_sweep_statements_do_not_grow_with_the_deadlines(rules, users, industry):
    # E-mail goes out per message after commit (notifications' delivery), not within the sweep's statements.
    type(users["inspector1"]).objects.update(email="")
    few, few_notified = _statements_of_a_sweep(10, users, industry)
    Deadline.objects.all().delete()
    many, many_notified = _statements_of_a_sweep(200, users, industry)
    assert (few_notified, many_notified) == (25, 500)  # 2 inspectors each, the chief for the overdue half
    assert many == few
    Deadline.objects.all().delete()
    Notification.objects.all().delete()
    assert services.REMINDER_BATCH > 200


def test_the_sweep_statements_grow_with_the_batches(rules, users, industry, monkeypatch):
    type(users["inspector1"]).objects.update(email="")
    one, _ = _statements_of_a_sweep(40, users, industry)
    Deadline.objects.all().delete()
    monkeypatch.setattr(services, "REMINDER_BATCH", 10)
    four, _ = _statements_of_a_sweep(40, users, industry)
    assert 3 * 4 <= four - one <= 3 * 12  # three more batches, each a handful of statements


def test_a_second_sweep_changes_and_sends_nothing(deadlines):
    reminders_send(today=TODAY)
    before = (Notification.objects.count(), len(mail.outbox), Deadline.history.count())
    again = reminders_send(today=TODAY)
    assert (again.notified, again.overdue, again.emailed) == (0, 0, 0)
    assert (Notification.objects.count(), len(mail.outbox), Deadline.history.count()) == before


def test_marking_overdue_keeps_history(deadlines):
    reminders_send(today=TODAY)
    last = deadlines["overdue"].history.first()
    assert (last.state, last.history_type) == (DeadlineState.OVERDUE, "~")


def test_a_deadline_with_nobody_responsible_reminds_the_chief(rules, users, industry):
    deadline_open(
        case=industry, rule_code="t-notice", start=day("2026-11-30"), amount=2, responsible=[], section=industry
    )
    reminders_send(today=TODAY)
    assert [m.to for m in mail.outbox] == [[users["chief"].email]]
    assert mail.outbox[0].subject.startswith("期限今日届满")


def test_overdue_escalation_not_doubled_when_the_chief_is_responsible(rules, users, industry):
    deadline_open(
        case=industry,
        rule_code="t-notice",
        start=day("2026-11-29"),
        amount=1,
        responsible=[users["chief"]],
        section=industry,
    )
    reminders_send(today=TODAY)
    assert [m.subject[:5] for m in mail.outbox] == ["期限已逾期"]


def test_a_rescheduled_deadline_is_reminded_afresh(deadlines, users):
    reminders_send(today=TODAY)
    upcoming = deadlines["upcoming"]
    deadline_reschedule(deadline=upcoming, start=day("2026-12-02"), amount=3, unit="days")  # due Monday 12-07
    mail.outbox.clear()
    reminders_send(today=day("2026-12-07"))
    assert {m.subject for m in mail.outbox} >= {f"期限今日届满：{upcoming.case} 临近"}


def test_inactive_people_are_not_reminded(deadlines, users):
    users["inspector2"].is_active = False
    users["inspector2"].save()
    reminders_send(today=TODAY)
    assert users["inspector2"].email not in {a for m in mail.outbox for a in m.to}


def test_management_command(deadlines):
    out = io.StringIO()
    call_command("send_reminders", "--date", "2026-12-02", stdout=out)
    assert "临近1项，今日届满1项，新逾期1项；新通知7条，发出邮件7封" in out.getvalue()
    out = io.StringIO()
    call_command("send_reminders", "--date", "2026-12-02", stdout=out)
    assert "新通知0条，发出邮件0封" in out.getvalue()
    with pytest.raises(CommandError, match="日期格式应为"):
        call_command("send_reminders", "--date", "02/12/2026")


def test_management_command_refuses_a_future_date(deadlines):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(CommandError, match="不能按将来的日期发送提醒"):
        call_command("send_reminders", "--date", tomorrow.isoformat())
    assert not Notification.objects.exists()
    assert not Deadline.objects.filter(state=DeadlineState.OVERDUE).exists()


def test_task_called_directly(deadlines):
    from linggao_mi.deadlines.tasks import send_deadline_reminders

    result = send_deadline_reminders("2026-12-02")
    assert result == {"day": "2026-12-02", "upcoming": 1, "due_today": 1, "overdue": 1, "notified": 7, "emailed": 7}
    assert send_deadline_reminders.name == "linggao_mi.deadlines.tasks.send_deadline_reminders"
