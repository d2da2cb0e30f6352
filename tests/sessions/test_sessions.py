"""Sessions: start, one-tap logging (idempotent), PRs as they happen, edit/delete with
recomputation, last time, swap, complete/abandon, history, RLS, query counts."""

import re
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from records.models import PersonalRecord
from records.services import best_from_sets, epley
from sessions import services
from sessions.models import ExerciseSession, WorkoutSession
from tests.factories import UserFactory, exercise_named

pytestmark = pytest.mark.django_db


def make_plan(user, names=("Barbell Squat", "Barbell Bench Press - Medium Grip")):
    with rls_user(user.pk):
        return plan_services.plan_create(user=user, name="Strength A", exercises=[
            ExerciseSpec(exercise=exercise_named(n), sets=3, reps_min=5, reps_max=5, rest_time_seconds=120)
            for n in names])


def start(client, plan):
    response = client.post(f"/sessions/start/{plan.pk}/")
    assert response.status_code == 302, response.content.decode()[:500]
    return WorkoutSession.objects.get(pk=response.url.split("/")[2])


def log(client, session, exercise, weight, reps, set_id=None, htmx=True):
    data = {"id": str(set_id or uuid.uuid4()), "exercise": str(exercise.pk), "weight": str(weight),
            "reps": str(reps), "number": "1"}
    return client.post(f"/sessions/{session.pk}/sets/", data, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))


def finished(client, user, plan, *sets):
    """A completed session of `plan` with the given (exercise, weight, reps) sets."""
    with rls_user(user.pk):
        session = start(client, plan)
    for exercise, weight, reps in sets:
        log(client, session, exercise, weight, reps)
    client.post(f"/sessions/{session.pk}/complete/")
    return session


def records(user, exercise):
    with rls_user(user.pk):
        return {r.record_type: (r.value, r.exercise_session_id) for r in
                PersonalRecord.objects.filter(user=user, exercise=exercise)}


def test_epley_worked_numbers():
    assert epley(Decimal("100"), 1) == Decimal("100.00")
    assert epley(Decimal("100"), 5) == Decimal("116.67")  # 100 * (1 + 5/30)
    assert epley(Decimal("80"), 10) == Decimal("106.67")
    assert epley(Decimal("100"), 13) is None  # more than 12 reps: no estimate
    assert epley(Decimal("0"), 5) is None


