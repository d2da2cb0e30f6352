"""The import wizard: preview writes nothing, review actions, validation, atomic confirm."""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from equipment.models import Equipment, UserEquipment
from plans.models import WorkoutExercise, WorkoutImportLog, WorkoutPlan
from plans.parser import MAX_CHARS
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db

URL = "/plans/import/"
TWO_DAYS = """# PPL
Day 1 - Push
Bench 4x6-8, rest 2 min
OHP 3x8-10 @ 40kg

Day 2 - Legs
Squat 5x5 @ 100kg, rest 3 min
Mace 360 3x15
"""


def form_fields(html: str) -> dict[str, list[str]]:
    """The values a browser would submit from the review form (inputs, textareas, selects)."""
    data: dict[str, list[str]] = {}
    for m in re.finditer(r'<input type="(?:hidden|text|number|search)"[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', html):
        data.setdefault(m[1], []).append(_unescape(m[2]))
    for m in re.finditer(r'<textarea name="([^"]+)" hidden>(.*?)</textarea>', html, re.S):
        data[m[1]] = [_unescape(m[2])]
    for m in re.finditer(r'<select id="[^"]+" name="([^"]+)".*?</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)" selected>', m[0])
        data[m[1]] = [selected[1] if selected else ""]
    return data


def _unescape(text: str) -> str:
    import html
    return html.unescape(text)


def plan_counts(user):
    with rls_user(user.pk):
        return (WorkoutPlan.objects.count(), WorkoutExercise.objects.count(), WorkoutImportLog.objects.count())


def preview(client, text=TWO_DAYS):
    return client.post(URL, {"text": text, "action": "preview"})


def rows(fields):
    return fields["row"]


def test_preview_shows_each_day_and_row_with_its_confidence_and_writes_nothing(user_client, user):
    response = preview(user_client)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="PPL – Day 1 - Push"' in html and 'value="PPL – Day 2 - Legs"' in html
    assert html.count('<li class="review-row') == 4
    assert '<span class="badge badge-high">high</span>' in html
    assert '<span class="badge badge-unmatched">unmatched</span>' in html
    assert "Bench 4x6-8, rest 2 min" in html
    assert plan_counts(user) == (0, 0, 0)


