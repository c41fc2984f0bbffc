"""A regime's workflow as one table of steps (DESIGN.md §5a).

Each regime declares its `Workflow` in `<app>/workflow.py`: every step with its label, the states it may be
taken from, where it leads (one state, one state per branch, or nowhere: a step that records without moving),
the permission it needs on the case and its guards (rules about the case itself, each raising RuleViolation
with its clause). Services run steps through `casework.services.case_transition`; the case page's next actions,
its progress view, the API's transition endpoints and the permission-matrix tests read the same table.
Nothing else lists states or sources by hand.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.contrib.auth.models import User

from .models import Case, CaseEvent, of_case
from .rules import STATE_FORBIDS, RuleViolation
from .selectors import user_may

# The permissions a step may need on its case (object permission, or global for leaders):
CREATE = "add"  # opening a case (a model permission: inspectors and chiefs of the regime)
HANDLE = "change"  # the case's handlers: its inspectors and its section's chief
DECIDE = "decide"  # decisions in the bureau's name: the section's chief or a leader (the inspector proposes)

PERMISSION_LABELS = {CREATE: "执法人员或股长", HANDLE: "承办人员或本股室股长", DECIDE: "本股室股长或局领导"}

Guard = Callable[[Case], None]

# Each case model's workflow, as its regime's workflow.py declares it (filled when a Workflow is made).
WORKFLOWS: dict[type[Case], "Workflow"] = {}


def path_guard(guard: Guard) -> Guard:
    """Mark a guard that decides whether a step belongs to a case's path at all (e.g. the mode of inspection), not
    whether the case is ready for it yet: a step whose path guard fails is not offered, and the progress view shows
    it as not applying, while taking it is still refused with the guard's rule. A path guard reads only the case's
    own fields (no query): lists call it for every row (Workflow.next_label)."""
    guard.path = True
    return guard


def unblocked_by(*, document: str = "", step: str = "") -> Callable[[Guard], Guard]:
    """Mark a guard with what lifts it, for the case page to link to: the case's document in field `document` (its
    page, where it is submitted, approved, issued or served), else the page of step `step` of the same workflow."""

    def mark(guard: Guard) -> Guard:
        guard.unblocked_by = (document, step)
        return guard

    return mark


@dataclass(frozen=True)
class Step:
    """One step of a workflow.

    `target` is the state the step leads to; a mapping when the step branches (the service names the branch,
    e.g. the outcome chosen); None when the step records something and the case stays where it is.
    `guards` are rules about the case (not about the step's input) that must hold to take the step: the case
    page shows the first that fails as what blocks the step, and case_transition checks them all again.
    `url_name` is the page that takes the step (`<app>:<url_name>` with the case's pk), when there is one;
    `document` names the case's document field when the step is taken by serving that document (the case page
    links to the document, whose serving runs the step through its kind's on_served hook).
    """

    name: str
    label: str
    sources: tuple[str, ...]
    target: str | Mapping[str, str] | None = None
    permission: str = HANDLE
    guards: tuple[Guard, ...] = ()
    url_name: str = ""
    document: str = ""
    help: str = ""

    def target_for(self, case: Case, branch: str | None = None) -> str:
        if self.target is None:
            return case.state
        if isinstance(self.target, str):
            return self.target
        if branch not in self.target:
            raise ValueError(f"step {self.name!r} has no branch {branch!r}")
        return self.target[branch]

    @property
    def targets(self) -> tuple[str, ...]:
        if self.target is None:
            return ()
        return (self.target,) if isinstance(self.target, str) else tuple(dict.fromkeys(self.target.values()))

    @property
    def who(self) -> str:
        """Who may take the step, as the progress view says it."""
        return PERMISSION_LABELS[self.permission]

    def check(self, case: Case) -> None:
        """Refuse (RuleViolation) unless the case stands where this step may be taken and its guards hold."""
        failing = self.failing(case)
        if failing:
            raise failing[0]

    def applies(self, case: Case) -> bool:
        """Whether the step is on this case's path (its path guards hold)."""
        for guard in self.guards:
            if getattr(guard, "path", False):
                try:
                    guard(case)
                except RuleViolation:
                    return False
        return True

    def blocker(self, case: Case) -> RuleViolation | None:
        failing = self.failing(case)
        return failing[0] if failing else None

    def failing(self, case: Case) -> tuple[RuleViolation, Guard | None] | None:
        """What refuses the step now, and the guard that does (None when the case's state does), or None."""
        if case.state not in self.sources:
            return RuleViolation(STATE_FORBIDS, f"当前为“{case.get_state_display()}”，不能{self.label}"), None
        for guard in self.guards:
            try:
                guard(case)
            except RuleViolation as violation:
                return violation, guard
        return None


@dataclass(frozen=True)
class NextStep:
    step: Step
    blocker: RuleViolation | None  # why the step cannot be taken now (its guard's rule), or None
    guard: Guard | None = None  # the guard that blocks it (see unblocked_by), or None

    @property
    def open(self) -> bool:
        return self.blocker is None


@dataclass(frozen=True)
class ProgressRow:
    step: Step
    done_at: object  # the datetime of the last time the step was taken, or None
    status: str  # "done", "next", "blocked", "waiting" (not reached), "skipped" (gone past), "not_applicable"
    blocker: RuleViolation | None = None
    guard: Guard | None = None  # the guard that blocks the step, or None


@dataclass
class Workflow:
    """The table of steps of one regime's case model, in the order a case usually meets them."""

    model: type[Case]
    steps: tuple[Step, ...]
    _by_name: dict[str, Step] = field(init=False, repr=False)

    def __post_init__(self):
        self._by_name = {step.name: step for step in self.steps}
        if len(self._by_name) != len(self.steps):
            raise ValueError(f"duplicate step names in the workflow of {self.model.__name__}")
        states = {value for value, _ in self.model._meta.get_field("state").choices}
        for step in self.steps:
            unknown = (set(step.sources) | set(step.targets)) - states
            if unknown:
                raise ValueError(f"step {step.name!r} names unknown states {sorted(unknown)}")
        WORKFLOWS[self.model] = self

    def __getitem__(self, name: str) -> Step:
        return self._by_name[name]

    def __iter__(self):
        return iter(self.steps)

    def run(self, name: str, *, case: Case, actor: User, **kwargs):
        """Take step `name` on `case` (casework.services.case_transition); returns (case, what `apply` made)."""
        from .services import case_transition  # the services build on this module

        return case_transition(model=self.model, pk=case.pk, actor=actor, step=self[name], **kwargs)

    def next_label(self, case: Case) -> str:
        """What the case waits for, as a list shows it for every row: the first step of the table that moves it on
        from its state and is on its path. Reads the state and the path guards only (never a readiness guard, no
        query); the case page says whether the step can be taken now."""
        for step in self.steps:
            if case.state in step.sources and step.target is not None and step.applies(case):
                return step.label
        return ""

    def may(self, user: User, case: Case, step: Step | str) -> bool:
        """Whether `user` holds the permission `step` needs on `case` (not whether the case is ready for it)."""
        step = self[step] if isinstance(step, str) else step
        return user_may(user, case, step.permission)

    def next_steps(self, user: User, case: Case, progress: list[ProgressRow] | None = None) -> list[NextStep]:
        """The steps on the case's path that `user` may take from its state, each with what blocks it now (or None).

        Read off `progress` (the case's progress rows, made here when not given), so a page that shows both
        evaluates each guard once."""
        rows = self.progress(case) if progress is None else progress
        return [
            NextStep(row.step, row.blocker, row.guard)
            for row in rows
            if row.status in ("next", "blocked") and row.step.applies(case) and self.may(user, case, row.step)
        ]

    def progress(self, case: Case) -> list[ProgressRow]:
        """Every step in table order: done (when), next (open now), blocked (why), waiting (not reached), skipped
        (not taken, and the case has gone past it) or not applicable (off the case's path)."""
        done: dict[str, object] = dict(
            CaseEvent.objects.filter(of_case(case)).exclude(step="").order_by("at", "id").values_list("step", "at")
        )
        rows = []
        for step in self.steps:
            if step.name not in done and not step.applies(case):
                rows.append(ProgressRow(step, None, "not_applicable"))
            elif case.state in step.sources:
                blocker, guard = step.failing(case) or (None, None)
                status = "blocked" if blocker else "next"
                rows.append(ProgressRow(step, done.get(step.name), status, blocker, guard))
            elif step.name in done:
                rows.append(ProgressRow(step, done[step.name], "done"))
            else:
                rows.append(ProgressRow(step, None, "waiting"))
        # A step the case went past without taking it (before the last step taken, in table order) was skipped.
        last = max((i for i, row in enumerate(rows) if row.done_at is not None), default=-1)
        return [ProgressRow(row.step, None, "skipped") if row.status == "waiting" and i < last else row
                for i, row in enumerate(rows)]
