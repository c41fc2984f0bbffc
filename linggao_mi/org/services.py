from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from django.db.models import Q

from .choices import Role
from .models import Section, StaffProfile
from .roles import role_permissions

SECTION_GROUP_PREFIX = "股室:"


def roles_sync() -> None:
    """Make each role's group hold exactly the permissions role_permissions() gives it."""
    for role, names in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        query = Q(pk__in=[])
        for name in names:
            app_label, codename = name.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))


def section_group(section: Section) -> Group:
    """The group of a section's members; object permissions on the section's cases go to it."""
    group, _ = Group.objects.get_or_create(name=f"{SECTION_GROUP_PREFIX}{section.code}")
    return group


@transaction.atomic
def staff_set_role(*, user: User, role: Role, section: Section | None = None, phone: str = "") -> StaffProfile:
    """Give `user` a role and a section, with exactly the matching role group and section group."""
    profile, _ = StaffProfile.objects.update_or_create(
        user=user, defaults={"role": role, "section": section, "phone": phone}
    )
    user.groups.remove(*Group.objects.filter(Q(name__in=Role.values) | Q(name__startswith=SECTION_GROUP_PREFIX)))
    user.groups.add(Group.objects.get(name=role))
    if section is not None:
        user.groups.add(section_group(section))
    user.is_staff = role == Role.ADMIN
    user.save(update_fields=["is_staff"])
    return profile


@transaction.atomic
def certificates_restrict(*, holder: User, status: str, from_day, reason: str) -> list:
    """Suspend or revoke `holder`'s certificates from `from_day` (a fault sanction of 三（一）6): each certificate still
    valid that day changes status, effective that day, so checks of any earlier day still find it valid."""
    from .models import Certificate

    changed = []
    for certificate in Certificate.objects.select_for_update().valid_on(from_day).filter(holder=holder):
        certificate.status, certificate.status_from, certificate.status_reason = status, from_day, reason[:200]
        certificate._change_reason = reason[:100]
        certificate.save(update_fields=["status", "status_from", "status_reason"])
        changed.append(certificate)
    return changed
