"""{{ kg|weight:user }} -> "225 lb" or "102.06 kg"; {{ kg|weight_value:user }} -> "225"."""

from django import template

from allworkouts import units

register = template.Library()


@register.filter
def weight(kg, user) -> str:
    if kg is None or kg == "":
        return ""
    return units.display(kg, user.unit_system)


@register.filter
def weight_value(kg, user) -> str:
    if kg is None or kg == "":
        return ""
    return str(units.from_kg(kg, user.unit_system))


@register.filter
def unit(user) -> str:
    return units.unit_label(user.unit_system)
