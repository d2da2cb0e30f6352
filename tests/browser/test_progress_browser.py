"""The progress pages on a small phone, light and dark: the charts draw (SVG, no
script), nothing overflows 360 px, and text stays readable in dark mode."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions import services as session_services
from sessions.models import ExerciseSession, WorkoutSession
from tests.browser.conftest import log_in
from tests.factories import UserFactory, exercise_named

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# WCAG relative luminance contrast of an element's text against the first opaque
# background up its ancestors.
CONTRAST_JS = """(el) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let bg = null, node = el;
  while (node && node.nodeType === 1) { const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c.slice(0, 3); break; } node = node.parentElement; }
  bg = bg || [255, 255, 255];
  const fg = rgb(getComputedStyle(el).color).slice(0, 3);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def _seed():
    user = UserFactory()
    squat = exercise_named("Barbell Squat")
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Legs", exercises=[
            ExerciseSpec(exercise=squat, sets=3, reps_min=5, reps_max=5, rest_time_seconds=120)])
        for weeks_ago, weight in ((8, 100), (6, 105), (4, 110), (2, 112.5), (0, 115)):
            session = session_services.session_start(user=user, plan=plan)
            for n in range(3):
                session_services.set_log(session=session, set_id=uuid.uuid4(), exercise=squat, weight_kg=Decimal(str(weight)), reps=5,
                                         rest_time_seconds=120)
            session_services.session_complete(session=session)
            when = timezone.now() - dt.timedelta(weeks=weeks_ago)
            WorkoutSession.objects.filter(pk=session.pk).update(created_at=when)
            ExerciseSession.objects.filter(workout_session=session).update(created_at=when)
    return user, squat


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_progress_pages_at_360_px(browser, live_server, scheme):
    user, squat = _seed()
    context = browser.new_context(viewport={"width": 360, "height": 780}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, base_url=live_server.url, color_scheme=scheme)
    page = context.new_page()
    try:
        log_in(page, user)
        for url, heading, name in ((f"/exercises/{squat.pk}/", "Barbell Squat", "exercise"),
                                   ("/calendar/", "Training calendar", "calendar")):
            page.goto(url)
            expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
            page.screenshot(path=f"test-artifacts/50-{name}-{scheme}.png", full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{url} overflows"
            for selector in ("h1", "p", ".chart-label", ".switch-option", "figcaption"):
                for el in page.locator(selector).element_handles()[:5]:
                    assert el.evaluate(CONTRAST_JS) >= 4.5, f"{selector} on {url} ({scheme}) is hard to read"
        page.goto(f"/exercises/{squat.pk}/")
        expect(page.locator("svg .chart-dot")).to_have_count(15)  # 5 workouts x 3 charts
        # The rep-max table: the best 5-rep weight is the last workout's 115 kg.
        expect(page.locator(".data-table tr", has_text="115 kg").first).to_contain_text("5")
        # The chart's numbers for screen readers: the heaviest weight per workout, in order.
        cells = page.locator("table:has(caption:text('Heaviest weight by workout')) td:nth-child(2)")
        expect(cells).to_have_text(["100", "105", "110", "112.5", "115"])
        box = page.locator("figure.chart svg").first.bounding_box()
        assert box["width"] <= 360 and box["height"] > 100
    finally:
        context.close()