@pytest.mark.parametrize(("text", "message"), [
    ("", "Paste the text of a plan first."),
    ("   \n  ", "Paste the text of a plan first."),
    ("x" * (MAX_CHARS + 1), "the limit is 50,000"),
    ("Eat well, sleep 8 hours and be consistent.", "No exercise found in that text"),
])
def test_bad_text_gets_a_message_in_the_page(user_client, user, text, message):
    response = preview(user_client, text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert plan_counts(user) == (0, 0, 0)


def test_confirm_is_refused_while_a_row_is_unmatched_or_invalid(user_client, user):
    fields = form_fields(preview(user_client).content.decode())
    bench = rows(fields)[0]
    fields[f"row-{bench}-reps_min"] = ["10"]
    fields[f"row-{bench}-reps_max"] = ["8"]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Not saved yet: 2 rows need your attention" in html
    assert "reps min &gt; reps max" in html
    assert "Pick the exercise this line means" in html
    assert plan_counts(user) == (0, 0, 0)


def test_an_amrap_row_asks_for_a_rep_target_and_a_blank_upper_reps_means_exactly(user_client, user):
    fields = form_fields(preview(user_client, "Dips 3xAMRAP\nPushups 3x10\n").content.decode())
    dips, pushups = rows(fields)
    fields[f"row-{pushups}-reps_max"] = [""]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    html = response.content.decode()
    assert response.status_code == 400 and "Not saved yet: 1 row needs your attention" in html
    assert html.count("As many as possible: enter the reps you aim for.") == 1
    assert "Enter the most reps." not in html and '<p class="error" role="alert"></p>' not in html
    fields = form_fields(html)
    fields[f"row-{dips}-reps_min"] = ["12"]
    assert user_client.post(URL, {**fields, "action": "confirm"}).status_code == 302
    with rls_user(user.pk):
        assert [(e.exercise.name, e.reps_min, e.reps_max, e.notes) for e in
                WorkoutExercise.objects.select_related("exercise").order_by("sequence")] == [
            ("Dips - Triceps Version", 12, 12, "AMRAP"), ("Pushups", 10, 10, None)]


def test_confirm_creates_a_plan_per_day_with_exercises_and_an_import_log_each(user_client, user):
    fields = form_fields(preview(user_client).content.decode())
    burpees = rows(fields)[-1]
    response = user_client.post(URL, {**fields, "action": f"remove:{burpees}"})
    fields = form_fields(response.content.decode())
    assert len(rows(fields)) == 3
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 302
    with rls_user(user.pk):
        plans = {p.name: p for p in WorkoutPlan.objects.filter(user=user)}
        assert set(plans) == {"PPL – Day 1 - Push", "PPL – Day 2 - Legs"}
        push = list(plans["PPL – Day 1 - Push"].exercises.select_related("exercise"))
        assert [(e.sequence, e.exercise.name, e.sets, e.reps_min, e.reps_max, e.rest_time_seconds,
                 e.confidence_level, e.notes) for e in push] == [
            (1, "Barbell Bench Press - Medium Grip", 4, 6, 8, 120, "high", None),
            (2, "Standing Military Press", 3, 8, 10, None, "high", "@ 40kg"),
        ]
        logs = list(WorkoutImportLog.objects.filter(user=user).order_by("created_at"))
        assert len(logs) == 2
        assert {log.workout_plan_id for log in logs} == {p.pk for p in plans.values()}
        assert all(log.raw_text == TWO_DAYS.replace("\n", "\r\n") or log.raw_text == TWO_DAYS for log in logs)
        push_log = next(log for log in logs if log.workout_plan_id == plans["PPL – Day 1 - Push"].pk)
        assert [p["line"] for p in push_log.parsed_exercises] == ["Bench 4x6-8, rest 2 min", "OHP 3x8-10 @ 40kg"]
        assert [s["confidence"] for s in push_log.confidence_scores] == ["high", "high"]
        assert push_log.confidence_scores[0]["score"] == 100.0


def test_double_submit_creates_nothing_twice(user_client, user):
    fields = form_fields(preview(user_client).content.decode())
    fields = form_fields(user_client.post(URL, {**fields, "action": f"remove:{rows(fields)[-1]}"}).content.decode())
    first = user_client.post(URL, {**fields, "action": "confirm"})
    second = user_client.post(URL, {**fields, "action": "confirm"})
    assert first.status_code == second.status_code == 302
    assert plan_counts(user) == (2, 3, 2)
    assert "already saved" in user_client.get(second.url).content.decode()


def test_user_choice_replaces_the_match_and_shows_as_chosen(user_client, user):
    fields = form_fields(preview(user_client).content.decode())
    burpees = rows(fields)[-1]
    fields[f"row-{burpees}-search"] = ["jump squat"]
    html = user_client.post(URL, {**fields, "action": f"search:{burpees}"}).content.decode()
    assert "Freehand Jump Squat" in html
    fields = form_fields(html)
    assert fields[f"row-{burpees}-exercise"][0]  # the first result is picked for an unmatched row
    assert "chosen by you" in html
    assert user_client.post(URL, {**fields, "action": "confirm"}).status_code == 302
    with rls_user(user.pk):
        legs = WorkoutPlan.objects.get(name="PPL – Day 2 - Legs")
        assert [e.confidence_level for e in legs.exercises.all()] == ["high", "high"]


def test_rows_can_be_added_reordered_and_need_an_exercise(user_client, user):
    fields = form_fields(preview(user_client, "Bench 3x5\nSquat 3x5").content.decode())
    first, second = rows(fields)
    fields = form_fields(user_client.post(URL, {**fields, "action": f"down:{first}"}).content.decode())
    assert rows(fields) == [second, first]
    fields = form_fields(user_client.post(URL, {**fields, "action": "add:0"}).content.decode())
    added = rows(fields)[-1]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 400
    assert plan_counts(user) == (0, 0, 0)
    deadlift = exercise_named("Barbell Deadlift")
    fields.update({f"row-{added}-exercise": [str(deadlift.pk)], f"row-{added}-options": [str(deadlift.pk)],
                   f"row-{added}-sets": ["1"], f"row-{added}-reps_min": ["5"], f"row-{added}-reps_max": ["5"]})
    assert user_client.post(URL, {**fields, "action": "confirm"}).status_code == 302
    with rls_user(user.pk):
        plan = WorkoutPlan.objects.get()
        assert plan.name == "Imported plan"
        assert [(e.sequence, e.exercise.name) for e in plan.exercises.select_related("exercise")] == [
            (1, "Barbell Squat"), (2, "Barbell Bench Press - Medium Grip"), (3, "Barbell Deadlift")]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("sets", "0", "Sets must be between 1 and 20."),
    ("sets", "", "Enter the number of sets."),
    ("reps_min", "abc", "Enter a whole number."),
    ("rest", "-5", "Rest must be between 0 and 60 minutes."),
])
def test_row_validation_messages(user_client, user, field, value, message):
    fields = form_fields(preview(user_client, "Bench 3x5").content.decode())
    fields[f"row-{rows(fields)[0]}-{field}"] = [value]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert plan_counts(user) == (0, 0, 0)


