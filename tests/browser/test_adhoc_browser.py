"""Training without a plan, on a 360 px phone: start an empty workout, add two exercises
with the search, log a set, complete, save it as a plan, find it in the plan list."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _small_targets(page, selector: str) -> list[str]:
    """Buttons and links under `selector` smaller than 44 px in height."""
    return page.evaluate("""(sel) => [...document.querySelectorAll(sel)]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
        .map(e => e.textContent.trim() || e.getAttribute('aria-label'))""", selector)


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_empty_workout_add_log_complete_save_as_plan(phone, screenshot, user):
    page = phone
    page.set_viewport_size({"width": 360, "height": 780})
    log_in(page, user)
    page.goto("/")
    page.get_by_role("button", name="Start an empty workout").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Workout, "))).to_be_visible()
    assert _small_targets(page, "main .btn") == []

    for typed, name in (("barbel squat", "Barbell Squat"), ("pushup", "Pushups")):
        page.get_by_role("link", name="+ Add an exercise").click()
        page.get_by_label("Search exercises").fill(typed)  # the results come in as you type
        pick = page.get_by_role("button", name=name, exact=False).first
        expect(pick).to_be_visible()
        if name == "Barbell Squat":
            screenshot("adhoc-add-search-360")
            assert _fits(page) and _small_targets(page, "main button, main .btn") == []
        pick.click()
        expect(page.get_by_text(f"Added {name}")).to_be_visible()
    expect(page.locator(".exercise-card")).to_have_count(2)
    # Both not started: each can move; moving Pushups up puts it first.
    pushups_card = page.locator(".exercise-card", has_text="Pushups")
    pushups_card.locator(":scope > summary").click()  # open its card
    assert _small_targets(page, ".move-form button") == []
    pushups_card.get_by_role("button", name="Move Pushups up").click()
    expect(page.locator(".exercise-card").first).to_contain_text("Pushups")
    screenshot("adhoc-workout-360")
    assert _fits(page)

    row = page.locator("li.set-row:has(form)").first
    row.get_by_label("Reps set 1").fill("12")
    row.get_by_role("button", name="Log").click()
    expect(page.get_by_text("× 12 ✓")).to_be_visible()
    page.get_by_role("button", name="Complete workout").click()
    expect(page.get_by_text("Workout complete. Well done!")).to_be_visible()
    expect(page.get_by_role("heading", name="Keep this workout as a plan?")).to_be_visible()
    screenshot("adhoc-complete-360")
    assert _fits(page)

    page.get_by_label("Plan name").fill("Home day")
    page.get_by_role("button", name="Save as a plan").click()
    expect(page.get_by_text("Saved “Home day” as a plan.")).to_be_visible()
    page.goto("/plans/")
    expect(page.get_by_role("link", name="Home day")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("button", name="Start Home day")).to_be_visible()
    assert page.console_errors == []
