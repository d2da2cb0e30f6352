"""Curating the catalogue in Django admin."""

import pytest
from django.urls import reverse

from equipment.models import Equipment, Exercise
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def exercise_form(**overrides):
    data = {
        "name": "Landmine Squeeze Press",
        "primary_muscle_groups": ["shoulders"],
        "secondary_muscle_groups": ["triceps"],
        "default_reps": "10",
        "default_rest_time_seconds": "90",
        "default_weight": "",
        "description": "",
        "equipment_needed": [str(Equipment.objects.get(name="Barbell").pk)],
    }
    data.update(overrides)
    return data


def test_exercise_list_searches_filters_and_shows_muscles(admin_client):
    url = reverse("admin:equipment_exercise_changelist")
    page = admin_client.get(url, {"q": "barbell squat"}).content.decode()
    assert "Barbell Squat" in page and "legs" in page
    page = admin_client.get(url, {"muscle": "lats"}).content.decode()
    assert "Pullups" in page and "Barbell Squat" not in page
    kettlebell = Equipment.objects.get(name="Kettlebell")
    page = admin_client.get(url, {"equipment__id__exact": str(kettlebell.pk)}).content.decode()
    assert "Kettlebell" in page and "Barbell Squat" not in page


def test_adding_an_exercise_saves_its_equipment(admin_client):
    response = admin_client.post(reverse("admin:equipment_exercise_add"), exercise_form())
    assert response.status_code == 302
    exercise = Exercise.objects.get(name="Landmine Squeeze Press")
    assert exercise.primary_muscle_groups == ["shoulders"]
    assert [e.name for e in exercise.equipment.all()] == ["Barbell"]


def test_editing_an_exercises_equipment_replaces_it(admin_client):
    squat = Exercise.objects.get(name="Barbell Squat")
    form = exercise_form(name="Barbell Squat", primary_muscle_groups=["legs", "glutes"],
                         equipment_needed=[str(Equipment.objects.get(name="Smith Machine").pk)])
    assert admin_client.post(reverse("admin:equipment_exercise_change", args=[squat.pk]), form).status_code == 302
    squat.refresh_from_db()
    assert squat.primary_muscle_groups == ["legs", "glutes"]
    assert [e.name for e in squat.equipment.all()] == ["Smith Machine"]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"primary_muscle_groups": []}, "Choose at least one primary muscle group."),
        ({"name": "barbell SQUAT"}, "An exercise with this name already exists."),
        ({"equipment_needed": []}, "Choose the equipment it needs (Bodyweight if none)."),
        ({"primary_muscle_groups": ["wings"]}, "Select a valid choice"),
    ],
)
def test_invalid_exercises_are_refused_with_a_message(admin_client, overrides, message):
    before = Exercise.objects.count()
    response = admin_client.post(reverse("admin:equipment_exercise_add"), exercise_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Exercise.objects.count() == before


def test_equipment_names_are_unique_whatever_their_case(admin_client):
    response = admin_client.post(reverse("admin:equipment_equipment_add"), {"name": "dumbbell", "description": ""})
    assert "Equipment with this name already exists." in response.content.decode()


def test_admins_see_users_but_cannot_delete_them(admin_client, user):
    page = admin_client.get(reverse("admin:allworkouts_user_changelist")).content.decode()
    assert user.email in page
    assert admin_client.get(reverse("admin:allworkouts_user_delete", args=[user.pk])).status_code == 403
