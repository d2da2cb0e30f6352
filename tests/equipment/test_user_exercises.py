"""Exercises users add, the admins' review queue, merge and refused deletes, and bounded
defaults."""

import pytest
from django.urls import reverse

from allworkouts.db import rls_user
from equipment.models import Equipment, Exercise, ReviewStatus
from plans.models import WorkoutExercise
from records.models import PersonalRecord
from sessions.models import ExerciseSession
from tests.equipment.test_admin import admin_client, exercise_form  # noqa: F401 (fixture)
from tests.factories import UserFactory, exercise_named, user_data
from tests.plans.test_import import URL, form_fields, preview, rows

pytestmark = pytest.mark.django_db


def add_form(**overrides):
    data = {"name": "Spoto Press Test", "primary_muscle_groups": ["chest", "triceps"],
            "equipment": [str(Equipment.objects.get(name="Barbell").pk)], "next": "/plans/"}
    data.update(overrides)
    return data


def test_a_user_adds_an_exercise_that_everyone_sees_at_once(user_client, user, client):
    response = user_client.post(reverse("equipment:exercise_add"), add_form())
    assert response.status_code == 302 and response["Location"] == "/plans/"
    added = Exercise.objects.get(name="Spoto Press Test")
    assert added.added_by_id == user.pk and added.review_status == ReviewStatus.PENDING
    assert added.primary_muscle_groups == ["chest", "triceps"]
    assert [e.name for e in added.equipment.all()] == ["Barbell"]
    other = UserFactory()
    client.force_login(other)
    html = preview(client, "Spoto Press Test 3x5").content.decode()
    assert "Spoto Press Test" in html.split('<li class="review-row')[1]


