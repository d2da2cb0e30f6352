"""Every set of an exercise, newest first, a page at a time (the exercise page's list).

Pages are keyset pages: "older than this set" / "newer than this set", never an
OFFSET. An offset page reads and drops every set before it (page 250 of a 100,000-set
history read 5,000 sets through the RLS policy, ~20 ms more than page 1), and its
"page x of y" needs a COUNT of them all; a keyset page reads its 20 rows from where
the anchor set sits, however deep.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from sessions.models import ExerciseSession

SETS_PER_PAGE = 20

# Newest first: the workout's start, then the set's number; the ids make it a total
# order, so a page boundary never splits or repeats sets.
_KEY = ("workout_session__created_at", "workout_session_id", "set_number", "id")
# The same key in SQL, for the row comparison with the anchor set's (Django's joins
# name the tables by themselves, as here, when each is joined once).
_KEY_SQL = ('("workout_session"."created_at", "workout_session"."id", '
            '"exercise_session"."set_number", "exercise_session"."id")')


@dataclass(frozen=True)
class SetPage:
    sets: list[ExerciseSession]  # newest first, with their workout and its plan
    newer: uuid.UUID | None  # anchor of the page of newer sets, when there are any
    older: uuid.UUID | None  # anchor of the page of older sets, when there are any


def set_page(*, user, exercise_id, before: uuid.UUID | None = None, after: uuid.UUID | None = None,
             size: int = SETS_PER_PAGE) -> SetPage:
    """The sets older than the set `before`, or newer than the set `after`, or (neither,
    or the anchor is not one of the user's live sets of this exercise) the newest.
    Warm-ups included: this is the log. One query, two with an anchor."""
    sets = ExerciseSession.objects.filter(
        workout_session__user=user, workout_session__deleted_at__isnull=True, exercise_id=exercise_id)
    newest_first = [f"-{name}" for name in _KEY]
    anchor = before or after
    key = sets.filter(pk=anchor).values_list(*_KEY).first() if anchor else None
    rows = []
    if key is not None:
        older = before is not None
        beyond = RawSQL(f"{_KEY_SQL} {'<' if older else '>'} (%s, %s, %s, %s)", key, output_field=BooleanField())
        # The workout's start alone bounds the index range; the row comparison settles ties.
        bound = {"workout_session__created_at__lte" if older else "workout_session__created_at__gte": key[0]}
        rows = list(sets.filter(beyond, **bound).select_related("workout_session__workout_plan")
                    .order_by(*(newest_first if older else _KEY))[:size + 1])
    if not rows:  # no anchor, or nothing beyond it: the newest page
        rows = list(sets.select_related("workout_session__workout_plan").order_by(*newest_first)[:size + 1])
        return SetPage(sets=rows[:size], newer=None, older=rows[size - 1].pk if len(rows) > size else None)
    more = len(rows) > size
    rows = rows[:size]
    if before is not None:  # the anchor itself is newer
        return SetPage(sets=rows, newer=rows[0].pk, older=rows[-1].pk if more else None)
    rows.reverse()  # read oldest first, from the anchor up; the anchor itself is older
    return SetPage(sets=rows, newer=rows[0].pk if more else None, older=rows[-1].pk)
