"""Workout screens: start, the active workout (one-tap set logging), swap, complete,
abandon, history and session detail."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allworkouts import units
from allworkouts.http import error_messages, parse_int, parse_uuid, redirect_htmx, safe_next
from equipment.models import UserEquipment
from equipment.selectors import exercise_by_id, exercises_available_to, search_exercises, substitutes_for
from plans.models import PlanKind, WorkoutExercise, WorkoutPlan
from plans.selectors import plan_header_for_user
from records.progress import this_week
from sessions import change_views, selectors, services
from sessions.change_forms import SwapForm
from sessions.forms import HistoryFilterForm, SetDetailsForm, blank_set_details, set_details_fields
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession

PAGE_SIZE = 20


@require_GET
def home(request):
    """The start screen: the plan that is due first, the last workout, recent PRs."""
    user = request.user
    return render(request, "sessions/home.html", {
        "plans": selectors.plans_to_start(user=user),
        "last": selectors.history(user=user, status=SessionStatus.COMPLETED).first(),
        "records": selectors.recent_records(user=user),
        "has_equipment": UserEquipment.objects.filter(user=user, deleted_at__isnull=True).exists(),
        "week": this_week(user=user),
    })


def _session_or_404(request, session_id) -> WorkoutSession:
    try:
        return selectors.session_for_user(user=request.user, session_id=session_id)
    except WorkoutSession.DoesNotExist:
        raise Http404("No such workout.")


def _plan_exercise(session: WorkoutSession, value) -> WorkoutExercise | None:
    """The exercise of the session's plan that a request value names, if any."""
    plan_exercise_id = parse_uuid(value)
    if plan_exercise_id is None:
        return None
    return WorkoutExercise.objects.filter(pk=plan_exercise_id, workout_plan_id=session.workout_plan_id).first()


@require_http_methods(["GET", "POST"])
def session_start(request, plan_id):
    try:
        plan = plan_header_for_user(user=request.user, plan_id=plan_id)
    except WorkoutPlan.DoesNotExist:
        raise Http404("No such plan.")
    current = selectors.in_progress_session(user=request.user)
    if request.method == "POST":
        replace = request.POST.get("replace") == "1"
        if current is None or replace:
            try:
                session = services.session_start(user=request.user, plan=plan, replace=replace)
            except ValidationError:
                current = selectors.in_progress_session(user=request.user)
            else:
                return redirect("sessions:workout", session.pk)
    # With a workout open, the page asks before abandoning it (one at a time).
    return render(request, "sessions/start.html", {"plan": plan, "current": current})


@require_GET
def workout(request, session_id):
    session = _session_or_404(request, session_id)
    if session.status != SessionStatus.IN_PROGRESS:
        return redirect("sessions:detail", session.pk)
    page = selectors.workout(user=request.user, session=session)
    last_set = page.latest_set
    rest = None
    if last_set is not None:
        item = next((i for i in page.items if i.exercise.pk == last_set.exercise_id), None)
        rest = planned_rest(user=request.user, plan_exercise=item.plan_exercise if item else None,
                            exercise=item.exercise if item else None)
    for item in page.items:  # the rest each card's timer counts down (also offline)
        item.planned_rest = planned_rest(user=request.user, plan_exercise=item.plan_exercise, exercise=item.exercise)
    return render(request, "sessions/workout.html", {
        "session": session, "items": page.items, "others": page.others,
        "current": next((i for i in page.items if not i.done), None),
        "rest_ends_at": _rest_ends_at(last_set, rest), "details": blank_set_details(),
    })


DEFAULT_REST_SECONDS = 90


def planned_rest(*, user, plan_exercise, exercise) -> int:
    """The rest the timer counts down after a set: the plan's, else the exercise's
    default, else the user's own default (profile), else 90 s. (What is stored with the
    set is the rest actually taken.)"""
    for seconds in (getattr(plan_exercise, "rest_time_seconds", None),
                    getattr(exercise, "default_rest_time_seconds", None), user.default_rest_seconds):
        if seconds:
            return seconds
    return DEFAULT_REST_SECONDS


def _rest_ends_at(logged: ExerciseSession | None, rest_seconds: int | None) -> int | None:
    """Epoch milliseconds when the rest after a set ends (wall clock, so the timer
    survives reloads and a phone in a pocket); None without a set or a rest."""
    if logged is None or not rest_seconds:
        return None
    return int(logged.created_at.timestamp() * 1000) + rest_seconds * 1000


def _set_input(weight_text: str, reps_text: str, unit_system: str) -> tuple[Decimal | None, int | None, dict]:
    """A set's weight (kg) and reps as typed, and a message per field typed wrongly.
    A blank field is None here; the service says it is required."""
    errors = {}
    weight = None
    try:
        weight = units.to_kg(weight_text, unit_system) if weight_text.strip() else None
    except units.WeightError as exc:
        errors["weight"] = str(exc)
    reps = parse_int(reps_text)
    if reps_text.strip() and reps is None:
        errors["reps"] = "Enter the reps as a whole number."
    return weight, reps, errors


