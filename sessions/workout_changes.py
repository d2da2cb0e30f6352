"""A workout beyond its plan: empty workouts, exercises added mid-workout, the remaining
exercises reordered, and at the end the workout saved as a plan or its changes applied
to the plan it came from.

Every session needs a plan (workout_session.workout_plan_id is NOT NULL), so a workout
that departs from its plan gets its own: an 'adhoc' plan (workout_plan.kind), kept out of
the plan lists. An empty workout starts on a new, empty adhoc plan. A workout on a normal
plan is first *forked*: the plan is copied into an adhoc plan whose `source_plan` is the
original, the session moves onto the copy (its swaps follow the copied exercises), and
only then does the change land, on the copy; the user's plan is untouched until they
choose "Apply these changes". Each write runs in one transaction with the session row
locked, so two taps never fork twice and nothing is left half-forked.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from equipment.models import Exercise
from plans import services as plan_services
from plans.models import ConfidenceLevel, PlanKind, WorkoutExercise, WorkoutPlan
from sessions import services
from sessions.models import ExerciseSession, WorkoutSession

DEFAULT_SETS = 3
DEFAULT_REPS = 10
# The columns a copy of a plan exercise carries over (its id and plan are new).
COPIED = ("exercise_id", "sequence", "sets", "reps_min", "reps_max", "rest_time_seconds", "notes",
          "superset", "confidence_level")


def empty_workout_name(now=None) -> str:
    """'Workout, Tue 2 Dec', in the user's time zone (active for the request)."""
    local = timezone.localtime(now or timezone.now())
    return f"Workout, {local:%a} {local.day} {local:%b}"


def empty_workout_start(*, user, replace: bool = False) -> WorkoutSession:
    """Start a workout with no exercises, on a new adhoc plan. The rules of
    services.session_start hold (one open workout; `replace` abandons it); when it
    refuses, the plan made for it is rolled back with it."""
    with transaction.atomic():
        plan = WorkoutPlan.objects.create(user=user, name=empty_workout_name(), kind=PlanKind.ADHOC)
        return services.session_start(user=user, plan=plan, replace=replace)


def _lock_open(session: WorkoutSession) -> WorkoutSession:
    session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
    services._check_open(session)  # the one rule for what an open workout is
    return session


def _own_plan(session: WorkoutSession) -> tuple[WorkoutPlan, dict[str, str]]:
    """The session's own (adhoc) plan, forking its normal plan first, and a map of the
    plan exercise ids it had to the ones it has now (the identity without a fork).
    Call it inside the transaction that locked the session."""
    plan = WorkoutPlan.objects.select_for_update().get(pk=session.workout_plan_id)
    rows = list(WorkoutExercise.objects.filter(workout_plan=plan).order_by("sequence"))
    if plan.kind == PlanKind.ADHOC:
        return plan, {str(r.pk): str(r.pk) for r in rows}
    if plan.kind is not None:  # imported history is never an open workout
        raise ValidationError("This workout's plan can't be changed.")
    fork = WorkoutPlan.objects.create(user_id=plan.user_id, name=plan.name, description=plan.description,
                                      kind=PlanKind.ADHOC, source_plan=plan)
    copies = [WorkoutExercise(id=uuid.uuid4(), workout_plan=fork, **{f: getattr(r, f) for f in COPIED})
              for r in rows]
    WorkoutExercise.objects.bulk_create(copies)
    ids = {str(r.pk): str(c.pk) for r, c in zip(rows, copies)}
    # Swaps are kept per plan exercise: they follow the copies, so nothing on the page moves.
    swaps = {ids[k]: v for k, v in (session.substitutions or {}).items() if k in ids}
    session.workout_plan, session.substitutions = fork, swaps or None
    session.save(update_fields=["workout_plan", "substitutions", "updated_at"])
    return fork, ids


def workout_exercise_add(*, session: WorkoutSession, exercise: Exercise, sets: int | None = None,
                         reps: int | None = None) -> WorkoutExercise:
    """Add an exercise at the end of this workout (sets and reps default to 3 x the
    exercise's default reps, else 10). The user's plan is untouched: the workout gets
    its own copy first."""
    sets = sets or DEFAULT_SETS
    reps = reps or exercise.default_reps or DEFAULT_REPS
    rest = exercise.default_rest_time_seconds
    errors = plan_services.validate_prescription(sets=sets, reps_min=reps, reps_max=reps, rest_time_seconds=rest)
    if errors:
        raise ValidationError({"reps" if k.startswith("reps") else k: v for k, v in errors.items()})
    with transaction.atomic():
        session = _lock_open(session)
        plan, _ = _own_plan(session)
        last = WorkoutExercise.objects.filter(workout_plan=plan).aggregate(n=Max("sequence"))["n"] or 0
        return WorkoutExercise.objects.create(
            workout_plan=plan, exercise=exercise, sequence=last + 1, sets=sets, reps_min=reps, reps_max=reps,
            rest_time_seconds=rest, confidence_level=ConfidenceLevel.HIGH)


