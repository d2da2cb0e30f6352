"""Plate maths for barbell work: the plates per side for a total, and the nearest total
the lifter can actually load (an imperial pre-fill from a "140 kg" plan line is 310 lb,
not 308.6). Weights here are in the user's own unit; the bar and plates come from the
profile (stored in kg), else the usual sets."""

from decimal import ROUND_HALF_UP, Decimal

from allworkouts import units

BAR = {"metric": Decimal(20), "imperial": Decimal(45)}
PLATES = {
    "metric": tuple(Decimal(p) for p in ("25", "20", "15", "10", "5", "2.5", "1.25")),
    "imperial": tuple(Decimal(p) for p in ("45", "35", "25", "10", "5", "2.5")),
}


def equipment_for(user) -> tuple[Decimal, tuple[Decimal, ...]]:
    """The user's bar and plates in the user's unit, heaviest plate first."""
    system = user.unit_system
    bar = units.from_kg(user.bar_weight_kg, system) if user.bar_weight_kg is not None else BAR[system]
    if user.plates_kg:
        plates = tuple(sorted({units.from_kg(p, system) for p in user.plates_kg if p > 0}, reverse=True))
    else:
        plates = PLATES[system]
    return Decimal(bar), plates


def per_side(total, *, bar: Decimal, plates: tuple[Decimal, ...]) -> list[Decimal] | None:
    """Plates for one side, heaviest first (greedy: right for the usual plate sets);
    [] for the bare bar; None when the total is under the bar or cannot be loaded."""
    total = Decimal(total)
    if total < bar:
        return None
    left, side = (total - bar) / 2, []
    for plate in plates:
        while left >= plate:
            side.append(plate)
            left -= plate
    return side if left == 0 else None


def loadable(total, *, bar: Decimal, plates: tuple[Decimal, ...]) -> Decimal:
    """The nearest total made of the bar and pairs of the smallest plate's steps;
    a total under the bar (or no plates) is left as it is."""
    total = Decimal(total)
    if total <= bar or not plates:
        return total
    step = 2 * min(plates)
    pairs = ((total - bar) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (bar + pairs * step).normalize()


def describe(side: list[Decimal] | None) -> str:
    """"20 + 10 + 2.5" (no "2E+1" from a normalized 20); the bare bar says so."""
    if side is None:
        return ""
    plain = [str(p.quantize(Decimal(1))) if p == p.to_integral() else str(p.normalize()) for p in side]
    return " + ".join(plain) or "just the bar"
