"""Import history (upload -> preview with mapping and unit -> import -> undo) and the
exports. Thin: form -> sessions.transfer.services / export -> one template."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allworkouts.http import parse_uuid, redirect_htmx
from equipment.selectors import catalogue_entries
from plans.matching import search
from sessions.transfer import export, services
from sessions.transfer.forms import UnitForm, UploadForm
from sessions.transfer.models import HistoryImport, ImportStatus
from sessions.transfer.readers import ExportFileError

RECENT = 10


def _import_for(*, user, import_id) -> HistoryImport:
    found = HistoryImport.objects.filter(user=user, pk=parse_uuid(import_id)).first()
    if found is None:
        raise Http404("No such import.")
    return found


@require_http_methods(["GET", "POST"])
def import_start(request):
    form, error = UploadForm(), None
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                parsed = services.parse_file(upload.open("rb"))
                upload.seek(0)
                text = upload.read().decode("utf-8-sig")
            except ExportFileError as exc:
                error = str(exc)
            else:
                history_import = services.create_import(user=request.user, filename=upload.name, text=text,
                                                        parsed=parsed)
                return redirect("sessions:import_detail", import_id=history_import.pk)
    imports = HistoryImport.objects.filter(user=request.user).order_by("-created_at").only(
        "id", "filename", "format", "status", "summary", "created_at")[:RECENT]
    status = 400 if request.method == "POST" else 200
    return render(request, "sessions/transfer/import.html", {"form": form, "error": error, "imports": imports},
                  status=status)


def _preview(request, history_import: HistoryImport, unit: str | None = None) -> dict:
    parsed = services.parse_text(history_import.source or "")
    mapping = services.match_names(user=request.user, names=parsed.names)
    guess, shown = parsed.unit_guess()
    unit = unit or parsed.file_unit or (None if parsed.needs_unit else "kg") or guess
    _, summary = services.plan_import(user=request.user, parsed=parsed, mapping=mapping, unit=unit)
    catalog = catalogue_entries()
    rows = []
    for index, (name, match) in enumerate(sorted(mapping.items())):
        options = [(e.id, e.name) for e, _ in search(name, catalog, limit=8)]
        if match.exercise_id and match.exercise_id not in {o[0] for o in options}:
            options.insert(0, (match.exercise_id, match.exercise_name))
        rows.append({"index": index, "name": name, "sets": parsed.names[name], "match": match, "options": options})
    return {"parsed": parsed, "summary": summary, "rows": rows, "unit": unit, "needs_unit": parsed.needs_unit,
            "guess": guess, "guess_shown": shown, "examples": parsed.skipped_examples}


@require_http_methods(["GET", "POST"])
def import_detail(request, import_id):
    history_import = _import_for(user=request.user, import_id=import_id)
    if request.method == "POST":
        if history_import.status != ImportStatus.PREVIEW:
            return redirect("sessions:import_detail", import_id=history_import.pk)
        unit_form = UnitForm(request.POST)
        unit = unit_form.cleaned_data["unit"] or None if unit_form.is_valid() else None
        names = sorted(services.parse_text(history_import.source or "").names)
        chosen = {}
        for index, name in enumerate(names):
            value = request.POST.get(f"map-{index}", "")
            chosen[name] = str(parse_uuid(value)) if parse_uuid(value) else None
        services.queue_import(user=request.user, history_import=history_import, chosen=chosen, unit=unit)
        return redirect("sessions:import_detail", import_id=history_import.pk)
    context = {"history_import": history_import}
    if request.htmx and history_import.status == ImportStatus.RUNNING:
        return render(request, "sessions/transfer/import_detail.html#progress", context)
    if request.htmx and history_import.status != ImportStatus.PREVIEW:
        # Finished while the page polled: load the whole page (summary, undo).
        return redirect_htmx(request, request.path)
    if history_import.status == ImportStatus.PREVIEW:
        context.update(_preview(request, history_import, unit=request.GET.get("unit") or None))
    return render(request, "sessions/transfer/import_detail.html", context)


@require_POST
def import_undo(request, import_id):
    history_import = _import_for(user=request.user, import_id=import_id)
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
