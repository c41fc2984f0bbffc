import datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from linggao_mi.org.choices import CertificateStatus, Role
from linggao_mi.org.models import Certificate, Department, Section
from tests.factories import CertificateFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sections_and_departments_from_the_source():
    assert list(Section.objects.values_list("name", flat=True)) == ["工业股", "中小企业股", "信息技术股"]
    assert set(Department.objects.filter(is_bureau=False).values_list("name", flat=True)) == {
        "县住建局", "县机关事务管理局", "县公安局", "县林业局", "县交通局县公路局", "县国土局",
        "县海渔局", "省农垦总局驻临高办事处", "县发改委", "县安监局", "县环保局",
    }


def test_certificate_valid_on_requires_active_status_and_date_in_range():
    day = datetime.date(2026, 6, 1)
    ok = CertificateFactory(valid_from=day, valid_to=day)
    CertificateFactory(valid_from=day, valid_to=day, status=CertificateStatus.SUSPENDED)
    CertificateFactory(valid_from=day, valid_to=day, status=CertificateStatus.REVOKED)
    CertificateFactory(valid_from=day + datetime.timedelta(days=1), valid_to=day + datetime.timedelta(days=9))
    CertificateFactory(valid_from=day - datetime.timedelta(days=9), valid_to=day - datetime.timedelta(days=1))
    assert list(Certificate.objects.valid_on(day)) == [ok]
    assert ok.is_valid_on(day) and not ok.is_valid_on(day + datetime.timedelta(days=1))


def test_demo_accounts_one_per_role_and_rerun_keeps_data():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    from django.contrib.auth.models import User

    roles = dict(User.objects.values_list("username", "profile__role"))
    assert roles == {
        "admin": "admin", "leader": "leader", "chief": "chief", "legal": "legal",
        "inspector1": "inspector", "inspector2": "inspector", "staff": "staff", "itchief": "chief", "itstaff": "staff",
    }
    assert Section.objects.get(code="industry").chief.username == "chief"
    assert Section.objects.get(code="it").chief.username == "itchief"
    today = datetime.date.today()
    assert Certificate.objects.valid_on(today).filter(holder__username__startswith="inspector").count() == 2
    assert User.objects.get(username="leader").check_password("linggao-demo")


@override_settings(DEMO_ACCOUNTS_ALLOWED=False)
def test_demo_accounts_refused_where_settings_forbid():
    with pytest.raises(CommandError, match="不允许创建演示账号"):
        call_command("load_demo")


def test_login_locks_account_after_repeated_failures(client, users):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "t_staff", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "t_staff", "password": "pw-for-tests"})
    assert response.status_code == 429
    assert "账号已暂时锁定" in response.content.decode()


def test_workspace_needs_login_then_shows_role_menu(client, users):
    assert client.get("/workspace/").status_code == 302
    client.force_login(users["admin"])
    body = client.get("/workspace/").content.decode()
    assert "工作台" in body and "组织与执法证" in body
    client.force_login(users["inspector1"])
    body = client.get("/workspace/").content.decode()
    assert "执法人员" in body and "组织与执法证" not in body


def test_404_page_is_in_chinese(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_login_with_the_right_password_reaches_workspace_and_logout_leaves(client, users):
    response = client.post("/accounts/login/", {"username": "t_chief", "password": "pw-for-tests"})
    assert response.status_code == 302 and response["Location"] == "/workspace/"
    assert client.get("/workspace/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/workspace/").status_code == 302


def test_wrong_password_gets_a_chinese_message(client, users):
    response = client.post("/accounts/login/", {"username": "t_chief", "password": "nope"})
    assert response.status_code == 200 and "请输入一个正确的用户名和密码" in response.content.decode()


def test_role_groups_follow_the_role_table(users):
    chief = users["chief"]
    assert chief.has_perm("services.change_serviceitem")
    assert not users["inspector1"].has_perm("services.change_serviceitem")
    assert set(chief.groups.values_list("name", flat=True)) == {"chief", "股室:industry"}


def test_every_permission_the_role_table_names_exists():
    from django.contrib.auth.models import Permission

    from linggao_mi.org.roles import role_permissions

    rows = Permission.objects.values_list("content_type__app_label", "codename")
    existing = {f"{app}.{codename}" for app, codename in rows}
    named = {name for names in role_permissions().values() for name in names}
    assert named - existing == set()


def test_admin_role_sees_every_energy_case_read_only(users):
    admin = UserFactory(username="t_plain_admin", role=Role.ADMIN)
    admin.is_superuser = False
    admin.save()
    assert admin.has_perm("energy.view_inspectioncase") and admin.has_perm("energy.view_writtenreply")
    for action in ("add", "change", "decide"):
        assert not admin.has_perm(f"energy.{action}_inspectioncase"), action


def test_energy_case_permissions_by_role(users):
    """Globally: inspectors and chiefs open cases, leaders see every case and decide on any; handling a case (and a
    chief's deciding) is an object permission granted with the case, so no role holds change or decide globally
    except a leader's decide."""
    def perms(role: str) -> set[str]:
        user = User.objects.get(pk=users[role].pk)  # fresh: no cached permissions
        return {p for p in ("add", "view", "change", "decide") if user.has_perm(f"energy.{p}_inspectioncase")}

    assert perms("inspector1") == {"add"} and perms("chief") == {"add"}
    assert perms("leader") == {"view", "decide"}
    assert perms("staff") == set() and perms("legal") == set()


def test_loading_registers_again_keeps_staff_edits():
    from services.models import ServiceItem

    item = ServiceItem.objects.get(number=1)
    item.phones = "28270000"
    item.save()
    call_command("load_registers", verbosity=0)
    assert ServiceItem.objects.get(number=1).phones == "28270000"
    assert ServiceItem.objects.count() == 7


def test_loading_registers_adds_rows_that_a_newer_fixture_brings():
    from duties.models import Regime

    Regime.objects.filter(number=9).delete()
    call_command("load_registers", verbosity=0)
    assert Regime.objects.get(number=9).name == "信息化标准执行情况监管"


def test_rows_added_after_loading_registers_get_fresh_ids():
    """The fixtures bring their primary keys; new rows must not collide with them (PostgreSQL sequences)."""
    section = Section.objects.create(name="综合股", code="general")
    assert section.pk > 3