def test_start_log_and_see_a_pr_badge(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    page = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert "First time: no earlier sets." in page and 'name="weight"' in page
    squat = exercise_named("Barbell Squat")
    response = log(user_client, session, squat, 100, 5)
    html = response.content.decode()
    assert response.status_code == 200
    assert "100 kg × 5 ✓" in html
    # The first time an exercise is logged sets its records quietly: one mark, no badges.
    assert "First time: records set" in html and "New PR" not in html
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get()
    assert (logged.weight, logged.reps, logged.set_number) == (Decimal("100.00"), 5, 1)
    assert records(user, squat)["1rm"] == (Decimal("116.67"), logged.pk)
    # The session total grows with each set: this session's own record, no new badge.
    html = log(user_client, session, squat, 90, 5).content.decode()
    assert "New PR" not in html and "First time" not in html
    assert records(user, squat)["total_volume"][0] == Decimal("950.00")
    with rls_user(user.pk):
        assert list(ExerciseSession.objects.order_by("set_number").values_list("set_number", flat=True)) == [1, 2]
    # Next workout: beating a record of an earlier one is a badge, once per record.
    user_client.post(f"/sessions/{session.pk}/complete/")
    with rls_user(user.pk):
        second = start(user_client, plan)
    html = log(user_client, second, squat, 105, 5).content.decode()
    assert "New PR: e1RM 122.5 kg" in html and "New PR: set volume 525 kg" in html
    assert "session volume" not in html  # 525 < 950
    html = log(user_client, second, squat, 100, 5).content.decode()
    assert "New PR: session volume 1,025 kg" in html
    html = log(user_client, second, squat, 20, 5).content.decode()
    assert "New PR" not in html  # the same record growing: its badge is already on screen


def test_repeated_submission_stores_the_set_once_and_answers_the_same(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    squat, set_id = exercise_named("Barbell Squat"), uuid.uuid4()
    first = log(user_client, session, squat, 100, 5, set_id)
    second = log(user_client, session, squat, 100, 5, set_id)
    assert first.status_code == second.status_code == 200
    assert "100 kg × 5 ✓" in second.content.decode()
    with rls_user(user.pk):
        assert ExerciseSession.objects.count() == 1


BAD_SETS = [
    ("100", "0", "Reps must be at least 1"),
    ("100", "", "Enter the reps."),
    ("100", "five", "Enter the reps as a whole number."),
    ("-5", "5", "Weight can&#x27;t be negative"),
    ("heavy", "5", "Enter the weight as a number"),
    ("", "5", "Enter the weight (BW for bodyweight)."),
    ("1000000000", "5", "That weight is too large."),
]


@pytest.mark.parametrize(("weight", "reps", "message"), BAD_SETS)
def test_bad_sets_get_a_message_and_store_nothing(user_client, user, weight, reps, message):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    response = log(user_client, session, exercise_named("Barbell Squat"), weight, reps)
    assert response.status_code == 400
    assert message in response.content.decode()
    with rls_user(user.pk):
        assert not ExerciseSession.objects.exists()


@pytest.mark.parametrize(("weight", "reps", "message"), BAD_SETS)
def test_a_bad_edit_gets_a_message_and_changes_nothing(user_client, user, weight, reps, message):
    plan = make_plan(user)
    squat = exercise_named("Barbell Squat")
    with rls_user(user.pk):
        session = start(user_client, plan)
    log(user_client, session, squat, 100, 5)
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get()
    response = user_client.post(f"/sessions/{session.pk}/sets/{logged.pk}/", {"weight": weight, "reps": reps})
    assert response.status_code == 400 and message in response.content.decode()
    with rls_user(user.pk):
        logged.refresh_from_db()
        assert (logged.weight, logged.reps) == (Decimal("100.00"), 5)
    assert records(user, squat)["1rm"] == (Decimal("116.67"), logged.pk)


def test_bodyweight_sets_log_at_zero_without_records(user_client, user):
    plan = make_plan(user, names=("Pushups",))
    with rls_user(user.pk):
        session = start(user_client, plan)
    pushups = exercise_named("Pushups")
    assert log(user_client, session, pushups, 0, 20).status_code == 200
    assert records(user, pushups) == {}


def test_imperial_weight_displays_back_as_typed(user_client, user):
    user.unit_system = "imperial"
    user.save()
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = log(user_client, session, exercise_named("Barbell Squat"), "225.5", 5).content.decode()
    assert "225.5 lb × 5 ✓" in html
    with rls_user(user.pk):
        assert ExerciseSession.objects.get().weight == Decimal("102.29")


def test_no_logging_into_a_finished_session(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    assert user_client.post(f"/sessions/{session.pk}/complete/").status_code == 302
    response = log(user_client, session, exercise_named("Barbell Squat"), 100, 5)
    assert response.status_code == 400
    assert "This workout is completed" in response.content.decode()
    with rls_user(user.pk):
        assert not ExerciseSession.objects.exists()


def test_edit_and_delete_recompute_records(user_client, user):
    plan = make_plan(user)
    squat = exercise_named("Barbell Squat")
    with rls_user(user.pk):
        session = start(user_client, plan)
    log(user_client, session, squat, 100, 5)
    log(user_client, session, squat, 110, 3)
    with rls_user(user.pk):
        heavy = ExerciseSession.objects.get(weight=110)
        light = ExerciseSession.objects.get(weight=100)
    assert records(user, squat)["1rm"] == (Decimal("121.00"), heavy.pk)
    response = user_client.post(f"/sessions/{session.pk}/sets/{heavy.pk}/", {"weight": "90", "reps": "3"})
    assert response.status_code == 302
    assert records(user, squat)["1rm"] == (Decimal("116.67"), light.pk)
    assert records(user, squat)["total_volume"] == (Decimal("770.00"), heavy.pk)
    assert user_client.post(f"/sessions/{session.pk}/sets/{light.pk}/delete/").status_code == 302
    assert records(user, squat) == {"1rm": (Decimal("99.00"), heavy.pk), "set_volume": (Decimal("270.00"), heavy.pk),
                                    "total_volume": (Decimal("270.00"), heavy.pk)}
    response = user_client.post(f"/sessions/{session.pk}/sets/{heavy.pk}/", {"weight": "90", "reps": "0"})
    assert response.status_code == 400 and "Reps must be at least 1" in response.content.decode()


def test_a_set_of_a_completed_session_is_edited_from_history(user_client, user):
    plan = make_plan(user)
    squat = exercise_named("Barbell Squat")
    session = finished(user_client, user, plan, (squat, 100, 5))
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get()
    html = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert f"/sessions/{session.pk}/sets/{logged.pk}/" in html  # the Edit link
    response = user_client.post(f"/sessions/{session.pk}/sets/{logged.pk}/", {"weight": "110", "reps": "5"})
    assert response.status_code == 302 and response.url == f"/sessions/{session.pk}/"
    assert records(user, squat)["1rm"] == (Decimal("128.33"), logged.pk)
    assert user_client.post(f"/sessions/{session.pk}/sets/{logged.pk}/delete/").status_code == 302
    assert records(user, squat) == {}
    with rls_user(user.pk):
        assert not ExerciseSession.objects.exists()


def test_deleting_a_session_recomputes_and_hides_its_sets(user_client, user):
    plan = make_plan(user)
    squat = exercise_named("Barbell Squat")
    finished(user_client, user, plan, (squat, 100, 5))
    second = finished(user_client, user, plan, (squat, 120, 5))
    assert records(user, squat)["1rm"][0] == Decimal("140.00")
    assert user_client.post(f"/sessions/{second.pk}/delete/").status_code == 302
    assert records(user, squat)["1rm"][0] == Decimal("116.67")
    with rls_user(user.pk):
        best = best_from_sets(user_id=user.pk, exercise_id=squat.pk)
    assert best["1rm"].value == Decimal("116.67")
    assert "Strength A" in user_client.get("/sessions/").content.decode()
    assert user_client.get(f"/sessions/{second.pk}/").status_code == 404


def test_last_time_prefills_from_the_most_recent_earlier_session_with_the_exercise(user_client, user):
    plan = make_plan(user)
    squat = exercise_named("Barbell Squat")
    finished(user_client, user, plan, (squat, 80, 5))
    finished(user_client, user, plan, (squat, 90, 4))
    bench_only = make_plan(user, names=("Barbell Bench Press - Medium Grip",))
    finished(user_client, user, bench_only)  # no squat: skipped by "last time"
    with rls_user(user.pk):
        now = start(user_client, plan)
    html = user_client.get(f"/sessions/{now.pk}/workout/").content.decode()
    assert "Last time (" in html and "90 kg × 4" in html
    assert 'name="weight" value="90"' in html and 'name="reps" value="4"' in html
    # Set 2 had no counterpart last time: the plan's reps and the default weight.
    assert 'name="reps" value="5"' in html


def _weight_inputs(html):
    """(value, carries the weight just lifted) of every weight input, in page order."""
    return [(value, bool(carry)) for value, carry in re.findall(r'name="weight" value="([^"]*)"( data-carry)?', html)]


def test_first_time_weights_are_0_for_bodyweight_work_and_blank_for_loaded_work(user_client, user):
    plan = make_plan(user, names=("Pushups", "Barbell Deadlift"))
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert _weight_inputs(html) == [("BW", True)] * 3 + [("", True)] * 3


def test_first_time_sets_take_the_load_the_plan_names_in_the_users_unit(user_client, user):
    user.unit_system = "imperial"
    user.save()
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Imported", exercises=[
            ExerciseSpec(exercise=exercise_named("Barbell Squat"), sets=2, reps_min=5, reps_max=5, notes="@ 100kg"),
            ExerciseSpec(exercise=exercise_named("Barbell Deadlift"), sets=1, reps_min=5, reps_max=5,
                         notes="@ 60kg, 70kg")])  # a pyramid: no one load, so left blank
        session = start(user_client, plan)
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    # 100 kg is 220.5 lb; a bar loads 220 (45 lb bar, 2.5 lb plates: 5 lb steps).
    assert _weight_inputs(html) == [("220", True), ("220", True), ("", True)]
    assert html.count("Per side: 45 + 25 + 15 + 2.5 lb") == 0  # the usual lb plates have no 15
    assert html.count("Per side: 45 + 35 + 5 + 2.5 lb") == 2
    response = log(user_client, session, exercise_named("Barbell Squat"), "220", 5)
    assert "220 lb × 5 ✓" in response.content.decode()


def test_a_set_last_time_lacked_is_prefilled_with_the_weight_just_lifted(user_client, user):
    plan = make_plan(user, names=("Barbell Squat",))  # 3 x 5
    squat = exercise_named("Barbell Squat")
    finished(user_client, user, plan, (squat, 80, 5))  # last time: one set only
    with rls_user(user.pk):
        now = start(user_client, plan)
    page = f"/sessions/{now.pk}/workout/"
    # Set 1 from last time; sets 2 and 3 have nothing to go on, and a squat has no
    # default weight: left for the lifter to type, never a ready-to-log 0 kg.
    assert _weight_inputs(user_client.get(page).content.decode()) == [("80", False), ("", True), ("", True)]
    response = log(user_client, now, squat, "", 5)
    assert response.status_code == 400 and "Enter the weight (BW for bodyweight)." in response.content.decode()
    log(user_client, now, squat, 85, 5)
    html = user_client.get(page).content.decode()
    assert _weight_inputs(html) == [("85", True), ("85", True)]
    assert html.count('name="reps" value="5"') == 2  # reps stay the plan's


def test_one_session_at_a_time_with_a_banner(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        first = start(user_client, plan)
    html = user_client.get("/plans/").content.decode()
    assert "Workout in progress" in html and f"/sessions/{first.pk}/workout/" in html
    response = user_client.post(f"/sessions/start/{plan.pk}/")
    assert response.status_code == 200 and "You already have a workout in progress" in response.content.decode()
    response = user_client.post(f"/sessions/start/{plan.pk}/", {"replace": "1"})
    assert response.status_code == 302
    with rls_user(user.pk):
        first.refresh_from_db()
        assert first.status == "abandoned"
        assert WorkoutSession.objects.filter(status="in_progress").count() == 1


def test_swap_logs_against_the_substitute_and_keeps_the_plan(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
        bench_item = plan.exercises.get(sequence=2)
    pushups = exercise_named("Pushups")
    assert "Pushups" in user_client.get(f"/sessions/{session.pk}/swap/{bench_item.pk}/").content.decode()
    assert user_client.post(f"/sessions/{session.pk}/swap/{bench_item.pk}/", {"exercise": str(pushups.pk)}).status_code == 302
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert "Swapped in for Barbell Bench Press - Medium Grip" in html
    # Its set forms now log against the substitute.
    assert html.count(f'name="exercise" value="{pushups.pk}"') == 3
    log(user_client, session, pushups, 0, 12)
    with rls_user(user.pk):
        assert ExerciseSession.objects.get().exercise_id == pushups.pk
    with rls_user(user.pk):
        bench_item.refresh_from_db()
    assert bench_item.exercise.name == "Barbell Bench Press - Medium Grip"
    response = user_client.post(f"/sessions/{session.pk}/swap/{bench_item.pk}/",
                                {"exercise": str(exercise_named("Barbell Curl").pk)})
    assert response.status_code == 400


def test_sets_logged_before_a_swap_stay_on_the_card_and_count(user_client, user):
    plan = make_plan(user, names=("Barbell Bench Press - Medium Grip",))  # 3 x 5
    bench, pushups = exercise_named("Barbell Bench Press - Medium Grip"), exercise_named("Pushups")
    with rls_user(user.pk):
        session = start(user_client, plan)
        item = plan.exercises.get()
    log(user_client, session, bench, 60, 5)
    log(user_client, session, bench, 60, 5)
    user_client.post(f"/sessions/{session.pk}/swap/{item.pk}/", {"exercise": str(pushups.pk)})
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    # Slots 1 and 2 hold the bench sets, named; slot 3 logs pushups, with no weight carried.
    assert html.count('<span class="set-exercise">Barbell Bench Press - Medium Grip</span>') == 2
    assert html.count(f'name="exercise" value="{pushups.pk}"') == 1
    assert _weight_inputs(html) == [("BW", True)]
    assert "2/3" in html and "Also logged this workout" not in html
    log(user_client, session, pushups, 0, 15)
    html = user_client.post(f"/sessions/{session.pk}/complete/", follow=True).content.decode()
    assert "3 sets · volume 600 kg" in html and "Skipped" not in html


def test_swap_in_the_plan_too_changes_the_plan_and_keeps_earlier_sets_in_sight(user_client, user):
    plan = make_plan(user)
    squat, bench = exercise_named("Barbell Squat"), exercise_named("Barbell Bench Press - Medium Grip")
    pushups = exercise_named("Pushups")
    with rls_user(user.pk):
        session = start(user_client, plan)
        item = plan.exercises.get(sequence=2)
    log(user_client, session, bench, 60, 5)
    refused = user_client.post(f"/sessions/{session.pk}/swap/{item.pk}/",
                               {"exercise": str(exercise_named("Barbell Curl").pk), "in_plan": "1"})
    assert refused.status_code == 400 and "isn&#x27;t a substitute" in refused.content.decode()
    page = user_client.get(f"/sessions/{session.pk}/swap/{item.pk}/?in_plan=1").content.decode()
    assert "will use it from now on" in page and page.count('name="in_plan" value="1"') >= 2
    response = user_client.post(f"/sessions/{session.pk}/swap/{item.pk}/", {"exercise": str(pushups.pk), "in_plan": "1"},
                                follow=True)
    html = response.content.decode()
    assert "Swapped in Pushups; your plan uses it from now on." in html
    assert "Swapped in for" not in html  # it is the plan's exercise now, not a swap
    # The bench set logged before is no plan exercise's any more: still shown.
    assert "Also logged this workout" in html and '<span class="set-exercise">Barbell Bench Press' in html
    with rls_user(user.pk):
        item.refresh_from_db()
        session.refresh_from_db()
        assert item.exercise_id == pushups.pk and (item.sets, item.reps_min, item.rest_time_seconds) == (3, 5, 120)
        assert session.substitutions is None
        assert plan.exercises.get(sequence=1).exercise_id == squat.pk


def test_home_puts_the_plan_that_is_due_first_with_the_last_workout_and_recent_prs(user_client, user):
    html = user_client.get("/").content.decode()
    assert "Your first workout" in html and "Get set up" in html and "Last workout" not in html
    squat = exercise_named("Barbell Squat")
    day1 = make_plan(user, names=("Barbell Squat",))
    day2 = make_plan(user, names=("Pushups",))
    day3 = make_plan(user, names=("Pullups",))
    with rls_user(user.pk):
        plan_services.plan_create(user=user, name="Nothing in it")  # nothing to start: not offered
    finished(user_client, user, day2, (exercise_named("Pushups"), 0, 20))
    finished(user_client, user, day1, (squat, 100, 5))  # the latest
    with rls_user(user.pk):
        user_client.post(f"/sessions/start/{day3.pk}/")
        user_client.post(f"/sessions/{WorkoutSession.objects.get(status='in_progress').pk}/abandon/")
    html = user_client.get("/").content.decode()
    # Day 3 was abandoned, never completed: due first; then day 2, then day 1 (done last).
    starts = [html.index(f"/sessions/start/{p.pk}/") for p in (day3, day2, day1)]
    assert starts == sorted(starts) and "Nothing in it" not in html
    assert "Up next" in html and "not done yet" in html and "last done" in html
    last = html[html.index("Last workout"):]
    assert "1 set · 500 kg" in last and "3 PRs" in last
    assert "Barbell Squat" in html[html.index("Recent PRs"):] and "116.5 kg" in html
    assert "Your first workout" not in html


def test_complete_shows_summary_and_skipped_sets_then_history(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    log(user_client, session, exercise_named("Barbell Squat"), 100, 5)
    response = user_client.post(f"/sessions/{session.pk}/complete/", follow=True)
    html = response.content.decode()
    assert "Workout complete" in html and "1 set · volume 500 kg" in html
    assert "Skipped: Barbell Squat (2 sets), Barbell Bench Press - Medium Grip (3 sets)" in html
    assert "e1RM" in html
    history = user_client.get("/sessions/?status=completed").content.decode()
    assert "Strength A" in history and "1 set" in history and "3 PRs" in history
    assert 'class="list-link"' not in user_client.get("/sessions/?status=abandoned").content.decode()
    assert user_client.get("/sessions/?date_from=2030-01-02&date_to=2030-01-01").status_code == 400


def test_history_is_paginated(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        WorkoutSession.objects.bulk_create([WorkoutSession(user=user, workout_plan=plan, status="completed")
                                            for _ in range(45)])
    html = user_client.get("/sessions/?status=completed").content.decode()
    assert "Page 1 of 3" in html and "?status=completed&amp;page=2" in html


def test_history_filters_by_plan_and_date_range_and_pages_keep_the_filters(user_client, user, other_user):
    strength = make_plan(user)
    cardio = make_plan(user, names=("Pushups",))
    with rls_user(user.pk):
        cardio.name = "Conditioning"
        cardio.save()
        dated = {day: WorkoutSession.objects.create(user=user, workout_plan=plan, status="completed",
                                                    created_at=f"2026-03-{day:02}T10:00:00Z")
                 for day, plan in ((1, strength), (10, cardio), (20, strength))}

    def shown(query):
        html = user_client.get(f"/sessions/?{query}").content.decode()
        return {day for day, s in dated.items() if f"/sessions/{s.pk}/" in html}

    assert shown("") == {1, 10, 20}
    assert shown(f"plan={strength.pk}") == {1, 20}
    assert shown("date_from=2026-03-05&date_to=2026-03-20") == {10, 20}
    assert shown(f"plan={strength.pk}&date_from=2026-03-05") == {20}
    # Another user's plan is no choice here: a clear error, not their sessions.
    theirs = make_plan(other_user)
    response = user_client.get(f"/sessions/?plan={theirs.pk}")
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    with rls_user(user.pk):
        WorkoutSession.objects.bulk_create([WorkoutSession(user=user, workout_plan=strength, status="completed",
                                                           created_at="2026-03-15T10:00:00Z") for _ in range(25)])
    html = user_client.get(f"/sessions/?plan={strength.pk}&date_from=2026-03-05").content.decode()
    assert f"?plan={strength.pk}&amp;date_from=2026-03-05&amp;page=2" in html


def test_another_users_session_and_sets_are_404_and_unchanged(user_client, user, other_user):
    theirs_client = Client()
    theirs_client.force_login(other_user)
    plan = make_plan(other_user)
    with rls_user(other_user.pk):
        session = start(theirs_client, plan)
    squat = exercise_named("Barbell Squat")
    log(theirs_client, session, squat, 100, 5)
    with rls_user(other_user.pk):
        their_set = ExerciseSession.objects.get()
        item = plan.exercises.first()
    for method, url, data in [
        ("get", f"/sessions/{session.pk}/", {}), ("get", f"/sessions/{session.pk}/workout/", {}),
        ("post", f"/sessions/{session.pk}/sets/", {"id": str(uuid.uuid4()), "exercise": str(squat.pk), "weight": "1", "reps": "1"}),
        ("get", f"/sessions/{session.pk}/sets/{their_set.pk}/", {}),
        ("post", f"/sessions/{session.pk}/sets/{their_set.pk}/", {"weight": "1", "reps": "1"}),
        ("post", f"/sessions/{session.pk}/sets/{their_set.pk}/delete/", {}),
        ("post", f"/sessions/{session.pk}/complete/", {}), ("post", f"/sessions/{session.pk}/abandon/", {}),
        ("post", f"/sessions/{session.pk}/delete/", {}), ("get", f"/sessions/{session.pk}/swap/{item.pk}/", {}),
        ("post", f"/sessions/start/{plan.pk}/", {}),
    ]:
        assert getattr(user_client, method)(url, data).status_code == 404, url
    # Reusing their set's id as an idempotency key reveals nothing and stores nothing.
    mine = make_plan(user)
    with rls_user(user.pk):
        my_session = start(user_client, mine)
    response = log(user_client, my_session, squat, 1, 1, set_id=their_set.pk)
    assert response.status_code == 400
    with rls_user(other_user.pk):
        their_set.refresh_from_db()
        session.refresh_from_db()
        assert (their_set.weight, their_set.reps, session.status) == (Decimal("100.00"), 5, "in_progress")


def _history_and_urls(client, user, sessions: int) -> dict[str, str]:
    """`sessions` finished workouts of 3 squat sets at 60 kg, then an open one; the URLs
    of every session and records page."""
    plan = make_plan(user)
    squat = exercise_named("Barbell Squat")
    with rls_user(user.pk):
        for _ in range(sessions):
            old = services.session_start(user=user, plan=plan)
            for _ in range(3):
                services.set_log(session=old, set_id=uuid.uuid4(), exercise=squat, weight_kg=Decimal(60), reps=5)
            services.session_complete(session=old)
        session = start(client, plan)
        past = WorkoutSession.objects.filter(status="completed").order_by("-created_at").first()
        past_set = past.sets.order_by("set_number").first()
        item = plan.exercises.get(sequence=1)
    log(client, session, squat, 65, 5)
    return {
        "workout": f"/sessions/{session.pk}/workout/",
        "history": "/sessions/",
        "history filtered": f"/sessions/?status=completed&plan={plan.pk}",
        "detail": f"/sessions/{past.pk}/",
        "set edit": f"/sessions/{past.pk}/sets/{past_set.pk}/",
        "swap": f"/sessions/{session.pk}/swap/{item.pk}/",
        "add set": f"/sessions/{session.pk}/sets/new/?exercise={squat.pk}&plan_exercise={item.pk}",
        "start (asks first)": f"/sessions/start/{plan.pk}/",
        "records": "/records/",
        "home": "/",
        "log a set": f"/sessions/{session.pk}/sets/",
    }


# The counts include the test-only savepoint and the RLS setting saved and restored
# around each request, and the in-progress banner's query.
SESSION_PAGE_LIMITS = {"workout": 13,  # with last time's workout note; no banner query on the page itself
                       "history": 11, "history filtered": 12, "detail": 17, "set edit": 9,
                       "swap": 12, "add set": 10, "start (asks first)": 10, "records": 9,
                       "home": 13,  # with "this week" (one query)
                       # the session, the exercise (with the plan exercise and the best
                       # e1RM), the locks, the INSERT, the records read and its new PRs,
                       # then the plan and the session's sets for the out-of-band counts
                       # (this set names no plan exercise: no card is sent in full)
                       "log a set": 16}


def test_session_pages_run_as_many_queries_with_30_workouts_behind_them_as_with_1():
    counts = {}
    for sessions in (1, 30):
        user = UserFactory()
        client = Client()
        client.force_login(user)
        urls = _history_and_urls(client, user, sessions)
        squat = exercise_named("Barbell Squat")
        counts[sessions] = {}
        for name, url in urls.items():
            with CaptureQueriesContext(connection) as queries:
                if name == "log a set":
                    response = client.post(url, {"id": str(uuid.uuid4()), "exercise": str(squat.pk), "weight": "70",
                                                 "reps": "5", "number": "2"}, HTTP_HX_REQUEST="true")
                else:
                    response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
            counts[sessions][name] = len(queries)
    assert counts[1] == counts[30]
    over = {name: (n, SESSION_PAGE_LIMITS[name]) for name, n in counts[30].items() if n > SESSION_PAGE_LIMITS[name]}
    assert not over, over


def test_records_page_lists_prs_with_set_and_date(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    log(user_client, session, exercise_named("Barbell Squat"), 100, 5)
    html = user_client.get("/records/").content.decode()
    assert "Barbell Squat" in html and "Estimated 1RM" in html and "116.5 kg" in html and "100 kg × 5" in html
