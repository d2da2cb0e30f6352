"""The tab bar every signed-in page shows (allworkouts.context_processors.base)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_tab_bar_links_every_tab_and_marks_the_current_one(user_client):
    html = user_client.get("/plans/").content.decode()
    bar = re.search(r'<nav class="tabbar".*?</nav>', html, re.S)[0]
    assert re.findall(r">(\w+)</a>", bar) == ["Home", "Plans", "History", "Records", "Equipment", "Profile"]
    assert re.findall(r'<a href="([^"]+)" class="tab active" aria-current="page">', bar) == ["/plans/"]


def test_signed_out_pages_have_no_tab_bar(client):
    assert 'class="tabbar"' not in client.get("/login/").content.decode()


def test_a_workout_in_progress_is_home_s_and_a_finished_one_history_s(user_client, user):
    from allworkouts.db import rls_user
    from tests.sessions.test_sessions import finished, make_plan, start
    from tests.factories import exercise_named

    plan = make_plan(user, names=("Barbell Squat",))
    done = finished(user_client, user, plan, (exercise_named("Barbell Squat"), 100, 5))
    with rls_user(user.pk):
        live = start(user_client, plan)

    def active(url):
        bar = re.search(r'<nav class="tabbar".*?</nav>', user_client.get(url).content.decode(), re.S)[0]
        return re.findall(r'class="tab active" aria-current="page">(\w+)</a>', bar)

    assert active(f"/sessions/{live.pk}/workout/") == ["Home"]
    assert active(f"/sessions/{done.pk}/") == ["History"]
    assert active("/sessions/") == ["History"]
