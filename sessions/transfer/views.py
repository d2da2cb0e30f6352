"""Import history (upload -> preview with mapping and unit -> import -> undo) and the
exports. Thin: form -> sessions.transfer.services / export -> one template."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allworkouts.http import parse_int, parse_uuid, redirect_htmx
from equipment.forms import ExerciseAddForm
from equipment.selectors import catalogue_entries
from plans.matching import search
from sessions.transfer import export, services
from sessions.transfer.forms import UnitForm, UploadForm
from sessions.transfer.models import HistoryImport, ImportStatus
from sessions.transfer.readers import ExportFileError, to_kg

RECENT = 10


def _import_for(*, user, import_id) -> HistoryImport:
    found = HistoryImport.objects.filter(user=user, pk=parse_uuid(import_id)).first()
    if found is None:
        raise Http404("No such import.")
    return found


@require_http_methods(["GET", "POST"])
def import_start(request):
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                parsed = services.parse_file(upload.open("rb"))
                upload.seek(0)
                text = upload.read().decode("utf-8-sig")
            except ExportFileError as exc:
                form.add_error("file", str(exc))  # the reader's message, shown as the form's others
            else:
                history_import = services.create_import(user=request.user, filename=upload.name, text=text,
                                                        parsed=parsed)
                return redirect("sessions:import_detail", import_id=history_import.pk)
    services.recover_stale_imports(user=request.user)
    imports = HistoryImport.objects.filter(user=request.user).order_by("-created_at").only(
        "id", "filename", "format", "status", "summary", "created_at")[:RECENT]
    status = 400 if request.method == "POST" else 200
    return render(request, "sessions/transfer/import.html", {"form": form, "imports": imports},
                  status=status)


def _heaviest_kg(parsed, unit: str):
    """The heaviest set in kg at this unit: the preview shows it so a wrong unit shows."""
    return max((to_kg(s.weight, s.unit or unit) for w in parsed.workouts for s in w.sets), default=None)


def _preview(request, history_import: HistoryImport, *, unit: str | None = None,
             chosen: dict[str, str | None] | None = None, add_forms: dict | None = None,
             added: dict | None = None, searched: dict | None = None) -> dict:
    """Everything the preview shows, counted for this unit and these choices (the same
    services as the import itself, so the numbers are what the import will add)."""
    parsed = services.parse_text(history_import.source or "")
    mapping = services.with_choices(services.match_names(user=request.user, names=parsed.names), chosen)
    guess, shown = parsed.unit_guess()
    unit = unit or parsed.file_unit or (None if parsed.needs_unit else "kg") or guess
    _, summary = services.plan_import(user=request.user, parsed=parsed, mapping=mapping, unit=unit)
    catalog = catalogue_entries()
    add_forms, added, searched = add_forms or {}, added or {}, searched or {}
    rows = []
    for index, (name, match) in enumerate(sorted(mapping.items())):
        query, found = searched.get(index, ("", None))
        options = found if found is not None else [(e.id, e.name) for e, _ in search(name, catalog, limit=8)]
        if match.exercise_id and match.exercise_id not in {o[0] for o in options}:
            options.insert(0, (match.exercise_id, match.exercise_name))
        rows.append({"index": index, "name": name, "sets": parsed.names[name], "match": match, "options": options,
                     "add_form": add_forms.get(index), "added": added.get(index), "query": query,
                     "searched": found is not None})
    return {"parsed": parsed, "summary": summary, "rows": rows, "unit": unit, "needs_unit": parsed.needs_unit,
            "guess": guess, "guess_shown": shown, "examples": parsed.skipped_examples,
            "heaviest_kg": _heaviest_kg(parsed, unit)}


def _posted_choices(request, names: list[str]) -> dict[str, str | None]:
    """The exercise chosen for each name of the file (select map-<index>), or None."""
    chosen = {}
    for index, name in enumerate(names):
        value = parse_uuid(request.POST.get(f"map-{index}", ""))
        chosen[name] = str(value) if value else None
    return chosen


def _typed(request, name: str) -> str:
    return " ".join(request.POST.get(name, "").split())[:100]


def _fresh_search(request, count: int, index: int | None) -> int | None:
    """The row to search when Enter was pressed in a search box: the browser then sends
    the form's first button (Recount, or the first row's Search), not that row's. The
    row meant is the one whose box holds a search not yet made (it differs from the
    hidden searched-<row>); None when the button's own row is it, or none or several are."""
    fresh = [i for i in range(count) if _typed(request, f"search-{i}")
             and _typed(request, f"search-{i}") != _typed(request, f"searched-{i}")]
    if index in fresh or len(fresh) != 1:
        return None
    return fresh[0]


def _add_form(index: int, name: str, data=None) -> ExerciseAddForm:
    return ExerciseAddForm(data, prefix=f"new-{index}", initial={"name": name[:100]})


