"""Review: every tap target the new screens add is at least 44 x 44 px at 360 px (the
issue's rule): the ↑/↓ move buttons of the workout and the plan editor were 38 px wide,
a set's "RPE · note" 32 px tall, the import's file input 21 px tall and the plan page's
"See substitutes" a 19 px text link, the preview's kg / lb choices 19 px tall."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SMALL, log_in
from tests.sessions.transfer.conftest import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_screens_tap_targets_at_360_px(phone, user):
    page = phone
    page.set_viewport_size({"width": 360, "height": 780})
    log_in(page, user)
    page.goto("/")
    page.get_by_role("button", name="Start an empty workout").click()
    for typed, name in (("barbel squat", "Barbell Squat"), ("pushup", "Pushups")):
        page.get_by_role("link", name="+ Add an exercise").click()
        page.get_by_label("Search exercises").fill(typed)
        pick = page.get_by_role("button", name=name, exact=False).first
        expect(pick).to_be_visible()
        pick.click()
        expect(page.get_by_text(f"Added {name}")).to_be_visible()
    page.locator(".exercise-card", has_text="Pushups").locator(":scope > summary").click()
    expect(page.get_by_role("button", name="Move Pushups up")).to_be_visible()
    assert page.evaluate(SMALL, ".move-form button, .set-more > summary") == []

    row = page.locator("li.set-row:has(form)").first
    row.get_by_role("button", name="Log").click()
    page.get_by_role("button", name="Complete workout").click()
    page.get_by_label("Plan name").fill("Review plan")
    page.get_by_role("button", name="Save as a plan").click()
    expect(page.get_by_role("heading", name="Review plan")).to_be_visible()
    assert page.evaluate(SMALL, "main .plan-items a, main .warning a, main .btn") == []
    page.goto(page.url.rstrip("/") + "/edit/")
    expect(page.get_by_role("button", name="Move Pushups up")).to_be_visible()
    assert page.evaluate(SMALL, ".row-actions button, .row-actions a") == []

    page.goto("/sessions/transfer/")
    assert page.evaluate(SMALL, "main input[type=file], main .btn") == []

    page.set_input_files("input[type=file]", str(FIXTURES / "strong_unitless_pounds.csv"))
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("These look like pounds")).to_be_visible()
    assert page.evaluate(SMALL, "main label.radio, main .review-row select, main .review-row button") == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
