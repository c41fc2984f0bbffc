from django import template

register = template.Library()


@register.filter
def grouped(amount) -> str:
    """300000 → "300,000" (yuan amounts of the catalogue), whatever the locale's separators."""
    return "" if amount is None else f"{amount:,}"
