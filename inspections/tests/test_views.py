"""The pages over the services: 法制审核 sent from the case page and decided in the queue, a penalty recommendation
on an energy case through the generic page (refused outside the range with the clause, kept with the case)."""

import pytest
from django.contrib.contenttypes.models import ContentType

from energy.tests.factories import InspectionCaseFactory
from inspections.models import DiscretionStandard, DiscretionUse, LegalReview

from .conftest import open_supervision


@pytest.mark.django_db
def test_legal_review_from_the_case_page_to_the_queue(client, users, sme):
    case = open_supervision(users, sme)
    client.force_login(users["inspector1"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "送法制审核：执法监督通知（决定）书" in page
    client.post(f"/inspections/legal/send/{case.notice_document.pk}/")
    review = LegalReview.objects.get()
    assert client.get(f"/inspections/legal/{review.pk}/").status_code == 404  # outside their scope, as missing
    client.force_login(users["legal"])
    assert case.reference in client.get("/inspections/legal/").content.decode()
    refused = client.post(f"/inspections/legal/{review.pk}/", {"passed": "0", "opinion": ""})
    assert refused.status_code == 200 and "书面审核意见" in refused.content.decode()
    client.post(f"/inspections/legal/{review.pk}/", {"passed": "1", "opinion": "同意"})
    review.refresh_from_db()
    assert review.state == "passed" and review.reviewer == users["legal"]


@pytest.mark.django_db
def test_a_penalty_recommendation_through_the_page(client, users):
    case = InspectionCaseFactory(inspectors=[users["inspector1"]], actor=users["inspector1"])
    general = DiscretionStandard.objects.get(article="第八十四条").circumstances.get(kind="general")  # 16 000–24 000
    url = f"/inspections/penalty/{ContentType.objects.get_for_model(case).pk}/{case.pk}/"
    client.force_login(users["staff"])
    assert client.get(url).status_code == 403
    client.force_login(users["inspector1"])
    case_page = client.get(case.get_absolute_url()).content.decode()
    assert "处罚裁量建议（三（二））" in case_page and f'href="{url}"' in case_page  # reached from the case page
    page = client.get(url).content.decode()
    assert "建议罚款16,000元至24,000元" in page
    refused = client.post(url, {"circumstance": general.pk, "amount": 24_001, "reasons": "拒不改正"})
    assert "三（二）" in refused.content.decode() and not DiscretionUse.objects.exists()
    done = client.post(url, {"circumstance": general.pk, "amount": 24_000, "reasons": "拒不改正，无从轻情节"})
    assert done.status_code == 302 and DiscretionUse.objects.get().amount == 24_000
    case_page = client.get(case.get_absolute_url()).content.decode()
    assert "建议罚款24,000元；理由：拒不改正，无从轻情节" in case_page
