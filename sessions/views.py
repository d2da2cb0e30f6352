"""Workout screens: start, the active workout (one-tap set logging), swap, complete,
abandon, history and session detail."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allworkouts import units
from allworkouts.forms import add_service_error
from allworkouts.http import parse_int, parse_uuid, redirect_htmx, safe_next
from equipment.models import UserEquipment
from equipment.selectors import exercise_load_kind, exercises_available_to, search_exercises, substitutes_for
from plans.models import PlanKind, WorkoutExercise, WorkoutPlan
from plans.selectors import plan_header_for_user
from records.progress import this_week
from sessions import change_views, selectors, services
from sessions.change_forms import SwapForm
from sessions import workout_page
from sessions.forms import (
    OUT_OF_DATE, HistoryFilterForm, SetEditForm, SetForm, blank_set_details, exercise_with_load_kind,
    set_details_fields,
)
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


def _session_or_404(request, session_id, load=selectors.session_for_user, **kwargs) -> WorkoutSession:
    """The user's session, read by `load` (selectors.session_for_user, or a variant that
    also locks it); a 404 when there is none."""
    try:
        return load(user=request.user, session_id=session_id, **kwargs)
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
    session, last_note = _session_or_404(request, session_id, selectors.workout_session)
    if session.status != SessionStatus.IN_PROGRESS:
        return redirect("sessions:detail", session.pk)
    page = workout_page.workout(user=request.user, session=session)
    last_set = page.latest_set
    return render(request, "sessions/workout.html", {
        "session": session, "page": page, "details": blank_set_details(),
        "last_note": last_note,
        "timer_ends_at": workout_page.rest_ends_at(last_set, page.rest_after(last_set) if last_set else None),
    })


def _refused_row(form: SetForm, messages_: list[str]) -> workout_page.PlannedSet:
    """The row sent back when a set is refused: what was typed, and why."""
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    return workout_page.PlannedSet(
        number=data.get("number") or parse_int(form.data.get("number")) or 1,
        form_id=data.get("id") or uuid.uuid4(), exercise=form.exercise,
        plan_exercise=getattr(form, "plan_exercise", None),
        weight_text=form.data.get("weight", ""), reps_text=form.data.get("reps", ""),
        errors=messages_, details=set_details_fields(form), rest_after=workout_page.planned_rest(
            user=form.session.user, plan_exercise=getattr(form, "plan_exercise", None), exercise=form.exercise),
        confirm=any(e.code == "implausible" for e in form.errors.as_data().get("weight", [])))


@require_POST
def set_log(request, session_id):
    """HTMX: log one set. The form's `id` was generated with the page, so a repeat
    (double tap, retry, second tab) answers with the stored set instead of a second.
    The answer is the logged row and, out of band, what the set changed around it: the
    card's header (n/m, done), its "+ Add set", the exercise's next row (the weight
    just lifted carried into it) and, when the card is done, the next card, opened."""
    # The session with the locks the write takes, from the start: what the answer
    # shows is then read as the write will find it (one statement for all three).
    locked_exercise = parse_uuid(request.POST.get("exercise"))
    session = _session_or_404(request, session_id, services.set_log_session, exercise_id=locked_exercise)
    # The plan first: the row's exercise is one of its (no query of its own), and the
    # answer shows it.
    plan = workout_page.read_plan(session) if request.htmx else None
    form = SetForm(request.POST, session=session, plan=plan, unit_system=request.user.unit_system)
    if form.is_valid() and form.exercise is not None:
        data = form.cleaned_data
        plan_exercise_id = form.plan_exercise.pk if form.plan_exercise else None
        focus = plan_exercise_id or workout_page.NO_CARD
        # The answer's sets and last time's ride in the INSERT statement (after the
        # locks, so they show what the write finds): one statement fewer.
        along = services.ReadAlong(*workout_page.sets_and_last_time_read(
            user=request.user, session=session, plan=plan, focus=focus)) if request.htmx else None
        try:
            logged, new_records, _ = services.set_log(
                session=session, set_id=data["id"], exercise=form.exercise, weight_kg=data["weight_kg"],
                reps=data["reps"], confirmed=data["confirm"], unit_system=request.user.unit_system,
                locked=form.exercise.pk == locked_exercise, read_along=along, **form.details())
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            page_data = workout_page.read(user=request.user, session=session, adding=form.exercise, plan=plan,
                                          focus=focus, rows=along.rows) if request.htmx else None
            return _set_logged(request, session, form, logged, new_records, page_data)
    if form.exercise is None and not form.non_field_errors():
        form.add_error(None, OUT_OF_DATE)
    errors = [m for field_errors in form.errors.values() for m in field_errors]
    if form.exercise is None:
        # Nothing to show the row for: say so where the row was.
        return _render_or_redirect(request, session, "sessions/workout.html#set-error",
                                   {"messages_": errors, "session": session}, errors, status=400)
    return _render_or_redirect(request, session, "sessions/workout.html#set-row",
                               {"session": session, "row": _refused_row(form, errors),
                                "details": blank_set_details()}, errors, status=400)


def _set_logged(request, session, form, logged, new_records, page_data):
    if not request.htmx:
        for record in new_records:
            if not record.first_time and not record.same_session:
                messages.success(request, f"New PR: {record.get_record_type_display()} "
                                          f"{units.display_record(record.record_type, record.value, request.user.unit_system)}")
        return redirect("sessions:workout", session.pk)
    plan_exercise_id = form.plan_exercise.pk if form.plan_exercise else None
    # Only what the answer shows was read in full: the logged card's group (and the next
    # group when it is done); a set for no plan exercise needs only the counts.
    page_data.add(logged, new_records)
    page = workout_page.build(user=request.user, data=page_data)
    group = page.group_of(plan_exercise_id) if plan_exercise_id else None
    card = page.card_of(plan_exercise_id) if plan_exercise_id else None
    next_row = None
    if card is not None:
        later = [r for r in card.sets if not r.logged and r.number > (form.cleaned_data.get("number") or 0)]
        # Only a row that had nothing better than the carried weight (no set of its
        # number last time) is sent again; one pre-filled from last time stays.
        next_row = later[0] if later and not later[0].from_last_time else None
    next_group = page.next_group(group) if group is not None and group.done else None
    return render(request, "sessions/set_logged.html", {
        "session": session, "page": page, "logged": logged, "group": group, "next_row": next_row,
        "next_group": next_group, "details": blank_set_details(), "just_logged": True,
        "new_records": [r for r in new_records if not r.first_time and not r.same_session],
        "first_time": any(r.first_time for r in new_records),
        "rest_ends_at": workout_page.rest_ends_at(logged, page.rest_after(logged)),
    })


def _render_or_redirect(request, session, template, context, errors, status=200):
    """HTMX gets the partial; a plain form post (no JS) goes back to the workout with
    the messages shown there."""
    if not request.htmx:
        for message in errors:
            messages.error(request, message)
        return redirect("sessions:workout", session.pk)
    return render(request, template, context, status=status)


@require_GET
def set_new(request, session_id):
    """HTMX: one more set row for an exercise (beyond the plan), with a fresh id,
    pre-filled with the latest set of the card; its "+ Add set" comes along, numbered
    after it."""
    session = _session_or_404(request, session_id)
    exercise = exercise_with_load_kind(request.GET.get("exercise"))
    if exercise is None:
        raise Http404("No such exercise.")
    number = min(max(parse_int(request.GET.get("number")) or 1, 1), 10_000)
    weight = None
    try:
        weight = units.to_kg(request.GET.get("weight_kg", ""), "metric") if request.GET.get("weight_kg") else None
    except units.WeightError:
        pass  # a stale or edited link: the row just starts blank
    reps = parse_int(request.GET.get("reps"))
    row = workout_page.PlannedSet(number=number, form_id=uuid.uuid4(), exercise=exercise,
                                  plan_exercise=_plan_exercise(session, request.GET.get("plan_exercise")),
                                  weight=weight, reps=reps if reps and 0 < reps <= 1000 else None)
    row.rest_after = workout_page.planned_rest(user=request.user, plan_exercise=row.plan_exercise, exercise=exercise)
    return render(request, "sessions/set_new.html", {"session": session, "row": row, "details": blank_set_details()})


@require_http_methods(["GET", "POST"])
def set_edit(request, session_id, set_id):
    """Edit a logged set (in the session or from history); records are recomputed."""
    try:
        logged = selectors.set_for_user(user=request.user, session_id=session_id, set_id=set_id)
    except ExerciseSession.DoesNotExist:
        raise Http404("No such set.")
    kind = exercise_load_kind(logged.exercise)  # one query: the set's exercise's equipment
    initial = {"weight": units.load_input_value(logged.weight, request.user.unit_system, kind), "reps": logged.reps,
               "set_type": logged.set_type or "", "rpe": logged.rpe, "notes": logged.notes or ""}
    form = SetEditForm(request.POST if request.method == "POST" else None, initial=initial, exercise=logged.exercise,
                       unit_system=request.user.unit_system, auto_id="id_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.set_update(logged_set=logged, weight_kg=data["weight_kg"], reps=data["reps"], **form.details())
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Set updated; records recomputed.")
            return _back_to_session(request, logged.workout_session)
    return render(request, "sessions/set_edit.html", {
        "logged": logged, "session": logged.workout_session, "form": form, "load_kind": kind},
        status=400 if form.errors else 200)


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
        items = workout_page.workout(user=request.user, session=session).cards
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
