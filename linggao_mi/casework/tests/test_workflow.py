"""The workflow table of the kit (casework.workflow) on the test regime's DemoCase, with a small table made here.

"""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied

from linggao_mi.casework.models import CaseEvent, of_case
from linggao_mi.casework.rules import STATE_FORBIDS, Rule, RuleViolation
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE, PERMISSION_LABELS, Step, Workflow, path_guard
from tests.caseapp.models import DemoCase, DemoState

pytestmark = pytest.mark.django_db

OPEN, CLOSED = DemoState.OPEN, DemoState.CLOSED
NOT_ON_HOLD = Rule("demo.on_hold", "案件已挂起，不能记录", "测试条款（一）")


def not_on_hold(case: DemoCase) -> None:
    if case.name == "挂起":
        raise RuleViolation(NOT_ON_HOLD, f"“{case.name}”")


STEPS = (
    Step("open", "登记", (), OPEN, CREATE),
    Step("note", "记录情况", (OPEN,), None, HANDLE, guards=(not_on_hold,)),
    Step("decide", "作出决定", (OPEN,), {"close": CLOSED, "continue": OPEN}, DECIDE),
    Step("reopen", "重新办理", (CLOSED,), OPEN, DECIDE),
)


@pytest.fixture
def table():
    return Workflow(DemoCase, STEPS)


def _grant(user, codename):
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return type(user).objects.get(pk=user.pk)  # a fresh instance: permission caches are per instance


def events(case) -> list[tuple]:
    return list(
        CaseEvent.objects.filter(of_case(case)).order_by("id").values_list("step", "from_state", "to_state", "action")
    )


# ---------------------------------------------------------------- the table itself


def test_steps_are_found_by_name_in_table_order(table):
    assert [s.name for s in table] == ["open", "note", "decide", "reopen"]
    assert table["decide"] is STEPS[2]
    with pytest.raises(KeyError):
        table["nothing"]


@pytest.mark.parametrize(
    "step",
    [
        Step("bad", "未知来源", ("archived",), OPEN),
        Step("bad", "未知去向", (OPEN,), "archived"),
        Step("bad", "未知分支", (OPEN,), {"yes": CLOSED, "no": "archived"}),
    ],
    ids=["source", "target", "branch"],
)
def test_unknown_states_are_refused_at_construction(step):
    with pytest.raises(ValueError, match="archived"):
        Workflow(DemoCase, (*STEPS, step))


def test_duplicate_step_names_are_refused():
    with pytest.raises(ValueError, match="duplicate"):
        Workflow(DemoCase, (*STEPS, Step("note", "再记录", (CLOSED,))))


def test_targets_and_records_only():
    note, decide, reopen = STEPS[1:]
    assert note.target is None and note.targets == ()
    assert decide.targets == (CLOSED, OPEN)
    assert reopen.targets == (OPEN,)
    assert Step("x", "x", (OPEN,), {"a": CLOSED, "b": CLOSED}).targets == (CLOSED,)  # each state once
    assert set(PERMISSION_LABELS) == {CREATE, HANDLE, DECIDE}


def test_target_for(case):
    note, decide, reopen = STEPS[1:]
    assert note.target_for(case) == case.state == OPEN
    assert decide.target_for(case, "close") == CLOSED
    assert decide.target_for(case, "continue") == OPEN
    assert reopen.target_for(case, "ignored") == OPEN
    for branch in (None, "archive"):
        with pytest.raises(ValueError, match="branch"):
            decide.target_for(case, branch)


# ---------------------------------------------------------------- check, blocker


def test_check_refuses_a_state_outside_the_sources_naming_the_step(case):
    reopen = STEPS[3]
    with pytest.raises(RuleViolation) as info:
        reopen.check(case)
    assert info.value.rule == STATE_FORBIDS
    assert "重新办理" in str(info.value) and "办理中" in str(info.value) and STATE_FORBIDS.clause in str(info.value)
    assert reopen.blocker(case).rule == STATE_FORBIDS


