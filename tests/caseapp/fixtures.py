"""Fixtures for the shared machinery's tests: a concrete case with its access granted, media in a temp dir.

Imported by the conftest of linggao_mi/documents/tests and linggao_mi/attachments/tests.
"""

import pytest
from django.db import connection

from linggao_mi.casework.services import case_create, case_grant_access
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import UserFactory

from .models import DemoCase


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_case(users):
    def make(*, section_code="industry", inspectors=None, state="open", created_by=None):
        section = Section.objects.get(code=section_code)
        case = case_create(
            model=DemoCase, actor=created_by or users["inspector1"], section=section, state=state
        )
        case_grant_access(
            case=case,
            inspectors=inspectors if inspectors is not None else [users["inspector1"], users["inspector2"]],
        )
        return case

    return make


@pytest.fixture
def case(make_case):
    """An open case of 工业股 handled by inspector1 and inspector2; the chief may change it."""
    return make_case()


@pytest.fixture
def outsider(db):
    """An inspector of another section: sees none of 工业股's cases."""
    return UserFactory(username="t_outsider", role=Role.INSPECTOR, section=Section.objects.get(code="sme"))


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks, concurrent transactions)")