@pytest.mark.parametrize(("overrides", "message"), [
    ({"name": ""}, "Give the exercise a name."),
    ({"name": "barbell  SQUAT"}, "“Barbell Squat” is already in the catalogue"),
    ({"primary_muscle_groups": []}, "Choose at least one muscle group."),
    ({"primary_muscle_groups": ["wings"]}, "Select a valid choice"),
    ({"equipment": []}, "Choose the equipment it needs"),
    ({"equipment": ["not-a-uuid"]}, "is not a valid value"),
    ({"name": "x\x00y"}, "Null characters are not allowed."),
    ({"name": "y" * 101}, "at most 100 characters"),
    ({"name": "=HYPERLINK(\"http://evil.example\")"}, "Start the name with a letter or a number."),
    ({"name": "- Spoto press"}, "Start the name with a letter or a number."),
])
def test_a_bad_new_exercise_is_refused_with_a_message(user_client, overrides, message):
    before = Exercise.objects.count()
    response = user_client.post(reverse("equipment:exercise_add"), add_form(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Exercise.objects.count() == before


def test_next_must_be_a_local_path(user_client):
    response = user_client.post(reverse("equipment:exercise_add"), add_form(next="https://evil.example/"))
    assert response.status_code == 302 and response["Location"] == reverse("plans:list")


def test_the_import_review_adds_an_exercise_in_the_row_and_saves_it(user_client, user):
    fields = form_fields(preview(user_client, "Zercher good morning 3x8\nPushups 3x10").content.decode())
    row = rows(fields)[0]
    html = user_client.post(URL, {**fields, "action": f"newform:{row}"}).content.decode()
    assert f'value="newex:{row}"' in html
    fields = form_fields(html)
    fields[f"new-{row}-name"] = ["Zercher Good Morning"]
    fields[f"new-{row}-primary_muscle_groups"] = ["legs", "back"]
    fields[f"new-{row}-equipment"] = [str(Equipment.objects.get(name="Barbell").pk)]
    html = user_client.post(URL, {**fields, "action": f"newex:{row}"}).content.decode()
    assert "Added “Zercher Good Morning” to the catalogue" in html
    fields = form_fields(html)
    assert user_client.post(URL, {**fields, "action": "confirm"}).status_code == 302
    with rls_user(user.pk):
        names = list(WorkoutExercise.objects.order_by("sequence").values_list("exercise__name", flat=True))
    assert names == ["Zercher Good Morning", "Pushups"]


def test_the_import_review_keeps_a_bad_new_exercise_form_with_its_message(user_client):
    fields = form_fields(preview(user_client, "Zercher good morning 3x8").content.decode())
    row = rows(fields)[0]
    fields[f"new-{row}-name"] = ["Zercher Good Morning"]
    response = user_client.post(URL, {**fields, "action": f"newex:{row}"})
    assert response.status_code == 200
    assert "Choose at least one muscle group." in response.content.decode()
    assert not Exercise.objects.filter(name="Zercher Good Morning").exists()


def test_admins_find_approve_and_list_user_added_exercises(admin_client, user):
    Exercise.objects.create(name="Pending One", primary_muscle_groups=["chest"], added_by=user,
                            review_status=ReviewStatus.PENDING)
    url = reverse("admin:equipment_exercise_changelist")
    page = admin_client.get(url, {"added": "pending"}).content.decode()
    assert "Pending One" in page and "Barbell Squat" not in page
    pending = Exercise.objects.get(name="Pending One")
    response = admin_client.post(url, {"action": "approve", "_selected_action": [str(pending.pk)]})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.review_status == ReviewStatus.APPROVED
    assert "Pending One" not in admin_client.get(url, {"added": "pending"}).content.decode()


def test_deleting_a_used_exercise_is_refused_saying_where_it_is_used(admin_client, user):
    user_data(user, exercise_name="Barbell Squat")
    squat = exercise_named("Barbell Squat")
    response = admin_client.post(reverse("admin:equipment_exercise_delete", args=[squat.pk]), {"post": "yes"},
                                 follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "can&#x27;t be deleted" in html or "can't be deleted" in html
    assert "1 logged sets, 1 personal records, 1 plan exercises" in html
    assert reverse("admin:equipment_exercise_merge", args=[squat.pk]) in html
    assert Exercise.objects.filter(pk=squat.pk).exists()
    assert "delete_selected" not in admin_client.get(reverse("admin:equipment_exercise_changelist")).content.decode()


def test_an_unused_exercise_can_be_deleted(admin_client, user):
    lonely = Exercise.objects.create(name="Nobody Uses This", primary_muscle_groups=["core"])
    response = admin_client.post(reverse("admin:equipment_exercise_delete", args=[lonely.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Exercise.objects.filter(pk=lonely.pk).exists()


def test_merge_moves_every_users_plans_sets_and_records_to_the_survivor(admin_client, user):
    other = UserFactory()
    dup = Exercise.objects.create(name="Back Squat (user)", primary_muscle_groups=["legs"], added_by=user,
                                  review_status=ReviewStatus.PENDING)
    mine, theirs = user_data(user, exercise_name="Back Squat (user)"), user_data(other, exercise_name="Back Squat (user)")
    survivor = exercise_named("Barbell Squat")
    url = reverse("admin:equipment_exercise_merge", args=[dup.pk])
    page = admin_client.get(url).content.decode()
    assert "2 logged sets" in page and "2 plan exercises" in page
    response = admin_client.post(url, {"survivor": str(survivor.pk)})
    assert response.status_code == 302
    assert not Exercise.objects.filter(pk=dup.pk).exists()
    for owner, data in ((user, mine), (other, theirs)):
        with rls_user(owner.pk):
            assert WorkoutExercise.objects.get(pk=data["workout_exercise"].pk).exercise_id == survivor.pk
            assert ExerciseSession.objects.get(pk=data["exercise_session"].pk).exercise_id == survivor.pk
            records = list(PersonalRecord.objects.values_list("exercise_id", "exercise_session_id"))
            assert records and all(e == survivor.pk for e, _ in records)
            assert (survivor.pk, data["exercise_session"].pk) in records


def test_merge_into_itself_or_nothing_is_refused(admin_client):
    squat = exercise_named("Barbell Squat")
    url = reverse("admin:equipment_exercise_merge", args=[squat.pk])
    for value in (str(squat.pk), "", "nope"):
        response = admin_client.post(url, {"survivor": value})
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode() or "This field is required" in response.content.decode()
    assert Exercise.objects.filter(pk=squat.pk).exists()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("default_weight", "-10", "greater than or equal to 0"),
    ("default_weight", "100000", "less than or equal to 1000"),
    ("default_rest_time_seconds", "-60", "greater than or equal to 0"),
    ("default_rest_time_seconds", "99999", "less than or equal to 3600"),
    ("default_reps", "0", "greater than or equal to 1"),
])
def test_negative_or_absurd_defaults_are_refused(admin_client, field, value, message):
    response = admin_client.post(reverse("admin:equipment_exercise_add"), exercise_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Exercise.objects.filter(name="Landmine Squeeze Press").exists()


def test_an_unknown_filter_value_is_not_a_500(admin_client):
    response = admin_client.get(reverse("admin:allworkouts_user_changelist"), {"unit_system__exact": "x"})
    assert response.status_code == 302 and "e=1" in response["Location"]


def test_the_catalogue_has_the_exercises_real_plans_name():
    from equipment import catalog
    import json
    seeded = set(catalog.seeded_names())  # (less the twins folded into a survivor: Pec Deck is Butterfly)
    wanted = [i["name"] for i in json.loads(catalog.ADDED_FILE.read_text())["exercises"] if i["name"] in seeded]
    assert {"Larsen Press", "Pendlay Row", "Bulgarian Split Squat", "Kettlebell Swing", "Nordic Curl"} <= set(wanted)
    found = dict(Exercise.objects.filter(name__in=wanted).values_list("name", "review_status"))
    assert sorted(found) == sorted(wanted) and set(found.values()) == {None}
    swing = Exercise.objects.get(name="Kettlebell Swing")
    assert swing.primary_muscle_groups == ["glutes", "legs"]
    assert [e.name for e in swing.equipment.all()] == ["Kettlebell"]


def test_a_plan_search_with_no_result_offers_to_add_the_exercise(user_client, user):
    from plans.models import WorkoutPlan

    with rls_user(user.pk):
        plan = WorkoutPlan.objects.create(user=user, name="Mine")
    html = user_client.get(reverse("plans:exercise_search", args=[plan.pk]), {"q": "qqqzzzxxy"}).content.decode()
    link = f'{reverse("equipment:exercise_add")}?name=qqqzzzxxy&amp;next={reverse("plans:edit", args=[plan.pk])}'
    assert "add it to the catalogue" in html and link in html
    page = user_client.get(reverse("equipment:exercise_add"), {"name": "qqqzzzxxy"}).content.decode()
    assert 'value="qqqzzzxxy"' in page
