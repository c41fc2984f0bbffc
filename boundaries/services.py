"""Every write to the boundary table; each checks the actor's permission and records history."""

from collections.abc import Iterable

from django.contrib.auth.models import User

from linggao_mi.org.models import Department
from linggao_mi.registers import create_row, update_row

from .models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis


def boundary_matter_update(*, actor: User, matter_id: int, name: str, reason: str = "") -> BoundaryMatter:
    return update_row(BoundaryMatter, matter_id, actor=actor, reason=reason, name=name)


def assignment_update(
    *, actor: User, assignment_id: int, department: Department, order: int, duties: str, reason: str = ""
) -> Assignment:
    return update_row(
        Assignment, assignment_id, actor=actor, reason=reason, department=department, order=order, duties=duties
    )


def assignment_create(
    *,
    actor: User,
    matter_id: int,
    department: Department,
    duties: str,
    order: int | None = None,
    reason: str = "",
) -> Assignment:
    """A department's share in a matter; without an order it goes last."""
    return create_row(
        Assignment,
        actor=actor,
        reason=reason,
        parent=("matter", matter_id),
        order=order,
        department=department,
        duties=duties,
    )


def legal_basis_update(*, actor: User, basis_id: int, order: int, text: str, reason: str = "") -> LegalBasis:
    return update_row(LegalBasis, basis_id, actor=actor, reason=reason, order=order, text=text)


def legal_basis_create(
    *, actor: User, matter_id: int, text: str, order: int | None = None, reason: str = ""
) -> LegalBasis:
    """A legal basis of a matter; without an order it goes last."""
    return create_row(
        LegalBasis, actor=actor, reason=reason, parent=("matter", matter_id), order=order, text=text
    )


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
    return update_row(
        BoundaryCase,
        case_id,
        actor=actor,
        reason=reason,
        order=order,
        title=title,
        text=text,
        departments=departments,
    )


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
    """A case of a matter; without an order it goes last."""
    return create_row(
        BoundaryCase,
        actor=actor,
        reason=reason,
        parent=("matter", matter_id),
        order=order,
        title=title,
        text=text,
        departments=departments,
    )
