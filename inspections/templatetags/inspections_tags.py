from django import template
from django.contrib.contenttypes.models import ContentType

from linggao_mi.casework.models import of_case
from linggao_mi.casework.selectors import user_may

from ..models import DiscretionUse

register = template.Library()


@register.inclusion_tag("inspections/_penalty_panel.html", takes_context=True)
def penalty_panel(context, case) -> dict:
    """A case's penalty recommendations from the discretion catalogue (三（二）) and, for whoever may change the open
    case, the way to add one: the same section on the case page of every regime."""
    return {
        "case": case,
        "penalties": DiscretionUse.objects.filter(of_case(case)).select_related("standard", "circumstance"),
        "can_penalty": not case.is_closed and user_may(context["request"].user, case, "change"),
        "case_type": ContentType.objects.get_for_model(case).pk,
    }


@register.filter
def grouped(amount) -> str:
    """300000 → "300,000" (yuan amounts of the catalogue), whatever the locale's separators."""
    return "" if amount is None else f"{amount:,}"


@register.filter
def verbose(obj) -> str:
    """A model instance's verbose name, e.g. 执法监督检查."""
    return obj._meta.verbose_name
