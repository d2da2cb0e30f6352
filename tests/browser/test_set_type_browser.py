"""On a 360 px phone: a tap on the set number marks a warm-up (W), the set logs as
one without a PR badge, and every button on the workout screen is a 44 px target."""

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions.models import ExerciseSession
from tests.browser.conftest import log_in
from tests.factories import UserFactory, exercise_named

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tap_the_set_number_for_a_warm_up(browser, live_server):
    user = UserFactory()
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Legs", exercises=[
            ExerciseSpec(exercise=exercise_named("Barbell Squat"), sets=3, reps_min=5, reps_max=5,
                         rest_time_seconds=120)])
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2, base_url=live_server.url)
    page = context.new_page()
    try:
        log_in(page, user)
        page.goto(f"/plans/{plan.pk}/")
        page.get_by_role("button", name="Start workout").click()
        toggle = page.get_by_role("button", name="Set 1: normal set (tap: warm-up)")
        toggle.click()
        expect(page.get_by_role("button", name="Set 1: warm-up (tap: drop set)")).to_have_text("W")
        row = page.locator("li.set-row:has(input[aria-label='Reps set 1'])")
        row.get_by_label("Weight (kg) set 1").fill("60")
        row.get_by_role("button", name="Log").click()
        expect(page.get_by_text("60 kg × 5 ✓")).to_be_visible()
        expect(page.locator(".pr-badge")).to_have_count(0)
        page.screenshot(path="test-artifacts/60-warmup-360.png", full_page=True)
        with rls_user(user.pk):
            assert list(ExerciseSession.objects.values_list("set_type", flat=True)) == ["warmup"]
        small = page.evaluate("""[...document.querySelectorAll('main button, main a.btn, main summary')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.textContent.trim(), e.getBoundingClientRect().height])
            .filter(([, h]) => h < 44)""")
        assert [name for name, _ in small if name != "RPE · note"] == []
    finally:
        context.close()
