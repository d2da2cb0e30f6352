"""The import review on long plans and against a form that lies: every size reviews and
saves, nothing the parser decided is taken from the client, bad fields are 400s."""

import re
import time
import uuid

import pytest

from allworkouts.db import rls_user
from plans import importing
from plans.models import WorkoutExercise, WorkoutImportLog, WorkoutPlan
from plans.parser import MAX_CHARS
from tests.factories import UserFactory
from tests.plans.test_import import URL, form_fields, plan_counts, preview, rows

pytestmark = pytest.mark.django_db

NAMES = ["Bench press", "Barbell squat", "Deadlift", "Overhead press", "Pull-ups", "Barbell row"]


def long_plan(weeks: int = 12) -> str:
    """A 12-week program, 3 days a week, 4 exercises a day: 144 rows."""
    lines = []
    for week in range(1, weeks + 1):
        for day in range(1, 4):
            lines.append(f"Week {week} Day {day}")
            lines += [f"{NAMES[(day + i) % len(NAMES)]} {3 + i % 2}x{5 + i}" for i in range(4)]
    return "\n".join(lines)


def test_a_144_row_plan_reviews_removes_searches_and_saves(user_client, user):
    html = preview(user_client, long_plan()).content.decode()
    fields = form_fields(html)
    keys = rows(fields)
    assert len(keys) == 144
    response = user_client.post(URL, {**fields, "action": f"remove:{keys[0]}"})
    assert response.status_code == 200
    fields = form_fields(response.content.decode())
    assert len(rows(fields)) == 143
    fields[f"row-{keys[1]}-search"] = ["dumbell curl"]
    response = user_client.post(URL, {**fields, "action": f"search:{keys[1]}"})
    assert response.status_code == 200
    assert "in the picker above" in response.content.decode()
    fields = form_fields(response.content.decode())
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 302, response.content.decode()[:2000]
    with rls_user(user.pk):
        assert WorkoutPlan.objects.count() == 36
        assert WorkoutExercise.objects.count() == 143


def test_a_search_with_no_result_says_so_in_the_row(user_client):
    fields = form_fields(preview(user_client, "Bench 3x5").content.decode())
    row = rows(fields)[0]
    fields[f"row-{row}-search"] = ["qqqzzzxxy"]
    html = user_client.post(URL, {**fields, "action": f"search:{row}"}).content.decode()
    assert "No exercise in the catalogue matches “qqqzzzxxy”." in html


@pytest.mark.parametrize("field", ["text", "notes", "day-name", "row-key", "search"])
def test_a_nul_byte_in_any_field_is_a_400_with_a_message(user_client, user, field):
    fields = form_fields(preview(user_client, "Bench 3x5\nSquat 5x5").content.decode())
    row = rows(fields)[0]
    name = {"text": "text", "notes": f"row-{row}-notes", "day-name": "day-0-name",
            "search": f"row-{row}-search"}.get(field)
    if name:
        fields[name] = [fields.get(name, [""])[0] + "\x00x"]
    else:
        fields["row"] = [row + "\x00"]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert plan_counts(user) == (0, 0, 0)


@pytest.mark.parametrize("score", ["NaN", "Infinity", "-inf", "1e309"])
def test_the_stored_parse_and_confidence_come_from_the_server_not_the_form(user_client, user, score):
    fields = form_fields(preview(user_client, "Bench 3x5\nSquat 5x5").content.decode())
    bench = rows(fields)[0]
    fields[f"row-{bench}-confidence"] = ["certain"]
    fields[f"row-{bench}-score"] = [score]
    fields[f"row-{bench}-line"] = ["<script>alert(1)</script>"]
    fields["parsed"] = ['{"0": [{"exercise": "forged"}]}']
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 302
    with rls_user(user.pk):
        log = WorkoutImportLog.objects.get()
        confidences = list(WorkoutExercise.objects.order_by("sequence").values_list("confidence_level", flat=True))
    assert [e["line"] for e in log.parsed_exercises] == ["Bench 3x5", "Squat 5x5"]
    assert [s["line"] for s in log.confidence_scores] == ["Bench 3x5", "Squat 5x5"]
    assert all(isinstance(s["score"], float) and s["score"] == s["score"] for s in log.confidence_scores)
    server = [e.confidence for e in importing.parse_text("Bench 3x5\nSquat 5x5").exercises]
    assert confidences == server
    assert "certain" not in confidences


