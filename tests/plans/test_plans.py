"""Plans by hand: list, detail, create, edit, reorder, remove, add, substitute, delete;
another user's plan is a 404 everywhere; page query counts stay bounded."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from equipment.models import Equipment, Exercise, UserEquipment
from equipment.selectors import is_substitute, substitutes_for
from plans import services
from plans.models import WorkoutExercise, WorkoutPlan
from plans.services import ExerciseSpec
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db


def make_plan(user, names=("Barbell Squat", "Barbell Bench Press - Medium Grip", "Barbell Deadlift"),
              name="Strength A"):
    with rls_user(user.pk):
        return services.plan_create(user=user, name=name, exercises=[
            ExerciseSpec(exercise=exercise_named(n), sets=3, reps_min=5, reps_max=5, rest_time_seconds=180)
            for n in names])


def sequence(user, plan):
    with rls_user(user.pk):
        return [(e.sequence, e.exercise.name) for e in plan.exercises.select_related("exercise")]


def test_list_shows_newest_first_and_hides_deleted(user_client, user):
    older = make_plan(user, name="Older")
    make_plan(user, name="Newer")
    gone = make_plan(user, name="Gone")
    with rls_user(user.pk):
        services.plan_soft_delete(plan=gone)
        WorkoutPlan.objects.filter(pk=older.pk).update(created_at="2020-01-01T00:00:00Z")
    html = user_client.get("/plans/").content.decode()
    assert html.index("Newer") < html.index("Older")
    assert "Gone" not in html
    assert "3 exercises" in html


def test_list_is_paginated_and_starts_a_workout_in_one_tap(user_client, user):
    with rls_user(user.pk):
        plans = [services.plan_create(user=user, name=f"Day {n:02}", exercises=[
            ExerciseSpec(exercise=exercise_named("Pushups"), sets=3, reps_min=10, reps_max=10)]) for n in range(25)]
        empty = services.plan_create(user=user, name="Empty plan")
        WorkoutPlan.objects.filter(pk=empty.pk).update(created_at="2020-01-01T00:00:00Z")  # the oldest
    first = user_client.get("/plans/").content.decode()
    assert first.count('class="card plan-card"') == 20 and "Page 1 of 2" in first and "?page=2" in first
    second = user_client.get("/plans/?page=2").content.decode()
    assert second.count('class="card plan-card"') == 6 and "Empty plan" in second
    # An empty plan has nothing to start; the others start right from the list.
    assert second.count('aria-label="Start ') == 5
    assert user_client.get("/plans/?page=abc").status_code == 200  # a bad page number is page 1
    response = user_client.post(f"/sessions/start/{plans[0].pk}/")
    assert response.status_code == 302 and response.url.endswith("/workout/")


def test_detail_shows_exercises_in_order_with_prescription_equipment_and_muscles(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        WorkoutExercise.objects.filter(workout_plan=plan, sequence=2).update(confidence_level="low", reps_max=8)
        # what the user's gym has was said (a pair of dumbbells): the barbell is missing
        UserEquipment.objects.create(user=user, equipment=Equipment.objects.get(name="Dumbbell"))
    html = user_client.get(f"/plans/{plan.pk}/").content.decode()
    assert html.index("Barbell Squat") < html.index("Barbell Bench Press") < html.index("Barbell Deadlift")
    assert "3 × 5–8 reps · rest 180 s" in html
    assert "low confidence" in html and "high confidence" not in html
    assert "Equipment: Barbell" in html
    assert "Trains: Back, Chest, Legs" in html
    assert "You don't have Barbell" in html


def test_create_by_hand_then_add_exercises(user_client, user):
    response = user_client.post("/plans/new/", {"name": "  Home day  ", "description": ""})
    assert response.status_code == 302
    with rls_user(user.pk):
        plan = WorkoutPlan.objects.get(user=user)
    assert plan.name == "Home day"
    pushups = exercise_named("Pushups")
    assert user_client.post(f"/plans/{plan.pk}/exercises/", {"exercise": str(pushups.pk)}).status_code == 302
    assert user_client.post(f"/plans/{plan.pk}/exercises/", {"exercise": str(pushups.pk)}).status_code == 302
    assert sequence(user, plan) == [(1, "Pushups"), (2, "Pushups")]


@pytest.mark.parametrize("data, message", [
    ({"name": ""}, "Give the plan a name."),
    ({"name": "x" * 256}, "at most 255 characters"),
])
def test_create_validation(user_client, user, data, message):
    response = user_client.post("/plans/new/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    with rls_user(user.pk):
        assert not WorkoutPlan.objects.exists()


def test_add_with_a_bad_exercise_is_a_message(user_client, user):
    plan = make_plan(user)
    response = user_client.post(f"/plans/{plan.pk}/exercises/", {"exercise": "nope"}, follow=True)
    assert "Pick an exercise from the search results." in response.content.decode()
    assert len(sequence(user, plan)) == 3


def test_search_filters_by_name_muscle_and_owned_equipment(user_client, user):
    plan = make_plan(user)
    html = user_client.get(f"/plans/{plan.pk}/search/", {"q": "curl", "muscle": "biceps"}).content.decode()
    assert "Barbell Curl" in html and "Leg Curl" not in html
    html = user_client.get(f"/plans/{plan.pk}/search/", {"q": "curl", "muscle": "biceps", "owned": "on"}).content.decode()
    assert "Barbell Curl" not in html  # no barbell owned
    with rls_user(user.pk):
        UserEquipment.objects.create(user=user, equipment=Equipment.objects.get(name="Barbell"))
    html = user_client.get(f"/plans/{plan.pk}/search/", {"q": "curl", "muscle": "biceps", "owned": "on"}).content.decode()
    assert "Barbell Curl" in html
    response = user_client.get(f"/plans/{plan.pk}/search/", {"muscle": "wings"})
    assert response.status_code == 400


def test_edit_rename_and_change_prescription(user_client, user):
    plan = make_plan(user)
    assert user_client.post(f"/plans/{plan.pk}/edit/", {"name": "Renamed", "description": "Heavy"}).status_code == 302
    with rls_user(user.pk):
        item = plan.exercises.get(sequence=1)
    prefix = str(item.pk)
    response = user_client.post(f"/plans/{plan.pk}/exercises/{item.pk}/", {
        f"{prefix}-sets": "4", f"{prefix}-reps_min": "6", f"{prefix}-reps_max": "8",
        f"{prefix}-rest_time_seconds": "120"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Saved" in response.content.decode()
    with rls_user(user.pk):
        plan.refresh_from_db()
        item.refresh_from_db()
    assert (plan.name, plan.description) == ("Renamed", "Heavy")
    assert (item.sets, item.reps_min, item.reps_max, item.rest_time_seconds) == (4, 6, 8, 120)


@pytest.mark.parametrize("values, message", [
    (("0", "5", "5", ""), "Ensure this value is greater than or equal to 1."),
    (("3", "10", "8", ""), "reps min &gt; reps max"),
    (("3", "", "8", ""), "This field is required."),
    (("3", "5", "5", "99999"), "less than or equal to 3600"),
    (("x", "5", "5", ""), "Enter a whole number."),
])
def test_prescription_validation_keeps_the_row(user_client, user, values, message):
    plan = make_plan(user)
    with rls_user(user.pk):
        item = plan.exercises.get(sequence=1)
    p = str(item.pk)
    response = user_client.post(f"/plans/{plan.pk}/exercises/{item.pk}/", dict(zip(
        [f"{p}-sets", f"{p}-reps_min", f"{p}-reps_max", f"{p}-rest_time_seconds"], values)), HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert message in response.content.decode()
    with rls_user(user.pk):
        item.refresh_from_db()
    assert (item.sets, item.reps_min, item.reps_max) == (3, 5, 5)


def test_reorder_and_remove_keep_sequences_gap_free(user_client, user):
    plan = make_plan(user, names=("Barbell Squat", "Barbell Deadlift", "Pushups", "Pullups"))
    with rls_user(user.pk):
        pushups = plan.exercises.get(sequence=3)
        squat = plan.exercises.get(sequence=1)
        deadlift = plan.exercises.get(sequence=2)
    user_client.post(f"/plans/{plan.pk}/exercises/{pushups.pk}/move/", {"direction": "up"})
    assert sequence(user, plan) == [(1, "Barbell Squat"), (2, "Pushups"), (3, "Barbell Deadlift"), (4, "Pullups")]
    user_client.post(f"/plans/{plan.pk}/exercises/{squat.pk}/move/", {"direction": "up"})  # already first
    assert sequence(user, plan)[0] == (1, "Barbell Squat")
    user_client.post(f"/plans/{plan.pk}/exercises/{squat.pk}/remove/")
    assert sequence(user, plan) == [(1, "Pushups"), (2, "Barbell Deadlift"), (3, "Pullups")]
    user_client.post(f"/plans/{plan.pk}/exercises/{deadlift.pk}/move/", {"direction": "down"})
    assert sequence(user, plan) == [(1, "Pushups"), (2, "Pullups"), (3, "Barbell Deadlift")]
    response = user_client.post(f"/plans/{plan.pk}/exercises/{deadlift.pk}/move/", {"direction": "sideways"},
                                follow=True)
    assert "Move up or down." in response.content.decode()


def test_substitutes_share_muscles_are_ranked_and_use_owned_equipment(user):
    bench = exercise_named("Barbell Bench Press - Medium Grip")
    with rls_user(user.pk):
        candidates = substitutes_for(exercise=bench, user=user, limit=50)
    assert candidates, "bodyweight chest exercises are always available"
    assert all(set(c.primary_muscle_groups) & set(bench.primary_muscle_groups) for c in candidates)
    assert all({e.name for e in c.equipment.all()} <= {"Bodyweight"} for c in candidates)
    shared = [c.shared_muscle_groups for c in candidates]
    assert shared == sorted(shared, reverse=True)
    assert bench not in candidates
    # The one-query check that plan and workout swaps use agrees with the list.
    with rls_user(user.pk):
        assert all(is_substitute(exercise=bench, candidate=c, user=user) for c in candidates)
        assert not any(is_substitute(exercise=bench, candidate=exercise_named(name), user=user) for name in (
            "Barbell Bench Press - Medium Grip", "Barbell Curl", "Dumbbell Bench Press"))  # itself, muscles, equipment


# The GIN index serving the app's own substitution query, and the ranking with
# candidates sharing different numbers of muscles: tests/equipment/test_substitutes.py.


def test_substitute_in_a_plan_keeps_sets_reps_and_rest(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        item = plan.exercises.get(sequence=2)
    html = user_client.get(f"/plans/{plan.pk}/exercises/{item.pk}/substitute/").content.decode()
    assert "Pushups" in html
    pushups = exercise_named("Pushups")
    response = user_client.post(f"/plans/{plan.pk}/exercises/{item.pk}/substitute/", {"exercise": str(pushups.pk)})
    assert response.status_code == 302
    with rls_user(user.pk):
        item.refresh_from_db()
    assert (item.exercise_id, item.sets, item.reps_min, item.reps_max, item.rest_time_seconds) == (
        pushups.pk, 3, 5, 5, 180)


def test_substitute_refuses_an_exercise_for_other_muscles_or_equipment(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        item = plan.exercises.get(sequence=2)
    for name in ("Barbell Curl", "Dumbbell Bench Press"):
        response = user_client.post(f"/plans/{plan.pk}/exercises/{item.pk}/substitute/",
                                    {"exercise": str(exercise_named(name).pk)})
        assert response.status_code == 400
        assert "isn&#x27;t a substitute" in response.content.decode()
    with rls_user(user.pk):
        item.refresh_from_db()
    assert item.exercise.name == "Barbell Bench Press - Medium Grip"


def test_soft_delete_with_confirmation(user_client, user):
    plan = make_plan(user)
    assert "Delete “Strength A”?" in user_client.get(f"/plans/{plan.pk}/delete/").content.decode()
    assert user_client.post(f"/plans/{plan.pk}/delete/").status_code == 302
    with rls_user(user.pk):
        plan.refresh_from_db()
        assert plan.deleted_at is not None
        assert plan.exercises.count() == 3  # kept for history
    assert user_client.get(f"/plans/{plan.pk}/").status_code == 404


def test_another_users_plan_is_a_404_everywhere_and_unchanged(user_client, user, other_user):
    plan = make_plan(other_user, name="Theirs")
    with rls_user(other_user.pk):
        item = plan.exercises.get(sequence=1)
    pushups = exercise_named("Pushups")
    p = str(item.pk)
    urls = [
        ("get", f"/plans/{plan.pk}/", {}),
        ("get", f"/plans/{plan.pk}/edit/", {}),
        ("post", f"/plans/{plan.pk}/edit/", {"name": "Mine now"}),
        ("get", f"/plans/{plan.pk}/delete/", {}),
        ("post", f"/plans/{plan.pk}/delete/", {}),
        ("get", f"/plans/{plan.pk}/search/", {"q": "curl"}),
        ("post", f"/plans/{plan.pk}/exercises/", {"exercise": str(pushups.pk)}),
        ("post", f"/plans/{plan.pk}/exercises/{item.pk}/", {f"{p}-sets": "9", f"{p}-reps_min": "1", f"{p}-reps_max": "1"}),
        ("post", f"/plans/{plan.pk}/exercises/{item.pk}/move/", {"direction": "down"}),
        ("post", f"/plans/{plan.pk}/exercises/{item.pk}/remove/", {}),
        ("get", f"/plans/{plan.pk}/exercises/{item.pk}/substitute/", {}),
        ("post", f"/plans/{plan.pk}/exercises/{item.pk}/substitute/", {"exercise": str(pushups.pk)}),
    ]
    for method, url, data in urls:
        assert getattr(user_client, method)(url, data).status_code == 404, url
    assert "Theirs" not in user_client.get("/plans/").content.decode()
    with rls_user(other_user.pk):
        plan.refresh_from_db()
        assert (plan.name, plan.deleted_at) == ("Theirs", None)
        assert sequence(other_user, plan) == [
            (1, "Barbell Squat"), (2, "Barbell Bench Press - Medium Grip"), (3, "Barbell Deadlift")]


def test_service_rules(user):
    with rls_user(user.pk):
        with pytest.raises(ValidationError, match="reps min > reps max"):
            services.plan_create(user=user, name="x", exercises=[
                ExerciseSpec(exercise=exercise_named("Pushups"), sets=3, reps_min=9, reps_max=8)])
        with pytest.raises(ValidationError, match="Sets must be between 1 and 20"):
            services.plan_create(user=user, name="x", exercises=[
                ExerciseSpec(exercise=exercise_named("Pushups"), sets=0, reps_min=8, reps_max=8)])
        assert not WorkoutPlan.objects.exists()


@pytest.mark.parametrize("size", [1, 40])
def test_plan_pages_query_counts_do_not_grow_with_the_plan(user_client, user, size):
    names = list(Exercise.objects.order_by("name").values_list("name", flat=True)[:size])
    plan = make_plan(user, names=names)
    for _ in range(size):
        make_plan(user, names=names[:1], name="filler")
    limits = {f"/plans/{plan.pk}/": 12, f"/plans/{plan.pk}/edit/": 11, "/plans/": 10, "/plans/import/": 8,
              f"/plans/{plan.pk}/search/?q=press": 12}  # +1: the matcher ranks the catalogue names
    for url, limit in limits.items():
        with CaptureQueriesContext(connection) as queries:
            assert user_client.get(url).status_code == 200
        assert len(queries) <= limit, (url, [q["sql"] for q in queries.captured_queries])


def test_plans_behind_imports_and_empty_workouts_stay_out_of_the_lists(user_client, user):
    from plans.models import PlanKind, WorkoutPlan

    with rls_user(user.pk):
        for name, kind in (("My split", None), ("Imported from Strong", PlanKind.IMPORTED),
                           ("Empty workout", PlanKind.ADHOC)):
            plan = WorkoutPlan.objects.create(user=user, name=name, kind=kind)
            WorkoutExercise.objects.create(workout_plan=plan, exercise=exercise_named("Barbell Squat"), sequence=1,
                                           sets=3, reps_min=5, reps_max=5)
    plans_page = user_client.get("/plans/").content.decode()
    home = user_client.get("/").content.decode()
    for page in (plans_page, home):
        assert "My split" in page
        assert "Imported from Strong" not in page and "Empty workout" not in page
