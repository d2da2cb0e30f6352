"""The phone's time zone reaches the account on the first page after logging in."""

import time

import pytest

from allworkouts.models import User
from tests.browser.conftest import log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_first_visit_sets_the_phones_time_zone(browser, live_server):
    user = UserFactory()
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url,
                                  timezone_id="Asia/Tokyo")
    page = context.new_page()
    try:
        log_in(page, user)
        page.wait_for_load_state("networkidle")
        for _ in range(50):
            if User.objects.get(pk=user.pk).time_zone:
                break
            time.sleep(0.1)
        assert User.objects.get(pk=user.pk).time_zone == "Asia/Tokyo"
        page.goto("/profile/")
        assert page.get_by_label("Time zone").input_value() == "Asia/Tokyo"
    finally:
        context.close()
