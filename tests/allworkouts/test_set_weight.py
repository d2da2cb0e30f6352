"""What a lifter types in a set's weight field (units.parse_set_weight), how a set's
load reads back (display_load, load_input_value and the template tags), and which
exercises are bodyweight or assisted (equipment.selectors)."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from allworkouts import units
from allworkouts.units import ASSISTED, BODYWEIGHT_LOAD, LOADED, WeightError, parse_set_weight


@pytest.mark.parametrize(("typed", "system", "kg"), [
    ("60", "metric", "60.00"),
    ("62,5", "metric", "62.50"),
    ("225", "imperial", "102.06"),
    ("BW", "metric", "0.00"),
    ("bw", "imperial", "0.00"),
    ("bodyweight", "metric", "0.00"),
    ("Body weight", "metric", "0.00"),
    ("BW+10", "metric", "10.00"),
    ("BW + 10 kg", "metric", "10.00"),
    ("bw+22.5lb", "metric", "10.21"),  # the unit typed wins over the user's
    ("BW + 10 kg", "imperial", "10.00"),
    ("BW + 10", "imperial", "4.54"),  # no unit typed: the user's (lb)
    ("+10", "metric", "10.00"),
    ("20 kg", "imperial", "20.00"),
    ("20kg", "imperial", "20.00"),
    ("45 lbs", "metric", "20.41"),
    ("  BW  +  2,5  ", "metric", "2.50"),
])
def test_what_a_lifter_types_becomes_kg(typed, system, kg):
    assert parse_set_weight(typed, system) == Decimal(kg)
    # Added weight means the same for a bodyweight exercise.
    assert parse_set_weight(typed, system, BODYWEIGHT_LOAD) == Decimal(kg)


@pytest.mark.parametrize("typed", ["20", "-20", "BW - 20", "BW \u2212 20", "bw\u201320", "20 kg"])
def test_an_assisted_exercise_takes_the_assistance_however_it_is_written(typed):
    assert parse_set_weight(typed, "metric", ASSISTED) == Decimal("20.00")


def test_bw_on_an_assisted_exercise_is_no_assistance():
    assert parse_set_weight("BW", "metric", ASSISTED) == Decimal("0.00")


@pytest.mark.parametrize(("typed", "kind", "message"), [
    ("", LOADED, "Enter the weight (BW for bodyweight)."),
    ("   ", LOADED, "Enter the weight (BW for bodyweight)."),
    ("abc", LOADED, "Enter the weight as a number, like 60 or 62.5."),
    ("NaN", LOADED, "Enter the weight as a number, like 60 or 62.5."),
    ("BW + NaN", BODYWEIGHT_LOAD, "Enter the weight as a number, like 60 or 62.5."),
    ("inf", LOADED, "Enter the weight as a number, like 60 or 62.5."),
    ("1e26", LOADED, units.TOO_LARGE),
    ("BW + 1e26", BODYWEIGHT_LOAD, units.TOO_LARGE),
    ("1e26 lb", LOADED, units.TOO_LARGE),
    ("-5", LOADED, "Weight can't be negative (use 0 for bodyweight)."),
    ("+-5", LOADED, "Weight can't be negative (use 0 for bodyweight)."),
    ("-5", BODYWEIGHT_LOAD, units.NEGATIVE_BODYWEIGHT),
    ("BW - 20", LOADED, units.NEGATIVE_BODYWEIGHT),
    ("BW - 20", BODYWEIGHT_LOAD, units.NEGATIVE_BODYWEIGHT),
    ("BW + 10", ASSISTED, units.ASSISTED_TAKES_ASSISTANCE),
    ("BW 10", BODYWEIGHT_LOAD, units.BW_NEEDS_SIGN),
    ("BW +", BODYWEIGHT_LOAD, units.ADDED_NEEDS_NUMBER),
    ("+", LOADED, units.ADDED_NEEDS_NUMBER),
    ("kg", LOADED, "Enter the weight as a number, like 60 or 62.5."),
    ("BW kg", LOADED, "Enter the weight as a number, like 60 or 62.5."),
    ("10 stone", LOADED, "Enter the weight as a number, like 60 or 62.5."),
    ("1" * 41, LOADED, "Enter the weight as a number, like 60 or 62.5."),
    ("1 " * 5000 + "kg", LOADED, "Enter the weight as a number, like 60 or 62.5."),
])
def test_what_cannot_be_read_is_refused_with_a_message(typed, kind, message):
    with pytest.raises(WeightError) as refused:
        parse_set_weight(typed, "metric", kind)
    assert str(refused.value) == message


@pytest.mark.parametrize("typed", ["60", "62,5", "0", "-5", "NaN", "1e26", "99999999.99", "abc", " 7 "])
def test_plain_numbers_read_exactly_as_to_kg_reads_them(typed):
    for system in ("metric", "imperial"):
        try:
            expected = units.to_kg(typed, system)
        except WeightError as exc:
            with pytest.raises(WeightError, match=str(exc).replace("(", r"\(").replace(")", r"\)")):
                parse_set_weight(typed, system)
        else:
            assert parse_set_weight(typed, system) == expected


@pytest.mark.parametrize(("kg", "system", "kind", "shown"), [
    ("60", "metric", LOADED, "60 kg"),
    ("0", "metric", LOADED, "0 kg"),
    ("0", "metric", BODYWEIGHT_LOAD, "BW"),
    ("10", "metric", BODYWEIGHT_LOAD, "BW + 10 kg"),
    ("4.54", "imperial", BODYWEIGHT_LOAD, "BW + 10 lb"),
    ("20", "metric", ASSISTED, "BW \u2212 20 kg"),
    ("0", "metric", ASSISTED, "BW"),
    ("22.5", "metric", ASSISTED, "BW \u2212 22.5 kg"),
])
def test_a_sets_load_reads_as_lifters_say_it(kg, system, kind, shown):
    assert units.display_load(Decimal(kg), system, kind) == shown


@pytest.mark.parametrize("kind", [LOADED, BODYWEIGHT_LOAD, ASSISTED])
@pytest.mark.parametrize("kg", ["0", "10", "22.5", "102.06"])
@pytest.mark.parametrize("system", ["metric", "imperial"])
def test_the_pre_filled_field_reads_back_to_the_same_kg(kind, kg, system):
    typed = units.load_input_value(Decimal(kg), system, kind)
    back = parse_set_weight(typed, system, kind)
    # Imperial shows one decimal of lb: back within the 0.05 lb the display forgives.
    assert abs(back - Decimal(kg)) <= Decimal("0.03")
    assert units.load_input_value(back, system, kind) == typed


def test_pre_filled_values_and_labels():
    assert units.load_input_value(Decimal(0), "metric", BODYWEIGHT_LOAD) == "BW"
    assert units.load_input_value(Decimal(10), "metric", BODYWEIGHT_LOAD) == "BW + 10"
    assert units.load_input_value(Decimal(20), "metric", ASSISTED) == "20"
    assert units.load_input_value(None, "metric", BODYWEIGHT_LOAD) == ""
    assert [units.load_label(k) for k in (LOADED, BODYWEIGHT_LOAD, ASSISTED)] == [
        "Weight", "Added weight", "Assistance"]


# --- Which exercises are which, and the template tags --------------------------------

@pytest.mark.django_db
def test_pull_ups_dips_and_push_ups_are_bodyweight_and_assisted_ones_assisted():
    from equipment.models import Exercise
    from equipment.selectors import exercise_load_kind

    kinds = {e.name: exercise_load_kind(e) for e in Exercise.objects.filter(name__in=[
        "Pullups", "Chin-Up", "Parallel Bar Dip", "Dips - Triceps Version", "Pushups", "Decline Push-Up",
        "Weighted Chin-Up", "Assisted Dip", "Machine Assisted Pull-Up", "Band Assisted Pull-Up",
        "Barbell Squat", "Dip Machine", "Jerk Dip Squat", "Hanging Bar Good Morning"]).prefetch_related("equipment")}
    assert kinds == {
        "Pullups": "bodyweight", "Chin-Up": "bodyweight", "Parallel Bar Dip": "bodyweight",
        "Dips - Triceps Version": "bodyweight", "Pushups": "bodyweight", "Decline Push-Up": "bodyweight",
        "Weighted Chin-Up": "bodyweight",
        "Assisted Dip": "assisted", "Machine Assisted Pull-Up": "assisted", "Band Assisted Pull-Up": "assisted",
        "Barbell Squat": "loaded", "Dip Machine": "loaded", "Jerk Dip Squat": "loaded",
        "Hanging Bar Good Morning": "loaded"}


@pytest.mark.django_db
def test_the_sql_annotation_agrees_with_the_python_rule_on_the_whole_catalogue(django_assert_num_queries):
    from equipment.models import Exercise
    from equipment.selectors import load_kind_annotation, load_kind_for

    with django_assert_num_queries(1):
        annotated = {e.pk: e.load_kind for e in Exercise.objects.annotate(load_kind=load_kind_annotation())}
    by_python = {e.pk: load_kind_for(e.name, [q.name for q in e.equipment.all()])
                 for e in Exercise.objects.prefetch_related("equipment")}
    assert annotated == by_python and len(annotated) > 700
    assert set(annotated.values()) == {"loaded", "bodyweight", "assisted"}


def test_the_name_rule_is_the_word_assisted():
    from equipment.selectors import load_kind_for

    assert load_kind_for("Assisted Dip", ["Machine"]) == "assisted"
    assert load_kind_for("machine assisted pull-up", ["Machine"]) == "assisted"
    assert load_kind_for("Assisted-Pull-Up", []) == "assisted"
    assert load_kind_for("Unassisted Pull-Up", ["Pull-Up Bar"]) == "bodyweight"
    assert load_kind_for("My Cable Thing", []) == "loaded"  # no equipment: no 0 pre-fill


@pytest.mark.django_db
def test_template_tags_show_a_sets_load_in_the_users_unit():
    from types import SimpleNamespace

    from equipment.models import Exercise
    from equipment.selectors import load_kind_annotation

    exercises = {e.name: e for e in Exercise.objects.filter(name__in=["Pullups", "Assisted Dip", "Barbell Squat"])
                 .annotate(load_kind=load_kind_annotation())}
    user = SimpleNamespace(unit_system="metric")
    template = Template(
        "{% load units %}{{ a|set_load:user }}|{{ b|set_load:user }}|{{ c|set_load:user }}|"
        "{% load_text 10 pull user %}|{% load_input 0 pull user as typed %}{{ typed }}|"
        "{% load_input 20 'assisted' user %}|{{ pull|load_label }}|{{ dip|load_label }}")
    html = template.render(Context({
        "user": user, "pull": exercises["Pullups"], "dip": exercises["Assisted Dip"],
        "a": SimpleNamespace(weight=Decimal("10"), exercise=exercises["Pullups"]),
        "b": SimpleNamespace(weight=Decimal("20"), exercise=exercises["Assisted Dip"]),
        "c": SimpleNamespace(weight=Decimal("100"), exercise=exercises["Barbell Squat"], load_kind="loaded"),
    }))
    assert html == ("BW + 10 kg|BW \u2212 20 kg|100 kg|BW + 10 kg|BW|20|Added weight|Assistance")
