"""The whole loop on a phone: register, import a plan from text, start the workout,
log sets with one tap, see a PR badge, complete, find it in history."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = """Day 1 - Push
Bench 2x5 @ 60kg, rest 90s
Pushups 1x15
"""


def test_import_start_log_pr_complete_history(phone, screenshot):
    page = phone
    register(page, "lifter@example.com")

    page.goto("/plans/import/")
    page.get_by_label("Your plan").fill(PLAN)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".row-summary[title='Bench 2x5 @ 60kg, rest 90s']")).to_be_visible()
    expect(page.locator(".review-row .badge-high").first).to_be_visible()
    screenshot("10-import-preview")
    page.get_by_role("button", name="Save 1 plan").click()
    expect(page.get_by_role("heading", name="Day 1 - Push")).to_be_visible()
    screenshot("11-plan")

    page.get_by_role("button", name="Start workout").click()
    expect(page.get_by_text("First time: no earlier sets.").first).to_be_visible()
    first = page.locator(".set-row").first
    first.get_by_label("Weight (kg) set 1").fill("60")
    first.get_by_label("Reps set 1").fill("5")
    first.get_by_role("button", name="Log").click()
    expect(page.get_by_text("First time: records set")).to_be_visible()  # quiet: no wall of badges
    expect(page.get_by_text("60 kg × 5 ✓")).to_be_visible()
    expect(page.locator("#rest-timer")).to_be_visible()  # 90 s rest started
    card = page.locator(".exercise-card").first
    expect(card.locator(".set-count")).to_have_text("1/2")
    # No set 2 last time (first time): the weight just lifted is carried into set 2.
    expect(page.get_by_label("Weight (kg) set 2")).to_have_value("60")
    screenshot("12-logged-pr")
    page.reload()  # the rest timer runs from the stored set time: it survives a reload
    expect(page.locator("#rest-timer")).to_be_visible()
    page.get_by_role("button", name="Skip").click()
    expect(page.locator("#rest-timer")).to_be_hidden()
    page.reload()  # and "Skip" is remembered
    expect(page.locator("#rest-timer")).to_be_hidden()
    second = page.locator("li.set-row:has(form)").first  # the next set, reps pre-filled from the plan
    expect(second.get_by_label("Reps set 2")).to_have_value("5")
    expect(second.get_by_label("Weight (kg) set 2")).to_have_value("60")  # the server carries it too
    second.get_by_role("button", name="Log").click()  # one tap
    expect(page.locator(".pr-badge")).to_have_count(0)  # this workout's own volume record just grows
    expect(card.locator(".set-count")).to_have_text("2/2 ✓")
    expect(page.locator(".exercise-card").nth(1)).to_have_attribute("open", "")  # Pushups, up next
    card.get_by_role("button", name="+ Add set").click()  # a third set, beyond the plan
    expect(card.get_by_label("Weight (kg) set 3")).to_have_value("60")
    expect(card.get_by_label("Reps set 3")).to_have_value("5")

    page.get_by_role("button", name="Complete workout").click()
    expect(page.get_by_text("Workout complete. Well done!")).to_be_visible()
    expect(page.get_by_text("Skipped: Pushups (1 set)")).to_be_visible()
    screenshot("13-summary")
    page.get_by_role("link", name="History").first.click()
    expect(page.get_by_role("link", name="Day 1 - Push")).to_be_visible()
    expect(page.get_by_text("2 sets")).to_be_visible()
    screenshot("14-history")
    # Every tab fits the phone's width: none hides off-screen behind a scroll.
    assert page.evaluate("(() => { const bar = document.querySelector('.tabbar');"
                         " return bar.scrollWidth <= bar.clientWidth; })()")
    assert page.console_errors == []


def test_rest_timer_reaching_zero_rings_and_skip_does_not(phone):
    """At zero the timer vibrates and beeps (the page's own calls, recorded); Skip is quiet."""
    from allworkouts.db import rls_user
    from plans import services as plan_services
    from plans.services import ExerciseSpec
    from tests.browser.conftest import log_in
    from tests.factories import UserFactory, exercise_named

    user = UserFactory()
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Legs", exercises=[
            ExerciseSpec(exercise=exercise_named("Barbell Squat"), sets=3, reps_min=5, reps_max=5,
                         rest_time_seconds=120)])
    page = phone
    # Record what the page asks of the phone: vibration patterns and beeps started.
    page.add_init_script("""
      window.__rang = {vibrate: [], beeps: 0};
      navigator.vibrate = function (p) { window.__rang.vibrate.push(p); return true; };
      const Real = window.AudioContext;
      if (Real) {
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function () { window.__rang.beeps += 1; return start.apply(this, arguments); };
      }
    """)
    log_in(page, user)
    page.goto(f"/plans/{plan.pk}/")
    page.get_by_role("button", name="Start workout").click()
    row = page.locator("li.set-row:has(input[aria-label='Reps set 1'])")
    row.get_by_label("Weight (kg) set 1").fill("100")
    row.get_by_role("button", name="Log").click()
    timer = page.locator("#rest-timer")
    expect(timer).to_be_visible()
    page.get_by_role("button", name="Skip").click()  # skipping the rest: no alarm
    expect(timer).to_be_hidden()
    assert page.evaluate("window.__rang") == {"vibrate": [], "beeps": 0}

    row = page.locator("li.set-row:has(input[aria-label='Reps set 2'])")
    row.get_by_role("button", name="Log").click()
    expect(timer).to_be_visible()
    # Two seconds of rest left instead of 120 (a wall-clock timer: the end is a timestamp).
    page.evaluate("document.getElementById('rest-timer').dataset.endsAt = String(Date.now() + 2000)")
    expect(timer).to_be_hidden(timeout=6000)
    rang = page.evaluate("window.__rang")
    assert rang["vibrate"] == [[200, 100, 200]]
    assert rang["beeps"] == 1
    # Set 3 carries the 100 kg just lifted; a barbell row shows its plates per side.
    page.reload()
    expect(page.get_by_text("Per side: 25 + 15 kg")).to_be_visible()
    page.screenshot(path="test-artifacts/15-workout-plates-390.png", full_page=True)
    page.set_viewport_size({"width": 360, "height": 780})
    page.screenshot(path="test-artifacts/16-workout-plates-360.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= 360")  # nothing off the side
    assert page.console_errors == []
