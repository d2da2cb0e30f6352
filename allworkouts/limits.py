"""The limits of what a plan line or a logged set may say, written once.

Model fields carry them as validators (services call `full_clean()`), forms read the
same numbers for their widgets, and the parser clamps to them."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator

MAX_SETS = 20
MAX_REPS = 1000
MAX_REST_SECONDS = 3600
# No lift weighs more: the heaviest ever lifted are around 500 kg, so a number past
# this (1,000 kg, about 2,200 lb) is a typo, refused with a message.
MAX_SET_KG = Decimal("1000")

SET_WEIGHT = [
    MinValueValidator(0, "Weight can't be negative (use 0 for bodyweight)."),
    MaxValueValidator(MAX_SET_KG, "That's more than 1,000 kg (2,200 lb). Check the weight."),
]
SET_REPS = [
    MinValueValidator(1, "Reps must be at least 1 (a set with 0 reps isn't a set)."),
    MaxValueValidator(MAX_REPS, f"Reps must be at most {MAX_REPS}."),
]
REST_SECONDS = [
    MinValueValidator(0, f"Rest must be between 0 and {MAX_REST_SECONDS // 60} minutes."),
    MaxValueValidator(MAX_REST_SECONDS, f"Rest must be between 0 and {MAX_REST_SECONDS // 60} minutes."),
]
SETS = [MinValueValidator(1, f"Sets must be between 1 and {MAX_SETS}."),
        MaxValueValidator(MAX_SETS, f"Sets must be between 1 and {MAX_SETS}.")]
PLAN_REPS = [MinValueValidator(1, f"Reps must be between 1 and {MAX_REPS}."),
             MaxValueValidator(MAX_REPS, f"Reps must be between 1 and {MAX_REPS}.")]
