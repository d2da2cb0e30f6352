"""The history pager's links reach the next page, filters kept."""

import re

import pytest

from allworkouts.db import rls_user
from sessions import services
from tests.sessions.test_sessions import make_plan

pytestmark = pytest.mark.django_db


def test_older_and_newer_links_move_through_history_keeping_the_filter(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        for _ in range(21):  # a page holds 20
            services.session_complete(session=services.session_start(user=user, plan=plan))
    html = user_client.get("/sessions/?status=completed").content.decode()
    older = re.search(r'<a class="btn" href="([^"]+)">Older</a>', html)[1].replace("&amp;", "&")
    assert older.startswith("?") and not older.startswith("??")
    assert "status=completed" in older and "page=2" in older
    page2 = user_client.get("/sessions/" + older).content.decode()
    assert "Page 2 of 2" in page2
    newer = re.search(r'<a class="btn" href="([^"]+)">Newer</a>', page2)[1].replace("&amp;", "&")
    assert "Page 1 of 2" in user_client.get("/sessions/" + newer).content.decode()
