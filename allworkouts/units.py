"""Weights are stored in kilograms (NUMERIC(10,2)) and shown in the user's unit.

A weight typed in pounds with at most one decimal displays back exactly as typed:
storing rounds to 0.005 kg (0.011 lb), well inside the 0.05 lb that rounding the
display to one decimal forgives."""

import re
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


# An estimated 1RM is an estimate: shown to the step a lifter could load (0.5 kg, 1 lb),
# not to the hundredth its formula gives.
E1RM_STEP = {"metric": Decimal("0.5"), "imperial": Decimal(1)}


def display_e1rm(kg, unit_system: str) -> str:
    value = Decimal(kg) / KG_PER_LB if unit_system == "imperial" else Decimal(kg)
    step = E1RM_STEP.get(unit_system, E1RM_STEP["metric"])
    value = ((value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).normalize()
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value
    return f"{value} {unit_label(unit_system)}"


def display_volume(kg, unit_system: str) -> str:
    """A volume (weight x reps summed) in whole units with thousands separators: stored
    kg carry two decimals, so 400 lb x 10 comes back as 4,000.08 lb; shown as 4,000 lb."""
    value = Decimal(kg) / KG_PER_LB if unit_system == "imperial" else Decimal(kg)
    return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,} {unit_label(unit_system)}"


def display_record(record_type: str, kg, unit_system: str) -> str:
    """A personal record's value as the records pages show it (records.models.RecordType)."""
    if record_type == "1rm":
        return display_e1rm(kg, unit_system)
    return display_volume(kg, unit_system)


# --- A set's weight field: what a lifter types, and how a set's load reads back ------
#
# An exercise's load kind (equipment.selectors.exercise_load_kind decides which, and
# imports these names): what its sets' stored kg mean.
#   loaded      the weight lifted                   "60 kg"
#   bodyweight  weight added to the body (0 = BW)   "BW", "BW + 10 kg"
#   assisted    the assistance (0 = none, full BW)  "BW", "BW − 20 kg"
LOADED, BODYWEIGHT_LOAD, ASSISTED = "loaded", "bodyweight", "assisted"
MINUS = "\u2212"  # shown; typed minus signs (-, −, –) are all read

_UNIT_SYSTEMS = {"kg": "metric", "kgs": "metric", "kilo": "metric", "kilos": "metric",
                 "kilogram": "metric", "kilograms": "metric",
                 "lb": "imperial", "lbs": "imperial", "pound": "imperial", "pounds": "imperial"}
# [bw] [sign] number [unit], each part optional; the number itself is checked by to_kg.
_SET_WEIGHT = re.compile(
    r"(?:(?P<bw>bw|bodyweight|body[ -]weight)\s*)?"
    r"(?:(?P<sign>[+\-\u2212\u2013])\s*)?"
    r"(?P<number>.*?)\s*"
    r"(?P<unit>" + "|".join(sorted(_UNIT_SYSTEMS, key=len, reverse=True)) + r")?",
    re.IGNORECASE | re.DOTALL)

MAX_TYPED = 40
BLANK_WEIGHT = "Enter the weight (BW for bodyweight)."
ADDED_NEEDS_NUMBER = "Add the weight after the plus, like BW + 10."
BW_NEEDS_SIGN = "Write added weight with a plus, like BW + 10."
NEGATIVE_BODYWEIGHT = ("Weight can't be below bodyweight here: for help with the movement, "
                       "log the assisted version of the exercise (like Assisted Dip).")
ASSISTED_TAKES_ASSISTANCE = "Enter the assistance the machine or band gives, like 20 (or BW − 20)."


def parse_set_weight(text, unit_system: str, kind: str = LOADED) -> Decimal:
    """What a lifter types in a set's weight field -> the kg to store for `kind`.

    Plain numbers read as to_kg reads them (its messages and guards: NaN, 1e26,
    negatives). Also: "BW" / "bodyweight" (0); "BW + 10", "bw+22.5lb", "+10" (added
    weight, so 10 kg); a unit ("20 kg", "45 lb") overriding the user's unit. An assisted
    exercise takes the assistance: "20", "-20", "BW − 20" all store 20. Raises
    WeightError with a message for the field."""
    text = "" if text is None else str(text).strip()
    if not text:
        raise WeightError(BLANK_WEIGHT)
    if len(text) > MAX_TYPED:  # nobody types more; and the pattern stays linear-ish
        raise WeightError("Enter the weight as a number, like 60 or 62.5.")
    match = _SET_WEIGHT.fullmatch(text)
    bw, sign, number, unit = match["bw"], match["sign"], match["number"], match["unit"]
    if unit and not number:  # "kg" alone, or "BW kg"
        raise WeightError("Enter the weight as a number, like 60 or 62.5.")
    system = _UNIT_SYSTEMS[unit.lower()] if unit else unit_system
    if bw and not sign:
        if number:
            raise WeightError(BW_NEEDS_SIGN)
        return Decimal("0.00")
    if sign and not number:
        raise WeightError(ADDED_NEEDS_NUMBER if sign == "+" else "Enter the weight as a number, like 60 or 62.5.")
    if number:
        to_kg(number, system)  # not a number at all ("-Infinity", "-heavy"): say that first
    if sign and sign != "+":  # below bodyweight: assistance
        if kind == ASSISTED:
            return to_kg(number, system)
        if kind == BODYWEIGHT_LOAD or bw:
            raise WeightError(NEGATIVE_BODYWEIGHT)
        raise WeightError("Weight can't be negative (use 0 for bodyweight).")
    if sign == "+" and kind == ASSISTED:
        raise WeightError(ASSISTED_TAKES_ASSISTANCE)
    return to_kg(number, system)


def display_load(kg, unit_system: str, kind: str = LOADED) -> str:
    """A set's load as a row shows it: "60 kg"; "BW", "BW + 10 kg"; "BW − 20 kg"."""
    if kg is None or kg == "":
        return ""
    kg = Decimal(kg)
    if kind not in (BODYWEIGHT_LOAD, ASSISTED):
        return display(kg, unit_system)
    if kg == 0:
        return "BW"
    return f"BW {'+' if kind == BODYWEIGHT_LOAD else MINUS} {display(kg, unit_system)}"


def load_input_value(kg, unit_system: str, kind: str = LOADED) -> str:
    """A set's load as its weight field is pre-filled (parse_set_weight reads it back
    to the same kg): "60"; "BW", "BW + 10"; the assistance as a plain number, "20"."""
    if kg is None or kg == "":
        return ""
    value = from_kg(kg, unit_system)
    if kind == BODYWEIGHT_LOAD:
        return "BW" if value == 0 else f"BW + {value}"
    return str(value)


LOAD_LABELS = {LOADED: "Weight", BODYWEIGHT_LOAD: "Added weight", ASSISTED: "Assistance"}


def load_label(kind: str) -> str:
    """What the weight field holds, for its label: "Weight", "Added weight", "Assistance"."""
    return LOAD_LABELS.get(kind, LOAD_LABELS[LOADED])
