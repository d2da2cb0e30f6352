"""The workout screen (issue 10): supersets as one card alternating set by set with the
rest after the round, the answer to a log (row plus out-of-band header, next row, next
card), the one-time question about a set far above the best, bodyweight input, last
time's note, and warm-ups left out of a session's volume."""

import re
import uuid
from decimal import Decimal

import pytest

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions.models import ExerciseSession
from tests.factories import exercise_named
from tests.sessions.test_sessions import finished, start

pytestmark = pytest.mark.django_db

BENCH, ROW, SQUAT = "Barbell Bench Press - Medium Grip", "Bent Over Barbell Row", "Barbell Squat"


def plan_with(user, *specs, name="Upper"):
    """specs: (exercise name, sets, superset label or None)."""
    with rls_user(user.pk):
        return plan_services.plan_create(user=user, name=name, exercises=[
            ExerciseSpec(exercise=exercise_named(n), sets=sets, reps_min=8, reps_max=8, rest_time_seconds=90,
                         superset=label) for n, sets, label in specs])


def plan_items(user, plan):
    with rls_user(user.pk):
        return list(plan.exercises.order_by("sequence").select_related("exercise"))


def post_set(client, session, item, weight, reps, number, **extra):
    data = {"id": str(uuid.uuid4()), "exercise": str(item.exercise_id), "plan_exercise": str(item.pk),
            "weight": str(weight), "reps": str(reps), "number": str(number), **extra}
    return client.post(f"/sessions/{session.pk}/sets/", data, HTTP_HX_REQUEST="true")


def test_a_superset_is_one_card_whose_rows_alternate_its_exercises(user_client, user):
    plan = plan_with(user, (BENCH, 2, "A"), (ROW, 2, "A"), (SQUAT, 1, None))
    bench, row, squat = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert html.count('<details class="card exercise-card') == 2  # the superset, then the squat
    superset = html[html.index("superset-card"):html.index(f'id="exercise-{squat.pk}"')]
    assert "Superset" in superset and BENCH in superset and ROW in superset
    # Set by set: bench 1, row 1, bench 2, row 2.
    order = re.findall(r'name="plan_exercise" value="([^"]+)"', superset)
    assert order == [str(bench.pk), str(row.pk), str(bench.pk), str(row.pk)]


def test_in_a_superset_the_rest_comes_after_the_round_not_between_its_exercises(user_client, user):
    plan = plan_with(user, (BENCH, 2, "A"), (ROW, 2, "A"))
    bench, row = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    first = post_set(user_client, session, bench, 60, 8, 1).content.decode()
    assert "data-rest-ends-at" not in first  # straight on to the row
    second = post_set(user_client, session, row, 50, 8, 1).content.decode()
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get(exercise_id=row.exercise_id)
    ends = int(re.search(r'data-rest-ends-at="(\d+)"', second)[1])
    assert ends == int(logged.created_at.timestamp() * 1000) + 90_000  # the round is over: 90 s
    # The page says the same after a reload.
    page = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert f'data-ends-at="{ends}"' in page


def test_a_log_answers_with_the_row_and_out_of_band_the_header_the_next_row_and_the_next_card(user_client, user):
    plan = plan_with(user, (SQUAT, 2, None), (BENCH, 1, None))
    squat, bench = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = post_set(user_client, session, squat, 102.5, 8, 1).content.decode()
    assert "102.5 kg × 8 ✓" in html
    header = re.search(rf'<summary id="summary-{squat.pk}" hx-swap-oob="true">(.*?)</summary>', html, re.S)[1]
    assert "1/2" in header and "✓" not in header
    # The next squat set had nothing from last time: it comes again with the weight just lifted.
    next_row = re.search(rf'<li class="set-row" id="row-{squat.pk}-2"[^>]*hx-swap-oob="true">(.*?)</li>', html, re.S)[1]
    assert 'name="weight" value="102.5"' in next_row
    assert f'id="actions-{squat.pk}" hx-swap-oob="true"' in html and "number=3" in html
    assert f'id="exercise-{bench.pk}"' not in html  # the squat is not done: no next card yet
    html = post_set(user_client, session, squat, 102.5, 8, 2).content.decode()
    assert re.search(rf'<summary id="summary-{squat.pk}" hx-swap-oob="true">.*?2/2 ✓', html, re.S)
    # Done: the bench card comes along, opened.
    assert re.search(rf'<details class="card exercise-card" id="exercise-{bench.pk}" open hx-swap-oob="true">', html)


def test_a_set_far_above_the_best_is_asked_about_once(user_client, user):
    plan = plan_with(user, (SQUAT, 3, None))
    (squat,) = plan_items(user, plan)
    finished(user_client, user, plan, (exercise_named(SQUAT), 100, 5))  # e1RM 116.67
    with rls_user(user.pk):
        session = start(user_client, plan)
    response = post_set(user_client, session, squat, 1000, 5, 1)  # an extra zero
    html = response.content.decode()
    assert response.status_code == 400 and "far above your best (116.5 kg estimated 1RM)" in html
    assert 'name="confirm" value="on"' in html and 'value="1000"' in html and ">Keep</button>" in html
    with rls_user(user.pk):
        assert ExerciseSession.objects.filter(workout_session=session).count() == 0
    # Logged again with the question answered: kept.
    response = post_set(user_client, session, squat, 1000, 5, 1, confirm="on")
    assert response.status_code == 200 and "1000 kg × 5 ✓" in response.content.decode()
    # 50% over the best e1RM is not asked about (116.67 x 1.5 = 175).
    assert post_set(user_client, session, squat, 150, 1, 2).status_code == 200


