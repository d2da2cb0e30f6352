"""Session writes: start, log/edit/delete sets, swap, complete, abandon, delete.

Every write that touches sets also brings the personal records up to date in the same
transaction (records.services)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from equipment.models import Exercise
from equipment.selectors import is_substitute
from plans.models import WorkoutExercise, WorkoutPlan
from plans.services import plan_exercise_substitute
from records.models import PersonalRecord
from records.services import records_after_set_logged, records_recompute
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession

MAX_REPS = 1000
MAX_REST_SECONDS = 3600
# No lift weighs more: the heaviest ever lifted are around 500 kg, so a number past
# this (1,000 kg, about 2,200 lb) is a typo, refused with a message.
MAX_SET_KG = Decimal("1000")


class SessionClosed(ValidationError):
    pass


def session_start(*, user, plan: WorkoutPlan, replace: bool = False) -> WorkoutSession:
    """Start a workout from a plan. With one already in progress, refuse unless
    `replace`, in which case the open one is abandoned (kept in history)."""
    with transaction.atomic():
        # The user row serialises starts, so two taps cannot open two sessions.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        open_sessions = WorkoutSession.objects.filter(user=user, status=SessionStatus.IN_PROGRESS,
                                                      deleted_at__isnull=True)
        if open_sessions.exists():
            if not replace:
                raise ValidationError("You already have a workout in progress.")
            open_sessions.update(status=SessionStatus.ABANDONED, updated_at=timezone.now())
        # The wall-clock time, not the transaction's: order and "last time" rely on it.
        return WorkoutSession.objects.create(user=user, workout_plan=plan, created_at=timezone.now())


def _check_open(session: WorkoutSession) -> None:
    if session.deleted_at is not None:
        raise SessionClosed("This workout was deleted.")
    if session.status != SessionStatus.IN_PROGRESS:
        raise SessionClosed(f"This workout is {session.get_status_display().lower()}; "
                            "sets can't be added to it any more.")


def validate_set(*, weight_kg: Decimal | None, reps: int | None, rest_time_seconds: int | None) -> dict[str, str]:
    errors = {}
    if weight_kg is None:
        errors["weight"] = "Enter the weight (0 for bodyweight)."
    elif weight_kg > MAX_SET_KG:
        errors["weight"] = "That's more than 1,000 kg (2,200 lb). Check the weight."
    if reps is None:
        errors["reps"] = "Enter the reps."
    elif not 1 <= reps <= MAX_REPS:
        errors["reps"] = "Reps must be at least 1 (a set with 0 reps isn't a set)." if reps < 1 else \
            f"Reps must be at most {MAX_REPS}."
    if rest_time_seconds is not None and not 0 <= rest_time_seconds <= MAX_REST_SECONDS:
        errors["rest_time_seconds"] = "Rest must be between 0 and 60 minutes."
    return errors


def set_log(*, session: WorkoutSession, set_id: uuid.UUID, exercise: Exercise, weight_kg: Decimal,
            reps: int, rest_time_seconds: int | None = None, set_type: str | None = None,
            rpe: Decimal | None = None, notes: str | None = None,
            ) -> tuple[ExerciseSession, list[PersonalRecord], bool]:
    """Store one set, idempotently: `set_id` was generated when the form was rendered,
    so a repeated submission finds its set and stores nothing. Returns (set, new PRs,
    created). `rest_time_seconds` is the rest actually taken: by default the time since
    the workout's previous set (capped at an hour; none for the first set); an import
    passes what the file says."""
    errors = validate_set(weight_kg=weight_kg, reps=reps, rest_time_seconds=rest_time_seconds)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # Lock the session: set numbers are handed out one at a time, and a completed
        # session cannot take a set that raced its completion.
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        existing = ExerciseSession.objects.filter(pk=set_id).first()
        if existing is not None:
            if existing.workout_session_id != session.pk:
                raise ValidationError("That set belongs to another workout.")
            return existing, [], False
        _check_open(session)
        # One query: this exercise's next set number, and the workout's latest set,
        # whose time gives the rest actually taken before this one.
        latest = ExerciseSession.objects.filter(workout_session=session).aggregate(
            n=Max("set_number", filter=Q(exercise=exercise)), at=Max("created_at"))
        number = (latest["n"] or 0) + 1
        now = timezone.now()
        if rest_time_seconds is None and latest["at"] is not None:
            rest_time_seconds = min(int((now - latest["at"]).total_seconds()), MAX_REST_SECONDS)
        try:
            with transaction.atomic():
                logged = ExerciseSession.objects.create(
                    id=set_id, workout_session=session, exercise=exercise, weight=weight_kg, reps=reps,
                    rest_time_seconds=rest_time_seconds, set_number=number, created_at=now,
                    set_type=set_type, rpe=rpe, notes=notes)
        except IntegrityError:
            # The id is taken by a row this user cannot see (another user's set).
            raise ValidationError("That set can't be saved. Reload the page and log it again.")
        new_records = records_after_set_logged(user_id=session.user_id, logged_set=logged)
    return logged, new_records, True


def _lock_live(session_id) -> WorkoutSession:
    """Lock a session that has not been deleted (sets of a deleted one are frozen)."""
    session = WorkoutSession.objects.select_for_update().get(pk=session_id)
    if session.deleted_at is not None:
        raise SessionClosed("This workout was deleted.")
    return session


def set_update(*, logged_set: ExerciseSession, weight_kg: Decimal, reps: int) -> ExerciseSession:
    """Correct a logged set (in the session or later from history); records follow."""
    errors = validate_set(weight_kg=weight_kg, reps=reps, rest_time_seconds=None)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        session = _lock_live(logged_set.workout_session_id)
        logged_set.weight, logged_set.reps = weight_kg, reps
        logged_set.save(update_fields=["weight", "reps", "updated_at"])
        records_recompute(user_id=session.user_id, exercise_id=logged_set.exercise_id)
    return logged_set


def set_delete(*, logged_set: ExerciseSession) -> None:
    """Delete a set; records move off it first, then the set goes."""
    with transaction.atomic():
        session = _lock_live(logged_set.workout_session_id)
        records_recompute(user_id=session.user_id, exercise_id=logged_set.exercise_id,
                          excluding=[logged_set.pk])
        logged_set.delete()


def session_swap(*, session: WorkoutSession, plan_exercise: WorkoutExercise, substitute: Exercise, user,
                 in_plan: bool = False) -> None:
    """Log later sets of this plan exercise against a substitute. The plan is unchanged
    unless `in_plan`: then the plan exercise itself becomes the substitute (sets, reps
    and rest kept), for this workout and those to come."""
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        _check_open(session)
        original = plan_exercise.exercise
        swaps = dict(session.substitutions or {})
        if substitute.pk == original.pk:
            swaps.pop(str(plan_exercise.pk), None)
        elif in_plan:
            # Checks the substitute itself; the plan then names it, so no swap is kept.
            plan_exercise_substitute(plan_exercise=plan_exercise, substitute=substitute, user=user)
            swaps.pop(str(plan_exercise.pk), None)
        elif is_substitute(exercise=original, candidate=substitute, user=user):
            swaps[str(plan_exercise.pk)] = str(substitute.pk)
        else:
            raise ValidationError(f"{substitute.name} doesn't train the same muscles as {original.name} "
                                  "with equipment you own.")
        session.substitutions = swaps or None
        session.save(update_fields=["substitutions", "updated_at"])


def _finish(*, session: WorkoutSession, status: str) -> WorkoutSession:
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        _check_open(session)
        session.status = status
        session.save(update_fields=["status", "updated_at"])
    return session


def session_complete(*, session: WorkoutSession) -> WorkoutSession:
    return _finish(session=session, status=SessionStatus.COMPLETED)


def session_abandon(*, session: WorkoutSession) -> WorkoutSession:
    return _finish(session=session, status=SessionStatus.ABANDONED)


RESUME_WITHIN = timedelta(days=1)


def can_resume(session: WorkoutSession) -> bool:
    """An abandoned workout can be taken up again for a day after it was abandoned
    (a stray tap on Abandon loses nothing)."""
    return (session.status == SessionStatus.ABANDONED and session.deleted_at is None
            and session.updated_at >= timezone.now() - RESUME_WITHIN)


def session_resume(*, session: WorkoutSession) -> WorkoutSession:
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        if not can_resume(session):
            raise SessionClosed("This workout can't be resumed any more: only an abandoned workout, "
                                "within a day, can.")
        if WorkoutSession.objects.filter(user_id=session.user_id, status=SessionStatus.IN_PROGRESS,
                                         deleted_at__isnull=True).exists():
            raise SessionClosed("Another workout is in progress: finish or abandon it first.")
        session.status = SessionStatus.IN_PROGRESS
        session.save(update_fields=["status", "updated_at"])
    return session


def session_soft_delete(*, session: WorkoutSession) -> None:
    """Hide a session: its sets then count for nothing, so the records of every
    exercise in it are recomputed."""
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        if session.deleted_at is not None:
            return
        session.deleted_at = timezone.now()
        if session.status == SessionStatus.IN_PROGRESS:
            session.status = SessionStatus.ABANDONED
        session.save(update_fields=["deleted_at", "status", "updated_at"])
        exercise_ids = set(ExerciseSession.objects.filter(workout_session=session)
                           .values_list("exercise_id", flat=True))
        for exercise_id in sorted(exercise_ids, key=str):  # a fixed order: no lock-order deadlocks
            records_recompute(user_id=session.user_id, exercise_id=exercise_id)
