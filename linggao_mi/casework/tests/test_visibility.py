"""cases_visible answers exactly what guardian's object permissions grant, in one indexed filter.

The oracle is guardian's own get_objects_for_user over the rows case_grant_access writes; the selector reads
the case row (its section, its inspectors) instead. They must agree for every user after every kind of change
that moves a grant: cases created in any section with any inspectors, inspectors reassigned, people moved
between sections and roles, a chief replaced, accounts deactivated, an administrator.
"""

import random

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from guardian.shortcuts import get_objects_for_user

from energy.models import InspectionCase
from energy.tests.factories import InspectionCaseFactory, certified_inspector
from linggao_mi.casework.selectors import case_perm, cases_visible
from linggao_mi.casework.services import case_grant_access
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from linggao_mi.org.services import staff_set_role
from tests.caseapp.models import DemoCase
from tests.factories import CertificateFactory, UserFactory

pytestmark = pytest.mark.django_db


def granted(user, model) -> set[int]:
    """What guardian grants: the list selector's contract before it stopped reading the grant tables."""
    perm = case_perm(model, "view")
    return set(get_objects_for_user(user, perm, klass=model, accept_global_perms=True).values_list("pk", flat=True))


def visible(user, model) -> set[int]:
    return set(cases_visible(user, model.objects.all()).values_list("pk", flat=True))


def fresh(user):
    return User.objects.get(pk=user.pk)  # permission caches are per instance


def assert_same_for_everyone(model):
    for user in User.objects.all():
        assert visible(fresh(user), model) == granted(fresh(user), model), user
    assert visible(AnonymousUser(), model) == set()  # guardian has no anonymous user here (it would raise)


def test_equivalent_to_guardian_through_a_random_history_of_grants(make_case, users):
    rng = random.Random(11)
    sections = list(Section.objects.order_by("code"))
    people = [
        UserFactory(username=f"t_v{n}", role=rng.choice([Role.INSPECTOR, Role.STAFF, Role.CHIEF, Role.LEGAL]),
                    section=rng.choice(sections))
        for n in range(10)
    ] + [users["inspector1"], users["inspector2"], users["chief"], users["staff"]]
    cases = []
    for round_ in range(6):
        for _ in range(6):
            cases.append(
                make_case(section_code=rng.choice(sections).code, inspectors=rng.sample(people, rng.randint(0, 3)))
            )
        for case in rng.sample(cases, 4):  # inspectors reassigned
            case_grant_access(case=case, inspectors=rng.sample(people, rng.randint(0, 2)))
        for user in rng.sample(people, 3):  # moved to another section, another role, or out of every section
            role = rng.choice([Role.INSPECTOR, Role.STAFF, Role.LEGAL, Role.LEADER])
            staff_set_role(user=user, role=role, section=rng.choice(sections + [None]))
        section = rng.choice(sections)  # a new chief (existing cases keep the old chief's grants)
        section.chief = rng.choice(people)
        section.save(update_fields=["chief"])
        if round_ == 3:
            User.objects.filter(pk=rng.choice(people).pk).update(is_active=False)
        assert_same_for_everyone(DemoCase)


def test_equivalent_for_the_energy_cases_and_every_role(users, outsider):
    sme = Section.objects.get(code="sme")
    InspectionCaseFactory(inspectors=[users["inspector1"]], section=Section.objects.get(code="industry"))
    colleague = certified_inspector(section=sme)
    CertificateFactory(holder=outsider)
    InspectionCaseFactory(inspectors=[outsider], section=sme)
    mixed = InspectionCaseFactory(inspectors=[outsider, colleague], section=sme)
    staff_set_role(user=colleague, role=Role.INSPECTOR, section=Section.objects.get(code="industry"))
    case_grant_access(case=mixed, inspectors=[outsider, colleague])  # still on a case of the section they left
    assert_same_for_everyone(InspectionCase)
    every = set(InspectionCase.objects.values_list("pk", flat=True))
    assert visible(fresh(users["leader"]), InspectionCase) == every
    sme_cases = set(InspectionCase.objects.filter(section=sme).values_list("pk", flat=True))
    assert len(sme_cases) == 2 and visible(fresh(outsider), InspectionCase) == sme_cases


def test_one_query_without_the_grant_tables(users, make_case):
    make_case()
    inspector = fresh(users["inspector1"])
    inspector.get_all_permissions()  # the global-permission check reads these once per request
    with CaptureQueriesContext(connection) as queries:
        assert len(visible(inspector, DemoCase)) == 1
    assert len(queries) == 1
    sql = queries[0]["sql"]
    assert "objectpermission" not in sql.lower() and "guardian" not in sql.lower()