def test_another_users_token_makes_plans_of_its_own(user_client, user, client):
    html = preview(user_client, "Bench 3x5").content.decode()
    fields = form_fields(html)
    assert user_client.post(URL, {**fields, "action": "confirm"}).status_code == 302
    other = UserFactory()
    client.force_login(other)
    response = client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 302
    with rls_user(other.pk):
        theirs = list(WorkoutPlan.objects.values_list("pk", flat=True))
    with rls_user(user.pk):
        mine = list(WorkoutPlan.objects.values_list("pk", flat=True))
    assert len(theirs) == 1 and len(mine) == 1 and theirs != mine


def test_text_over_the_limit_on_confirm_is_a_400(user_client, user):
    fields = form_fields(preview(user_client, "Bench 3x5").content.decode())
    fields["text"] = ["Bench 3x5\n" + "x" * MAX_CHARS]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 400
    assert "the limit is 50,000" in response.content.decode()
    assert plan_counts(user) == (0, 0, 0)


@pytest.mark.parametrize("text", [
    "\n".join(f"Bench press {i % 9 + 1}x5" for i in range(5000))[:MAX_CHARS],
    ("Squat 5x5 " * 5000)[:MAX_CHARS],
    ("1x" * 25000)[:MAX_CHARS],
    ("a" * 299 + "\n") * 166,
])
def test_the_preview_of_any_50000_characters_is_bounded_in_rows_size_and_time(user_client, text):
    start = time.perf_counter()
    response = user_client.post(URL, {"text": text, "action": "preview"})
    elapsed = time.perf_counter() - start
    html = response.content.decode()
    assert response.status_code in (200, 400)
    # A guard against a non-linear blow-up, not the 1 s goal (measured by hand): generous,
    # so that a loaded machine does not fail it.
    assert elapsed < 10.0, f"{elapsed:.2f} s"
    assert len(response.content) < 2_500_000
    assert html.count('<li class="review-row') <= importing.MAX_ROWS
    if html.count('<li class="review-row') == importing.MAX_ROWS:
        assert "more exercises than the 500 a review shows" in html


def test_a_row_marked_high_never_fails_at_save(user_client, user):
    text = "Bench 1x8+\nPushups 3 x to failure\nDips 3xAMRAP\nSquat 5x5\nPull-ups 3 x max reps"
    html = preview(user_client, text).content.decode()
    fields = form_fields(html)
    response = user_client.post(URL, {**fields, "action": "confirm"})
    if response.status_code == 302:
        return
    refused = response.content.decode()
    for block in refused.split('<li class="review-row')[1:]:
        if "has-errors" in block.split(">", 1)[0]:
            assert '<span class="badge badge-high">' not in block, block[:600]


def test_high_rows_are_one_line_and_uncertain_rows_open(user_client):
    html = preview(user_client, "Pushups 3x10\nMace 360 3x15").content.decode()
    pushups, burpees = html.split('<li class="review-row')[1:3]
    assert '<span class="row-summary" title="Pushups 3x10"><span class="row-summary-name">Pushups</span><span class="row-summary-numbers">3 x 10</span></span>' in pushups
    assert 'type="number"' not in pushups and 'value="open:0-0"' in pushups
    assert 'type="number"' in burpees and "row-summary" not in burpees
    fields = form_fields(html)
    opened = user_client.post(URL, {**fields, "action": "open:0-0"}).content.decode()
    assert 'id="row-0-0-sets" name="row-0-0-sets" value="3"' in opened.split('<li class="review-row')[1]


def test_a_sure_rows_line_shows_its_load_and_a_hold_its_time(user_client):
    html = preview(user_client, "Bench press 3x5 @ 60kg\nPlank 3x60s\nPushups 3x10").content.decode()
    numbers = [block.split('<span class="row-summary-numbers">', 1)[1].split("</span>", 1)[0]
               for block in html.split('<li class="review-row')[1:4]]
    # The hold is saved as 1 rep a set, but a lifter reads it by its time.
    assert numbers == ["3 x 5 @ 60kg", "3 x 60s", "3 x 10"]


