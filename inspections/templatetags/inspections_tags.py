from django import template

register = template.Library()


@register.filter
def grouped(amount) -> str:
    """300000 → "300,000" (yuan amounts of the catalogue), whatever the locale's separators."""
    return "" if amount is None else f"{amount:,}"


@register.filter
def verbose(obj) -> str:
    """A model instance's verbose name, e.g. 执法监督检查."""
    return obj._meta.verbose_name
