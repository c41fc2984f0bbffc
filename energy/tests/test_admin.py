"""Every energy model is in the admin, read-only: its pages open, nothing can be added, changed or deleted there."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalChanges

from energy import services
from energy.fixed_asset import services as fixed_asset_services
from energy.fixed_asset.choices import ChangeKind, MeasureKind, TriggerCode
from energy.services import RecommendationInput
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from linggao_mi.org.models import Department

from . import fixed_asset_helpers as fixed_asset
from .conftest import TODAY, decide_violation, on, onsite_recorded, scan, violation_findings

pytestmark = pytest.mark.django_db
MODELS = [m for m in apps.get_app_config("energy").get_models() if not issubclass(m, HistoricalChanges)]


@pytest.fixture
def everything(users, unit):
    """One case with a record of every kind: findings, site record, testing, written reply, recommendation,
    extension request (and the object permissions its inspectors and section hold)."""
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    actor = users["inspector1"]
    testing = services.testing_commission(actor=actor, case=case, agency_name="检测中心临高站",
                                          qualification_number="CMA-1", items="能效", commissioned_on=TODAY())
    services.testing_result_record(actor=actor, case=case, testing=testing, results="合格", results_on=TODAY())
    services.reply_require(actor=actor, case=case, questions="请说明临高厂区电动机的使用情况", days=5)
    services.reply_receive(actor=actor, case=case, received_on=TODAY(), summary="已答复", upload=scan())
    recommendation = RecommendationInput(Department.objects.get(name="县发改委"), "第七十一条", "使用淘汰设备")
    case = decide_violation(users, case, ended_on=TODAY(), actor="chief", recommendation=recommendation)
    document = case.outcome_document
    document_submit(actor=actor, document=document)
    document_approve(actor=users["leader"], document=document)  # the chief drafted it
    document_issue(actor=users["leader"], document=document)
    document_serve(actor=actor, document=document, method="direct", served_on=TODAY(), recipient="王建国")
    case.refresh_from_db()
    with on(case.rectification_deadline.due):
        services.extension_request(actor=actor, case=case, received_on=TODAY(), requested_months=1,
                                   reasons="采购周期长", upload=scan())
    # 三（五）: a project with a change and a trigger, a check fed back with its step records and a measure.
    prj = fixed_asset.project(users, unit)
    fixed_asset_services.project_change_record(
        actor=users["staff"], project=prj, kind=ChangeKind.SCALE, description="产能扩大",
        expected_annual_consumption_tce=Decimal("1100.00"),
    )
    fixed_asset_services.trigger_record(
        actor=actor, project=prj, code=TriggerCode.BELOW_STANDARD, since=TODAY(), facts="临高厂区电机能效不达标",
    )
    check = fixed_asset.fed_back(users, fixed_asset.plan(users, prj))
    fixed_asset_services.measure_decide(actor=users["chief"], case=check, kind=MeasureKind.CREDIT,
                                        facts="临高厂区主要用能设备不符合强制性节能标准")


def test_every_energy_model_is_registered_read_only():
    assert len(MODELS) == 18  # 10 of 三（四）, 8 of 三（五）
    for model in MODELS:
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(None)
        assert not model_admin.has_change_permission(None)
        assert not model_admin.has_delete_permission(None)
        assert model_admin.list_display and model_admin.search_fields, model
        assert isinstance(model_admin, SimpleHistoryAdmin) == hasattr(model, "history"), model


@pytest.fixture
def inspector_of_records(users):
    """A staff user of the admin site holding the view permission of every energy model."""
    user = users["admin"]
    views = Permission.objects.filter(content_type__app_label="energy", codename__startswith="view_")
    user.user_permissions.add(*views)
    return user


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_pages_open_and_refuse_writes(client, inspector_of_records, everything, model):
    client.force_login(inspector_of_records)
    opts = model._meta
    obj = model.objects.order_by("pk").first()

    def url(name, *args):
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)

    assert client.get(url("changelist")).status_code == 200
    assert client.get(url("changelist"), {"q": "临高"}).status_code == 200
    page = client.get(url("change", obj.pk))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    if hasattr(model, "history"):
        assert client.get(url("history", obj.pk)).status_code == 200
    assert client.get(url("add")).status_code == 403
    assert client.post(url("change", obj.pk), {}).status_code == 403
    assert client.post(url("delete", obj.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()
