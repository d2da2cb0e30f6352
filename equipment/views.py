"""The user's equipment: a page (and onboarding step) of toggles, each an HTMX POST."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from equipment import selectors, services
from equipment.forms import ExerciseAddForm
from equipment.models import Equipment


@require_GET
def equipment_list(request):
    return render(
        request, "equipment/equipment_list.html",
        {"choices": selectors.equipment_choices_for_user(user=request.user)},
    )


@require_GET
def onboarding(request):
    """The last onboarding step: the same toggles, then on to the app."""
    return render(
        request, "equipment/onboarding.html",
        {"choices": selectors.equipment_choices_for_user(user=request.user)},
    )


@require_POST
def equipment_toggle(request, equipment_id):
    """Set owned/not owned from the posted `owned` value ("1"/"0"), so a repeated tap
    leaves the state the user last saw rather than flipping it back."""
    try:
        choice = selectors.equipment_choice(user=request.user, equipment_id=equipment_id)
    except Equipment.DoesNotExist:
        raise Http404("No such equipment.")
    return_to = request.POST.get("return_to", "")
    owned = request.POST.get("owned")
    if owned not in ("0", "1"):
        error = "That didn't work: the request was incomplete. Tap again."
        if request.htmx:
            return render(request, "equipment/equipment_list.html#equipment-item",
                          {"choice": choice, "error": error, "return_to": return_to}, status=400)
        messages.error(request, error)
    else:
        services.user_equipment_set(user=request.user, equipment=choice.equipment, owned=owned == "1")
        if request.htmx:
            choice = selectors.EquipmentChoice(equipment=choice.equipment, owned=owned == "1")
            return render(request, "equipment/equipment_list.html#equipment-item",
                          {"choice": choice, "return_to": return_to})
    if request.POST.get("return_to") == "onboarding":
        return redirect("equipment:onboarding")
    return redirect("equipment:list")


@require_http_methods(["GET", "POST"])
def exercise_add(request):
    """Add an exercise the catalogue lacks (linked from a search with no result); back
    to where the search was (`next`, a local path only) when done."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()) or not next_url.startswith("/"):
        next_url = ""
    form = ExerciseAddForm(request.POST or None, initial={"name": request.GET.get("name", "")[:100]})
    if request.method == "POST" and form.is_valid():
        try:
            exercise = services.exercise_add_by_user(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Added “{exercise.name}” to the catalogue; everyone can use it now.")
            return redirect(next_url or "plans:list")
    return render(request, "equipment/exercise_add.html", {"form": form, "next": next_url},
                  status=400 if form.errors else 200)