@require_POST
def set_log(request, session_id):
    """HTMX: log one set. The form's `id` was generated with the page, so a repeat
    (double tap, retry, second tab) answers with the stored set instead of a second."""
    session = _session_or_404(request, session_id)
    set_id = parse_uuid(request.POST.get("id"))
    plan_exercise = _plan_exercise(session, request.POST.get("plan_exercise"))
    exercise = exercise_by_id(request.POST.get("exercise"))
    number = parse_int(request.POST.get("number")) or 1
    context = {"session": session, "exercise": exercise, "plan_exercise": plan_exercise, "number": number,
               "form_id": set_id, "weight_text": request.POST.get("weight", ""), "keep_weight": True,
               "reps_text": request.POST.get("reps", ""), "errors": {}}
    if set_id is None or exercise is None:
        context["errors"]["form"] = "That form is out of date. Reload the page and log the set again."
        context["form_id"] = set_id or uuid.uuid4()
        return _render_set(request, context, status=400)
    weight, reps, context["errors"] = _set_input(context["weight_text"], context["reps_text"],
                                                 request.user.unit_system)
    details = SetDetailsForm(request.POST)
    context["details"] = set_details_fields(details)
    if not details.is_valid():
        context["errors"].update({k: " ".join(v) for k, v in details.errors.items()})
    if not context["errors"]:
        rest = planned_rest(user=request.user, plan_exercise=plan_exercise, exercise=exercise)
        try:
            logged, new_records, _ = services.set_log(session=session, set_id=set_id, exercise=exercise,
                                                      weight_kg=weight, reps=reps, **details.details())
        except services.SessionClosed as exc:
            context["errors"]["form"] = " ".join(exc.messages)
        except ValidationError as exc:
            context["errors"].update(error_messages(exc))
        else:
            context.update(logged=logged, just_logged=True,
                           new_records=[r for r in new_records if not r.first_time and not r.same_session],
                           first_time=any(r.first_time for r in new_records),
                           rest_ends_at=_rest_ends_at(logged, rest))
            return _render_set(request, context)
    return _render_set(request, context, status=400)


def _render_set(request, context, status=200):
    if not request.htmx:
        for message in context.get("errors", {}).values():
            messages.error(request, message)
        for record in context.get("new_records", []):
            messages.success(request, f"New PR: {record.get_record_type_display()} "
                                      f"{units.display_record(record.record_type, record.value, request.user.unit_system)}")
        return redirect("sessions:workout", context["session"].pk)
    return render(request, "sessions/workout.html#set-row", context, status=status)


@require_GET
def set_new(request, session_id):
    """HTMX: one more set row for an exercise (beyond the plan), with a fresh id."""
    session = _session_or_404(request, session_id)
    exercise = exercise_by_id(request.GET.get("exercise"))
    if exercise is None:
        raise Http404("No such exercise.")
    return render(request, "sessions/workout.html#set-row", {
        "session": session, "exercise": exercise, "number": parse_int(request.GET.get("number")) or 1,
        "form_id": uuid.uuid4(), "errors": {}, "details": blank_set_details(),
        "plan_exercise": _plan_exercise(session, request.GET.get("plan_exercise")),
        "weight_text": request.GET.get("weight", ""), "reps_text": request.GET.get("reps", ""),
    })


@require_http_methods(["GET", "POST"])
def set_edit(request, session_id, set_id):
    """Edit a logged set (in the session or from history); records are recomputed."""
    try:
        logged = selectors.set_for_user(user=request.user, session_id=session_id, set_id=set_id)
    except ExerciseSession.DoesNotExist:
        raise Http404("No such set.")
    errors = {}
    weight_text = request.POST.get("weight", str(units.from_kg(logged.weight, request.user.unit_system)))
    reps_text = request.POST.get("reps", str(logged.reps))
    if request.method == "POST":
        weight, reps, errors = _set_input(weight_text, reps_text, request.user.unit_system)
        if not errors:
            try:
                services.set_update(logged_set=logged, weight_kg=weight, reps=reps)
            except ValidationError as exc:
                errors.update(error_messages(exc))
            else:
                messages.success(request, "Set updated; records recomputed.")
                return _back_to_session(request, logged.workout_session)
    return render(request, "sessions/set_edit.html", {
        "logged": logged, "session": logged.workout_session, "errors": errors,
        "weight_text": weight_text, "reps_text": reps_text}, status=400 if errors else 200)


@require_POST
def set_delete(request, session_id, set_id):
    try:
        logged = selectors.set_for_user(user=request.user, session_id=session_id, set_id=set_id)
    except ExerciseSession.DoesNotExist:
        raise Http404("No such set.")
    services.set_delete(logged_set=logged)
    messages.success(request, f"Deleted set {logged.set_number} of {logged.exercise.name}; records recomputed.")
    return _back_to_session(request, logged.workout_session)


def _back_to_session(request, session):
    name = "sessions:workout" if session.status == SessionStatus.IN_PROGRESS else "sessions:detail"
    return redirect_htmx(request, reverse(name, args=[session.pk]))


