"""The import review of a long plan on a 360 px phone, after a refused save: the review
comes back with its messages and no console error, the message and a way to the first
row needing attention are by the Save button, the red marks stay when another row is
removed, the marked inputs stay in line and the load field shows what it holds; "Start
over" is away from Save."""

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans.models import WorkoutExercise, WorkoutPlan
from tests.browser.conftest import SMALL, log_in
from tests.browser.test_progress_browser import CONTRAST_JS
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UPPER = ["Bench press 4x6-8, rest 2 min", "Bent over barbell row 4x8 @ 60kg", "Incline dumbbell press 3x10-12",
         "EZ bar curl 3x12", "Lat pulldown 3x10-12"]
WARM_UP = "Warm up with five minutes on the rower and some band pull-aparts."
LOWER = ["Back squat 5x5 @ 100kg", "Romanian deadlift 3x8", "Standing calf raise 4x15", "Plank 3x60s",
         "Bulgarian split squat 3x10"]
# The width the placeholder's text needs against the room inside the input.
PLACEHOLDER_FITS = """(e) => { const cs = getComputedStyle(e), ctx = document.createElement('canvas').getContext('2d');
    ctx.font = cs.font;
    return ctx.measureText(e.placeholder).width <= e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight); }"""


def long_plan() -> str:
    """11 weeks of two days, 112 rows: one the catalogue lacks, one AMRAP with no rep
    target (both refused at save), prose kept aside (a note on top, a warm-up in week 5)."""
    lines = ["Eleven Week Upper Lower (coach Ana)", "Notes: add 2.5 kg a week while every rep is clean.", ""]
    for week in range(1, 12):
        lines += [f"Week {week} / Monday - Upper", *UPPER]
        if week == 1:
            lines += ["Mace 360 3x12", "Pull-ups 3 x max reps"]
        lines += ["", f"Week {week} / Thursday - Lower", *LOWER, ""]
        if week == 5:
            lines.insert(-4, WARM_UP)  # prose among week 5's lower-body rows
    return "\n".join(lines)


def preview_at_360(page, email: str):
    page.set_viewport_size({"width": 360, "height": 780})
    user = UserFactory(email=email)
    log_in(page, user)
    page.goto("/plans/import/")
    page.get_by_label("Your plan").fill(long_plan())
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("li.review-row")).to_have_count(112)
    return user


def test_a_refused_save_of_a_long_plan_at_360_px(phone):
    page = phone
    user = preview_at_360(page, "refused@example.com")
    expect(page.get_by_role("heading", name="Week 3 / Thursday - Lower")).to_be_visible()
    # "Start over" (which drops every edit) is at the top, not under the thumb beside Save.
    start_over = page.get_by_role("link", name="Start over").bounding_box()
    assert start_over["y"] + start_over["height"] <= page.locator(".review-day").first.bounding_box()["y"]

    page.get_by_role("button", name="Save 22 plans").click()
    note = page.locator(".review-save-refused")
    expect(note).to_have_text("Not saved yet: 2 rows need your attention. Go to the first")
    expect(note).to_be_in_viewport()  # by the Save button the thumb just tapped
    marked = page.locator("li.review-row.has-errors")
    expect(marked).to_have_count(2)
    assert page.console_errors == []  # the refusal is a form with messages, not a failed request
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert note.evaluate(CONTRAST_JS) >= 4.5, scheme

    note.get_by_role("link", name="Go to the first").click()
    mace = page.locator("li.review-row", has_text="Mace 360 3x12")
    expect(mace).to_be_in_viewport()
    pullups = page.locator("li.review-row", has_text="Pull-ups 3 x max reps")
    numbers = [pullups.get_by_label(n, exact=True).bounding_box()["y"] for n in ("Sets", "Reps from", "to", "Rest (s)")]
    assert max(numbers) - min(numbers) < 1, numbers  # in line, though "Reps from" wraps beside the red mark
    load = pullups.get_by_label("Load")
    assert load.evaluate(PLACEHOLDER_FITS)  # "100kg" whole, not "100k"
    load.fill("BW + 20 kg")
    assert load.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert page.evaluate(SMALL, "li.review-row.has-errors button, li.review-row.has-errors select, "
                                ".review-save-refused a") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # Another row opened, then removed: each time the whole review re-renders and keeps the two marks.
    week2_bench = page.locator("#row-2-0")
    week2_bench.get_by_role("button", name="Edit").click()
    week2_bench.get_by_role("button", name="Remove").click()
    expect(page.locator("li.review-row")).to_have_count(111)
    expect(marked).to_have_count(2)
    expect(mace.get_by_text("Pick the exercise this line means")).to_be_visible()
    expect(pullups.get_by_label("Load")).to_have_value("BW + 20 kg")  # nothing typed lost

    pullups.get_by_label("Reps from").fill("8")
    mace.get_by_label("Search the catalogue for this row").fill("dumbell curl")
    mace.get_by_role("button", name="Search").click()
    expect(mace.get_by_text("in the picker above")).to_be_visible()
    page.get_by_role("button", name="Save 22 plans").click()
    expect(page.get_by_text("Imported 22 plans")).to_be_visible()
    with rls_user(user.pk):
        assert WorkoutPlan.objects.count() == 22
        assert WorkoutExercise.objects.count() == 111
        saved = WorkoutExercise.objects.get(workout_plan__name__endswith="Week 1 / Monday - Upper",
                                            exercise__name="Pullups")
    assert (saved.reps_min, saved.reps_max) == (8, 8) and "BW + 20 kg" in saved.notes
    assert page.console_errors == []


def test_a_tapped_line_becomes_a_row_in_its_week_and_the_review_says_where(phone):
    page = phone
    preview_at_360(page, "unread@example.com")
    page.get_by_role("button", name=WARM_UP).click()
    note = page.locator(".review-read-into")
    expect(note).to_contain_text("is now a row of Week 5 / Thursday - Lower.")
    expect(note).to_be_in_viewport()  # where the thumb tapped, at the end of the review
    assert page.evaluate(SMALL, ".review-read-into a") == []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert note.evaluate(CONTRAST_JS) >= 4.5, scheme
    note.get_by_role("link", name="Go to it").click()
    row = page.locator("li.review-row", has_text=WARM_UP)
    expect(row.get_by_label("Exercise")).to_be_in_viewport()
    day = page.locator(".review-day", has=page.get_by_role("heading", name="Week 5 / Thursday - Lower"))
    expect(day.locator("li.review-row", has_text=WARM_UP)).to_have_count(1)
    assert page.console_errors == []
