"""Plate maths: plates per side from the profile's bar and plates (else the usual sets),
and imperial pre-fills from a kg plan line rounded to what a bar can carry."""

from decimal import Decimal

import pytest

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions import plates
from sessions.services import session_start
from tests.factories import UserFactory, exercise_named

KG_BAR, KG_PLATES = plates.BAR["metric"], plates.PLATES["metric"]
LB_BAR, LB_PLATES = plates.BAR["imperial"], plates.PLATES["imperial"]


@pytest.mark.parametrize(("total", "side"), [
    ("20", []),  # just the bar
    ("60", ["20"]),
    ("102.5", ["25", "15", "1.25"]),
    ("140", ["25", "25", "10"]),
    ("142.5", ["25", "25", "10", "1.25"]),
])
def test_plates_per_side_in_kg(total, side):
    assert plates.per_side(Decimal(total), bar=KG_BAR, plates=KG_PLATES) == [Decimal(p) for p in side]


@pytest.mark.parametrize("total", ["15", "61", "20.5"])
def test_a_weight_under_the_bar_or_not_loadable_has_no_plates(total):
    assert plates.per_side(Decimal(total), bar=KG_BAR, plates=KG_PLATES) is None


def test_pounds_round_to_loadable_weights():
    # The example: a "140 kg" plan line is 308.6 lb, loaded as 310.
    assert plates.loadable(Decimal("308.6"), bar=LB_BAR, plates=LB_PLATES) == Decimal(310)
    assert plates.loadable(Decimal("221"), bar=LB_BAR, plates=LB_PLATES) == Decimal(220)
    assert plates.loadable(Decimal("30"), bar=LB_BAR, plates=LB_PLATES) == Decimal(30)  # under the bar: as is
    assert plates.per_side(Decimal(310), bar=LB_BAR, plates=LB_PLATES) == [Decimal(p) for p in ("45", "45", "35", "5", "2.5")]


def test_describe_writes_plain_numbers():
    assert plates.describe([Decimal(20), Decimal("2.5")]) == "20 + 2.5"
    assert plates.describe([]) == "just the bar"
    assert plates.describe(None) == ""


@pytest.mark.django_db
def test_the_profiles_bar_and_plates_are_used_in_the_users_unit():
    user = UserFactory(bar_weight_kg=Decimal(15), plates_kg=[Decimal(10), Decimal("2.5"), Decimal(0)])
    bar, owned = plates.equipment_for(user)
    assert bar == 15 and owned == (Decimal(10), Decimal("2.5"))
    assert plates.per_side(Decimal(40), bar=bar, plates=owned) == [Decimal(10), Decimal("2.5")]
    assert plates.per_side(Decimal(60), bar=bar, plates=owned) == [Decimal(10), Decimal(10), Decimal("2.5")]
    assert plates.per_side(Decimal(41), bar=bar, plates=owned) is None  # 13 a side: no 0.5 plate
    default = UserFactory(unit_system="imperial")
    assert plates.equipment_for(default) == (LB_BAR, LB_PLATES)


@pytest.mark.django_db
def test_the_workout_page_shows_plates_for_a_140_kg_line_loaded_as_310_lb(client):
    user = UserFactory(unit_system="imperial")
    client.force_login(user)
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Heavy", exercises=[
            ExerciseSpec(exercise=exercise_named("Barbell Squat"), sets=1, reps_min=3, reps_max=3, notes="@ 140kg")])
        session = session_start(user=user, plan=plan)
    html = client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert 'name="weight" value="310"' in html
    assert "Per side: 45 + 45 + 35 + 5 + 2.5 lb" in html
