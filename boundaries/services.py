"""Every write to the boundary table; each checks the actor's permission and records history."""

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.org.models import Department
from linggao_mi.registers import next_order, require_perm, save_with_history

from .models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis


@transaction.atomic
def boundary_matter_update(*, actor: User, matter_id: int, name: str, reason: str = "") -> BoundaryMatter:
    require_perm(actor, "boundaries.change_boundarymatter")
    matter = BoundaryMatter.objects.select_for_update().get(pk=matter_id)
    matter.name = name
    return save_with_history(matter, actor=actor, reason=reason)


@transaction.atomic
def assignment_update(
    *, actor: User, assignment_id: int, department: Department, order: int, duties: str, reason: str = ""
) -> Assignment:
    require_perm(actor, "boundaries.change_assignment")
    assignment = Assignment.objects.select_for_update().get(pk=assignment_id)
    assignment.department, assignment.order, assignment.duties = department, order, duties
    return save_with_history(assignment, actor=actor, reason=reason)


@transaction.atomic
def assignment_create(
    *,
    actor: User,
    matter_id: int,
    department: Department,
    duties: str,
    order: int | None = None,
    reason: str = "",
) -> Assignment:
    require_perm(actor, "boundaries.add_assignment")
    matter = BoundaryMatter.objects.select_for_update().get(pk=matter_id)
    assignment = Assignment(
        matter=matter,
        department=department,
        duties=duties,
        order=order or next_order(matter.assignments.all()),
    )
    return save_with_history(assignment, actor=actor, reason=reason)


@transaction.atomic
def legal_basis_update(*, actor: User, basis_id: int, order: int, text: str, reason: str = "") -> LegalBasis:
    require_perm(actor, "boundaries.change_legalbasis")
    basis = LegalBasis.objects.select_for_update().get(pk=basis_id)
    basis.order, basis.text = order, text
    return save_with_history(basis, actor=actor, reason=reason)


@transaction.atomic
def legal_basis_create(
    *, actor: User, matter_id: int, text: str, order: int | None = None, reason: str = ""
) -> LegalBasis:
    require_perm(actor, "boundaries.add_legalbasis")
    matter = BoundaryMatter.objects.select_for_update().get(pk=matter_id)
    basis = LegalBasis(matter=matter, text=text, order=order or next_order(matter.legal_bases.all()))
    return save_with_history(basis, actor=actor, reason=reason)


@transaction.atomic
def boundary_case_update(
    *,
    actor: User,
    case_id: int,
    order: int,
    title: str,
    text: str,
    departments: Iterable[Department],
    reason: str = "",
) -> BoundaryCase:
    require_perm(actor, "boundaries.change_boundarycase")
    case = BoundaryCase.objects.select_for_update().get(pk=case_id)
    case.order, case.title, case.text = order, title, text
    departments = list(departments)
    return save_with_history(
        case, actor=actor, reason=reason, after_save=lambda: case.departments.set(departments)
    )


@transaction.atomic
def boundary_case_create(
    *,
    actor: User,
    matter_id: int,
    title: str,
    text: str,
    departments: Iterable[Department] = (),
    order: int | None = None,
    reason: str = "",
) -> BoundaryCase:
    require_perm(actor, "boundaries.add_boundarycase")
    matter = BoundaryMatter.objects.select_for_update().get(pk=matter_id)
    case = BoundaryCase(matter=matter, title=title, text=text, order=order or next_order(matter.cases.all()))
    departments = list(departments)
    return save_with_history(
        case, actor=actor, reason=reason, after_save=lambda: case.departments.set(departments)
    )
