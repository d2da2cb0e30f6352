"""Plan screens: import a pasted plan, list, view, build and edit plans, substitute."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allworkouts.http import parse_uuid, redirect_htmx
from equipment.forms import ExercisePickForm
from equipment.selectors import exercise_by_id, missing_equipment, substitutes_for
from plans import importing, selectors, services
from plans.forms import (ExerciseSearchForm, ImportTextForm, PlanForm, PrescriptionForm, ReviewSearchFields,
                         ReviewSearchForm, SupersetForm)
from plans.models import WorkoutExercise, WorkoutPlan
from plans.parser import MAX_CHARS

PAGE_SIZE = 20


def _plan_or_404(request, plan_id, *, with_exercises: bool = True) -> WorkoutPlan:
    selector = selectors.plan_for_user if with_exercises else selectors.plan_header_for_user
    try:
        return selector(user=request.user, plan_id=plan_id)
    except WorkoutPlan.DoesNotExist:
        raise Http404("No such plan.")


def _plan_exercise_or_404(request, plan_id, plan_exercise_id) -> WorkoutExercise:
    try:
        return selectors.plan_exercise_for_user(user=request.user, plan_id=plan_id,
                                                plan_exercise_id=plan_exercise_id)
    except WorkoutExercise.DoesNotExist:
        raise Http404("No such exercise in this plan.")


# --- import ------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def plan_import(request):
    """Paste -> preview -> review actions -> confirm, all on one URL. Nothing is written
    before "confirm"; the review round-trips in the form (plans.importing)."""
    if request.method == "GET":
        return render(request, "plans/import.html", {"form": ImportTextForm()})
    action = request.POST.get("action", "preview")
    if action == "preview":
        return _import_preview(request)
    try:
        review = importing.review_from_post(request.POST)
    except importing.ReviewError as exc:
        text = request.POST.get("text", "").replace("\x00", "")[:MAX_CHARS]
        return _render_import(request, form=ImportTextForm(initial={"text": text}), status=400, error=str(exc))
    if not review.days:
        return _render_import(request, form=ImportTextForm(initial={"text": review.text}), status=400,
                              error="That preview has expired. Paste your plan again.")
    substitutes_row = ""
    if action.startswith("subs:"):
        substitutes_row = action.partition(":")[2]
    elif action.startswith("newex:"):
        importing.add_exercise(review, action.partition(":")[2], request.POST, user=request.user)
    elif action != "confirm":
        importing.apply_action(review, action)
    importing.attach_exercises(review, user=request.user, substitutes_for_row=substitutes_row)
    if action != "confirm":
        importing.keep_marks(review)
        return _render_import(request, form=ImportTextForm(initial={"text": review.text}), review=review)
    days = importing.validate(review)
    if days is None:
        return _render_import(request, form=ImportTextForm(initial={"text": review.text}), review=review,
                              status=400, refused=True)
    try:
        plans, created = services.plan_import_confirm(user=request.user, token=parse_uuid(review.token),
                                                      raw_text=review.text, days=days)
    except ValidationError as exc:
        return _render_import(request, form=ImportTextForm(initial={"text": review.text}), review=review,
                              status=400, refused=True, error=" ".join(exc.messages))
    if created:
        names = ", ".join(p.name for p in plans[:5]) + (f" and {len(plans) - 5} more" if len(plans) > 5 else "")
        messages.success(request, f"Imported {len(plans)} plan{'s' if len(plans) != 1 else ''}: {names}.")
    else:
        messages.info(request, "That import was already saved; here are its plans.")
    url = reverse("plans:detail", args=[plans[0].pk]) if len(plans) == 1 else reverse("plans:list")
    return redirect_htmx(request, url)


def _import_preview(request):
    form = ImportTextForm(request.POST)
    if not form.is_valid():
        return _render_import(request, form=form, status=400)
    text = form.cleaned_data["text"]
    try:
        result = importing.parse_text(text)
    except importing.ReviewError as exc:
        form.add_error("text", str(exc))
        return _render_import(request, form=form, status=400)
    if not result.exercises:
        form.add_error("text", "No exercise found in that text. Put one exercise per line, "
                               "like “Bench press 3x8-10” or “Squat 5x5 @ 100kg”.")
        return _render_import(request, form=form, status=400)
    review = importing.review_from_parse(text=text, result=result)
    importing.attach_exercises(review, user=request.user)
    return _render_import(request, form=form, review=review)


def _render_import(request, *, form, review=None, status=200, refused=False, error=""):
    context = {"form": form, "review": review, "refused": refused, "error": error,
               "max_rows": importing.MAX_ROWS, "import_url": reverse("plans:import")}
    template = "plans/import.html#import-body" if request.htmx else "plans/import.html"
    return render(request, template, context, status=_form_status(request, status))


def _form_status(request, status: int) -> int:
    """A page posted without JavaScript that the user must correct is a 400, as
    everywhere in the app. Over htmx the same answer is a 200: it is the form with its
    messages, to be swapped in like any other, and a 4xx makes the browser and htmx log
    an error in the console for what is only a message to the user."""
    return 200 if request.htmx and status == 400 else status


@require_GET
def plan_import_search(request):
    """HTMX: one review row's search, answered with that row's picker alone (options,
    search box, what was found), not the whole review, whose other rows stay in the
    page as the user left them. Without JavaScript the Search button posts the whole
    review instead (plan_import, action "search:<row>")."""
    form = ReviewSearchForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(form.errors["action"]))
    fields = ReviewSearchFields(request.GET, prefix=f"row-{form.row_key}")
    valid = fields.is_valid()
    row = importing.search_row(key=form.row_key, search=fields.cleaned_data.get("search", "") if valid else "",
                               exercise_id=fields.cleaned_data.get("exercise", ""))
    if not valid:
        row.errors["search"] = " ".join(e for errors in fields.errors.values() for e in errors)
    return render(request, "plans/import.html#row-picker", {"row": row, "import_url": reverse("plans:import")},
                  status=_form_status(request, 200 if valid else 400))


# --- plans -------------------------------------------------------------------------

@require_GET
def plan_list(request):
    page = Paginator(selectors.plans_for_user(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "plans/plan_list.html", {"page": page})


@require_GET
def plan_detail(request, plan_id):
    plan = _plan_or_404(request, plan_id)
    items = list(plan.exercises.all())
    missing = missing_equipment(user=request.user, exercises=[i.exercise for i in items])
    for item in items:
        item.missing_equipment = missing.get(item.exercise_id, [])
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "items": items, "blocks": selectors.plan_blocks(items),
        "muscle_groups": selectors.muscle_groups_trained(plan),
    })


@require_http_methods(["GET", "POST"])
def plan_create(request):
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(user=request.user, name=form.cleaned_data["name"],
                                        description=form.cleaned_data["description"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Plan created. Now add its exercises.")
            return redirect("plans:edit", plan.pk)
    return render(request, "plans/plan_form.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def plan_edit(request, plan_id):
    plan = _plan_or_404(request, plan_id)
    form = PlanForm(request.POST or None, initial={"name": plan.name, "description": plan.description})
    if request.method == "POST" and form.is_valid():
        services.plan_update(plan=plan, name=form.cleaned_data["name"],
                             description=form.cleaned_data["description"])
        messages.success(request, "Saved.")
        return redirect("plans:edit", plan.pk)
    return _render_edit(request, plan, form=form, status=400 if form.errors else 200)


def _render_edit(request, plan, *, form=None, status=200, template="plans/plan_edit.html", **extra):
    items = list(plan.exercises.all())
    selectors.plan_blocks(items)  # tags superset members (A1, A2) for the page
    search = ExerciseSearchForm(request.GET or None)
    return render(request, template, {
        "plan": plan, "form": form or PlanForm(initial={"name": plan.name, "description": plan.description}),
        "items": [(i, PrescriptionForm(initial=_prescription(i), prefix=str(i.pk))) for i in items],
        "search_form": search, **extra,
    }, status=status)


def _prescription(item: WorkoutExercise) -> dict:
    return {"sets": item.sets, "reps_min": item.reps_min, "reps_max": item.reps_max,
            "rest_time_seconds": item.rest_time_seconds}


@require_GET
def exercise_search(request, plan_id):
    """HTMX: catalogue results to add to a plan."""
    plan = _plan_or_404(request, plan_id, with_exercises=False)
    form = ExerciseSearchForm(request.GET)
    results = []
    if form.is_valid():
        results = selectors.exercise_search(user=request.user, q=form.cleaned_data["q"].strip(),
                                            muscle=form.cleaned_data["muscle"],
                                            owned_only=form.cleaned_data["owned"])
    missing = missing_equipment(user=request.user, exercises=results)
    for exercise in results:
        exercise.missing_equipment = missing.get(exercise.pk, [])
    return render(request, "plans/plan_edit.html#search-results",
                  {"plan": plan, "results": results, "searched": form.is_valid()},
                  status=200 if form.is_valid() else 400)


@require_POST
def plan_exercise_add(request, plan_id):
    plan = _plan_or_404(request, plan_id, with_exercises=False)
    exercise = exercise_by_id(request.POST.get("exercise"))
    if exercise is None:
        messages.error(request, "Pick an exercise from the search results.")
    else:
        services.plan_exercise_add(
            plan=plan, exercise=exercise, sets=3, reps_min=exercise.default_reps or 8,
            reps_max=exercise.default_reps or 12, rest_time_seconds=exercise.default_rest_time_seconds)
        messages.success(request, f"Added {exercise.name}. Set its sets and reps below.")
    return redirect_htmx(request, reverse("plans:edit", args=[plan.pk]))


@require_POST
def plan_exercise_update(request, plan_id, plan_exercise_id):
    item = _plan_exercise_or_404(request, plan_id, plan_exercise_id)
    form = PrescriptionForm(request.POST, prefix=str(item.pk))
    saved = False
    if form.is_valid():
        services.plan_exercise_update(plan_exercise=item, **form.cleaned_data)
        saved = True
    if request.htmx:
        selectors.tag_plan_exercise(item)  # the partial shows the superset taps too
        return render(request, "plans/plan_edit.html#item", {"item": item, "form": form, "saved": saved,
                                                             "plan": item.workout_plan},
                      status=200 if saved else 400)
    if saved:
        messages.success(request, f"Saved {item.exercise.name}.")
    else:
        messages.error(request, f"{item.exercise.name}: " + " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("plans:edit", plan_id)


@require_POST
def plan_exercise_move(request, plan_id, plan_exercise_id):
    item = _plan_exercise_or_404(request, plan_id, plan_exercise_id)
    try:
        services.plan_exercise_move(plan_exercise=item, direction=request.POST.get("direction", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect_htmx(request, reverse("plans:edit", args=[plan_id]))


@require_POST
def plan_exercise_remove(request, plan_id, plan_exercise_id):
    item = _plan_exercise_or_404(request, plan_id, plan_exercise_id)
    services.plan_exercise_remove(plan_exercise=item)
    messages.success(request, f"Removed {item.exercise.name}.")
    return redirect_htmx(request, reverse("plans:edit", args=[plan_id]))


@require_POST
def plan_exercise_superset(request, plan_id, plan_exercise_id):
    """"Superset with next" or "Ungroup" on one exercise of the editor (the rules live
    in plans.services); back to the editor, or the editor again with the refusal on
    the exercise (400)."""
    item = _plan_exercise_or_404(request, plan_id, plan_exercise_id)
    form = SupersetForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["action"] == "next":
                label = services.plan_exercise_superset_with_next(plan_exercise=item)
                done = f"{item.exercise.name} is now in superset {label} with the next exercise."
            else:
                services.plan_exercise_ungroup(plan_exercise=item)
                done = f"{item.exercise.name} is no longer in a superset."
        except ValidationError as exc:
            form.add_error(None, exc)
        except WorkoutExercise.DoesNotExist:
            raise Http404("No such exercise in this plan.")  # removed meanwhile
        else:
            messages.success(request, done)
            return redirect_htmx(request, reverse("plans:edit", args=[plan_id]) + f"#item-{item.pk}")
    plan = _plan_or_404(request, plan_id)
    return _render_edit(request, plan, status=400, superset_item=item.pk,
                        superset_errors=[e for errs in form.errors.values() for e in errs])


@require_http_methods(["GET", "POST"])
def plan_exercise_substitute(request, plan_id, plan_exercise_id):
    item = _plan_exercise_or_404(request, plan_id, plan_exercise_id)
    error = ""
    if request.method == "POST":
        form = ExercisePickForm(request.POST, picking=True)  # the app's one exercise-pick form
        substitute = form.cleaned_data["exercise"] if form.is_valid() else None
        if substitute is None:
            error = "Pick one of the substitutes below."
        else:
            original = item.exercise.name
            try:
                services.plan_exercise_substitute(plan_exercise=item, substitute=substitute, user=request.user)
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(request, f"Swapped {original} for {substitute.name}; sets, reps and rest kept.")
                return redirect_htmx(request, reverse("plans:detail", args=[plan_id]))
    candidates = substitutes_for(exercise=item.exercise, user=request.user)
    return render(request, "plans/substitute.html",
                  {"item": item, "plan": item.workout_plan, "candidates": candidates, "error": error},
                  status=400 if error else 200)


@require_http_methods(["GET", "POST"])
def plan_delete(request, plan_id):
    plan = _plan_or_404(request, plan_id, with_exercises=False)
    if request.method == "POST":
        services.plan_soft_delete(plan=plan)
        messages.success(request, f"Deleted “{plan.name}”. Its past workouts stay in your history.")
        return redirect_htmx(request, reverse("plans:list"))
    return render(request, "plans/plan_delete.html", {"plan": plan})
