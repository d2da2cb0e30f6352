"""Record reads: the user's personal records by exercise."""

from collections import defaultdict

from records.models import PersonalRecord


def records_by_exercise(*, user) -> list[tuple]:
    """[(exercise, {record_type: record})] by exercise name; the set and its session
    come along (one query)."""
    rows = (PersonalRecord.objects.filter(user=user)
            .select_related("exercise", "exercise_session__workout_session")
            .order_by("exercise__name", "record_type"))
    grouped: dict = defaultdict(dict)
    exercises = {}
    for record in rows:
        grouped[record.exercise_id][record.record_type] = record
        exercises[record.exercise_id] = record.exercise
    return [(exercises[k], grouped[k]) for k in exercises]
