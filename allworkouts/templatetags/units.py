"""{{ kg|weight:user }} -> "225 lb" or "102.06 kg"; {{ kg|weight_value:user }} -> "225";
{{ kg|volume:user }} -> "4,000 lb"; {{ record|record_value:user }} -> "142.5 kg" (e1RM step).

A set's load, by its exercise's load kind (equipment.selectors.exercise_load_kind):
{{ logged|set_load:user }} -> "60 kg", "BW", "BW + 10 kg", "BW − 20 kg" (an ExerciseSession);
{% load_text kg exercise user %} -> the same from a number and an exercise (or a kind);
{% load_input kg exercise user as weight_text %} -> the weight field's value: "60",
"BW", "BW + 10", "20" (an assistance), which units.parse_set_weight reads back;
{{ exercise|load_label }} -> "Weight", "Added weight", "Assistance".
The kind is read from a `load_kind` annotation on the set or its exercise when there is
one (annotate with equipment.selectors.load_kind_annotation: no query per row)."""

from django import template

from allworkouts import units
from equipment.selectors import exercise_load_kind

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


@register.filter
def volume(kg, user) -> str:
    if kg is None or kg == "":
        return ""
    return units.display_volume(kg, user.unit_system)


@register.filter
def record_value(record, user) -> str:
    """A PersonalRecord's value: e1RM to 0.5 kg / 1 lb, volumes in whole units."""
    return units.display_record(record.record_type, record.value, user.unit_system)


def _kind(exercise_or_kind) -> str:
    if not exercise_or_kind:
        return units.LOADED
    if isinstance(exercise_or_kind, str):
        return exercise_or_kind
    return exercise_load_kind(exercise_or_kind)


def _set_kind(logged) -> str:
    return getattr(logged, "load_kind", None) or _kind(logged.exercise)


@register.filter
def set_load(logged, user) -> str:
    """A logged set's load: "60 kg", "BW", "BW + 10 kg", "BW − 20 kg"."""
    if logged is None or logged == "":
        return ""
    return units.display_load(logged.weight, user.unit_system, _set_kind(logged))


@register.simple_tag
def load_text(kg, exercise_or_kind, user) -> str:
    return units.display_load(kg, user.unit_system, _kind(exercise_or_kind))


@register.simple_tag
def load_input(kg, exercise_or_kind, user) -> str:
    return units.load_input_value(kg, user.unit_system, _kind(exercise_or_kind))


@register.filter
def load_label(exercise_or_kind) -> str:
    return units.load_label(_kind(exercise_or_kind))
