"""Screens of a workout beyond its plan: start an empty workout, add an exercise, move
one, and at the end save the workout as a plan or apply its changes to the plan
(services in sessions.workout_changes)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from allworkouts.http import redirect_htmx
from equipment.selectors import search_exercises
from plans.models import PlanKind
from sessions import selectors, workout_changes
from sessions.change_forms import AddExerciseForm, MoveForm, SavePlanForm, StartForm, SupersetForm, WorkoutNoteForm
from sessions.models import SessionStatus, WorkoutSession

SEARCH_LIMIT = 15


def _session_or_404(request, session_id) -> WorkoutSession:
    try:
        return selectors.session_for_user(user=request.user, session_id=session_id)
    except WorkoutSession.DoesNotExist:
        raise Http404("No such workout.")


def _open_or_redirect(request, session):
    """A finished workout takes no more changes: back to its page, saying why."""
    if session.status != SessionStatus.IN_PROGRESS:
        messages.error(request, f"This workout is {session.get_status_display().lower()}; it can't change any more.")
        return redirect("sessions:detail", session.pk)
    return None


def _workout_url(session, plan_exercise=None) -> str:
    url = reverse("sessions:workout", args=[session.pk])
    return f"{url}#exercise-{plan_exercise.pk}" if plan_exercise is not None else url


@require_http_methods(["GET", "POST"])
def start_empty(request):
    """Start a workout with no plan (one of its own is made); with one open, ask first."""
    current = selectors.in_progress_session(user=request.user)
    if request.method == "POST":
        form = StartForm(request.POST)
        replace = form.is_valid() and form.cleaned_data["replace"]
        if current is None or replace:
            try:
                session = workout_changes.empty_workout_start(user=request.user, replace=replace)
            except ValidationError:
                current = selectors.in_progress_session(user=request.user)  # opened meanwhile
            else:
                return redirect("sessions:workout", session.pk)
    return render(request, "sessions/start.html", {"plan": None, "current": current})


@require_http_methods(["GET", "POST"])
def exercise_add(request, session_id):
    """Search the catalogue (the app's matcher) and add the exercise picked to this
    workout; the user's plan stays as it is. HTMX searches get the results only."""
    session = _session_or_404(request, session_id)
    if (closed := _open_or_redirect(request, session)) is not None:
        return closed
    picking = request.method == "POST"
    form = AddExerciseForm(request.POST if picking else (request.GET or None), picking=picking)
    if picking and form.is_valid():
        data = form.cleaned_data
        try:
            added = workout_changes.workout_exercise_add(session=session, exercise=data["exercise"],
                                                         sets=data["sets"], reps=data["reps"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Added {added.exercise.name}: {added.sets} × {added.reps_min}.")
            return redirect_htmx(request, _workout_url(session, added))
    query = form.query
    context = {"session": session, "form": form, "query": query,
               "results": search_exercises(query=query, limit=SEARCH_LIMIT) if query else [],
               "forked": session.workout_plan.kind != PlanKind.ADHOC}
    template = "sessions/exercise_add.html#results" if request.htmx and not picking else "sessions/exercise_add.html"
    return render(request, template, context, status=400 if form.errors else 200)


@require_POST
def exercise_move(request, session_id, plan_exercise_id):
    """One place up or down among the exercises not yet started (this workout only)."""
    session = _session_or_404(request, session_id)
    if (closed := _open_or_redirect(request, session)) is not None:
        return closed
    form = MoveForm(request.POST)
    moved = None
    if not form.is_valid():
        messages.error(request, "Move up or down.")
    else:
        try:
            moved = workout_changes.workout_exercise_move(session=session, plan_exercise_id=plan_exercise_id,
                                                          direction=form.cleaned_data["direction"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect_htmx(request, _workout_url(session, moved))


@require_POST
def exercise_superset(request, session_id, plan_exercise_id):
    """Superset an exercise with the next, or ungroup it (this workout only)."""
    session = _session_or_404(request, session_id)
    if (closed := _open_or_redirect(request, session)) is not None:
        return closed
    form = SupersetForm(request.POST)
    changed = None
    if not form.is_valid():
        messages.error(request, "Superset with the next exercise, or ungroup.")
    else:
        try:
            changed = workout_changes.workout_exercise_superset(
                session=session, plan_exercise_id=plan_exercise_id, action=form.cleaned_data["action"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect_htmx(request, _workout_url(session, changed))


@require_POST
def session_note(request, session_id):
    """Save the workout's note, then back to where it was written."""
    session = _session_or_404(request, session_id)
    form = WorkoutNoteForm(request.POST)
    if form.is_valid():
        try:
            workout_changes.session_note_save(session=session, notes=form.cleaned_data["notes"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Workout note saved.")
    else:
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    name = "sessions:workout" if session.status == SessionStatus.IN_PROGRESS else "sessions:detail"
    return redirect_htmx(request, reverse(name, args=[session.pk]))


@require_http_methods(["GET", "POST"])
def plan_save(request, session_id):
    """Keep a workout on its own plan (an empty workout, or one changed from its plan)
    as a plan of the user's, named."""
    session = _session_or_404(request, session_id)
    offer = workout_changes.finish_offer(session=session)
    if offer is None:
        messages.info(request, f"This workout follows the plan “{session.workout_plan.name}” already.")
        return redirect("sessions:detail", session.pk)
    form = SavePlanForm(request.POST or None, initial={"name": offer.plan.name})
    if request.method == "POST" and form.is_valid():
        try:
            plan = workout_changes.adhoc_plan_save(session=session, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)  # a message about the name lands on the field
        else:
            messages.success(request, f"Saved “{plan.name}” as a plan. Start it from Train next time.")
            return redirect_htmx(request, reverse("plans:detail", args=[plan.pk]))
    return render(request, "sessions/save_plan.html", {"session": session, "offer": offer, "form": form},
                  status=400 if form.errors else 200)


@require_POST
def plan_apply(request, session_id):
    """Make the plan this workout was copied from what the workout did (order, sets,
    reps, added exercises); logged workouts stay as they are."""
    session = _session_or_404(request, session_id)
    try:
        plan = workout_changes.adhoc_changes_apply(session=session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect_htmx(request, reverse("sessions:detail", args=[session.pk]))
    messages.success(request, f"“{plan.name}” now has this workout's exercises, order, sets and reps.")
    return redirect_htmx(request, reverse("plans:detail", args=[plan.pk]))


def finish_context(session) -> dict:
    """For the session page (sessions.views.detail): what it offers a workout on its own
    plan (save it as a plan, apply it to its source), with the name form."""
    offer = workout_changes.finish_offer(session=session)
    return {"offer": offer,
            "offer_form": SavePlanForm(initial={"name": offer.plan.name}) if offer is not None else None}