def _blocks(rows: list[WorkoutExercise]) -> list[list[WorkoutExercise]]:
    """The plan in moving units: a superset (neighbours sharing a label) moves as one."""
    return [list(group) for _, group in groupby(rows, key=lambda r: r.superset or f"\0{r.pk}")]


def _resequence(plan: WorkoutPlan, ordered: list[WorkoutExercise]) -> None:
    """Number a plan's exercises 1..n in this order, in two statements. UNIQUE (plan,
    sequence) is checked row by row, so every row goes negative first."""
    WorkoutExercise.objects.filter(workout_plan=plan).update(sequence=-F("sequence"))
    for number, row in enumerate(ordered, start=1):
        row.sequence = number
    WorkoutExercise.objects.bulk_update(ordered, ["sequence"])


def started_exercise_ids(session: WorkoutSession) -> set[str]:
    """Ids (as text, like the swaps' values) of the exercises with a set logged in this
    session. One query."""
    return {str(pk) for pk in ExerciseSession.objects.filter(workout_session=session)
            .values_list("exercise_id", flat=True).distinct()}


def workout_exercise_move(*, session: WorkoutSession, plan_exercise_id, direction: str) -> WorkoutExercise:
    """Move an exercise not yet started one place up or down among the exercises not yet
    started (those with sets logged keep their places; a superset moves as a whole).
    At an end nothing moves, and nothing is copied; otherwise the plan is forked first,
    like for an added exercise. Returns the exercise as it is now (the copy's row)."""
    if direction not in ("up", "down"):
        raise ValidationError("Move up or down.")
    with transaction.atomic():
        session = _lock_open(session)
        rows = list(WorkoutExercise.objects.filter(workout_plan_id=session.workout_plan_id).order_by("sequence"))
        target = next((r for r in rows if str(r.pk) == str(plan_exercise_id)), None)
        if target is None:
            raise ValidationError("That exercise isn't in this workout any more. Reload the page.")
        started = started_exercise_ids(session)
        swaps = session.substitutions or {}

        def is_started(block) -> bool:
            # Sets of the planned exercise and of one swapped in for it both count.
            return any(str(r.exercise_id) in started or swaps.get(str(r.pk)) in started for r in block)

        blocks = _blocks(rows)
        here = next(i for i, b in enumerate(blocks) if target in b)
        if is_started(blocks[here]):
            raise ValidationError("Sets of it are logged already: only exercises not yet started move.")
        step = -1 if direction == "up" else 1
        other = here + step
        while 0 <= other < len(blocks) and is_started(blocks[other]):
            other += step
        if not 0 <= other < len(blocks):
            return target
        blocks[here], blocks[other] = blocks[other], blocks[here]
        plan, ids = _own_plan(session)
        current = {str(r.pk): r for r in WorkoutExercise.objects.filter(workout_plan=plan)}
        _resequence(plan, [current[ids[str(r.pk)]] for b in blocks for r in b])
        return current[ids[str(target.pk)]]


def workout_exercise_superset(*, session: WorkoutSession, plan_exercise_id, action: str) -> WorkoutExercise:
    """Superset an exercise with the next one ("with_next"), or take it out of its
    superset ("ungroup"), for this workout: the plan is forked first like for a move,
    and the plan editor's rules (plans.services) keep the labels sane."""
    if action not in ("with_next", "ungroup"):
        raise ValidationError("Superset with the next exercise, or ungroup.")
    with transaction.atomic():
        session = _lock_open(session)
        if not WorkoutExercise.objects.filter(pk=plan_exercise_id, workout_plan_id=session.workout_plan_id).exists():
            raise ValidationError("That exercise isn't in this workout any more. Reload the page.")
        plan, ids = _own_plan(session)
        row = WorkoutExercise.objects.select_related("workout_plan").get(pk=ids[str(plan_exercise_id)])
        if action == "with_next":
            plan_services.plan_exercise_superset_with_next(plan_exercise=row)
        else:
            plan_services.plan_exercise_ungroup(plan_exercise=row)
        return row


def session_note_save(*, session: WorkoutSession, notes: str) -> WorkoutSession:
    """The workout's own note (open or finished; a deleted workout takes nothing)."""
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        if session.deleted_at is not None:
            raise ValidationError("This workout was deleted.")
        session.notes = notes.replace("\x00", "") or None
        session.save(update_fields=["notes", "updated_at"])
    return session


# --- finishing ---------------------------------------------------------------------

def _lock_adhoc(session: WorkoutSession) -> tuple[WorkoutSession, WorkoutPlan]:
    session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
    if session.deleted_at is not None:
        raise services.SessionClosed("This workout was deleted.")
    plan = WorkoutPlan.objects.select_for_update().get(pk=session.workout_plan_id)
    if plan.kind != PlanKind.ADHOC:
        raise ValidationError(f"This workout follows the plan “{plan.name}” already.")
    return session, plan


