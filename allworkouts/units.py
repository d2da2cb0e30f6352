"""Weights are stored in kilograms (NUMERIC(10,2)) and shown in the user's unit.

A weight typed in pounds with at most one decimal displays back exactly as typed:
storing rounds to 0.005 kg (0.011 lb), well inside the 0.05 lb that rounding the
display to one decimal forgives."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

KG_PER_LB = Decimal("0.45359237")
MAX_KG = Decimal("99999999.99")  # NUMERIC(10,2)
CENT = Decimal("0.01")
TENTH = Decimal("0.1")


TOO_LARGE = "That weight is too large."


class WeightError(ValueError):
    pass


def unit_label(unit_system: str) -> str:
    return "lb" if unit_system == "imperial" else "kg"


def to_kg(value, unit_system: str) -> Decimal:
    """A weight as typed (string or number) in the user's unit -> kg, 2 decimals."""
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise WeightError("Enter the weight as a number, like 60 or 62.5.")
    if not number.is_finite():
        raise WeightError("Enter the weight as a number, like 60 or 62.5.")
    if number < 0:
        raise WeightError("Weight can't be negative (use 0 for bodyweight).")
    # Refuse huge numbers before any arithmetic: quantizing 1e26 to cents needs more
    # digits than the decimal context's 28 and raises InvalidOperation (a 500).
    if number.adjusted() >= len(str(int(MAX_KG))) + 1:
        raise WeightError(TOO_LARGE)
    kg = number * KG_PER_LB if unit_system == "imperial" else number
    kg = kg.quantize(CENT, rounding=ROUND_HALF_UP)
    if kg > MAX_KG:
        raise WeightError(TOO_LARGE)
    return kg


def from_kg(kg, unit_system: str) -> Decimal:
    """kg -> the user's unit, for display: lb to one decimal, kg to two; no trailing zeros."""
    kg = Decimal(kg)
    if unit_system == "imperial":
        value = (kg / KG_PER_LB).quantize(TENTH, rounding=ROUND_HALF_UP)
    else:
        value = kg.quantize(CENT, rounding=ROUND_HALF_UP)
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


def display(kg, unit_system: str) -> str:
    return f"{from_kg(kg, unit_system)} {unit_label(unit_system)}"
