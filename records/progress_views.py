"""The progress pages: an exercise's page (charts, rep maxes, every set, its records and
why) and the training calendar with the weekly sets per muscle group."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from allworkouts import units
from equipment.models import Exercise, MuscleGroup
from records import charts, progress
from records.forms import MonthForm, RangeForm, SetPageForm
from records.models import PersonalRecord, RecordType
from records.set_list import set_page
from sessions.models import ExerciseSession, SetType


def _in_unit(kg, user):
    return units.from_kg(kg, user.unit_system)


@require_GET
def exercise_detail(request, exercise_id):
    exercise = Exercise.objects.filter(pk=exercise_id).first()
    if exercise is None:
        raise Http404
    user, unit = request.user, units.unit_label(request.user.unit_system)
    range_form = RangeForm(request.GET)
    range_key = range_form.range_key()
    history = progress.exercise_history(user=user, exercise_id=exercise.pk, range_key=range_key)
    days, per = history.days, history.per
    line_charts = [
        charts.line_chart(title="Estimated 1RM", unit=unit, per=per,
                          series=[(d.day, _in_unit(d.e1rm, user)) for d in days if d.e1rm is not None]),
        charts.line_chart(title="Heaviest weight", unit=unit, per=per,
                          series=[(d.day, _in_unit(d.heaviest, user)) for d in days if d.heaviest > 0]),
        charts.line_chart(title="Session volume", unit=unit, per=per,
                          series=[(d.day, _in_unit(d.volume, user)) for d in days if d.volume > 0]),
    ]
    sets = set_page(user=user, exercise_id=exercise.pk, **SetPageForm(request.GET).anchors())
    return render(request, "records/exercise.html", {
        "exercise": exercise, "range_key": range_key, "ranges": list(progress.RANGES),
        "charts": line_charts, "rep_maxes": history.rep_maxes, "set_count": history.sets,
        "sets": sets, "records": _records_explained(user=user, exercise=exercise), "per": per,
    })


def _records_explained(*, user, exercise) -> list[dict]:
    """Each record with the set (or, for session volume, the sets) it came from."""
    records = list(PersonalRecord.objects.filter(user=user, exercise=exercise)
                   .select_related("exercise_session__workout_session__workout_plan")
                   .order_by("record_type"))
    volume = next((r for r in records if r.record_type == RecordType.TOTAL_VOLUME), None)
    session_sets = []
    if volume is not None:
        session_sets = list(ExerciseSession.objects.filter(
            workout_session_id=volume.exercise_session.workout_session_id, exercise=exercise)
            .exclude(set_type=SetType.WARMUP)
            .order_by("set_number"))
    return [{"record": r, "sets": session_sets if r is volume else [r.exercise_session]} for r in records]


@require_GET
def calendar(request):
    user = request.user
    first = MonthForm(request.GET).first_day(progress.today())
    starts, muscles = progress.weekly_sets_by_muscle(user=user)
    labels = dict(MuscleGroup.choices)
    columns = [f"{start:%-d %b}" for start in starts]
    volume_chart = charts.bar_rows(title="Working sets per muscle group, last 12 weeks", columns=columns,
                                   rows=[(labels.get(m, m), counts) for m, counts in muscles])
    return render(request, "records/calendar.html", {
        "month": progress.month(user=user, year=first.year, month=first.month),
        "today": progress.today(), "week": progress.this_week(user=user), "volume_chart": volume_chart,
    })
