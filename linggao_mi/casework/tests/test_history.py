"""Every case and every record of a case keeps history, and history names who acted, in a request or not."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model

from linggao_mi.attachments.models import Attachment
from linggao_mi.casework.history import acting_user, history_user, system_user
from linggao_mi.casework.models import CaseEvent
from linggao_mi.casework.registry import CASE_MODELS
from linggao_mi.casework.services import case_create
from linggao_mi.casework.workflow import CREATE, HANDLE, Step, Workflow
from linggao_mi.deadlines.models import Deadline, DeadlineRule
from linggao_mi.deadlines.services import deadline_open
from tests.caseapp.models import DemoCase, DemoState

# The case's timeline is itself the record of what was done, by whom and when: it is written once, never changed.
NOT_HISTORIED = {CaseEvent}


def _case_related_models() -> set:
    """The case models and every model whose rows belong to a case: a foreign key to a case or to such a row, or a
    generic `case` (documents, deadlines, attachments)."""
    candidates = [
        m
        for m in apps.get_models()
        if not m._meta.auto_created
        and not m.__name__.startswith("Historical")
        and not issubclass(m, UserObjectPermissionBase | GroupObjectPermissionBase)
    ]
    related = set(CASE_MODELS)
    related |= {m for m in candidates if isinstance(getattr(m, "case", None), GenericForeignKey)}
    grew = True
    while grew:
        grew = False
        for model in candidates:
            if model in related:
                continue
            if any(f.concrete and f.is_relation and f.related_model in related for f in model._meta.fields):
                related.add(model)
                grew = True
    return related - NOT_HISTORIED


def _has_history(model) -> bool:
    try:
        get_history_manager_for_model(model)
    except NotHistoricalModelError:
        return False
    return True


def test_every_case_model_and_its_records_keep_history():
    related = _case_related_models()
    names = {m._meta.label for m in related}
    # the traversal finds what the issue names (documents, findings, site records, testing, extensions, …)
    assert {
        "documents.OfficialDocument", "attachments.Attachment", "deadlines.Deadline", "energy.Finding",
        "energy.SiteRecord", "energy.TestingCommission", "energy.ExtensionRequest", "energy.CheckStepRecord",
        "inspections.FileScore", "inspections.DiscretionUse", "infoproj.TenderFiling", "infoproj.WeeklyRecord",
    } <= names
    assert set(CASE_MODELS) <= related
    assert sorted(m._meta.label for m in related if not _has_history(m)) == []


# --- who acted, outside a request ------------------------------------------------------------------------------

STEPS = (
    Step("open", "登记", (), DemoState.OPEN, CREATE),
    Step("note", "记录情况", (DemoState.OPEN,), None, HANDLE),
)


@pytest.mark.django_db
def test_services_called_outside_a_request_record_the_acting_user(users):
    from linggao_mi.org.models import Section

    assert acting_user() is None  # no request, nobody named
    inspector = users["inspector1"]
    section = Section.objects.get(code="industry")
    case = case_create(model=DemoCase, actor=inspector, section=section, state=DemoState.OPEN)
    assert case.history.get().history_user == inspector
    from linggao_mi.casework.services import case_grant_access

    case_grant_access(case=case, inspectors=[inspector])
    DeadlineRule.objects.create(code="t-hist", name="整改", amount=5, unit="days", citation="三（四）6(4)")

    def apply(c):
        c.name = "改名"
        return deadline_open(case=c, rule_code="t-hist", start=c.created_at.date(), responsible=[inspector])

    _, deadline = Workflow(DemoCase, STEPS).run("note", case=case, actor=inspector, apply=apply)
    assert case.history.latest().history_user == inspector and case.history.latest().name == "改名"
    assert Deadline.history.get(id=deadline.pk).history_user == inspector  # a record the step wrote
    assert acting_user() is None  # and nobody after the service returned


@pytest.mark.django_db
def test_history_user_nests_and_the_system_user_cannot_log_in(users):
    system = system_user()
    assert system_user() == system and not system.is_active and not system.has_usable_password()
    with history_user(system):
        with history_user(users["chief"]):
            assert acting_user() == users["chief"]
        assert acting_user() == system
    assert acting_user() is None


@pytest.mark.django_db
def test_an_attachment_added_outside_a_request_names_its_uploader(case, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from linggao_mi.attachments.services import attachment_add
    from linggao_mi.attachments.tests.test_attachments import png_bytes

    attachment = attachment_add(
        actor=users["inspector2"], case=case, upload=SimpleUploadedFile("p.png", png_bytes())
    )
    assert Attachment.history.get(id=attachment.pk).history_user == users["inspector2"]
