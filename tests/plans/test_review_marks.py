"""The import review after a refused save: over htmx the answer is the review with its
messages as a 200 (no error for the browser to log), and the marks a refused save puts
on rows and days stay through the next re-renders (remove, add, search, a new choice)
until that row or day is right."""

import pytest
from django.conf import settings

from equipment.models import Equipment, MuscleGroup
from plans import importing
from tests.plans.test_import import URL, form_fields, plan_counts, preview, rows

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
# A sure row, a row the catalogue lacks, an AMRAP row with no rep target, a sure row.
PLAN = "Week 1 / Monday\nBench press 4x6\nMace 360 3x12\nPushups 3 x max reps\nBarbell squat 5x5"
MARKED = '<li class="review-row has-errors"'


def refused(client, text=PLAN, **edits):
    """The review after a Save the server refused (over htmx), and its form fields."""
    fields = form_fields(preview(client, text).content.decode())
    for name, value in edits.items():
        fields[name] = [value]
    response = client.post(URL, {**fields, "action": "confirm"}, headers=HTMX)
    html = response.content.decode()
    return response, html, form_fields(html)


def row_block(html: str, key: str) -> str:
    return html.split(f'id="row-{key}"')[0].rsplit("<li ", 1)[1] + html.split(f'id="row-{key}"')[1].split("</li>")[0]


def test_a_refused_save_over_htmx_is_a_200_with_its_messages_and_without_a_400(user_client, user):
    response, html, _ = refused(user_client)
    assert response.status_code == 200
    assert "Not saved yet: 2 rows need your attention" in html
    assert html.count(MARKED) == 2 and plan_counts(user) == (0, 0, 0)
    fields = form_fields(preview(user_client, PLAN).content.decode())
    assert user_client.post(URL, {**fields, "action": "confirm"}).status_code == 400  # no JavaScript: a 400


@pytest.mark.parametrize("data, message", [
    ({"text": "", "action": "preview"}, "Paste the text of a plan first."),
    ({"text": "Just some words", "action": "preview"}, "No exercise found in that text."),
    ({"text": "Bench 3x5", "action": "confirm", "token": "expired"}, "That preview has expired."),
])
def test_a_form_to_correct_over_htmx_is_a_200_with_the_message(user_client, data, message):
    response = user_client.post(URL, data, headers=HTMX)
    assert response.status_code == 200 and message in response.content.decode()
    assert user_client.post(URL, data).status_code == 400


def test_a_rows_search_over_htmx_with_a_message_is_a_200(user_client):
    params = {"action": "search:0-0", "row-0-0-search": "x" * 101}
    response = user_client.get("/plans/import/search/", params, headers=HTMX)
    assert response.status_code == 200 and "Keep the search under 100 characters." in response.content.decode()


def test_the_marks_stay_after_removing_another_row(user_client):
    _, _, fields = refused(user_client)
    bench, mace, pushups, squat = rows(fields)
    html = user_client.post(URL, {**fields, "action": f"remove:{squat}"}, headers=HTMX).content.decode()
    assert f'id="row-{squat}"' not in html
    assert html.count(MARKED) == 2
    assert "Pick the exercise this line means" in row_block(html, mace)
    assert "enter the reps you aim for" in row_block(html, pushups)
    assert "2 rows still need your attention" in html
    assert f'href="#row-{mace}"' in html  # "Go to the first", by the Save button
    # And again on the next re-render: the marks travel with the form.
    fields = form_fields(html)
    html = user_client.post(URL, {**fields, "action": f"down:{bench}"}, headers=HTMX).content.decode()
    assert html.count(MARKED) == 2


def test_a_mark_goes_once_its_row_is_right_and_new_rows_are_not_marked(user_client):
    _, _, fields = refused(user_client)
    bench, mace, pushups, squat = rows(fields)
    fields[f"row-{pushups}-reps_min"] = ["12"]
    html = user_client.post(URL, {**fields, "action": "add:0"}, headers=HTMX).content.decode()
    assert "has-errors" not in row_block(html, pushups)
    assert "has-errors" in row_block(html, mace)
    new = [k for k in rows(form_fields(html)) if k not in (bench, mace, pushups, squat)]
    assert len(new) == 1 and "has-errors" not in row_block(html, new[0])  # not refused yet
    assert "1 row still needs your attention" in html


def test_the_inputs_a_message_is_about_are_marked_invalid(user_client):
    _, html, fields = refused(user_client)
    _, mace, pushups, _ = rows(fields)
    assert f'name="row-{pushups}-reps_min" value="" aria-invalid="true"' in html
    assert f'name="row-{pushups}-reps_max" value="" aria-invalid="true"' in html
    assert f'name="row-{pushups}-sets" value="3">' in html
    assert 'aria-invalid="true"' in row_block(html, mace).split("</select>")[0]


def test_a_day_names_mark_stays_until_it_has_a_name(user_client):
    response, html, fields = refused(user_client, text="Bench press 4x6\nBarbell squat 5x5", **{"day-0-name": ""})
    assert response.status_code == 200 and "Give this plan a name." in html
    bench = rows(fields)[0]
    html = user_client.post(URL, {**fields, "action": f"remove:{bench}"}, headers=HTMX).content.decode()
    assert "Give this plan a name." in html and 'name="day-0-name" value="" maxlength="255" aria-invalid="true"' in html
    fields = form_fields(html)
    fields["day-0-name"] = ["Legs"]
    html = user_client.post(URL, {**fields, "action": "add:0"}, headers=HTMX).content.decode()
    assert "Give this plan a name." not in html and "day-0-flagged" not in html