def test_bodyweight_work_prefills_bw_and_takes_added_weight_as_a_plus(user_client, user):
    plan = plan_with(user, ("Pullups", 2, None))
    (pullups,) = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert html.count('name="weight" value="BW"') == 2 and "Added weight (kg) set 1" in html
    html = post_set(user_client, session, pullups, "BW + 10", 6, 1).content.decode()
    assert "BW + 10 kg × 6 ✓" in html
    # The next set carries it, as typed back.
    assert 'name="weight" value="BW + 10"' in html
    with rls_user(user.pk):
        assert ExerciseSession.objects.get().weight == Decimal("10.00")


def test_last_times_note_is_shown_on_the_card(user_client, user):
    plan = plan_with(user, (SQUAT, 2, None))
    (squat,) = plan_items(user, plan)
    with rls_user(user.pk):
        earlier = start(user_client, plan)
    post_set(user_client, earlier, squat, 100, 8, 1, notes="left knee twinged")
    user_client.post(f"/sessions/{earlier.pk}/complete/")
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert "Last time&#x27;s note: “left knee twinged”" in html or "Last time's note: “left knee twinged”" in html


def test_warm_ups_count_for_nothing_in_a_sessions_volume(user_client, user):
    plan = plan_with(user, (SQUAT, 3, None))
    (squat,) = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    post_set(user_client, session, squat, 60, 5, 1, set_type="warmup")
    post_set(user_client, session, squat, 100, 5, 2)
    user_client.post(f"/sessions/{session.pk}/complete/")
    detail = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert "volume 500 kg" in detail  # not 800
    history = user_client.get("/sessions/").content.decode()
    assert "2 sets · " in history and "500 kg" in history


def test_set_edit_changes_type_rpe_and_note_and_refuses_bad_values(user_client, user):
    plan = plan_with(user, (SQUAT, 1, None))
    (squat,) = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    post_set(user_client, session, squat, 100, 5, 1)
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get()
    url = f"/sessions/{session.pk}/sets/{logged.pk}/"
    assert 'value="100"' in user_client.get(url).content.decode()
    response = user_client.post(url, {"weight": "100", "reps": "5", "rpe": "11", "set_type": "warmup"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    response = user_client.post(url, {"weight": "102.5", "reps": "4", "rpe": "8.5", "set_type": "failure",
                                      "notes": "grindy"})
    assert response.status_code == 302
    with rls_user(user.pk):
        logged.refresh_from_db()
    assert (logged.weight, logged.reps, logged.rpe, logged.set_type, logged.notes) == (
        Decimal("102.50"), 4, Decimal("8.5"), "failure", "grindy")


def test_a_warm_ups_weight_is_not_carried_into_the_next_set(user_client, user):
    plan = plan_with(user, (SQUAT, 3, None))
    (squat,) = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = post_set(user_client, session, squat, 40, 8, 1, set_type="warmup").content.decode()
    next_row = re.search(rf'id="row-{squat.pk}-2".*?</li>', html, re.S)[0]
    assert 'name="weight" value=""' in next_row  # not 40: the lifter types the working weight
    post_set(user_client, session, squat, 100, 8, 2)
    page = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert re.findall(r'name="weight" value="([^"]*)"', page) == ["100"]  # set 3: the working weight


def test_superset_with_next_mid_workout_groups_this_workouts_copy_not_the_plan(user_client, user, other_user):
    plan = plan_with(user, (BENCH, 2, None), (ROW, 2, None))
    bench, row = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    url = f"/sessions/{session.pk}/exercises/{bench.pk}/superset/"
    assert user_client.post(url, {"action": "sideways"}).status_code == 302  # refused with a message
    assert user_client.post(url, {"action": "with_next"}).status_code == 302
    with rls_user(user.pk):
        session.refresh_from_db()
        copy = list(session.workout_plan.exercises.order_by("sequence").values_list("superset", flat=True))
        original = list(plan.exercises.order_by("sequence").values_list("superset", flat=True))
    assert session.workout_plan.kind == "adhoc" and session.workout_plan.source_plan_id == plan.pk
    assert copy[0] and copy == [copy[0]] * 2 and original == [None, None]
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert html.count("superset-card") == 1
    # Another user can't touch it.
    from django.test import Client
    other = Client()
    other.force_login(other_user)
    assert other.post(url, {"action": "ungroup"}).status_code == 404


def test_a_workout_note_is_kept_and_shown_the_next_time(user_client, user, other_user):
    plan = plan_with(user, (SQUAT, 1, None))
    with rls_user(user.pk):
        earlier = start(user_client, plan)
    url = f"/sessions/{earlier.pk}/note/"
    response = user_client.post(url, {"notes": "x" * 2001})
    assert response.status_code == 302
    assert "under 2,000 characters" in user_client.get(response.url).content.decode()
    assert user_client.post(url, {"notes": "Slept badly, kept it light"}).status_code == 302
    user_client.post(f"/sessions/{earlier.pk}/complete/")
    assert "Slept badly, kept it light" in user_client.get(f"/sessions/{earlier.pk}/").content.decode()
    from django.test import Client
    other = Client()
    other.force_login(other_user)
    assert other.post(url, {"notes": "mine now"}).status_code == 404
    with rls_user(user.pk):
        session = start(user_client, plan)
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert "Last time's workout note" in html and "“Slept badly, kept it light”" in html
    with rls_user(user.pk):
        earlier.refresh_from_db()
    assert earlier.notes == "Slept badly, kept it light"


def test_normal_typed_out_is_stored_as_a_normal_set_null(user_client, user):
    plan = plan_with(user, (SQUAT, 1, None))
    (squat,) = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    assert post_set(user_client, session, squat, 100, 5, 1, set_type="normal").status_code == 200
    with rls_user(user.pk):
        assert list(ExerciseSession.objects.values_list("set_type", flat=True)) == [None]
