"""A line the parser did not read as an exercise, tapped in the review, becomes a row
where it stands in the text: its own day (rows cannot move between days), after the
row above it, even when the same exercise lines repeat every week."""

import pytest

from plans import importing
from tests.plans.test_import import URL, form_fields, preview, rows

pytestmark = pytest.mark.django_db

WARM_UP = "Warm up with five minutes on the rower and some band pull-aparts."
INTRO = "Notes: add 2.5 kg to the main lifts each week while every rep is clean."
PLAN = f"""Six Week Block
{INTRO}

Week 1 / Monday
Bench press 4x6
Barbell squat 5x5

Week 2 / Monday
Bench press 4x6
{WARM_UP}
Barbell squat 5x5

Week 3 / Monday
Bench press 4x6
Barbell squat 5x5
"""


def read(client, line: str) -> tuple[str, list[str]]:
    """Tap the unread `line`; the review's html and its row keys in page order."""
    unread = importing.parse_text(PLAN).unread
    assert line in unread, unread
    fields = form_fields(preview(client, PLAN).content.decode())
    html = client.post(URL, {**fields, "action": f"read:{unread.index(line)}"}).content.decode()
    return html, rows(form_fields(html))


def test_a_tapped_line_becomes_a_row_in_its_own_week_after_the_row_above_it(user_client):
    html, keys = read(user_client, WARM_UP)
    new = keys.index(f"u{importing.parse_text(PLAN).unread.index(WARM_UP)}")
    assert keys[new - 1:new + 2] == ["1-0", keys[new], "1-1"]  # Week 2's bench, the line, Week 2's squat
    week2 = html.split('<h2 class="review-day-heading">Week 2 / Monday</h2>')[1].split('<section')[0]
    assert WARM_UP in week2


def test_a_line_before_every_exercise_goes_to_the_top_of_the_first_day(user_client):
    _, keys = read(user_client, INTRO)
    assert keys[0].startswith("u") and keys[1:3] == ["0-0", "0-1"]


def test_rows_the_user_moved_or_added_do_not_misplace_the_line(user_client):
    unread = importing.parse_text(PLAN).unread
    fields = form_fields(preview(user_client, PLAN).content.decode())
    html = user_client.post(URL, {**fields, "action": "add:1"}).content.decode()  # a blank row ends Week 2
    fields = form_fields(html)
    html = user_client.post(URL, {**fields, "action": "down:1-0"}).content.decode()  # Week 2's bench below its squat
    fields = form_fields(html)
    assert rows(fields)[2:5] == ["1-1", "1-0", rows(fields)[4]] and "new" in rows(fields)[4]
    html = user_client.post(URL, {**fields, "action": f"read:{unread.index(WARM_UP)}"}).content.decode()
    keys = rows(form_fields(html))
    new = keys.index(f"u{unread.index(WARM_UP)}")
    # After the bench (the row above the line in the text), wherever the user moved it.
    assert keys[new - 1] == "1-0" and "new" in keys[new + 1]
    assert keys.index("1-1") < new


def test_the_review_says_which_day_the_tapped_line_went_to_and_links_to_it(user_client):
    html, _ = read(user_client, WARM_UP)
    key = f"u{importing.parse_text(PLAN).unread.index(WARM_UP)}"
    note = html.split('class="success review-read-into"')[1].split("</p>")[0]
    assert "is now a row of Week 2 / Monday." in note and f'href="#row-{key}"' in note
    fields = form_fields(html)
    html = user_client.post(URL, {**fields, "action": "refresh"}).content.decode()
    assert "review-read-into" not in html  # said once, on the tap


FOAM_ROLL = "Foam roll the quads and calves."
WEEKLY = f"""Four Week Base
Before every session: {FOAM_ROLL}

Week 1 / Monday
Bench press 4x6
{FOAM_ROLL}
Barbell squat 5x5

Week 2 / Monday
Bench press 4x6
{FOAM_ROLL}
Barbell squat 5x5
"""


def tap(client, fields: dict, index: int) -> tuple[dict, list[str]]:
    html = client.post(URL, {**fields, "action": f"read:{index}"}).content.decode()
    fields = form_fields(html)
    return fields, rows(fields)


def test_a_line_repeated_every_week_lands_in_the_week_of_the_copy_tapped(user_client):
    unread = importing.parse_text(WEEKLY).unread
    first, second = [i for i, line in enumerate(unread) if line == FOAM_ROLL]
    fields = form_fields(preview(user_client, WEEKLY).content.decode())
    _, keys = tap(user_client, fields, second)
    new = keys.index(f"u{second}")
    assert keys[new - 1:new + 2] == ["1-0", f"u{second}", "1-1"]  # Week 2, not Week 1
    # The first copy goes to Week 1: its whole line, not the same words inside the note on top.
    _, keys = tap(user_client, fields, first)
    new = keys.index(f"u{first}")
    assert keys[new - 1:new + 2] == ["0-0", f"u{first}", "0-1"]


def test_both_copies_tapped_each_stay_in_their_week(user_client):
    unread = importing.parse_text(WEEKLY).unread
    first, second = [i for i, line in enumerate(unread) if line == FOAM_ROLL]
    fields = form_fields(preview(user_client, WEEKLY).content.decode())
    fields, _ = tap(user_client, fields, second)
    _, keys = tap(user_client, fields, first)  # placed after the rows above it, the second copy among them
    assert keys == ["0-0", f"u{first}", "0-1", "1-0", f"u{second}", "1-1"]
