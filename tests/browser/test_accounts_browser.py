"""A new user, in a real browser on a phone: register, choose units and equipment,
log out and in again."""

import pytest
from playwright.sync_api import expect

from allworkouts.db import rls_user
from allworkouts.models import User
from equipment.models import UserEquipment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_onboard_log_out_and_in(phone, screenshot):
    page = phone
    page.goto("/")
    expect(page).to_have_url("/login/?next=/")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Email").fill("ana@example.com")
    page.get_by_label("Password", exact=True).fill("squat-bench-deadlift-42")
    page.get_by_label("Password again").fill("squat-bench-deadlift-42")
    screenshot("01-register")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", name="Kilograms or pounds?")).to_be_visible()
    page.get_by_label("Imperial (lb)").check()
    screenshot("02-units")
    page.get_by_role("button", name="Next: your equipment").click()

    expect(page.get_by_role("heading", name="What do you train with?")).to_be_visible()
    dumbbell = page.get_by_role("button", name="Dumbbell")
    expect(dumbbell).to_have_attribute("aria-pressed", "false")
    page.evaluate("window.__notReloaded = true")
    dumbbell.click()
    expect(page.get_by_role("button", name="Dumbbell")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__notReloaded") is True  # swapped by HTMX, no page load
    page.get_by_role("button", name="Barbell", exact=True).click()
    expect(page.get_by_role("button", name="Barbell", exact=True)).to_have_attribute("aria-pressed", "true")
    screenshot("03-equipment")
    page.get_by_role("link", name="Done").click()

    expect(page.get_by_text("pounds (lb)")).to_be_visible()
    screenshot("04-home")
    user = User.objects.get(email="ana@example.com")
    assert user.unit_system == "imperial"
    with rls_user(user.pk):
        owned = set(UserEquipment.objects.filter(user=user, deleted_at__isnull=True)
                    .values_list("equipment__name", flat=True))
    assert owned == {"Dumbbell", "Barbell"}

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Email").fill("ana@example.com")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Email or password is incorrect.")).to_be_visible()
    screenshot("05-login-error")
    page.get_by_label("Password").fill("squat-bench-deadlift-42")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("pounds (lb)")).to_be_visible()
    page.get_by_role("navigation").get_by_role("link", name="Equipment").click()
    expect(page.get_by_role("button", name="Dumbbell")).to_have_attribute("aria-pressed", "true")
    screenshot("06-equipment-page")
    assert page.console_errors == []
