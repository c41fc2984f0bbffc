"""The portal speaks zh-hans whatever the browser asks, shows its own error pages (also under `make run`'s settings),
titles every page "页面 — 临高县工业和信息化局", and answers one search across the public registers."""

import os
import subprocess
import sys

import pytest
from django import forms
from django.conf import settings
from django.test import Client

from duties.models import DutyItem
from linggao_mi.org.views import bad_request, server_error
from linggao_mi.search import NOTHING_FOUND, public_search
from services.models import ServiceItem

pytestmark = pytest.mark.django_db
REPO = settings.BASE_DIR
BUREAU = "临高县工业和信息化局"


@pytest.fixture
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    return client


# --- zh-hans only ------------------------------------------------------------------------------------------


def test_an_english_browser_gets_chinese_login_errors(english, users):
    body = english.post("/accounts/login/", {"username": "t_staff", "password": "wrong"}).content.decode()
    assert "请输入一个正确的" in body and "Please enter" not in body
    body = english.post("/accounts/login/", {"username": "", "password": ""}).content.decode()
    assert "该字段是必填项。" in body and "This field is required." not in body
    assert 'lang="zh-Hans"' in body


def test_an_english_api_client_gets_chinese_messages(english):
    response = english.get("/api/v1/deadline-rules/", HTTP_ACCEPT="application/json")
    assert response.status_code in (401, 403)
    assert response.json()["detail"] == "身份认证信息未提供。"


def test_labels_end_in_a_full_width_colon():
    class Form(forms.Form):
        name = forms.CharField(label="单位名称")

    assert Form()["name"].label_tag() == '<label for="id_name">单位名称：</label>'


def test_the_login_form_labels_read_chinese_with_full_width_colons(english):
    body = english.get("/accounts/login/").content.decode()
    assert "用户名" in body and "Username" not in body


# --- error pages ----------------------------------------------------------------------------------------------


def test_404_is_the_portals_chinese_page(english):
    response = english.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "页面不存在（404）" in body and f"<title>页面不存在 — {BUREAU}</title>" in body
    assert 'class="site-header"' in body and "Page not found" not in body


def test_404_under_make_run_settings_shows_no_url_list():
    """`make run` serves with linggao_mi.settings.local: asked in its own process, as runserver would be."""
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings; from django.test import Client\n"
        "r = Client(HTTP_HOST='127.0.0.1', HTTP_ACCEPT_LANGUAGE='en').get('/no-such-page/')\n"
        "print(settings.DEBUG, r.status_code); print(r.content.decode())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    env["DJANGO_SETTINGS_MODULE"] = "linggao_mi.settings.local"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert out.startswith("False 404")
    assert "页面不存在（404）" in out
    assert "URLconf" not in out and "api/v1/" not in out and "Using the URLconf" not in out


def test_site_url_follows_port():
    script = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | {
        "DJANGO_SETTINGS_MODULE": "linggao_mi.settings.local",
        "PORT": "8123",
    }
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "http://127.0.0.1:8123"
    made = subprocess.run(
        ["make", "-n", "run", "PORT=8124"], cwd=REPO, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert "http://127.0.0.1:8124/" in made and "runserver 127.0.0.1:8124" in made


def test_403_and_csrf_failure_are_chinese(users):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/accounts/login/", {"username": "t_staff", "password": "pw-for-tests"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "提交未被接受（403）" in body and "CSRF verification failed" not in body
    client.force_login(users["staff"])
    response = client.get("/admin/org/section/add/")  # staff is no admin: the admin's own login page or ours
    assert response.status_code in (302, 403)


def test_400_and_500_pages(rf):
    response = bad_request(rf.get("/"))
    assert response.status_code == 400 and "请求有误（400）" in response.content.decode()
    response = server_error(rf.get("/"))
    body = response.content.decode()
    assert response.status_code == 500 and "系统出错（500）" in body and f"<title>系统出错 — {BUREAU}</title>" in body
    assert "工作台导航" not in body  # rendered without the request: no menu, no user


# --- titles -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path,title",
    [
        ("/", "首页"),
        ("/services/", "公共服务事项"),
        ("/duties/", "部门职责登记表"),
        ("/boundaries/", "职责边界表"),
        ("/accounts/login/", "登录"),
    ],
)
def test_titles_read_page_dash_bureau(client, path, title):
    assert f"<title>{title} — {BUREAU}</title>" in client.get(path).content.decode()