def test_empty_plan_name_is_refused(user_client, user):
    fields = form_fields(preview(user_client, "Day 1\nBench 3x5").content.decode())
    fields["day-0-name"] = ["  "]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 400
    assert "Give this plan a name." in response.content.decode()


def test_a_tampered_or_expired_form_is_a_message_not_an_error(user_client, user):
    response = user_client.post(URL, {"action": "confirm", "token": "nope", "day": ["0"]})
    assert response.status_code == 400
    assert "That preview has expired" in response.content.decode()
    fields = form_fields(preview(user_client, "Bench 3x5").content.decode())
    fields["parsed"] = ["{not json"]
    fields[f"row-{rows(fields)[0]}-exercise"] = ["not-a-uuid"]
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 400
    assert plan_counts(user) == (0, 0, 0)


def test_missing_equipment_is_a_warning_with_substitutes(user_client, user):
    # A new account has said nothing of its gym: no warning under every row.
    assert "which you don" not in preview(user_client, "Bench 3x5").content.decode()
    with rls_user(user.pk):  # a home gym of dumbbells
        UserEquipment.objects.create(user=user, equipment=Equipment.objects.get(name="Dumbbell"))
    html = preview(user_client, "Bench 3x5").content.decode()
    assert "Needs Barbell, Bench, which you don't have." in html
    fields = form_fields(html)
    row = rows(fields)[0]
    html = user_client.post(URL, {**fields, "action": f"subs:{row}"}).content.decode()
    options = re.findall(r"<option value=\"[^\"]+\"[^>]*>([^<]+)</option>", html)
    assert "Clock Push-Up" in options  # bodyweight, trains the chest
    # With the equipment owned, no warning.
    with rls_user(user.pk):
        for name in ("Barbell", "Bench"):
            UserEquipment.objects.create(user=user, equipment=Equipment.objects.get(name=name))
    assert "which you don" not in preview(user_client, "Bench 3x5").content.decode()


def test_import_runs_a_bounded_number_of_queries(user_client, user):
    text = "\n".join(f"Bench {i % 5 + 1}x5" for i in range(60))
    with CaptureQueriesContext(connection) as small:
        preview(user_client, "Bench 3x5")
    with CaptureQueriesContext(connection) as large:
        response = preview(user_client, text)
    assert response.status_code == 200
    assert len(large) == len(small) <= 12
    counts = []
    for html in (preview(user_client, "Bench 3x5").content.decode(), response.content.decode()):
        with CaptureQueriesContext(connection) as confirm:
            assert user_client.post(URL, {**form_fields(html), "action": "confirm"}).status_code == 302
        counts.append(len(confirm))
    assert counts[0] == counts[1] <= 20  # one row or sixty: the same queries


def test_import_needs_csrf(user):
    from django.test import Client
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(URL, {"text": "Bench 3x5", "action": "preview"}).status_code == 403


def test_token_is_a_fresh_uuid_per_preview(user_client):
    first = form_fields(preview(user_client, "Bench 3x5").content.decode())["token"][0]
    second = form_fields(preview(user_client, "Bench 3x5").content.decode())["token"][0]
    assert uuid.UUID(first) != uuid.UUID(second)
