"""e1RM shown to a loadable step, volumes in whole units (issue 10: "Records that mean
something")."""

from decimal import Decimal

import pytest

from allworkouts import units


@pytest.mark.parametrize(("kg", "system", "shown"), [
    (Decimal("116.67"), "metric", "116.5 kg"),   # 100 x (1 + 5/30)
    (Decimal("116.80"), "metric", "117 kg"),
    (Decimal("100.00"), "metric", "100 kg"),
    (Decimal("158.76"), "imperial", "350 lb"),   # 350.005 lb
    (Decimal("116.67"), "imperial", "257 lb"),   # 257.21 lb
])
def test_e1rm_is_shown_to_the_units_step(kg, system, shown):
    assert units.display_e1rm(kg, system) == shown


def test_volume_in_pounds_is_what_the_lifter_lifted():
    # 400 lb is stored as 181.44 kg; ten reps of it are 4,000 lb, not 4,000.1.
    stored = units.to_kg("400", "imperial")
    assert units.display_volume(stored * 10, "imperial") == "4,000 lb"
    assert units.display_volume(Decimal("12345.60"), "metric") == "12,346 kg"


def test_record_display_picks_the_rule_by_record_type():
    assert units.display_record("1rm", Decimal("116.67"), "metric") == "116.5 kg"
    assert units.display_record("session_volume", Decimal("1814.40"), "imperial") == "4,000 lb"