def adhoc_plan_save(*, session: WorkoutSession, name: str) -> WorkoutPlan:
    """Keep this workout's own plan as a plan of the user's (named, in the plan list).
    Its link to a plan it was copied from stays, as where it came from, but its
    workouts are its own from now on (only adhoc copies count for their source)."""
    with transaction.atomic():
        session, plan = _lock_adhoc(session)
        if not WorkoutExercise.objects.filter(workout_plan=plan).exists():
            raise ValidationError("This workout has no exercises to save: add one first.")
        plan_services.plan_update(plan=plan, name=name, description=plan.description)  # the name's rules
        plan.kind = None
        plan.save(update_fields=["kind", "updated_at"])
    return plan


def _pair(source_rows: list[WorkoutExercise], copy_rows: list[WorkoutExercise]):
    """(source row or None, copy row) for every row of the copy, and the source rows
    left over. A source row goes with the copy's row of the same exercise where there
    is one (a reordered exercise keeps its row); the rest pair up in order (an
    exercise swapped in the copy), and what is still left is removed or added."""
    unused = list(source_rows)
    pairs: list[list] = []
    for row in copy_rows:
        match = next((s for s in unused if s.exercise_id == row.exercise_id), None)
        if match is not None:
            unused.remove(match)
        pairs.append([match, row])
    for pair in pairs:
        if pair[0] is None and unused:
            pair[0] = unused.pop(0)
    return pairs, unused


def adhoc_changes_apply(*, session: WorkoutSession) -> WorkoutPlan:
    """Make the plan this workout was copied from what the copy is now: its order, sets,
    reps, rest, notes, supersets and exercises added or swapped. Sessions already logged
    keep their sets (they point at exercises, not plan rows). A fixed number of queries."""
    with transaction.atomic():
        session, copy = _lock_adhoc(session)
        source = (WorkoutPlan.objects.select_for_update().filter(pk=copy.source_plan_id, user_id=session.user_id)
                  .first() if copy.source_plan_id else None)
        if source is None or source.deleted_at is not None:
            raise ValidationError("The plan this workout came from is gone; save it as a plan instead.")
        source_rows = list(WorkoutExercise.objects.filter(workout_plan=source).order_by("sequence"))
        copy_rows = list(WorkoutExercise.objects.filter(workout_plan=copy).order_by("sequence"))
        pairs, leftover = _pair(source_rows, copy_rows)
        if leftover:
            WorkoutExercise.objects.filter(pk__in=[r.pk for r in leftover]).delete()
        WorkoutExercise.objects.filter(workout_plan=source).update(sequence=-F("sequence"))
        kept, added = [], []
        for number, (row, wanted) in enumerate(pairs, start=1):
            values = {f: getattr(wanted, f) for f in COPIED} | {"sequence": number}
            if row is None:
                added.append(WorkoutExercise(workout_plan=source, **values))
            else:
                for field, value in values.items():
                    setattr(row, field, value)
                kept.append(row)
        if kept:
            WorkoutExercise.objects.bulk_update(kept, list(COPIED))
        if added:
            WorkoutExercise.objects.bulk_create(added)
        source.save(update_fields=["updated_at"])
    return source


@dataclass(frozen=True)
class Offer:
    """What the session page offers for a workout on its own plan."""
    plan: WorkoutPlan  # the workout's own (adhoc) plan
    source: WorkoutPlan | None  # the plan it was copied from, if it is still there
    exercise_count: int
    differs: bool  # the copy is not (any more) what its source is

    @property
    def can_apply(self) -> bool:
        return self.source is not None and self.differs


def _prescriptions(rows) -> list[tuple]:
    """What a plan says, in order (its sequence numbers and confidence aside)."""
    return [tuple(getattr(r, f) for f in COPIED if f not in ("sequence", "confidence_level")) for r in rows]


def finish_offer(*, session: WorkoutSession) -> Offer | None:
    """None for a workout on a normal plan; else what can be done with its own plan:
    save it as a plan, or apply it to its source (offered while the two differ). At
    most three queries (plan, its exercises, the source's)."""
    plan = session.workout_plan
    if plan.kind != PlanKind.ADHOC or session.deleted_at is not None:
        return None
    rows = list(WorkoutExercise.objects.filter(workout_plan=plan).order_by("sequence"))
    source = (WorkoutPlan.objects.filter(pk=plan.source_plan_id, deleted_at__isnull=True).first()
              if plan.source_plan_id else None)
    differs = True
    if source is not None:
        source_rows = WorkoutExercise.objects.filter(workout_plan=source).order_by("sequence")
        differs = _prescriptions(rows) != _prescriptions(source_rows)
    return Offer(plan=plan, source=source, exercise_count=len(rows), differs=differs)