def test_check_runs_the_guards(case):
    note = STEPS[1]
    assert note.blocker(case) is None
    note.check(case)
    case.name = "挂起"
    with pytest.raises(RuleViolation) as info:
        note.check(case)
    assert info.value.rule == NOT_ON_HOLD and "测试条款（一）" in str(info.value)
    assert note.blocker(case).rule == NOT_ON_HOLD


# ---------------------------------------------------------------- run


def test_run_records_the_step_and_keeps_the_state_of_a_records_only_step(table, case, users):
    made = []
    result, out = table.run("note", case=case, actor=users["inspector1"], reason="现场情况", apply=made.append)
    assert (result.state, out) == (OPEN, None)
    assert made and made[0].pk == case.pk  # apply ran on the locked row
    assert events(case)[-1] == ("note", OPEN, OPEN, "记录情况")
    event = CaseEvent.objects.filter(of_case(case)).latest("id")
    assert (event.actor, event.reason, event.late_reason) == (users["inspector1"], "现场情况", "")


def test_run_returns_what_apply_made_and_keeps_a_late_reason(table, case, users):
    _, out = table.run("note", case=case, actor=users["inspector1"], apply=lambda c: "记录", late_reason="补登")
    assert out == "记录"
    assert CaseEvent.objects.filter(of_case(case)).latest("id").is_late_entry


def test_run_follows_the_branch(table, case, users):
    result, _ = table.run("decide", case=case, actor=users["chief"], branch="continue")
    assert result.state == OPEN
    result, _ = table.run("decide", case=case, actor=users["chief"], branch="close")
    assert result.state == CLOSED and DemoCase.objects.get(pk=case.pk).state == CLOSED
    result, _ = table.run("reopen", case=case, actor=users["chief"])
    assert result.state == OPEN
    assert [e[:3] for e in events(case)] == [
        ("decide", OPEN, OPEN), ("decide", OPEN, CLOSED), ("reopen", CLOSED, OPEN)
    ]


def test_run_refuses_a_missing_branch_and_changes_nothing(table, case, users):
    with pytest.raises(ValueError):
        table.run("decide", case=case, actor=users["chief"], apply=lambda c: setattr(c, "name", "改了"))
    fresh = DemoCase.objects.get(pk=case.pk)
    assert (fresh.state, fresh.name) == (OPEN, "测试案件") and events(case) == []


def test_run_checks_permission_then_state_then_guards_then_the_input(table, case, users):
    calls = []
    with pytest.raises(PermissionDenied):
        table.run("decide", case=case, actor=users["inspector1"], branch="close", check=calls.append)
    with pytest.raises(RuleViolation) as info:
        table.run("reopen", case=case, actor=users["chief"], check=calls.append)
    assert info.value.rule == STATE_FORBIDS
    DemoCase.objects.filter(pk=case.pk).update(name="挂起")
    with pytest.raises(RuleViolation) as info:
        table.run("note", case=case, actor=users["inspector1"], check=calls.append)
    assert info.value.rule == NOT_ON_HOLD
    assert calls == []  # the step's input is checked only once the step itself may be taken

    def refuse(c):
        raise RuleViolation(NOT_ON_HOLD, "输入不符")

    DemoCase.objects.filter(pk=case.pk).update(name="测试案件")
    with pytest.raises(RuleViolation, match="输入不符"):
        table.run("note", case=case, actor=users["inspector1"], check=refuse, apply=calls.append)
    assert calls == [] and events(case) == []


def test_superuser_is_refused_every_step(table, case, users):
    admin = users["admin"]
    assert admin.is_superuser
    for step in table:
        assert not table.may(admin, case, step)
    with pytest.raises(PermissionDenied):
        table.run("note", case=case, actor=admin)


# ---------------------------------------------------------------- may, next_steps, progress


def test_may_reads_the_steps_permission(table, case, users):
    inspector, chief, leader, staff = (users[r] for r in ("inspector1", "chief", "leader", "staff"))
    assert table.may(inspector, case, "note") and table.may(inspector, case, table["note"])
    assert not table.may(inspector, case, "decide")
    assert table.may(chief, case, "note") and table.may(chief, case, "decide")
    assert not table.may(leader, case, "decide")  # no global decision on demo cases …
    assert table.may(_grant(leader, "decide_democase"), case, "decide")  # … until granted
    assert not table.may(staff, case, "note")
    assert not table.may(inspector, case, "open")
    assert table.may(_grant(inspector, "add_democase"), case, "open")


def test_next_steps_filters_by_permission_and_shows_blockers(table, case, users):
    def names(user, c=case):
        return [(n.step.name, n.open) for n in table.next_steps(user, c)]

    assert names(users["inspector1"]) == [("note", True)]
    assert names(users["chief"]) == [("note", True), ("decide", True)]
    assert names(users["staff"]) == names(users["admin"]) == names(users["leader"]) == []
    case.name = "挂起"
    [note, decide] = table.next_steps(users["chief"], case)
    assert note.blocker.rule == NOT_ON_HOLD and not note.open
    assert decide.open
    case.state = CLOSED
    assert names(users["chief"]) == [("reopen", True)]
    assert names(users["inspector1"]) == []


def test_progress_statuses(table, case, users):
    def statuses(c):
        return {row.step.name: row.status for row in table.progress(c)}

    assert statuses(case) == {"open": "waiting", "note": "next", "decide": "next", "reopen": "waiting"}
    case.name = "挂起"
    rows = {row.step.name: row for row in table.progress(case)}
    assert rows["note"].status == "blocked" and rows["note"].blocker.rule == NOT_ON_HOLD
    case.name = "测试案件"

    table.run("note", case=case, actor=users["inspector1"])
    case, _ = table.run("decide", case=case, actor=users["chief"], branch="close")
    rows = {row.step.name: row for row in table.progress(case)}
    assert {n: r.status for n, r in rows.items()} == {
        "open": "skipped", "note": "done", "decide": "done", "reopen": "next"
    }  # the case has gone past "open" without taking it
    last = CaseEvent.objects.filter(of_case(case), step="decide").latest("id")
    assert rows["decide"].done_at == last.at
    assert rows["reopen"].done_at is None

    # a step that can be taken again shows as next (with when it was last taken) once its source comes back
    case, _ = table.run("reopen", case=case, actor=users["chief"])
    rows = {row.step.name: row for row in table.progress(case)}
    assert (rows["note"].status, rows["note"].done_at) == ("next", CaseEvent.objects.get(step="note").at)
    assert rows["reopen"].status == "done"


def test_events_without_a_step_are_not_progress(table, case, users):
    from linggao_mi.casework.services import case_event_record

    case_event_record(case=case, actor=users["inspector1"], action="起草文书", from_state=OPEN, to_state=OPEN)
    assert all(row.done_at is None for row in table.progress(case))


# ---------------------------------------------------------------- path guards


OFF_PATH = Rule("demo.off_path", "本案不走此步骤", "测试条款（二）")


@path_guard
def named_for_reporting(case: DemoCase) -> None:
    if case.name != "报告":
        raise RuleViolation(OFF_PATH)


def test_a_step_off_the_case_path_is_not_offered_but_still_refused(make_case, users):
    table = Workflow(DemoCase, (*STEPS, Step("report", "报告", (OPEN,), None, HANDLE, guards=(named_for_reporting,))))
    case = make_case()
    inspector = users["inspector1"]
    assert "report" not in [n.step.name for n in table.next_steps(inspector, case)]
    assert {r.step.name: r.status for r in table.progress(case)}["report"] == "not_applicable"
    with pytest.raises(RuleViolation) as info:
        table.run("report", case=case, actor=inspector)
    assert info.value.rule is OFF_PATH
    case.name = "报告"
    case.save()
    assert "report" in [n.step.name for n in table.next_steps(inspector, case)]
