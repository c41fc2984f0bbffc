from django.contrib.auth.models import User

from .choices import Role


def user_role(user: User) -> str | None:
    profile = getattr(user, "profile", None)
    return profile.role if profile else None


def user_sees_everything(user: User) -> bool:
    """Leaders and admins see every case of every section (DESIGN.md §1)."""
    return user.is_superuser or user_role(user) in (Role.LEADER, Role.ADMIN)