def test_a_search_that_chooses_the_exercise_clears_that_rows_mark(user_client, user):
    _, _, fields = refused(user_client)
    bench, mace, pushups, squat = rows(fields)
    fields[f"row-{mace}-search"] = ["dumbell curl"]
    html = user_client.post(URL, {**fields, "action": f"search:{mace}"}, headers=HTMX).content.decode()
    assert "Pick the exercise this line means" not in row_block(html, mace)
    assert "has-errors" in row_block(html, pushups)
    fields = form_fields(html)
    fields[f"row-{pushups}-reps_min"] = ["10"]
    response = user_client.post(URL, {**fields, "action": "confirm"}, headers=HTMX)
    assert response.status_code == 200 and response.headers["HX-Redirect"]
    assert plan_counts(user)[:2] == (1, 4)


def test_each_day_shows_its_own_heading_above_its_plan_name(user_client):
    text = "Twelve Week Strength and Size Programme\nWeek 1 / Monday\nBench press 4x6\nWeek 1 / Friday\nBarbell squat 5x5"
    html = preview(user_client, text).content.decode()
    assert '<h2 class="review-day-heading">Week 1 / Monday</h2>' in html
    assert '<h2 class="review-day-heading">Week 1 / Friday</h2>' in html
    fields = form_fields(html)
    fields["day-1-name"] = ["Legs"]  # renamed by the user: the heading is still the text's day
    html = user_client.post(URL, {**fields, "action": "refresh"}, headers=HTMX).content.decode()
    assert '<h2 class="review-day-heading">Week 1 / Friday</h2>' in html and 'value="Legs"' in html


def save_note(html: str) -> str:
    """The note by the Save button."""
    return html.split('class="errorlist nonfield review-save-refused">')[1].split("</p>")[0]


def test_a_save_refused_only_for_a_plan_name_says_so_and_links_to_the_name(user_client):
    _, html, _ = refused(user_client, text="Bench press 4x6\nBarbell squat 5x5", **{"day-0-name": ""})
    assert "Not saved yet: 1 plan name needs your attention (marked below)." in html
    assert "0 rows" not in html
    note = save_note(html)
    assert "Not saved yet: 1 plan name needs your attention." in note and 'href="#day-0-name"' in note


def test_a_plan_name_and_a_row_are_counted_together_the_name_first(user_client):
    _, html, _ = refused(user_client, text="Bench press 4x6\nMace 360 3x12", **{"day-0-name": ""})
    assert "Not saved yet: 1 row and 1 plan name need your attention (marked below)." in html
    assert 'href="#day-0-name"' in save_note(html)  # above the rows, the first to go to


def test_a_save_of_an_empty_review_says_there_is_nothing_to_save(user_client, user):
    fields = form_fields(preview(user_client, "Bench press 4x6").content.decode())
    html = user_client.post(URL, {**fields, "action": "remove:0-0"}, headers=HTMX).content.decode()
    html = user_client.post(URL, {**form_fields(html), "action": "confirm"}, headers=HTMX).content.decode()
    assert "Nothing to save: add a row or start over." in html
    assert "Nothing to save: add a row or start over." in save_note(html)
    assert "need" not in save_note(html) and plan_counts(user) == (0, 0, 0)


def test_a_fixed_row_stops_counting_though_its_search_then_finds_nothing(user_client):
    _, _, fields = refused(user_client)
    bench, mace, pushups, squat = rows(fields)
    fields[f"row-{pushups}-reps_min"] = ["10"]
    fields[f"row-{pushups}-search"] = ["qqqzzzxx"]
    html = user_client.post(URL, {**fields, "action": f"search:{pushups}"}, headers=HTMX).content.decode()
    assert "No exercise in the catalogue matches" in row_block(html, pushups)  # said, but not a save's refusal
    assert "1 row still needs your attention" in html and f"row-{pushups}-flagged" not in html
    assert f'href="#row-{mace}"' in save_note(html)


def test_the_largest_review_posts_again_after_a_refused_save_with_nothing_lost(user_client):
    """MAX_ROWS rows the catalogue lacks, each open and marked after the refused save
    (FIELDS_PER_ROW fields), over as many days as there can be, then an exercise added
    from a row's form with every box ticked: the review comes back, not a bare 400."""
    per_day = importing.MAX_ROWS // importing.MAX_DAYS
    text = "\n\n".join(f"Day {d}\n" + "\n".join(["Mace 360 3x12"] * per_day) for d in range(1, importing.MAX_DAYS + 1))
    _, html, fields = refused(user_client, text=text)
    keys = rows(fields)
    assert len(keys) == importing.MAX_ROWS and html.count(MARKED) == importing.MAX_ROWS
    first, last = keys[0], keys[-1]
    fields[f"row-{last}-notes"] = ["slow on the way down"]
    response = user_client.post(URL, {**fields, "action": f"newform:{first}"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and html.count(MARKED) == importing.MAX_ROWS
    fields = form_fields(html)
    fields.update({f"new-{first}-name": ["Mace 360"], f"new-{first}-primary_muscle_groups": list(MuscleGroup.values),
                   f"new-{first}-equipment": [str(pk) for pk in Equipment.objects.values_list("pk", flat=True)]})
    assert sum(len(v) for v in fields.values()) > importing.MAX_ROWS * importing.FIELDS_PER_ROW
    response = user_client.post(URL, {**fields, "action": f"newex:{first}"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "Added “Mace 360” to the catalogue" in html
    assert len(rows(form_fields(html))) == importing.MAX_ROWS
    assert html.count(MARKED) == importing.MAX_ROWS - 1  # the row given its new exercise is right now
    assert 'value="slow on the way down"' in row_block(html, last)
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == importing.MAX_POST_FIELDS
