"""The workout page's rows written by template tags (allworkouts.templatetags.units):
the links they fill in are the URLs Django reverses, every form can be posted without
JS (its CSRF field), and what the lifter typed comes back escaped."""

import re
import uuid

import pytest
from django.urls import reverse, set_script_prefix

from allworkouts.db import rls_user
from allworkouts.templatetags.units import uuid_url_of
from tests.sessions.test_workout_screen import BENCH, ROW, plan_items, plan_with, post_set
from tests.sessions.test_sessions import start

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name,count", [("sessions:set_log", 1), ("sessions:swap", 2), ("sessions:set_edit", 2),
                                        ("exercise_detail", 1), ("sessions:exercise_move", 2)])
def test_uuid_url_is_the_reversed_url_under_any_script_prefix(name, count):
    args = [uuid.uuid4() for _ in range(count)]
    assert uuid_url_of(name, *args) == reverse(name, args=args)
    set_script_prefix("/app/")
    try:
        assert uuid_url_of(name, *args) == reverse(name, args=args)
        assert uuid_url_of(name, *args).startswith("/app/")
    finally:
        set_script_prefix("/")


def test_every_form_of_the_page_posts_with_the_csrf_field_and_rows_name_their_exercise(user_client, user):
    plan = plan_with(user, (BENCH, 2, "A"), (ROW, 2, "A"))
    bench, row = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    post_set(user_client, session, bench, 60, 8, 1, notes="felt <heavy>")
    html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    forms = re.findall(r"<form\b.*?</form>", html, re.S)
    assert len(forms) > 3 and all('name="csrfmiddlewaretoken"' in f for f in forms)
    set_log = reverse("sessions:set_log", args=[session.pk])
    rows = [f for f in forms if f'hx-post="{set_log}"' in f]
    assert len(rows) == 3  # bench 2, row 1, row 2
    assert f"Weight (kg) for set 1, {ROW}" in html and 'aria-label="Reps set 2"' in html
    # The logged set: its note escaped, its edit link the reversed one.
    with rls_user(user.pk):
        logged = session.sets.get()
    assert "“felt &lt;heavy&gt;”" in html and "<heavy>" not in html
    assert f'href="{reverse("sessions:set_edit", args=[session.pk, logged.pk])}">Edit</a>' in html


def test_a_refused_row_gives_back_what_was_typed_escaped(user_client, user):
    plan = plan_with(user, (BENCH, 1, None))
    (bench,) = plan_items(user, plan)
    with rls_user(user.pk):
        session = start(user_client, plan)
    response = post_set(user_client, session, bench, '60"><b>', 8, 1)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="60&quot;&gt;&lt;b&gt;"' in html and "<b>" not in html
    assert 'role="alert"' in html
