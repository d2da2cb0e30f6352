"""A workout beyond its plan (sessions.workout_changes, sessions.change_views): empty
workouts, exercises added and moved mid-workout (the plan forked into the workout's own
copy), saving as a plan, applying the changes to the plan; RLS, bad input, query counts."""

import uuid
from datetime import datetime, timezone as dt_timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from allworkouts.db import rls_user
from equipment.models import Exercise
from plans import services as plan_services
from plans.models import PlanKind, WorkoutExercise, WorkoutPlan
from plans.selectors import plans_for_user
from plans.services import ExerciseSpec
from sessions import selectors, services, workout_changes
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db

SQUAT, BENCH, DEADLIFT, CURL = ("Barbell Squat", "Barbell Bench Press - Medium Grip", "Barbell Deadlift",
                                "Barbell Curl")


def make_plan(user, names=(SQUAT, BENCH), name="Strength A", supersets=None):
    supersets = supersets or {}
    with rls_user(user.pk):
        return plan_services.plan_create(user=user, name=name, exercises=[
            ExerciseSpec(exercise=exercise_named(n), sets=3, reps_min=5, reps_max=5, rest_time_seconds=120,
                         notes=f"note {n}", superset=supersets.get(n))
            for n in names])


def start(client, plan) -> WorkoutSession:
    response = client.post(f"/sessions/start/{plan.pk}/")
    assert response.status_code == 302
    return WorkoutSession.objects.get(pk=response.url.split("/")[2])


def start_empty(client) -> WorkoutSession:
    response = client.post("/sessions/start/empty/")
    assert response.status_code == 302, response.content.decode()[:300]
    return WorkoutSession.objects.get(pk=response.url.split("/")[2])


def add(client, session, name, **fields):
    data = {"exercise": str(exercise_named(name).pk), **fields}
    return client.post(f"/sessions/{session.pk}/exercises/add/", data)


def log_set(user, session, name, weight=50, reps=5):
    with rls_user(user.pk):
        services.set_log(session=session, set_id=uuid.uuid4(), exercise=exercise_named(name),
                         weight_kg=Decimal(weight), reps=reps)


def plan_rows(user, plan_id) -> list[tuple]:
    with rls_user(user.pk):
        return [(r.exercise.name, r.sequence, r.sets, r.reps_min, r.reps_max) for r in
                WorkoutExercise.objects.filter(workout_plan_id=plan_id).select_related("exercise")
                .order_by("sequence")]


def reloaded(user, session) -> WorkoutSession:
    with rls_user(user.pk):
        return WorkoutSession.objects.select_related("workout_plan").get(pk=session.pk)


def move(client, session, plan_exercise_id, direction):
    return client.post(f"/sessions/{session.pk}/exercises/{plan_exercise_id}/move/", {"direction": direction})


# --- empty workouts ----------------------------------------------------------------

def test_an_empty_workout_runs_on_its_own_plan_kept_out_of_the_plan_lists(user_client, user):
    make_plan(user)
    with rls_user(user.pk):
        session = start_empty(user_client)
        plan = reloaded(user, session).workout_plan
        assert plan.kind == PlanKind.ADHOC and plan.source_plan_id is None
        assert plan.name.startswith("Workout, ") and not plan.exercises.exists()
        assert [p.name for p in plans_for_user(user=user)] == ["Strength A"]
        assert [p.name for p in selectors.plans_to_start(user=user)] == ["Strength A"]
    page = user_client.get("/").content.decode()
    assert 'action="/sessions/start/empty/"' in page and "Start an empty workout" in page


def test_the_empty_workout_is_named_after_the_users_day():
    late = datetime(2026, 12, 1, 23, 30, tzinfo=dt_timezone.utc)
    with timezone.override(ZoneInfo("Europe/Berlin")):
        assert workout_changes.empty_workout_name(late) == "Workout, Wed 2 Dec"
    with timezone.override(ZoneInfo("America/New_York")):
        assert workout_changes.empty_workout_name(late) == "Workout, Tue 1 Dec"


