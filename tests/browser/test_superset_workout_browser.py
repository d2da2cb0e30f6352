"""Issue 10's walk-through on a 360 px phone: an empty workout, two exercises added and
put in a superset, a warm-up set, the round alternating (no rest between its
exercises, the rest after it), the timer reaching zero, then saved as a plan that keeps
the superset."""

import re

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans.models import WorkoutPlan
from sessions.models import ExerciseSession
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_empty_workout_with_a_superset_a_warm_up_and_the_timer_to_zero(phone, screenshot, user):
    page = phone
    page.set_viewport_size({"width": 360, "height": 780})
    page.clock.install()  # the rest timer's clock, moved on below instead of waiting
    log_in(page, user)
    page.get_by_role("button", name="Start an empty workout").click()
    for typed, name in (("bench press medium", "Barbell Bench Press - Medium Grip"),
                        ("bent over barbell row", "Bent Over Barbell Row")):
        page.get_by_role("link", name="+ Add an exercise").click()
        page.get_by_label("Search exercises").fill(typed)
        page.get_by_role("button", name=name, exact=False).first.click()
        expect(page.get_by_text(f"Added {name}")).to_be_visible()
    expect(page.locator(".exercise-card").first).to_have_attribute("open", "")  # the first is the current one
    page.get_by_role("button", name="Superset Barbell Bench Press - Medium Grip with the next exercise").click()
    card = page.locator(".exercise-card.superset-card")
    expect(card).to_have_count(1)
    expect(page.locator(".exercise-card")).to_have_count(1)  # one card for both
    rows = card.locator("li.set-row:has(form)")
    expect(rows.nth(0)).to_contain_text("Barbell Bench Press")
    expect(rows.nth(1)).to_contain_text("Bent Over Barbell Row")  # set by set

    # Bench, set 1, marked a warm-up with a tap on its number.
    bench = rows.nth(0)
    bench.get_by_role("button", name="Set 1: normal set (tap: warm-up)").click()
    bench.get_by_label("Weight (kg) set 1").fill("40")
    bench.get_by_label("Reps set 1").fill("10")
    bench.get_by_role("button", name="Log").click()
    expect(card.get_by_text("40 kg × 10 ✓")).to_be_visible()
    expect(page.locator("#rest-timer")).to_be_hidden()  # straight on to the row
    row = card.locator("li.set-row:has(form)").first
    expect(row).to_contain_text("Bent Over Barbell Row")
    row.get_by_label("Weight (kg) set 1").fill("50")
    row.get_by_label("Reps set 1").fill("10")
    row.get_by_role("button", name="Log").click()
    expect(card.get_by_text("50 kg × 10 ✓")).to_be_visible()
    timer = page.locator("#rest-timer")
    expect(timer).to_be_visible()  # the round is over: rest
    screenshot("superset-workout-360")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    small = page.evaluate("""() => [...document.querySelectorAll('main .btn, main button')]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
        .map(e => e.textContent.trim())""")
    assert small == []
    page.clock.fast_forward("05:00")
    expect(timer).to_be_hidden()
    assert page.evaluate("document.getElementById('rest-timer').dataset.alerted") is not None

    page.get_by_role("button", name="Complete workout").click()
    page.get_by_label("Plan name").fill("Upper superset")
    page.get_by_role("button", name="Save as a plan").click()
    expect(page.get_by_text("Saved “Upper superset” as a plan.")).to_be_visible()
    with rls_user(user.pk):
        plan = WorkoutPlan.objects.get(name="Upper superset")
        labels = list(plan.exercises.order_by("sequence").values_list("superset", flat=True))
        types = list(ExerciseSession.objects.order_by("created_at").values_list("set_type", flat=True))
    assert plan.kind is None and len(set(labels)) == 1 and labels[0]
    assert types == ["warmup", None]
    page.goto(f"/plans/{plan.pk}/")
    expect(page.get_by_text(re.compile(r"A1"))).to_be_visible()
    assert page.console_errors == []
