"""What the models of infoproj share: money fields, the protected user link, the guardian tables of a case model and
the state badge."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

MONEY = dict(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"), "金额不能为负数。")])
USER = dict(on_delete=models.PROTECT, related_name="+")


def object_permissions(model):
    """Guardian's direct-foreign-key permission tables of a case model (DESIGN.md §5)."""
    name = model.__name__
    user = type(f"{name}UserObjectPermission", (UserObjectPermissionBase,), {
        "__module__": __name__, "content_object": models.ForeignKey(model, on_delete=models.CASCADE)})
    group = type(f"{name}GroupObjectPermission", (GroupObjectPermissionBase,), {
        "__module__": __name__, "content_object": models.ForeignKey(model, on_delete=models.CASCADE)})
    return user, group


class StateBadge:
    STATES: type

    @property
    def state_badge(self) -> str:
        return self.STATES(self.state).badge
