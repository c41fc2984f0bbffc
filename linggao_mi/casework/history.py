"""Who made a change, for django-simple-history, wherever the change is made.

In a request HistoryRequestMiddleware names the logged-in user. Services called outside one (a Celery task, a
management command, the API's own code paths, a test) name theirs with `history_user(actor)`: it sets the same
context the middleware sets, so every historical row written meanwhile — on any model, through any save — carries
that user. The kit's services (case_create, case_transition, attachments) wrap their writes in it; every Celery
task runs as the system user unless it is already acting for someone (task_prerun below); commands that write
name the system user themselves.
"""

from contextlib import contextmanager
from types import SimpleNamespace

from celery.signals import task_postrun, task_prerun
from django.contrib.auth.models import User
from simple_history.models import HistoricalRecords

SYSTEM_USERNAME = "system"
_MISSING = object()


@contextmanager
def history_user(user: User | None):
    """Record `user` as the author of every history row written inside the block (nests; restores on exit)."""
    context = HistoricalRecords.context
    previous = getattr(context, "request", _MISSING)
    context.request = SimpleNamespace(user=user)
    try:
        yield user
    finally:
        if previous is _MISSING:
            try:
                del context.request
            except AttributeError:
                pass
        else:
            context.request = previous


def acting_user() -> User | None:
    """Who the history rows written now are recorded for (None when nobody is named)."""
    user = getattr(getattr(HistoricalRecords.context, "request", None), "user", None)
    return user if user is not None and user.is_authenticated else None


def system_user() -> User:
    """The account that scheduled jobs and commands act as: it cannot log in (no usable password, inactive)."""
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"first_name": "系统（定时任务）", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


_task_blocks: dict[str, object] = {}


@task_prerun.connect(dispatch_uid="casework.history.task_prerun")
def _task_acts_as_system(task_id=None, **kwargs):
    if acting_user() is None:  # a task run eagerly inside a request keeps the request's user
        block = history_user(system_user())
        block.__enter__()
        _task_blocks[task_id] = block


@task_postrun.connect(dispatch_uid="casework.history.task_postrun")
def _task_done(task_id=None, **kwargs):
    block = _task_blocks.pop(task_id, None)
    if block is not None:
        block.__exit__(None, None, None)
