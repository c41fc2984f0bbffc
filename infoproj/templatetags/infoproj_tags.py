from django import template

register = template.Library()


@register.filter
def lookup(mapping: dict, key):
    """`{{ state_labels|lookup:event.to_state }}`: a state's label from the case's choices."""
    return mapping.get(key, key)