def test_an_unread_line_becomes_a_row_in_one_tap(user_client, user, monkeypatch):
    real = importing.parse_plan

    def with_unread(text, catalog):
        result = real(text, catalog)
        if not getattr(result, "unread", None):
            result.unread = ["Bulgarian split squat three sets of ten"]
        return result

    monkeypatch.setattr(importing, "parse_plan", with_unread)
    html = preview(user_client, "Bench 3x5").content.decode()
    assert "Not read as exercises" in html
    fields = form_fields(html)
    unread = importing.parse_text("Bench 3x5").unread
    response = user_client.post(URL, {**fields, "action": "read:0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<li class="review-row') == 2
    assert 'id="row-u0"' in html and unread[0][:30] in html
    assert 'value="read:0"' not in html  # the line left the unread list


def test_holds_and_distances_save_one_rep_a_set_with_the_time_in_the_notes(user_client, user):
    html = preview(user_client, "Plank 3x60s\nPushups 3x10 @ 10kg").content.decode()
    response = user_client.post(URL, {**form_fields(html), "action": "confirm"})
    assert response.status_code == 302
    with rls_user(user.pk):
        saved = list(WorkoutExercise.objects.order_by("sequence").values_list("sets", "reps_min", "reps_max", "notes"))
    assert saved[0][:3] == (3, 1, 1) and "60" in saved[0][3] and "@" not in saved[0][3]
    assert "10kg" in saved[1][3].replace(" ", "")


def test_the_superset_label_and_load_are_kept_and_saved(user_client, user):
    html = preview(user_client, "A1. Pushups 3x10 @ 20kg\nA2. Pullups 3x8").content.decode()
    fields = form_fields(html)
    assert fields["row-0-0-values"] or fields.get("row-0-0-superset")
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 302
    with rls_user(user.pk):
        saved = list(WorkoutExercise.objects.order_by("sequence"))
    assert "20kg" in (saved[0].notes or "").replace(" ", "")
    if any(f.name == "superset" for f in WorkoutExercise._meta.concrete_fields):
        assert saved[0].superset and saved[0].superset == saved[1].superset
    else:
        assert "A1" in (saved[0].notes or "") or "superset" in (saved[0].notes or "").lower()


def test_review_actions_run_the_same_queries_for_2_rows_or_144(user_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for text in ("Pushups 3x10\nPullups 3x8", long_plan()):
        fields = form_fields(preview(user_client, text).content.decode())
        row = rows(fields)[0]
        fields[f"row-{row}-search"] = ["dumbell curl"]
        with CaptureQueriesContext(connection) as queries:
            assert user_client.post(URL, {**fields, "action": f"search:{row}"}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 15


SEARCH_URL = "/plans/import/search/"


def row_search(client, key, search, exercise=""):
    return client.get(SEARCH_URL, {"action": f"search:{key}", f"row-{key}-search": search,
                                   f"row-{key}-exercise": exercise}, headers={"HX-Request": "true"})


def test_the_review_search_button_asks_for_its_rows_picker_alone(user_client):
    html = preview(user_client, "Mace 360 3x15").content.decode()
    row = html.split('<li class="review-row')[1]
    picker = row.split('<div class="row-picker" id="row-0-0-picker">')[1].split("</div>\n            \n")[0]
    # What the answer replaces holds the options, the picker and the search box.
    assert 'name="row-0-0-options"' in picker and '<select id="row-0-0-exercise"' in picker
    assert f'hx-get="{SEARCH_URL}"' in picker and 'hx-target="#row-0-0-picker"' in picker
    assert 'hx-include="#row-0-0-search, #row-0-0-exercise"' in picker
    assert 'value="search:0-0"' in picker  # without JavaScript it still posts the whole review


def test_a_rows_search_answers_only_its_picker_small_and_in_few_queries(user_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from equipment.models import Exercise

    fields = form_fields(preview(user_client, long_plan()).content.decode())
    key = rows(fields)[5]
    current = Exercise.objects.get(name="Barbell Deadlift")
    with CaptureQueriesContext(connection) as queries:
        response = row_search(user_client, key, "dumbell curl", str(current.pk))
    html = response.content.decode()
    assert response.status_code == 200
    # Seven are the session, the user and row-level security; the search at most five.
    assert len(queries) <= 12, [q["sql"][:150] for q in queries.captured_queries]
    assert len(html) < 6000, len(html)  # the whole 144-row review is about 200 KB
    assert html.count('class="row-picker"') == 1 and f'id="row-{key}-picker"' in html
    assert "review-row" not in html and 'name="row"' not in html and "<form" not in html
    options = re.findall(r'<option value="([^"]+)"( selected)?>([^<]+)</option>', html)
    assert options[0] == (str(current.pk), " selected", "Barbell Deadlift")  # the choice stays first
    assert any("Dumbbell" in name and "Curl" in name for _, _, name in options[1:])
    ids = form_fields(html)[f"row-{key}-options"][0].split(",")
    assert ids == [pk for pk, _, _ in options]  # the posted picker is the one shown
    assert "in the picker above" in html and "hx-swap-oob" not in html  # the choice did not change


def test_a_rows_search_with_nothing_chosen_chooses_the_best_and_updates_the_badge(user_client):
    response = row_search(user_client, "0-0", "pulldwn")
    html = response.content.decode()
    selected = re.search(r'<option value="[^"]+" selected>([^<]+)</option>', html)
    assert response.status_code == 200 and selected and "Pulldown" in selected[1]
    assert '<span class="badge badge-high" id="row-0-0-badge" hx-swap-oob="true">chosen by you</span>' in html


def test_a_rows_search_with_no_result_says_so_and_offers_a_new_exercise(user_client):
    html = row_search(user_client, "u3", "qqqzzzxxy").content.decode()
    assert "No exercise in the catalogue matches “qqqzzzxxy”." in html
    assert 'value="newform:u3"' in html and "— pick an exercise —" in html


@pytest.mark.parametrize("params, status, message", [
    ({}, 400, "That search names no row of the review."),
    ({"action": "search:"}, 400, "That search names no row of the review."),
    ({"action": 'search:0-0"><script>'}, 400, "That search names no row of the review."),
    ({"action": "remove:0-0"}, 400, "That search names no row of the review."),
    ({"action": "search:0-0", "row-0-0-search": "x" * 101}, 400, "Keep the search under 100 characters."),
    ({"action": "search:0-0", "row-0-0-search": "bench\x00"}, 400, "Null characters are not allowed."),
    ({"action": "search:0-0", "row-0-0-search": ""}, 200, "Type what to search for."),
    ({"action": "search:0-0", "row-0-0-search": "bench", "row-0-0-exercise": "not-an-id"}, 200, "in the picker above"),
    ({"action": "search:0-0", "row-0-0-search": "bench", "row-0-0-exercise": str(uuid.uuid4())}, 200,
     "in the picker above"),
])
def test_a_rows_search_with_bad_input_is_a_message_never_a_500(user_client, params, status, message):
    response = user_client.get(SEARCH_URL, params)
    assert response.status_code == status
    assert message in response.content.decode()


def test_a_rows_search_needs_a_login(client):
    response = client.get(SEARCH_URL, {"action": "search:0-0", "row-0-0-search": "bench"})
    assert response.status_code == 302 and "/login/" in response.url


def test_the_review_search_uses_the_apps_matcher(user_client):
    from equipment.models import Exercise

    names = dict(Exercise.objects.values_list("pk", "name"))
    for typed, wanted in (("dumbell curl", "Dumbbell"), ("pulldwn", "Pulldown"), ("ohp", "Press")):
        found = [names[uuid.UUID(pk)] for pk in importing.search_catalog(typed)]
        assert found and wanted in found[0], (typed, found[:3])


def test_the_not_read_list_is_capped_at_200_lines_and_says_how_many_more(user_client):
    prose = "\n".join(f"Remember to breathe and brace, note number {n}." for n in range(450))
    response = user_client.post("/plans/import/", {"text": "Squat 3x5\n" + prose, "action": "preview"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="btn btn-small btn-block unread-line"') == 200
    assert "…and 250 more lines not read as exercises" in html
