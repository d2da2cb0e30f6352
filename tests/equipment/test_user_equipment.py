"""The equipment page: toggles over HTMX, soft delete and revival."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allworkouts.db import rls_user
from equipment.models import Equipment, UserEquipment

pytestmark = pytest.mark.django_db


@pytest.fixture
def dumbbell():
    return Equipment.objects.get(name="Dumbbell")


def toggle(client, equipment, owned, htmx=True):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("equipment:toggle", args=[equipment.pk]), {"owned": owned}, headers=headers)


def rows(user, equipment):
    with rls_user(user.pk):
        return list(UserEquipment.objects.filter(user=user, equipment=equipment).values_list("deleted_at", flat=True))


def test_page_lists_equipment_without_bodyweight(user_client):
    page = user_client.get(reverse("equipment:list")).content.decode()
    assert "Dumbbell" in page and "Kettlebell" in page
    assert 'aria-pressed="true"' not in page
    bodyweight = Equipment.objects.get(name="Bodyweight")
    assert f"equipment-{bodyweight.pk}" not in page  # always available, nothing to toggle


def test_adding_equipment_returns_just_the_toggle_in_its_new_state(user_client, user, dumbbell):
    response = toggle(user_client, dumbbell, "1")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<li id="equipment-{dumbbell.pk}">')
    assert 'aria-pressed="true"' in body and "<html" not in body
    assert rows(user, dumbbell) == [None]


def test_removing_soft_deletes_and_adding_again_revives_the_same_row(user_client, user, dumbbell):
    toggle(user_client, dumbbell, "1")
    toggle(user_client, dumbbell, "0")
    (deleted_at,) = rows(user, dumbbell)
    assert deleted_at is not None
    body = toggle(user_client, dumbbell, "1").content.decode()
    assert 'aria-pressed="true"' in body
    assert rows(user, dumbbell) == [None]


def test_repeated_taps_keep_the_state_the_user_asked_for(user_client, user, dumbbell):
    toggle(user_client, dumbbell, "1")
    toggle(user_client, dumbbell, "1")
    assert rows(user, dumbbell) == [None]


def test_toggles_work_without_javascript(user_client, user, dumbbell):
    response = toggle(user_client, dumbbell, "1", htmx=False)
    assert response.status_code == 302 and response["Location"] == reverse("equipment:list")
    page = user_client.get(reverse("equipment:list")).content.decode()
    assert 'aria-pressed="true"' in page


def test_bad_toggle_input_says_so_and_changes_nothing(user_client, user, dumbbell):
    response = toggle(user_client, dumbbell, "maybe")
    assert response.status_code == 400
    assert "the request was incomplete" in response.content.decode()
    assert rows(user, dumbbell) == []


def test_unknown_equipment_is_a_404(user_client):
    response = user_client.post(reverse("equipment:toggle", args=["00000000-0000-0000-0000-000000000000"]), {"owned": "1"})
    assert response.status_code == 404


def test_users_equipment_is_their_own(user_client, user, other_user, dumbbell):
    toggle(user_client, dumbbell, "1")
    assert rows(user, dumbbell) == [None]
    # Asking for the first user's row by name, as the other user: only row-level
    # security can hide it (the query itself does not filter by the current user).
    with rls_user(other_user.pk):
        assert not UserEquipment.objects.filter(user=user, equipment=dumbbell).exists()
        assert not UserEquipment.objects.exists()


def test_equipment_page_runs_a_fixed_number_of_queries(user_client, user):
    user_client.get(reverse("equipment:list"))
    with CaptureQueriesContext(connection) as few:
        user_client.get(reverse("equipment:list"))
    for equipment in Equipment.objects.all():
        toggle(user_client, equipment, "1")
    with CaptureQueriesContext(connection) as many:
        user_client.get(reverse("equipment:list"))
    assert len(many) == len(few) <= 9  # includes the in-progress-workout banner


def test_available_exercises_follow_owned_equipment(user):
    from equipment.selectors import exercises_available_to
    from equipment.services import user_equipment_set

    with rls_user(user.pk):
        names = set(exercises_available_to(user=user).values_list("name", flat=True))
        assert "Pushups" in names and "Barbell Squat" not in names
        user_equipment_set(user=user, equipment=Equipment.objects.get(name="Barbell"), owned=True)
        names = set(exercises_available_to(user=user).values_list("name", flat=True))
        assert "Barbell Squat" in names
        assert "Barbell Bench Press - Medium Grip" not in names  # needs a bench too
