"""Account writes: registration, preferences, and deleting an account with its data."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from allworkouts.db import rls_user
from allworkouts.models import UnitSystem, User, normalize_email

# The user's rows, children before parents, as (model label, lookup of the owner).
# Looked up by label because this app sits below the others (DESIGN.md: dependencies go
# allworkouts <- equipment <- plans <- sessions) and must not import them.
USER_DATA_DELETION_ORDER: list[tuple[str, str]] = [
    # History import (sessions/transfer): its links protect the sessions they point at.
    ("workout_sessions.HistoryImportWorkout", "user"),
    ("workout_sessions.HistoryImport", "user"),
    ("workout_sessions.ExerciseNameMapping", "user"),
    ("records.PersonalRecord", "user"),
    ("workout_sessions.ExerciseSession", "workout_session__user"),
    ("workout_sessions.WorkoutSession", "user"),
    ("plans.WorkoutImportLog", "user"),
    ("plans.WorkoutExercise", "workout_plan__user"),
    ("plans.WorkoutPlan", "user"),
    ("equipment.UserEquipment", "user"),
]


def user_register(*, email: str, password: str) -> User:
    """Create an account. Raises ValidationError for a taken email or a weak password."""
    email = normalize_email(email)
    user = User(email=email)
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": "An account with this email already exists."})
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({"password1": exc.messages}) from exc
    user.set_password(password)
    # Uniqueness is left to the database constraint, caught below, which also covers a race.
    user.full_clean(exclude=["password"], validate_constraints=False)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # the same email registered a moment ago, in another request
        raise ValidationError({"email": "An account with this email already exists."}) from exc
    return user


def user_set_unit_system(*, user: User, unit_system: str) -> User:
    if unit_system not in UnitSystem.values:
        raise ValidationError({"unit_system": "Choose metric or imperial."})
    user.unit_system = unit_system
    user.save(update_fields=["unit_system", "updated_at"])
    return user


def user_set_time_zone(*, user: User, time_zone: str) -> User:
    user.time_zone = time_zone
    user.full_clean(validate_unique=False, validate_constraints=False, exclude=["password", "email"])
    user.save(update_fields=["time_zone", "updated_at"])
    return user


@transaction.atomic
def user_delete(*, user: User, confirm_email: str) -> None:
    """Delete the account and everything it owns, children first, in one transaction
    (the schema has no cascades on purpose: nothing disappears by accident)."""
    if normalize_email(confirm_email) != user.email:
        raise ValidationError({"confirm_email": "Type your email address exactly to confirm."})
    with rls_user(user.pk):
        for label, owner in USER_DATA_DELETION_ORDER:
            apps.get_model(label).objects.filter(**{owner: user}).delete()
    User.objects.filter(pk=user.pk).delete()
