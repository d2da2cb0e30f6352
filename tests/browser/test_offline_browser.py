"""A gym with no signal: the workout page opens from its last copy, sets logged offline
wait on the phone and reach the server once (same ids) when the network returns, even
when two tabs replay the same queue; a set the server refuses stays visible with the
reason and its numbers; other pages show the app's own offline page; the app is
installable."""

import re

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession
from tests.browser.conftest import log_in
from tests.factories import UserFactory, exercise_named

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What a page may print while the network is cut on purpose.
OFFLINE_NOISE = ("ERR_INTERNET_DISCONNECTED", "Failed to fetch", "status of 400")


def _logged_sets(user) -> list[tuple]:
    with rls_user(user.pk):
        return [(float(w), r) for w, r in ExerciseSession.objects.filter(workout_session__user=user)
                .order_by("set_number").values_list("weight", "reps")]


def _open_workout(page) -> tuple:
    user = UserFactory()
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Basement day", exercises=[
            ExerciseSpec(exercise=exercise_named("Barbell Squat"), sets=3, reps_min=5, reps_max=5,
                         rest_time_seconds=60)])
    log_in(page, user)
    page.goto(f"/plans/{plan.pk}/")
    page.get_by_role("button", name="Start workout").click()
    expect(page.get_by_role("heading", name="Basement day")).to_be_visible()
    # The first visit installs the worker; from the next one it controls and keeps the page.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    return user, page.url


def _log(page, number: int, weight: str, reps: str) -> None:
    row = page.locator(f"li.set-row:has(input[aria-label='Reps set {number}'])")
    row.get_by_label(f"Weight (kg) set {number}").fill(weight)
    row.get_by_label(f"Reps set {number}").fill(reps)
    row.get_by_role("button", name="Log").click()


def test_three_sets_logged_offline_are_stored_once_even_from_two_tabs(phone, screenshot):
    page = phone
    user, workout_url = _open_workout(page)
    page.context.set_offline(True)
    _log(page, 1, "100", "5")
    _log(page, 2, "100", "5")
    _log(page, 3, "102.5", "4")
    expect(page.locator(".sync-status")).to_have_text(["Waiting to sync"] * 3)
    expect(page.locator("#offline-banner")).to_contain_text("3 sets waiting to sync (no connection)")
    expect(page.locator("#rest-timer")).to_be_visible()  # the rest timer runs offline too
    expect(page.locator("#rest-timer .rest-left")).to_have_text(re.compile(r"^(1:00|0:5\d)$"))
    assert _logged_sets(user) == []
    screenshot("40-offline-queued")

    page.reload()  # no network: the page comes from the phone's copy, the queue from IndexedDB
    expect(page.get_by_role("heading", name="Basement day")).to_be_visible()
    expect(page.locator("#offline-banner")).to_contain_text("3 sets waiting to sync")
    expect(page.locator(".sync-status")).to_have_text(["Waiting to sync"] * 3)

    page.goto("/plans/")  # a page it never kept: the app's offline page, not the browser's error
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    screenshot("41-offline-page")
    page.get_by_role("link", name="Open your workout").click()
    expect(page).to_have_url(workout_url)
    expect(page.get_by_role("heading", name="Basement day")).to_be_visible()

    second_tab = page.context.new_page()  # the same queue, open twice
    second_tab.goto(workout_url)
    expect(second_tab.locator("#offline-banner")).to_contain_text("3 sets waiting")

    page.context.set_offline(False)  # the signal returns: both tabs send the queue by themselves
    for tab in (page, second_tab):
        expect(tab.locator("#offline-banner")).to_be_hidden()
        expect(tab.get_by_text("102.5 kg × 4 ✓")).to_be_visible()
    assert _logged_sets(user) == [(100.0, 5), (100.0, 5), (102.5, 4)]
    assert all(any(n in e for n in OFFLINE_NOISE) for e in page.console_errors), page.console_errors


def test_a_set_queued_for_a_workout_completed_elsewhere_shows_why(phone, screenshot):
    page = phone
    user, _ = _open_workout(page)
    _log(page, 1, "100", "5")
    expect(page.get_by_text("100 kg × 5 ✓")).to_be_visible()
    # Let the logged row settle (it carries its weight into set 2) before typing there.
    expect(page.get_by_label("Weight (kg) set 2")).to_have_value("100")
    page.context.set_offline(True)
    _log(page, 2, "100", "4")
    expect(page.locator("#offline-banner")).to_contain_text("1 set waiting")
    with rls_user(user.pk):  # completed on another phone meanwhile
        WorkoutSession.objects.filter(user=user).update(status=SessionStatus.COMPLETED)
    page.context.set_offline(False)
    refused = page.locator(".offline-refused li").first
    expect(refused).to_contain_text("Barbell Squat: 100 kg × 4 reps — not saved:")
    expect(refused).to_contain_text("completed")
    expect(page.locator(".sync-status").first).to_contain_text("Not saved")
    screenshot("42-offline-refused")
    assert _logged_sets(user) == [(100.0, 5)]
    page.reload()  # still there after a reload: nothing disappears silently
    expect(page.locator(".offline-refused li")).to_have_count(1)
    page.locator(".offline-refused li").get_by_role("button", name="Dismiss").click()
    expect(page.locator("#offline-banner")).to_be_hidden()


def test_the_app_is_installable(browser, live_server, tmp_path):
    # A profile on disk: Chromium never offers to install from an incognito context,
    # which is what a plain new_context() is.
    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS,
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, base_url=live_server.url)
    try:
        page = context.new_page()
        _open_workout(page)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/manifest.webmanifest")
        assert manifest.get("errors", []) == []
    finally:
        context.close()
