"""A long plan on a phone: import 104 rows, fix a row by searching the catalogue, add an
exercise the catalogue lacks from its row, and save every day."""

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from equipment.models import Exercise, ReviewStatus
from plans.models import WorkoutExercise, WorkoutPlan
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODYWEIGHT = ["Pushups 3x10", "Pullups 3x8", "Dips 3x12", "Plank 3x60s"]


def long_plan() -> str:
    lines = ["Day 1", "Mystery lift 3x8", "Mace 360 3x12"]
    lines += [BODYWEIGHT[i % 4] for i in range(24)]
    for day in (2, 3, 4):
        lines.append(f"Day {day}")
        lines += [BODYWEIGHT[(i + day) % 4] for i in range(26)]
    return "\n".join(lines)


def test_import_a_long_plan_fix_a_row_add_an_exercise_and_save(phone, screenshot, live_server):
    user = UserFactory(email="long@example.com")
    page = phone
    # Logged in through Django's own session (the log-in page has tests of its own).
    django_client = Client()
    django_client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": django_client.cookies[settings.SESSION_COOKIE_NAME].value}])

    page.goto("/plans/import/")
    page.get_by_label("Your plan").fill(long_plan())
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("li.review-row")).to_have_count(104)
    expect(page.locator(".row-compact").first).to_be_visible()  # sure rows are one line
    screenshot("20-long-import-preview")

    mystery = page.locator("#row-0-0")
    mystery.get_by_label("Search the catalogue for this row").fill("dumbell curl")
    mystery.get_by_role("button", name="Search").click()
    mystery = page.locator("#row-0-0")
    expect(mystery.get_by_text("in the picker above")).to_be_visible()
    chosen = mystery.get_by_label("Exercise").locator("option:checked").inner_text()
    assert "Curl" in chosen

    mace = page.locator("#row-0-1")
    mace.get_by_role("button", name="Add a new exercise").click()
    mace = page.locator("#row-0-1")
    mace.get_by_label("Exercise name").fill("Mace 360")
    mace.get_by_label("Shoulders").check()
    mace.get_by_label("Core").check()
    mace.get_by_label("Other Equipment").check()
    mace.get_by_role("button", name="Add it and use it here").click()
    expect(page.get_by_text("Added “Mace 360” to the catalogue")).to_be_visible()
    screenshot("21-long-import-added-exercise")

    page.get_by_role("button", name="Save 4 plans").click()
    expect(page.get_by_text("Imported 4 plans")).to_be_visible()
    added = Exercise.objects.get(name="Mace 360")
    assert (added.added_by_id, added.review_status) == (user.pk, ReviewStatus.PENDING)
    with rls_user(user.pk):
        assert WorkoutPlan.objects.count() == 4
        assert WorkoutExercise.objects.count() == 104
        first = list(WorkoutExercise.objects.filter(workout_plan__name="Day 1").order_by("sequence")
                     .values_list("exercise__name", flat=True)[:2])
    assert first == [chosen, "Mace 360"]
    assert page.console_errors == []


def test_a_sure_row_with_a_long_name_keeps_its_sets_and_reps_in_view(phone, live_server):
    user = UserFactory(email="longname@example.com")
    page = phone
    page.set_viewport_size({"width": 360, "height": 800})
    django_client = Client()
    django_client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": django_client.cookies[settings.SESSION_COOKIE_NAME].value}])
    page.goto("/plans/import/")
    # Both sure (high): a name that fits in three lines at 360 px, and one that needs more.
    page.get_by_label("Your plan").fill("Barbell Incline Bench Press - Medium Grip 4x8\n"
                                        "Standing Bent-Over Two-Arm Dumbbell Triceps Extension 3x10\n"
                                        "Romanian deadlift 4x6 @ 80kg")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".row-compact")).to_have_count(3)
    # Lines shown, and lines the whole name needs, in the name's own line height.
    lines = """e => { const h = parseFloat(getComputedStyle(e).lineHeight);
                     return [Math.round(e.clientHeight / h), Math.round(e.scrollHeight / h)]; }"""
    for row, numbers_text in ((page.locator(".row-compact").nth(0), "4 x 8"),
                              (page.locator(".row-compact").nth(1), "3 x 10")):
        numbers = row.locator(".row-summary-numbers")
        expect(numbers).to_have_text(numbers_text)
        box, row_box = numbers.bounding_box(), row.bounding_box()
        assert box["x"] + box["width"] <= row_box["x"] + row_box["width"]  # on screen, in its row, not cut off
        assert box["y"] + box["height"] <= row_box["y"] + row_box["height"]
    # The first name is read whole, on three lines at most (one line cut it to 'Barbell Be...').
    shown, needed = page.locator(".row-compact .row-summary-name").nth(0).evaluate(lines)
    assert shown == needed <= 3
    # The second takes the row's whole width (its numbers go under it) and is read whole
    # too; a name needing more than three lines gives way at three, never the numbers.
    shown, needed = page.locator(".row-compact .row-summary-name").nth(1).evaluate(lines)
    assert shown == min(needed, 3) and needed >= 2
    # A load beside the name goes under it when it must: the name keeps its width, read whole.
    loaded = page.locator(".row-compact").nth(2)
    expect(loaded.locator(".row-summary-numbers")).to_have_text("4 x 6 @ 80kg")
    name = loaded.locator(".row-summary-name")
    shown, needed = name.evaluate(lines)
    assert shown == needed == 1, (shown, needed)
    numbers = loaded.locator(".row-summary-numbers").bounding_box()
    assert numbers["x"] + numbers["width"] <= loaded.bounding_box()["x"] + loaded.bounding_box()["width"]
