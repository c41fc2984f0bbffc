"""The outcome form asks only what the chosen outcome needs (三（四）6): the outcome first, then its own fields — by
htmx in place, or by the chooser's plain links without JavaScript; its dates default from the case."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from energy import services
from energy.choices import CaseState, CheckItem, FindingResult, Mode, Outcome
from energy.forms import OutcomeForm

from .conftest import days, on, onsite_recorded, plan, scan, serve_notice, violation_findings

pytestmark = pytest.mark.django_db

PATH_ONLY = {"rectification_requirements", "rectification_months", "suggestions", "rec_department", "rec_basis",
             "rec_facts"}


def names(html: str) -> set[str]:
    """The fields a POST of the page's form would send (the step form only, not the chooser's links)."""
    form = re.search(r'<form method="post" class="form step-form".*?</form>', html, re.S)
    return set(re.findall(r'name="(\w+)"', form.group(0))) - {"csrfmiddlewaretoken"} if form else set()


def get(client, user, case, query="", **headers):
    client.force_login(user)
    response = client.get(reverse("energy:case_outcome", args=[case.pk]) + query, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def recorded_case(users, unit):
    return onsite_recorded(users, unit)


def test_the_outcome_is_asked_first_with_nothing_else(client, users, recorded_case):
    html = get(client, users["inspector1"], recorded_case)
    assert names(html) == set()  # no form to post yet
    for outcome in Outcome:
        assert f'href="?outcome={outcome.value}"' in html and outcome.label in html


@pytest.mark.parametrize(
    ("outcome", "asked"),
    [
        (Outcome.VIOLATION, {"rectification_requirements", "rectification_months"}),
        (Outcome.UNREASONABLE, {"suggestions"}),
        (Outcome.DIRECT_PENALTY, {"rec_department", "rec_basis", "rec_facts"}),
        (Outcome.NONE, set()),
    ],
)
def test_each_outcome_asks_only_its_own_fields(client, users, recorded_case, outcome, asked):
    html = get(client, users["inspector1"], recorded_case, f"?outcome={outcome.value}")
    fields = names(html)
    assert fields & PATH_ONLY == asked
    assert {"outcome", "ended_on", "late_reason"} <= fields
    assert f'<input type="hidden" name="outcome" value="{outcome.value}">' in html
    assert 'aria-current="true"' in html and html.count('class="choice chosen"') == 1


def test_the_findings_of_the_record_are_folded_away_not_asked_again(client, users, recorded_case):
    html = get(client, users["inspector1"], recorded_case, "?outcome=violation")
    folded = re.search(r'<details class="folded".*?</details>', html, re.S).group(0)
    assert 'name="result_1"' in folded and 'name="result_4"' in folded
    assert 'name="result_1"' not in html.replace(folded, "")
    assert "<summary>修改监察内容的检查结果" in folded


def test_htmx_gets_the_form_body_alone(client, users, recorded_case):
    html = get(client, users["inspector1"], recorded_case, "?outcome=unreasonable", HX_Request="true")
    assert html.lstrip().startswith("<!-- ") or html.lstrip().startswith('<div id="step-form-body">')
    assert "<html" not in html and "<h1>" not in html
    assert names(html) & PATH_ONLY == {"suggestions"}
    full = get(client, users["inspector1"], recorded_case, "?outcome=unreasonable")
    assert "<html" in full and 'id="step-form-body"' in full  # the same body, in its page without JavaScript
    assert 'hx-get="?outcome=violation" hx-target="#step-form-body"' in full


def test_the_end_date_defaults_to_the_records_end_not_today(client, users, recorded_case):
    record = recorded_case.site_record
    assert timezone.localdate(record.ended_at) != timezone.localdate()
    form = OutcomeForm(case=recorded_case, initial={"outcome": "violation"})
    assert form.fields["ended_on"].initial == timezone.localdate(record.ended_at)
    html = get(client, users["inspector1"], recorded_case, "?outcome=violation")
    assert f'name="ended_on" value="{timezone.localdate(record.ended_at).isoformat()}"' in html


def test_a_written_inspection_states_its_findings_here_and_defaults_to_the_materials_day(client, users, unit):
    case = plan(users, unit, mode=Mode.WRITTEN, at=days(-20), items=[CheckItem.REPORTING])
    case = serve_notice(users, case)
    received = days(-5)
    with on(received):
        case = services.materials_receive(
            actor=users["inspector1"], case=case, received_on=received, paper=True, electronic=False,
            description="能源利用状况报告", uploads=[scan()],
        )
    html = get(client, users["inspector1"], case, "?outcome=unreasonable")
    assert 'class="folded"' not in html and "result_6" in names(html)
    assert f'name="ended_on" value="{received.isoformat()}"' in html


def test_a_punishable_violation_asks_for_the_referral_and_requires_it(client, users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    html = get(client, users["inspector1"], case, "?outcome=violation")
    assert names(html) & PATH_ONLY == {"rectification_requirements", "rectification_months", "rec_department",
                                       "rec_basis", "rec_facts"}
    as_posted = {"outcome": "violation", "ended_on": days(-10).isoformat(), "result_1": "violation",
                 "punishable_1": "on", "result_4": "compliant"}  # the folded findings, sent as recorded
    form = OutcomeForm(as_posted, case=case)
    assert not form.is_valid() and {"rec_department", "rec_basis", "rec_facts"} <= set(form.errors)


def test_posting_the_chosen_paths_fields_alone_decides(client, users, recorded_case):
    client.force_login(users["inspector1"])
    url = reverse("energy:case_outcome", args=[recorded_case.pk])
    day = timezone.localdate(recorded_case.site_record.ended_at).isoformat()
    findings = {f"result_{f.item}": f.result for f in recorded_case.findings.all()}
    findings |= {f"facts_{f.item}": f.facts for f in recorded_case.findings.all()}
    findings |= {f"basis_{f.item}": f.basis for f in recorded_case.findings.all()}
    response = client.post(url, {
        "outcome": "violation", "ended_on": day, "rectification_requirements": "淘汰电动机", "rectification_months": 3,
        **findings,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    recorded_case.refresh_from_db()
    assert recorded_case.state == CaseState.NOTICE_PENDING and recorded_case.rectification_months == 3
    assert recorded_case.findings.get(item=CheckItem.ELIMINATION).result == FindingResult.VIOLATION


def test_a_missing_path_field_is_asked_again_with_the_choice_kept(client, users, recorded_case):
    client.force_login(users["inspector1"])
    url = reverse("energy:case_outcome", args=[recorded_case.pk])
    html = client.post(url, {"outcome": "unreasonable", "ended_on": days(-10).isoformat()}).content.decode()
    assert 'name="suggestions"' in html and "rectification_requirements" not in names(html)
    assert 'class="choice chosen" href="?outcome=unreasonable"' in html
    recorded_case.refresh_from_db()
    assert recorded_case.state == CaseState.RECORDED
