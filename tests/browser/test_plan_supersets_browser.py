"""On a 360 px phone: group two plan exercises into a superset and see them together on
the plan page; search one review row and see only that row change (what was typed in
another field stays)."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans import services
from plans.models import WorkoutExercise
from plans.services import ExerciseSpec
from tests.browser.conftest import ARTIFACTS
from tests.factories import UserFactory, exercise_named

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def small_phone(phone):
    phone.set_viewport_size({"width": 360, "height": 780})
    return phone


def logged_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_superset_two_exercises_in_the_editor_and_see_them_together(small_phone, live_server):
    page = small_phone
    user = UserFactory(email="superset@example.com")
    logged_in(page, live_server, user)
    with rls_user(user.pk):
        plan = services.plan_create(user=user, name="Upper", exercises=[
            ExerciseSpec(exercise=exercise_named(n), sets=3, reps_min=8, reps_max=10)
            for n in ("Barbell Bench Press - Medium Grip", "Bent Over Barbell Row", "Pushups")])
    page.goto(f"/plans/{plan.pk}/edit/")
    bench = page.locator("li.card", has_text="Barbell Bench Press - Medium Grip")
    button = bench.get_by_role("button", name="Superset Barbell Bench Press - Medium Grip with the next exercise")
    assert button.bounding_box()["height"] >= 44
    button.click()
    expect(page.get_by_text("is now in superset A with the next exercise")).to_be_visible()
    expect(page.locator("li.card.plan-in-superset")).to_have_count(2)
    fits(page)
    page.screenshot(path=str(ARTIFACTS / "plan-edit-superset-360.png"), full_page=True)
    page.goto(f"/plans/{plan.pk}/")
    block = page.get_by_label("Superset A")
    expect(block.locator("li.card")).to_have_count(2)
    expect(block.locator(".badge-superset")).to_have_text(["A1", "A2"])
    fits(page)
    page.screenshot(path=str(ARTIFACTS / "plan-detail-superset-360.png"), full_page=True)
    page.goto(f"/plans/{plan.pk}/edit/")
    page.get_by_role("button", name="Take Bent Over Barbell Row out of superset A").click()
    expect(page.locator("li.card.plan-in-superset")).to_have_count(0)
    with rls_user(user.pk):
        assert list(WorkoutExercise.objects.values_list("superset", flat=True)) == [None, None, None]
    assert page.console_errors == []


def test_a_review_rows_search_changes_only_that_row(small_phone, live_server):
    page = small_phone
    user = UserFactory(email="review-search@example.com")
    logged_in(page, live_server, user)
    page.goto("/plans/import/")
    page.get_by_label("Your plan").fill("Day 1\nMystery lift 3x8\nPushups 3x10")
    page.get_by_role("button", name="Preview").click()
    row = page.locator("#row-0-0")
    row.get_by_label("Sets").fill("5")  # typed, not yet posted anywhere
    answers = []
    page.on("response", lambda r: answers.append(r) if "/plans/import/search/" in r.url else None)
    row.get_by_label("Search the catalogue for this row").fill("pulldwn")
    row.get_by_role("button", name="Search").click()
    expect(row.get_by_text("in the picker above")).to_be_visible()
    assert len(answers) == 1 and len(answers[0].body()) < 6000
    assert "Pulldown" in row.get_by_label("Exercise").locator("option:checked").inner_text()
    expect(row.locator("#row-0-0-badge")).to_have_text("chosen by you")
    expect(row.get_by_label("Sets")).to_have_value("5")  # the rest of the row was not re-rendered
    fits(page)
    page.screenshot(path=str(ARTIFACTS / "import-row-search-360.png"), full_page=True)
    page.get_by_role("button", name="Save 1 plan").click()
    expect(page.get_by_text("Imported 1 plan")).to_be_visible()
    with rls_user(user.pk):
        first = WorkoutExercise.objects.select_related("exercise").order_by("sequence").first()
    assert "Pulldown" in first.exercise.name and first.sets == 5
    assert page.console_errors == []
