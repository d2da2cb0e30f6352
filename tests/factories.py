"""factory-boy factories for the domain. Rows of RLS-protected tables must be created
inside `rls_user(owner)`, as the app itself does."""

from __future__ import annotations

import threading

import factory
from django.contrib.auth.hashers import make_password
from django.db import connection

from allworkouts.models import User

PASSWORD = "correct horse battery staple"
_PASSWORD_HASH: list[str] = []


def _password_hash() -> str:
    # Argon2 is slow on purpose; hash the shared test password once per run.
    if not _PASSWORD_HASH:
        _PASSWORD_HASH.append(make_password(PASSWORD))
    return _PASSWORD_HASH[0]


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"lifter{n}@example.com")
    password = factory.LazyFunction(_password_hash)


def exercise_named(name: str):
    from equipment.models import Exercise

    return Exercise.objects.get(name=name)


def user_data(user, *, exercise_name: str = "Barbell Squat") -> dict:
    """One row in every user-scoped table, owned by `user` (made as that user, under RLS)."""
    from decimal import Decimal

    from django.utils import timezone

    from allworkouts.db import rls_user
    from equipment.models import Equipment, UserEquipment
    from plans.models import WorkoutExercise, WorkoutImportLog, WorkoutPlan
    from records.models import PersonalRecord
    from sessions.models import ExerciseSession, WorkoutSession

    exercise = exercise_named(exercise_name)
    with rls_user(user.pk):
        plan = WorkoutPlan.objects.create(user=user, name=f"Plan of {user.email}")
        workout_exercise = WorkoutExercise.objects.create(
            workout_plan=plan, exercise=exercise, sequence=1, sets=5, reps_min=5, reps_max=5
        )
        import_log = WorkoutImportLog.objects.create(user=user, workout_plan=plan, raw_text="Squat 5x5")
        session = WorkoutSession.objects.create(user=user, workout_plan=plan)
        logged_set = ExerciseSession.objects.create(
            workout_session=session, exercise=exercise, weight=Decimal("100.00"), reps=5, set_number=1
        )
        record = PersonalRecord.objects.create(
            user=user, exercise=exercise, record_type="set_volume", value=Decimal("500.00"), unit="kg",
            exercise_session=logged_set, achieved_at=timezone.now(),
        )
        owned = UserEquipment.objects.create(user=user, equipment=Equipment.objects.get(name="Barbell"))
    return {
        "workout_plan": plan, "workout_exercise": workout_exercise, "workout_import_log": import_log,
        "workout_session": session, "exercise_session": logged_set, "personal_record": record,
        "user_equipment": owned,
    }


def in_two_threads(work, items) -> list[Exception]:
    """Run `work` over alternate items in two threads at once (each with a database
    connection of its own, closed after); returns what they raised."""
    errors: list[Exception] = []

    def worker(chunk):
        try:
            work(chunk)
        except Exception as exc:  # reported to the caller
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(items[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors
