from django import template

from ..selectors import documents_of_case

register = template.Library()


@register.simple_tag
def case_documents(case):
    """The documents of `case`, for the case panel (the page already checked the user sees the case)."""
    return list(documents_of_case(case))