@require_http_methods(["GET", "POST"])
def swap(request, session_id, plan_exercise_id):
    """Swap one exercise of the workout for another training the same muscles with the
    user's equipment: the best substitutes are listed, or searched (the exercise-pick
    form, as for adding one). On a normal plan: this workout only (default) or the plan
    too. On the workout's own plan (an empty or changed workout) the swap is made in
    that plan, which is this workout's; it reaches the user's plan only if applied."""
    session = _session_or_404(request, session_id)
    plan_exercise = WorkoutExercise.objects.select_related("exercise").filter(
        pk=plan_exercise_id, workout_plan_id=session.workout_plan_id).first()
    own_plan = session.workout_plan.kind == PlanKind.ADHOC
    if plan_exercise is None:
        if own_plan:  # a link from before the workout got its own copy of the plan
            messages.info(request, "This workout changed since that page was loaded; here it is again.")
            return redirect("sessions:workout", session.pk)
        raise Http404("No such exercise in this workout.")
    original = plan_exercise.exercise
    # What may stand in: the rule of equipment.selectors.is_substitute, as a queryset.
    substitutes = (exercises_available_to(user=request.user)
                   .filter(primary_muscle_groups__overlap=original.primary_muscle_groups).exclude(pk=original.pk))
    if request.method == "POST":
        form = SwapForm(request.POST, picking=True)
        if form.is_valid():
            substitute, in_plan = form.cleaned_data["exercise"], own_plan or form.cleaned_data["in_plan"]
            try:
                services.session_swap(session=session, plan_exercise=plan_exercise, substitute=substitute,
                                      user=request.user, in_plan=in_plan)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                scope = ("" if own_plan else "; your plan uses it from now on") if in_plan else \
                    " for this workout; your plan is unchanged"
                messages.success(request, f"Swapped in {substitute.name}{scope}.")
                return redirect("sessions:workout", session.pk)
    else:
        form = SwapForm(request.GET or None)
    # Two scopes, picked with a switch at the top: this workout only (default) or the plan too.
    if form.is_bound:
        form.is_valid()
    in_plan = bool(getattr(form, "cleaned_data", {}).get("in_plan"))
    query = form.query
    return render(request, "sessions/swap.html", {
        "session": session, "plan_exercise": plan_exercise, "form": form, "in_plan": in_plan,
        "own_plan": own_plan, "query": query,
        "results": search_exercises(query=query, limit=10, exercises=substitutes) if query else [],
        "candidates": [] if query else substitutes_for(exercise=original, user=request.user),
    }, status=400 if form.errors else 200)


def _finish(request, session_id, finish, message: str, next_url: str, level=messages.SUCCESS):
    session = _session_or_404(request, session_id)
    try:
        finish(session=session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.add_message(request, level, message)
    return redirect_htmx(request, next_url or reverse("sessions:detail", args=[session.pk]))


@require_POST
def complete(request, session_id):
    return _finish(request, session_id, services.session_complete, "Workout complete. Well done!", "")


@require_http_methods(["GET", "POST"])
def abandon(request, session_id):
    """Asks first (GET), then abandons (POST) and goes back to the page the user was on,
    else to the workout's page, where it can be resumed for a day."""
    if request.method == "GET":
        session = _session_or_404(request, session_id)
        return render(request, "sessions/abandon.html", {
            "session": session, "next": safe_next(request, request.GET.get("next")) or ""})
    next_url = safe_next(request, request.POST.get("next")) or ""
    return _finish(request, session_id, services.session_abandon,
                   "Workout abandoned. You can resume it for a day from its page.", next_url, level=messages.INFO)


@require_POST
def resume(request, session_id):
    session = _session_or_404(request, session_id)
    try:
        services.session_resume(session=session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("sessions:detail", session.pk)
    return redirect("sessions:workout", session.pk)


@require_GET
def detail(request, session_id):
    session = _session_or_404(request, session_id)
    sets = selectors.session_sets(session=session)
    summary = selectors.summary(session=session)
    skipped = []
    if session.status != SessionStatus.IN_PROGRESS:
        items = selectors.workout(user=request.user, session=session).items
        skipped = [(i, sum(1 for s in i.sets if not s.logged)) for i in items if not i.done]
    return render(request, "sessions/detail.html", {
        "session": session, "sets": sets, "summary": summary, "skipped": skipped,
        "can_resume": services.can_resume(session), **change_views.finish_context(session)})


@require_http_methods(["GET", "POST"])
def delete(request, session_id):
    session = _session_or_404(request, session_id)
    if request.method == "POST":
        services.session_soft_delete(session=session)
        messages.success(request, "Workout deleted; its sets no longer count for records.")
        return redirect_htmx(request, reverse("sessions:history"))
    return render(request, "sessions/delete.html", {"session": session})


@require_GET
def history(request):
    form = HistoryFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    sessions = selectors.history(user=request.user, status=filters.get("status") or "",
                                 plan_id=filters.get("plan").pk if filters.get("plan") else None,
                                 date_from=filters.get("date_from"), date_to=filters.get("date_to"))
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "sessions/history.html", {"form": form, "page": page},
                  status=200 if not form.errors else 400)