def _preview_post(request, history_import: HistoryImport):
    """The preview form's buttons: import (the default), recount (a unit or an exercise
    changed), search:<row> (search the catalogue for the row), newform:<row> (open "add
    as a new exercise"), newex:<row> (add it)."""
    unit_form = UnitForm(request.POST)
    unit = unit_form.cleaned_data["unit"] or None if unit_form.is_valid() else None
    names = sorted(services.parse_text(history_import.source or "").names)
    chosen = _posted_choices(request, names)
    action, _, key = request.POST.get("action", "import").partition(":")
    if action == "import":
        services.queue_import(user=request.user, history_import=history_import, chosen=chosen, unit=unit)
        return redirect("sessions:import_detail", import_id=history_import.pk)
    index = parse_int(key)
    if action in {"search", "recount"} and (fresh := _fresh_search(request, len(names), index)) is not None:
        action, index = "search", fresh
    add_forms, added, searched, status = {}, {}, {}, 200
    if action in {"newform", "newex", "search"} and index is not None and 0 <= index < len(names):
        if action == "search":
            # The catalogue searched for what the user typed (the app's matcher: typos,
            # abbreviations, other languages); the best result is chosen, the rest listed.
            query = _typed(request, f"search-{index}")
            if query:  # an empty search changes nothing (Enter in another row's field)
                found = [(e.id, e.name) for e, _ in search(query, catalogue_entries(), limit=20)]
                searched[index] = (query, found)
                if found:
                    chosen[names[index]] = found[0][0]
        elif action == "newform":
            add_forms[index] = _add_form(index, names[index])
        else:
            form = _add_form(index, names[index], request.POST)
            if form.is_valid():
                try:
                    exercise = services.add_exercise_for_name(user=request.user, file_name=names[index],
                                                              **form.cleaned_data)
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    chosen[names[index]], added[index] = str(exercise.pk), exercise.name
            if index not in added:
                add_forms[index], status = form, 400
    context = {"history_import": history_import,
               **_preview(request, history_import, unit=unit, chosen=chosen, add_forms=add_forms, added=added,
                          searched=searched)}
    template = "sessions/transfer/import_detail.html" + ("#preview" if request.htmx else "")
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
def import_detail(request, import_id):
    history_import = _import_for(user=request.user, import_id=import_id)
    try:
        return _import_detail(request, history_import)
    except ExportFileError as exc:
        # A preview kept before a reader's rule tightened: say why, keep nothing of it.
        services.preview_unreadable(history_import=history_import, message=f"{exc} Upload it again.")
        return redirect_htmx(request, request.path)


def _import_detail(request, history_import: HistoryImport):
    if request.method == "POST":
        if history_import.status != ImportStatus.PREVIEW:
            return redirect_htmx(request, request.path) if request.htmx else \
                redirect("sessions:import_detail", import_id=history_import.pk)
        return _preview_post(request, history_import)
    # A running import whose worker died is cleaned up here (its hidden rows removed) and
    # shown as interrupted, with "Try again".
    services.recover_stale(user=request.user, history_import=history_import)
    context = {"history_import": history_import}
    if request.htmx and history_import.status == ImportStatus.RUNNING:
        return render(request, "sessions/transfer/import_detail.html#progress", context)
    if request.htmx and history_import.status != ImportStatus.PREVIEW:
        # Finished while the page polled: load the whole page (summary, undo).
        return redirect_htmx(request, request.path)
    if history_import.status == ImportStatus.PREVIEW:
        unit_form = UnitForm(request.GET)  # ?unit=lb (kg or lb only; anything else: the file's or the guess)
        context.update(_preview(request, history_import,
                                unit=unit_form.cleaned_data["unit"] or None if unit_form.is_valid() else None))
    return render(request, "sessions/transfer/import_detail.html", context)


@require_POST
def import_retry(request, import_id):
    history_import = _import_for(user=request.user, import_id=import_id)
    if services.retry_import(user=request.user, history_import=history_import):
        messages.success(request, "Importing again.")
    return redirect("sessions:import_detail", import_id=history_import.pk)


@require_POST
def import_undo(request, import_id):
    history_import = _import_for(user=request.user, import_id=import_id)
    if history_import.status != ImportStatus.DONE:  # a double tap, or an import not finished
        messages.info(request, f"This import is {history_import.get_status_display().lower()}: "
                               "only a finished import can be undone.")
        return redirect("sessions:import_detail", import_id=history_import.pk)
    removed = services.undo_import(user=request.user, history_import=history_import)
    messages.success(request, f"Import undone: {removed} workout{'s' if removed != 1 else ''} removed.")
    return redirect("sessions:import_detail", import_id=history_import.pk)


@require_GET
def export_page(request):
    return render(request, "sessions/transfer/export.html")


def _download(stream, *, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_strong_csv(request):
    stamp = timezone.localdate().isoformat()
    return _download(export.strong_csv(user=request.user), content_type="text/csv; charset=utf-8",
                     filename=f"allworkouts-strong-{stamp}.csv")


@require_GET
def export_all_json(request):
    stamp = timezone.localdate().isoformat()
    return _download(export.all_data_json(user=request.user), content_type="application/json",
                     filename=f"allworkouts-data-{stamp}.json")