@pytest.mark.parametrize("path", ["/", "/services/", "/duties/", "/boundaries/", "/tenders/", "/discretion/"])
def test_every_public_page_links_the_complaint_form_and_the_discretion_catalogue(client, path):
    """A visitor reaches 三（一）4(4)'s complaint form and 三（二）'s catalogue from the header of any public page."""
    body = client.get(path).content.decode()
    nav = body.split('class="public-nav"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/complaints/new/">投诉举报</a>' in nav
    assert '<a href="/discretion/">处罚裁量基准</a>' in nav
    assert client.get("/complaints/new/").status_code == 200
    assert client.get("/discretion/").status_code == 200


def test_workspace_pages_are_titled_too(client, users):
    client.force_login(users["inspector1"])
    for path, title in [("/workspace/", "工作台"), ("/notifications/", "通知"), ("/deadlines/", "期限")]:
        assert f"<title>{title} — {BUREAU}</title>" in client.get(path).content.decode()


# --- one search across the public registers ------------------------------------------------------------------------


def test_energy_saving_finds_the_service_items_their_phone_duty_4_3_and_the_boundary():
    result = public_search("节能")
    assert [h.item.name for h in result.services] == ["节能技术推广", "节能业务咨询", "节能、清洁生产政策宣传"]
    assert all(h.item.phone_list == ["28273128"] for h in result.services)
    codes = [h.item.code for h in result.duties]
    assert "4.3" in codes and all("节能" in h.item.text for h in result.duties)
    assert len(codes) == DutyItem.objects.filter(text__contains="节能").count()
    assert [a.matter.name for a in result.boundaries.answers] == ["节能管理"]
    assert result.message.startswith("找到职责边界事项1个、公共服务事项3项、部门职责工作事项")


def test_home_page_answers_energy_saving_with_the_phone_as_a_link(english):
    body = english.get("/", {"q": "节能"}).content.decode()
    assert body.index('id="lookup-h"') < body.index('id="services-h"')  # the question comes first
    assert 'href="tel:0898-28273128"' in body
    item = DutyItem.objects.get(duty__number=4, order=3)
    assert f'href="/duties/#item-{item.pk}"' in body and "工作事项 4.3" in body
    assert "<mark>节能</mark>监察" in body


def test_home_page_lists_every_service_item_with_its_phones(client):
    body = client.get("/").content.decode()
    for item in ServiceItem.objects.all():
        assert item.name in body
        for _number, href in item.phone_links:
            assert f'href="{href}"' in body
    for register in ("/services/", "/duties/", "/boundaries/"):
        assert f'href="{register}"' in body


def test_electricity_pole_on_the_home_page_finds_the_power_facility_matter(client):
    body = client.get("/", {"q": "电线杆"}).content.decode()
    assert "电力设施保护" in body and "<mark>电力设施</mark>" in body and "“电力设施”）" in body


def test_unknown_words_get_a_chinese_message(client):
    assert public_search("量子纠缠").message == NOTHING_FOUND.format(query="量子纠缠")
    assert "没有找到与“量子纠缠”有关的事项" in client.get("/", {"q": "量子纠缠"}).content.decode()


def test_home_htmx_request_gets_only_the_results(client):
    body = client.get("/", {"q": "无线电"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="search-results").content.decode()
    assert body.lstrip().startswith('<div id="search-results"') and "28277998" in body and "<html" not in body
