"""History import on a phone: upload a Strong export, answer the unit question, map one
exercise, import (the background worker runs it), watch the progress bar, find the
workouts in history, undo. The unit question recounts the preview when answered."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import register
from tests.sessions.transfer.conftest import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_map_import_progress_history(phone, screenshot):
    page = phone
    register(page, "mover@example.com")

    page.goto("/profile/")
    page.get_by_role("link", name="Import history").click()
    page.get_by_label("Export file (CSV)").set_input_files(str(FIXTURES / "strong_unitless_pounds.csv"))
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#import-summary")).to_contain_text("1 workout, 4 sets")
    expect(page.get_by_text("These look like pounds: 135, 225, 315.")).to_be_visible()
    expect(page.locator("#import-volume")).to_contain_text("Volume 2,245 kg")  # the guess: pounds
    # Switching the unit recounts the preview in place (HTMX), and back again.
    page.get_by_label("kg", exact=True).check()
    expect(page.locator("#import-volume")).to_contain_text("Volume 4,950 kg, heaviest set 315 kg")
    expect(page.locator("#unit-kg")).to_be_focused()  # the swap keeps the focus where it was
    page.get_by_label("lb", exact=True).check()
    expect(page.locator("#import-volume")).to_contain_text("Volume 2,245 kg, heaviest set 142.88 kg")
    squat = page.get_by_role("combobox", name="Squat (Barbell)")
    options = squat.locator("option").all_text_contents()
    other = next(o for o in options if "Squat" in o and o != "Barbell Squat")
    squat.select_option(label=other)
    screenshot("60-history-import-preview")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # "Add as a new exercise" opens its form in the row (the other choices kept); at 360 px
    # nothing runs off the side.
    page.set_viewport_size({"width": 360, "height": 780})
    chosen = squat.input_value()
    page.locator("#map-row-0").get_by_role("button", name="Add as a new exercise").click()
    expect(page.get_by_text("Add “Deadlift (Barbell)” as a new exercise")).to_be_visible()
    expect(page.get_by_role("combobox", name="Squat (Barbell)")).to_have_value(chosen)
    expect(page.get_by_label("lb", exact=True)).to_be_checked()
    screenshot("60b-history-import-add-exercise-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Import 1 workout").click()

    expect(page.locator("#import-bar")).to_be_visible()
    screenshot("61-history-import-progress")
    page.reload()  # the bar survives a reload: its state is in the database
    expect(page.locator("#import-bar")).to_be_visible()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # bin/serve's worker
    expect(page.locator("#import-summary")).to_contain_text("Imported 1 workouts and 4 sets")  # the poll reloads
    screenshot("62-history-import-done")

    page.get_by_role("link", name="See your history").click()
    expect(page.get_by_text("5 Jan").first).to_be_visible()
    screenshot("63-history-after-import")
    # Undo is one tap on the import's page: the workouts leave history.
    page.go_back()
    page.get_by_role("button", name="Undo this import").click()
    expect(page.get_by_text("Import undone: 1 workout removed.")).to_be_visible()
    page.goto("/sessions/")
    expect(page.get_by_text("No workouts here yet")).to_be_visible()
    assert page.console_errors == []  # no CSP violation, no script error
