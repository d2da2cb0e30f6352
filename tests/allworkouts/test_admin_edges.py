"""The admin's answers to the bad input its fuzz (test_fuzz_admin.py) found 500s for,
one case each, and the delete of equipment users own (hidden from admins by row-level
security, so Django's own check cannot see it)."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from allworkouts.db import rls_user
from equipment.models import Equipment, Exercise, ReviewStatus, UserEquipment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(("model", "view"), [
    ("equipment_exercise", "change"), ("equipment_exercise", "delete"), ("auth_group", "change"),
    ("auth_group", "delete"), ("allworkouts_user", "change"),  # (users are never deleted here: 403)
])
def test_an_empty_to_field_reads_as_the_primary_key(admin_client, model, view):
    # (Django's own admins, such as the groups', are hardened too.)
    response = admin_client.get(reverse(f"admin:{model}_{view}", args=[uuid.uuid4()]), {"_to_field": ""})
    assert response.status_code == 302
    assert any("doesn’t exist" in m for m in _messages(response))


def test_an_existing_object_with_an_empty_to_field_shows_its_page(admin_client):
    squat = Exercise.objects.get(name="Barbell Squat")
    response = admin_client.get(reverse("admin:equipment_exercise_change", args=[squat.pk]), {"_to_field": ""})
    assert response.status_code == 200 and "Barbell Squat" in response.content.decode()


@pytest.mark.parametrize(("url", "param"), [
    ("admin:equipment_exercise_changelist", "name__regex"),
    ("admin:equipment_equipment_changelist", "name__startswith"),
    ("admin:django_tasks_database_dbtaskresult_changelist", "status__exact"),
    ("admin:allworkouts_user_changelist", "email__contains"),
])
def test_a_filter_value_with_a_nul_is_the_invalid_filter_redirect(admin_client, url, param):
    response = admin_client.get(reverse(url), {param: "a\x00b"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


@pytest.mark.parametrize("pattern", ["(", "[a-", "x" * 60_000])
def test_a_regular_expression_the_database_refuses_is_the_invalid_filter_redirect(admin_client, pattern):
    url = reverse("admin:equipment_exercise_changelist")
    response = admin_client.get(url, {"name__regex": pattern})
    assert response.status_code == 302 and response["Location"] == f"{url}?e=1"
    # The request went on after the refused query (a savepoint): the page it leads to works.
    assert admin_client.get(response["Location"]).status_code == 200
    assert "Barbell Squat" in admin_client.get(url, {"name__regex": "^Barbell Sq"}).content.decode()


def test_the_user_list_cannot_be_filtered_by_password_hash(admin_client, user):
    url = reverse("admin:allworkouts_user_changelist")
    assert admin_client.get(url, {"password__startswith": user.password[:6]}).status_code == 400
    assert admin_client.get(url, {"password__isnull": "False"}).status_code == 400
    assert admin_client.get(url, {"email__startswith": user.email[:4]}).status_code == 200


def test_an_autocomplete_term_with_a_nul_finds_nothing(admin_client):
    response = admin_client.get("/admin/autocomplete/", {"app_label": "equipment", "model_name": "exercise",
                                                         "field_name": "equipment", "term": "bar\x00bell"})
    assert response.status_code == 200 and response.json()["results"] == []
    found = admin_client.get("/admin/autocomplete/", {"app_label": "equipment", "model_name": "exercise",
                                                      "field_name": "equipment", "term": "barbell"}).json()
    assert [r["text"] for r in found["results"]] == ["Barbell"]


@pytest.mark.parametrize("selected", [["not-a-uuid"], ["1", "a\x00b"], [""], ["x" * 5000]])
def test_an_action_on_ids_that_are_not_ids_changes_nothing(admin_client, user, selected):
    pending = Exercise.objects.create(name="Pending One", primary_muscle_groups=["chest"], added_by=user,
                                      review_status=ReviewStatus.PENDING)
    url = reverse("admin:equipment_exercise_changelist")
    response = admin_client.post(url, {"action": "approve", "index": "0",
                                       "_selected_action": [str(pending.pk), *selected]})
    assert response.status_code == 302
    assert "Those items don't exist. Nothing was changed." in _messages(response)
    pending.refresh_from_db()
    assert pending.review_status == ReviewStatus.PENDING
    group = Group.objects.create(name="Editors")
    response = admin_client.post(reverse("admin:auth_group_changelist"),
                                 {"action": "delete_selected", "index": "0", "_selected_action": [group.pk, *selected]})
    assert response.status_code == 302 and Group.objects.filter(pk=group.pk).exists()


def test_equipment_users_own_cannot_be_deleted(admin_client, user):
    sled = Equipment.objects.create(name="Prowler Sled")  # no exercise needs it
    with rls_user(user.pk):
        UserEquipment.objects.create(user=user, equipment=sled)
    url = reverse("admin:equipment_equipment_delete", args=[sled.pk])
    for response in (admin_client.get(url), admin_client.post(url, {"post": "yes"})):
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:equipment_equipment_change", args=[sled.pk])
        assert _messages(response)[-1] == ("“Prowler Sled” can't be deleted: users' own data (which admins "
                                           "don't see) still uses it. Nothing was deleted.")
    assert Equipment.objects.filter(pk=sled.pk).exists()
    with rls_user(user.pk):
        assert UserEquipment.objects.filter(equipment=sled).exists()
    changelist = admin_client.get(reverse("admin:equipment_equipment_changelist")).content.decode()
    assert "delete_selected" not in changelist  # no bulk delete to go around it


def test_equipment_nobody_uses_is_deleted(admin_client):
    spare = Equipment.objects.create(name="Spare Thing")
    response = admin_client.post(reverse("admin:equipment_equipment_delete", args=[spare.pk]), {"post": "yes"})
    assert (response.status_code, response["Location"]) == (302, reverse("admin:equipment_equipment_changelist"))
    assert not Equipment.objects.filter(pk=spare.pk).exists()


def test_every_admin_is_hardened():
    # An admin registered later (an app's, a library's) must go through harden() too.
    from django.contrib import admin

    from allworkouts.admin import HardenedAdmin

    assert {type(m).__name__: isinstance(m, HardenedAdmin) for m in admin.site._registry.values()} == {
        type(m).__name__: True for m in admin.site._registry.values()}
