"""Playwright driving Debian's chromium (never a downloaded browser) at a phone
viewport, against the live test server."""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# page.evaluate(SMALL, selector): the visible tap targets it selects that are under the
# issue's 44 x 44 px, as [label, width, height]; [] when every one is big enough.
SMALL = """(sel) => [...document.querySelectorAll(sel)]
    .filter(e => e.offsetParent !== null)
    .map(e => { const r = e.getBoundingClientRect();
                return [(e.getAttribute('aria-label') || e.textContent.trim()).slice(0, 40),
                        Math.round(r.width), Math.round(r.height)] })
    .filter(([, w, h]) => w < 44 || h < 44)"""

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Browser tests need Debian's chromium: apt-get install chromium (or set CHROMIUM_PATH).")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread while the browser
    # is open; the ORM calls tests make between browser steps (and the database flush
    # after them) are still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def phone(browser, live_server):
    """A fresh phone-sized page (iPhone 12-ish) on the live server."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def screenshot(phone):
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> None:
        phone.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take


def log_in(page, user) -> None:
    """Log in through the real form (the factories' password)."""
    from tests.factories import PASSWORD

    page.goto("/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def register(page, email: str) -> None:
    """A new lifter through the real sign-up: account, then units (the defaults)."""
    page.goto("/register/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill("squat-bench-deadlift-42")
    page.get_by_label("Password again").fill("squat-bench-deadlift-42")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("button", name="Next: your equipment").click()
