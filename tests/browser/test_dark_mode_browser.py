"""Dark mode (the phone's colour scheme): every main page at 360 px keeps its text
readable (WCAG contrast >= 4.5:1 for text, badges and buttons) and fits the width."""

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from tests.browser.test_progress_browser import CONTRAST_JS
from tests.browser.conftest import log_in
from tests.factories import UserFactory, exercise_named

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "h1, h2, p, li, dt, dd, label, .badge, .btn, .tab, .muted, .set-number, .message, th, td, input[type=text], input[type=email], input[type=password], select, textarea"


def _readable(page, url):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{url} overflows"
    problems = []
    for el in page.locator(TEXT).element_handles()[:80]:
        if not el.is_visible() or not el.evaluate("e => (e.value || e.textContent).trim().length > 0"):
            continue
        ratio = el.evaluate(CONTRAST_JS)
        if ratio < 4.5:
            problems.append(f"{el.evaluate('e => e.outerHTML.slice(0, 80)')}: {ratio:.2f}")
    assert problems == [], f"hard to read on {url}: {problems}"


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_every_main_page_is_readable(browser, live_server, scheme):
    user = UserFactory()
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Push", exercises=[
            ExerciseSpec(exercise=exercise_named("Barbell Bench Press - Medium Grip"), sets=3, reps_min=5,
                         reps_max=5, rest_time_seconds=90)])
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True,
                                  base_url=live_server.url, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto("/login/")
        _readable(page, "/login/")
        log_in(page, user)
        for url in ("/", "/plans/", f"/plans/{plan.pk}/", "/plans/import/", "/sessions/", "/records/",
                    "/equipment/", "/profile/", "/calendar/"):
            page.goto(url)
            _readable(page, url)
        page.goto(f"/plans/{plan.pk}/")
        page.get_by_role("button", name="Start workout").click()
        expect(page.locator(".exercise-card").first).to_be_visible()
        _readable(page, "workout")
        page.screenshot(path=f"test-artifacts/55-workout-{scheme}.png", full_page=True)
        # A success message (green on green in dark mode was 1.6:1)
        page.goto("/profile/")
        page.get_by_role("button", name="Save units").click()
        expect(page.locator(".message-success")).to_contain_text("Units set to")
        _readable(page, "/profile/ after saving")
    finally:
        context.close()