def test_with_a_workout_open_an_empty_one_asks_first_and_replacing_abandons_it(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        first = start(user_client, plan)
        response = user_client.post("/sessions/start/empty/")
        assert response.status_code == 200
        assert "You already have a workout in progress" in response.content.decode()
        assert not WorkoutPlan.objects.filter(kind=PlanKind.ADHOC).exists()  # nothing left behind
        second = WorkoutSession.objects.get(pk=user_client.post("/sessions/start/empty/", {"replace": "1"})
                                            .url.split("/")[2])
        first.refresh_from_db()
    assert first.status == SessionStatus.ABANDONED and second.status == SessionStatus.IN_PROGRESS


# --- adding an exercise ------------------------------------------------------------

def test_the_add_page_searches_with_the_shared_matcher(user_client, user):
    with rls_user(user.pk):
        session = start_empty(user_client)
    page = user_client.get(f"/sessions/{session.pk}/exercises/add/", {"q": "dedlift"}).content.decode()
    deadlift = exercise_named(DEADLIFT)
    assert f'name="exercise" value="{deadlift.pk}"' in page  # a typo still finds it
    partial = user_client.get(f"/sessions/{session.pk}/exercises/add/", {"q": "deadlift"},
                              headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and f'value="{deadlift.pk}"' in partial


def test_adding_to_a_planned_workout_copies_the_plan_and_leaves_it_alone(user_client, user):
    Exercise.objects.filter(name=DEADLIFT).update(default_reps=None)  # then 3 x 10
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
        bench_row = plan.exercises.get(sequence=2)
    pushups = exercise_named("Pushups")
    user_client.post(f"/sessions/{session.pk}/swap/{bench_row.pk}/", {"exercise": str(pushups.pk)})
    response = add(user_client, session, DEADLIFT)
    assert response.status_code == 302
    session = reloaded(user, session)
    copy = session.workout_plan
    assert copy.kind == PlanKind.ADHOC and copy.source_plan_id == plan.pk and copy.name == "Strength A"
    assert plan_rows(user, copy.pk) == [(SQUAT, 1, 3, 5, 5), (BENCH, 2, 3, 5, 5), (DEADLIFT, 3, 3, 10, 10)]
    assert plan_rows(user, plan.pk) == [(SQUAT, 1, 3, 5, 5), (BENCH, 2, 3, 5, 5)]
    with rls_user(user.pk):
        copied_bench = copy.exercises.get(sequence=2)
        assert (copied_bench.rest_time_seconds, copied_bench.notes) == (120, f"note {BENCH}")
        deadlift_row = copy.exercises.get(sequence=3)
    # The swap follows the copied exercise: this workout still logs pushups for the bench.
    assert session.substitutions == {str(copied_bench.pk): str(pushups.pk)}
    assert response.url == f"/sessions/{session.pk}/workout/#exercise-{deadlift_row.pk}"
    # A second change works on the same copy: no second fork.
    add(user_client, session, CURL, sets="2", reps="12")
    assert reloaded(user, session).workout_plan_id == copy.pk
    assert plan_rows(user, copy.pk)[-1] == (CURL, 4, 2, 12, 12)
    with rls_user(user.pk):
        assert WorkoutPlan.objects.filter(kind=PlanKind.ADHOC).count() == 1


def test_an_added_exercise_takes_its_default_reps(user_client, user):
    Exercise.objects.filter(name=CURL).update(default_reps=12, default_rest_time_seconds=60)
    with rls_user(user.pk):
        session = start_empty(user_client)
    add(user_client, session, CURL)
    with rls_user(user.pk):
        row = WorkoutExercise.objects.get(workout_plan_id=reloaded(user, session).workout_plan_id)
    assert (row.sets, row.reps_min, row.reps_max, row.rest_time_seconds) == (3, 12, 12, 60)


@pytest.mark.parametrize("fields, message", [
    ({"exercise": str(uuid.uuid4())}, "That exercise isn&#x27;t in the catalogue"),
    ({"exercise": "not-a-uuid"}, "That exercise isn&#x27;t in the catalogue"),
    ({"exercise": ""}, "Pick an exercise from the list."),
    ({"sets": "500"}, "At most 20 sets."),
    ({"sets": "-1"}, "At least 1 set."),
    ({"reps": "0"}, "At least 1 rep."),
    ({"reps": "ten"}, "Enter a whole number."),
    ({"q": "x" * 101}, "at most 100 characters"),
])
def test_bad_input_to_add_is_a_message_and_changes_nothing(user_client, user, fields, message):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    response = user_client.post(f"/sessions/{session.pk}/exercises/add/",
                                {"exercise": str(exercise_named(CURL).pk), **fields})
    assert response.status_code == 400 and message in response.content.decode()
    assert reloaded(user, session).workout_plan_id == plan.pk
    with rls_user(user.pk):
        assert WorkoutPlan.objects.filter(user=user).count() == 1  # no copy made


def test_adding_needs_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    with rls_user(user.pk):
        session = workout_changes.empty_workout_start(user=user)
    response = client.post(f"/sessions/{session.pk}/exercises/add/", {"exercise": str(exercise_named(CURL).pk)})
    assert response.status_code == 403
    assert plan_rows(user, session.workout_plan_id) == []


def test_another_user_cannot_change_my_workout(user_client, user, other_user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
        squat_row = plan.exercises.get(sequence=1)
    intruder = Client()
    intruder.force_login(other_user)
    urls = [(f"/sessions/{session.pk}/exercises/add/", {"exercise": str(exercise_named(CURL).pk)}),
            (f"/sessions/{session.pk}/exercises/{squat_row.pk}/move/", {"direction": "down"}),
            (f"/sessions/{session.pk}/save-plan/", {"name": "Mine now"}),
            (f"/sessions/{session.pk}/apply-to-plan/", {})]
    for url, data in urls:
        assert intruder.post(url, data).status_code == 404, url
        assert intruder.get(url).status_code in (404, 405), url
    # Under their identity the database does not even show the session to the service.
    with rls_user(other_user.pk), pytest.raises(WorkoutSession.DoesNotExist):
        workout_changes.workout_exercise_add(session=session, exercise=exercise_named(CURL))
    assert reloaded(user, session).workout_plan_id == plan.pk
    assert plan_rows(user, plan.pk) == [(SQUAT, 1, 3, 5, 5), (BENCH, 2, 3, 5, 5)]


def test_a_finished_workout_takes_no_more_exercises(user_client, user):
    with rls_user(user.pk):
        session = start_empty(user_client)
    user_client.post(f"/sessions/{session.pk}/complete/")
    response = add(user_client, session, CURL)
    assert response.status_code == 302 and response.url == f"/sessions/{session.pk}/"
    assert plan_rows(user, session.workout_plan_id) == []
    with rls_user(user.pk), pytest.raises(services.SessionClosed):
        workout_changes.workout_exercise_add(session=session, exercise=exercise_named(CURL))


# --- moving ------------------------------------------------------------------------

def test_exercises_not_yet_started_move_and_started_ones_keep_their_place(user_client, user):
    plan = make_plan(user, names=(SQUAT, BENCH, DEADLIFT))
    with rls_user(user.pk):
        session = start(user_client, plan)
        rows = list(plan.exercises.order_by("sequence"))
    log_set(user, session, SQUAT)
    assert move(user_client, session, rows[2].pk, "up").status_code == 302  # deadlift before bench
    copy_id = reloaded(user, session).workout_plan_id
    assert copy_id != plan.pk
    assert [r[0] for r in plan_rows(user, copy_id)] == [SQUAT, DEADLIFT, BENCH]
    assert [r[0] for r in plan_rows(user, plan.pk)] == [SQUAT, BENCH, DEADLIFT]  # the plan is untouched
    with rls_user(user.pk):
        copy_rows = {r.exercise.name: r for r in WorkoutExercise.objects.filter(workout_plan_id=copy_id)
                     .select_related("exercise")}
    # Deadlift can't jump over the squat, which is started; the squat can't move at all.
    move(user_client, session, copy_rows[DEADLIFT].pk, "up")
    refused = user_client.post(f"/sessions/{session.pk}/exercises/{copy_rows[SQUAT].pk}/move/",
                               {"direction": "down"}, follow=True)
    assert "only exercises not yet started move" in refused.content.decode()
    move(user_client, session, copy_rows[BENCH].pk, "down")  # last already: stays
    assert [r[0] for r in plan_rows(user, copy_id)] == [SQUAT, DEADLIFT, BENCH]
    assert [r[1] for r in plan_rows(user, copy_id)] == [1, 2, 3]


def test_a_move_jumps_over_a_started_exercise_and_a_superset_moves_as_one(user_client, user):
    plan = make_plan(user, names=(SQUAT, BENCH, DEADLIFT, CURL), supersets={BENCH: "A", DEADLIFT: "A"})
    with rls_user(user.pk):
        session = start(user_client, plan)
        curl = plan.exercises.get(sequence=4)
    move(user_client, session, curl.pk, "up")
    copy_id = reloaded(user, session).workout_plan_id
    assert [r[0] for r in plan_rows(user, copy_id)] == [SQUAT, CURL, BENCH, DEADLIFT]
    log_set(user, session, CURL)
    with rls_user(user.pk):
        squat = WorkoutExercise.objects.get(workout_plan_id=copy_id, sequence=1)
    move(user_client, session, squat.pk, "down")  # over the started curl, past the superset
    assert [r[0] for r in plan_rows(user, copy_id)] == [BENCH, DEADLIFT, CURL, SQUAT]


@pytest.mark.parametrize("direction", ["sideways", ""])
def test_a_move_without_a_direction_is_refused(user_client, user, direction):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
        row = plan.exercises.get(sequence=1)
    response = move(user_client, session, row.pk, direction)
    assert response.status_code == 302
    assert reloaded(user, session).workout_plan_id == plan.pk  # not even forked


def test_moving_an_exercise_of_another_plan_is_refused(user_client, user):
    plan, other = make_plan(user), make_plan(user, name="Other")
    with rls_user(user.pk):
        session = start(user_client, plan)
        foreign = other.exercises.get(sequence=1)
    response = user_client.post(f"/sessions/{session.pk}/exercises/{foreign.pk}/move/", {"direction": "up"},
                                follow=True)
    assert "isn&#x27;t in this workout" in response.content.decode()
    assert reloaded(user, session).workout_plan_id == plan.pk  # the failed move rolled its fork back


# --- finishing -----------------------------------------------------------------------

def test_an_empty_workout_completed_is_saved_as_a_plan(user_client, user):
    Exercise.objects.filter(name=SQUAT).update(default_reps=None)
    with rls_user(user.pk):
        session = start_empty(user_client)
    add(user_client, session, SQUAT)
    add(user_client, session, CURL, sets="2", reps="12")
    log_set(user, session, SQUAT, 80, 8)
    page = user_client.post(f"/sessions/{session.pk}/complete/", follow=True).content.decode()
    assert "Keep this workout as a plan?" in page and f'action="/sessions/{session.pk}/save-plan/"' in page
    response = user_client.post(f"/sessions/{session.pk}/save-plan/", {"name": "  Legs and arms "})
    with rls_user(user.pk):
        plan = WorkoutPlan.objects.get(pk=reloaded(user, session).workout_plan_id)
        assert response.url == f"/plans/{plan.pk}/"
        assert (plan.name, plan.kind) == ("Legs and arms", None)
        assert [p.name for p in plans_for_user(user=user)] == ["Legs and arms"]
        assert [p.name for p in selectors.plans_to_start(user=user)] == ["Legs and arms"]
    assert plan_rows(user, plan.pk) == [(SQUAT, 1, 3, 10, 10), (CURL, 2, 2, 12, 12)]
    page = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert "Keep this workout as a plan?" not in page  # it is one now


def test_saving_needs_a_name_and_an_exercise(user_client, user):
    with rls_user(user.pk):
        session = start_empty(user_client)
    response = user_client.post(f"/sessions/{session.pk}/save-plan/", {"name": "Nothing"})
    assert response.status_code == 400 and "no exercises to save" in response.content.decode()
    add(user_client, session, SQUAT)
    response = user_client.post(f"/sessions/{session.pk}/save-plan/", {"name": "   "})
    assert response.status_code == 400 and "Give the plan a name." in response.content.decode()
    response = user_client.post(f"/sessions/{session.pk}/save-plan/", {"name": "x" * 300})
    assert response.status_code == 400
    assert reloaded(user, session).workout_plan.kind == PlanKind.ADHOC


def test_the_changes_of_a_workout_are_applied_to_its_plan(user_client, user):
    plan = make_plan(user, names=(SQUAT, BENCH, DEADLIFT))
    with rls_user(user.pk):
        before = start(user_client, plan)
        original_ids = {r.exercise.name: r.pk for r in plan.exercises.select_related("exercise")}
    log_set(user, before, SQUAT, 100, 5)
    user_client.post(f"/sessions/{before.pk}/complete/")
    with rls_user(user.pk):
        session = start(user_client, plan)
    log_set(user, session, SQUAT, 105, 5)
    add(user_client, session, CURL, sets="2", reps="12")
    copy_id = reloaded(user, session).workout_plan_id
    with rls_user(user.pk):
        deadlift = WorkoutExercise.objects.get(workout_plan_id=copy_id, exercise__name=DEADLIFT)
    move(user_client, session, deadlift.pk, "up")
    page = user_client.post(f"/sessions/{session.pk}/complete/", follow=True).content.decode()
    assert "Apply these changes to Strength A" in page and "Or save it as a new plan" in page
    response = user_client.post(f"/sessions/{session.pk}/apply-to-plan/")
    assert response.status_code == 302 and response.url == f"/plans/{plan.pk}/"
    assert plan_rows(user, plan.pk) == [(SQUAT, 1, 3, 5, 5), (DEADLIFT, 2, 3, 5, 5), (BENCH, 3, 3, 5, 5),
                                        (CURL, 4, 2, 12, 12)]
    with rls_user(user.pk):
        kept = {r.exercise.name: r.pk for r in plan.exercises.select_related("exercise")}
        # The plan's own rows are kept (moved, not replaced); the earlier workout is as it was.
        assert all(kept[name] == pk for name, pk in original_ids.items())
        assert [(s.weight, s.reps) for s in ExerciseSession.objects.filter(workout_session=before)] == \
            [(Decimal("100.00"), 5)]
        assert WorkoutSession.objects.get(pk=before.pk).workout_plan_id == plan.pk
    page = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert "Apply these changes" not in page and "is what you did in this workout" in page


def test_a_swap_in_the_copy_reaches_the_plan_when_applied(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    add(user_client, session, CURL)
    copy_id = reloaded(user, session).workout_plan_id
    with rls_user(user.pk):
        bench = WorkoutExercise.objects.get(workout_plan_id=copy_id, sequence=2)
    pushups = exercise_named("Pushups")
    page = user_client.get(f"/sessions/{session.pk}/swap/{bench.pk}/").content.decode()
    assert "This workout has its own plan" in page and "My plan too" not in page
    user_client.post(f"/sessions/{session.pk}/swap/{bench.pk}/", {"exercise": str(pushups.pk)})
    user_client.post(f"/sessions/{session.pk}/apply-to-plan/")
    assert [r[0] for r in plan_rows(user, plan.pk)] == [SQUAT, "Pushups", CURL]


def test_applying_to_a_deleted_plan_is_refused_and_saving_still_works(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    add(user_client, session, CURL)
    with rls_user(user.pk):
        plan_services.plan_soft_delete(plan=plan)
    page = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert "Apply these changes" not in page and "Keep this workout as a plan?" in page
    response = user_client.post(f"/sessions/{session.pk}/apply-to-plan/", follow=True)
    assert "is gone; save it as a plan instead" in response.content.decode()


def test_a_workout_on_its_plan_offers_nothing(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    page = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert "save-plan" not in page and "apply-to-plan" not in page
    response = user_client.post(f"/sessions/{session.pk}/apply-to-plan/", follow=True)
    assert "follows the plan “Strength A” already" in response.content.decode()
    assert user_client.get(f"/sessions/{session.pk}/save-plan/").status_code == 302


def test_a_workout_done_on_a_copy_counts_as_done_for_its_plan(user_client, user):
    make_plan(user, name="Day 1")
    day2 = make_plan(user, name="Day 2")
    with rls_user(user.pk):
        session = start(user_client, day2)
    add(user_client, session, CURL)  # Day 2 done on a copy
    user_client.post(f"/sessions/{session.pk}/complete/")
    with rls_user(user.pk):
        plans = selectors.plans_to_start(user=user)
    assert [p.name for p in plans] == ["Day 1", "Day 2"] and plans[1].last_done is not None


# --- the swap's exercise-pick form -----------------------------------------------------

def test_the_swap_searches_among_substitutes_and_refuses_unknown_ids(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
        bench = plan.exercises.get(sequence=2)
    url = f"/sessions/{session.pk}/swap/{bench.pk}/"
    page = user_client.get(url, {"q": "push up"}).content.decode()
    assert f'value="{exercise_named("Pushups").pk}"' in page
    assert f'value="{exercise_named(DEADLIFT).pk}"' not in user_client.get(url, {"q": "deadlift"}).content.decode()
    for bad, message in ((str(uuid.uuid4()), "isn&#x27;t in the catalogue"),
                         ("nonsense", "isn&#x27;t in the catalogue"), ("", "Pick an exercise")):
        response = user_client.post(url, {"exercise": bad})
        assert response.status_code == 400 and message in response.content.decode(), bad
    assert reloaded(user, session).substitutions is None


# --- query counts --------------------------------------------------------------------

def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


@pytest.mark.parametrize("action", ["add", "move", "apply"])
def test_query_counts_do_not_grow_with_the_plan_or_the_history(user_client, user, action):
    names = [e.name for e in Exercise.objects.order_by("name")[:16]]
    counts = []
    for size in (3, 16):
        plan = make_plan(user, names=names[:size], name=f"Plan {size}")
        for _ in range(size):  # history grows with the plan
            with rls_user(user.pk):
                old = start(user_client, plan)
            log_set(user, old, names[0])
            user_client.post(f"/sessions/{old.pk}/complete/")
        with rls_user(user.pk):
            session = start(user_client, plan)
            last = plan.exercises.order_by("-sequence").first()
        if action == "apply":
            add(user_client, session, CURL)
            user_client.post(f"/sessions/{session.pk}/complete/")
            counts.append(_queries(lambda: user_client.post(f"/sessions/{session.pk}/apply-to-plan/")))
        else:
            request = (lambda: add(user_client, session, CURL)) if action == "add" else \
                (lambda: move(user_client, session, last.pk, "up"))
            counts.append(_queries(request))  # the first change forks the plan: the costliest
            user_client.post(f"/sessions/{session.pk}/complete/")
    assert counts[0] == counts[1] and counts[0] <= 30, counts


def test_the_history_of_a_plan_includes_workouts_done_on_its_copies(user_client, user):
    plan, other = make_plan(user), make_plan(user, name="Other")
    with rls_user(user.pk):
        plain = start(user_client, plan)
    user_client.post(f"/sessions/{plain.pk}/complete/")
    with rls_user(user.pk):
        changed = start(user_client, plan)
    add(user_client, changed, CURL)
    user_client.post(f"/sessions/{changed.pk}/complete/")
    with rls_user(user.pk):
        elsewhere = start(user_client, other)
        assert {s.pk for s in selectors.history(user=user, plan_id=plan.pk)} == {plain.pk, changed.pk}
        assert [s.pk for s in selectors.history(user=user, plan_id=other.pk)] == [elsewhere.pk]


@pytest.mark.parametrize("value", [str(uuid.uuid4()), "nonsense", ""])
def test_the_plan_substitute_reads_the_same_pick_form(user_client, user, value):
    plan = make_plan(user)
    with rls_user(user.pk):
        bench = plan.exercises.get(sequence=2)
    response = user_client.post(f"/plans/{plan.pk}/exercises/{bench.pk}/substitute/", {"exercise": value})
    assert response.status_code == 400 and "Pick one of the substitutes below." in response.content.decode()
    assert plan_rows(user, plan.pk)[1][0] == BENCH


@pytest.mark.django_db(transaction=True)
def test_two_taps_at_once_fork_the_plan_once(user):
    """Two adds racing (two tabs, a double tap): the session lock makes the second wait
    and find the copy the first made; both exercises land on that one copy."""
    import threading

    plan = make_plan(user)
    with rls_user(user.pk):
        session = services.session_start(user=user, plan=plan)  # both threads hold this stale row
    errors = []

    def worker(name):
        try:
            with rls_user(user.pk):
                workout_changes.workout_exercise_add(session=session, exercise=exercise_named(name))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(name,)) for name in (CURL, DEADLIFT)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with rls_user(user.pk):
        copies = list(WorkoutPlan.objects.filter(kind=PlanKind.ADHOC))
    assert len(copies) == 1 and reloaded(user, session).workout_plan_id == copies[0].pk
    assert sorted(r[0] for r in plan_rows(user, copies[0].pk)[2:]) == [CURL, DEADLIFT]
    assert [r[1] for r in plan_rows(user, copies[0].pk)] == [1, 2, 3, 4]


def test_a_move_that_moves_nothing_copies_nothing(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
        first = plan.exercises.get(sequence=1)
    assert move(user_client, session, first.pk, "up").status_code == 302  # first already
    assert reloaded(user, session).workout_plan_id == plan.pk


def test_the_search_and_the_finish_offer_read_a_fixed_number_of_queries(user_client, user):
    names = [e.name for e in Exercise.objects.order_by("name")[:12]]
    counts = []
    for size in (2, 12):
        plan = make_plan(user, names=names[:size], name=f"Plan {size}")
        with rls_user(user.pk):
            session = start(user_client, plan)
        add(user_client, session, CURL)
        search = _queries(lambda: user_client.get(f"/sessions/{session.pk}/exercises/add/", {"q": "row"}))
        user_client.post(f"/sessions/{session.pk}/complete/")
        detail = _queries(lambda: user_client.get(f"/sessions/{session.pk}/"))
        counts.append((search, detail))
    assert counts[0] == counts[1], counts


def test_an_exercise_the_user_added_to_the_catalogue_can_be_picked(user_client, user):
    mine = Exercise.objects.create(name="Zercher Carry Hold", primary_muscle_groups=["core"], added_by=user,
                                   review_status="pending")
    with rls_user(user.pk):
        session = start_empty(user_client)
    page = user_client.get(f"/sessions/{session.pk}/exercises/add/", {"q": "zercher carry"}).content.decode()
    assert f'value="{mine.pk}"' in page
    assert add(user_client, session, "Zercher Carry Hold").status_code == 302
    assert plan_rows(user, reloaded(user, session).workout_plan_id) == [("Zercher Carry Hold", 1, 3, 10, 10)]


def test_an_account_with_workout_copies_of_its_plans_can_be_deleted(user_client, user):
    from allworkouts.models import User
    from allworkouts.services import user_delete

    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    add(user_client, session, CURL)  # a copy pointing at the plan
    user_delete(user=user, confirm_email=user.email)
    assert not User.objects.filter(pk=user.pk).exists()
    with rls_user(user.pk):
        assert not WorkoutPlan.objects.exists()
