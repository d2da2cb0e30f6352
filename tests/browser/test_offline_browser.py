"""A gym with no signal: the workout page opens from its last copy, sets logged offline
wait on the phone and reach the server once (same ids) when the network returns, a set
the server refuses stays visible with the reason, and other pages show the app's own
offline page."""

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession
from tests.factories import PASSWORD, UserFactory, exercise_named

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logged_sets(user) -> list[tuple]:
    with rls_user(user.pk):
        return list(ExerciseSession.objects.filter(workout_session__user=user)
                    .order_by("set_number").values_list("weight", "reps"))


def test_offline_workout_queues_sets_and_syncs_them_once(phone, screenshot):
    page = phone
    user = UserFactory(email="offline@example.com")
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Basement day", exercises=[
            ExerciseSpec(exercise=exercise_named("Barbell Squat"), sets=3, reps_min=5, reps_max=5,
                         rest_time_seconds=60)])
    page.goto("/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/plans/{plan.pk}/")
    page.get_by_role("button", name="Start workout").click()
    expect(page.get_by_role("heading", name="Basement day")).to_be_visible()
    workout_url = page.url
    # The first visit installs the worker; from the next one it keeps the page.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")

    page.context.set_offline(True)
    row = page.locator("li.set-row:has(form)").first
    row.get_by_label("Weight (kg) set 1").fill("100")
    row.get_by_label("Reps set 1").fill("5")
    row.get_by_role("button", name="Log").click()
    expect(page.locator(".sync-status").first).to_have_text("Waiting to sync")
    expect(page.locator("#offline-banner")).to_contain_text("1 set waiting to sync (no connection)")
    assert _logged_sets(user) == []
    screenshot("40-offline-queued")

    page.reload()  # no network: the page comes from the phone's copy, the queue from IndexedDB
    expect(page.get_by_role("heading", name="Basement day")).to_be_visible()
    expect(page.locator("#offline-banner")).to_contain_text("1 set waiting to sync")
    expect(page.locator(".sync-status").first).to_have_text("Waiting to sync")

    page.goto("/plans/")  # a page it never kept: the app's offline page, not the browser's error
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.get_by_role("link", name="Open your workout")).to_have_attribute(
        "href", workout_url.removeprefix(page.url.split("/plans/")[0]))
    screenshot("41-offline-page")
    page.get_by_role("link", name="Open your workout").click()
    expect(page.get_by_role("heading", name="Basement day")).to_be_visible()

    page.context.set_offline(False)  # the signal returns: the queue goes out by itself
    expect(page.get_by_text("100 kg × 5 ✓")).to_be_visible()
    expect(page.locator("#offline-banner")).to_be_hidden()
    assert [(float(w), r) for w, r in _logged_sets(user)] == [(100.0, 5)]

    # A set queued for a workout that was completed elsewhere stays, with the reason.
    page.context.set_offline(True)
    row = page.locator("li.set-row:has(form)").first
    row.get_by_label("Reps set 2").fill("4")
    row.get_by_role("button", name="Log").click()
    expect(page.locator("#offline-banner")).to_contain_text("1 set waiting")
    with rls_user(user.pk):
        WorkoutSession.objects.filter(user=user).update(status=SessionStatus.COMPLETED)
    page.context.set_offline(False)
    refused = page.locator(".offline-refused li").first
    expect(refused).to_contain_text("not saved")
    expect(refused).to_contain_text("completed")
    expect(refused).to_contain_text("Barbell Squat: 100 kg × 4 reps")
    screenshot("42-offline-refused")
    assert len(_logged_sets(user)) == 1
    refused.get_by_role("button", name="Dismiss").click()
    expect(page.locator("#offline-banner")).to_be_hidden()
    assert page.console_errors == [] or all("ERR_INTERNET_DISCONNECTED" in e or "Failed to fetch" in e
                                            or "status of 400" in e for e in page.console_errors)
