"""Register, log in and out, onboarding, profile."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from allworkouts.views import LOGIN_FAILED
from tests.factories import UserFactory, user_data

pytestmark = pytest.mark.django_db
User = get_user_model()
STRONG = "squat-bench-deadlift-42"


def register(client, email="new@example.com", password=STRONG, password2=None):
    return client.post(reverse("register"), {
        "email": email, "password1": password, "password2": password if password2 is None else password2,
    })


def test_register_logs_in_and_starts_onboarding(client):
    response = register(client, email="  New@Example.com ")
    assert response.status_code == 302 and response["Location"] == reverse("onboarding_units")
    user = User.objects.get()
    assert user.email == "new@example.com"
    assert user.password.startswith("argon2$")
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"password": "short"}, "This password is too short."),
        ({"password": "password123"}, "This password is too common."),
        ({"password2": "something-else-entirely"}, "The two passwords don"),
        ({"email": ""}, "This field is required."),
    ],
)
def test_register_rejects_bad_input_with_a_message(client, kwargs, message):
    response = register(client, **kwargs)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_register_refuses_a_taken_email_whatever_its_case(client, user):
    response = register(client, email=user.email.upper())
    assert "An account with this email already exists." in response.content.decode()
    assert User.objects.count() == 1


def test_log_in_and_out(client, user, password):
    response = client.post(reverse("login"), {"email": user.email.upper(), "password": password})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("logout")).status_code == 405  # logging out is a POST
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))


def test_login_follows_only_local_next_urls(client, user, password):
    response = client.post(reverse("login"), {"email": user.email, "password": password, "next": "/profile/"})
    assert response["Location"] == "/profile/"
    client.post(reverse("logout"))
    response = client.post(reverse("login"), {"email": user.email, "password": password, "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_wrong_email_and_wrong_password_read_the_same(client, user):
    wrong_password = client.post(reverse("login"), {"email": user.email, "password": "nope"})
    wrong_email = client.post(reverse("login"), {"email": "nobody@example.com", "password": "nope"})
    assert wrong_password.status_code == wrong_email.status_code == 200
    assert LOGIN_FAILED in wrong_password.content.decode()
    assert LOGIN_FAILED in wrong_email.content.decode()


# The login limits themselves: tests/allworkouts/test_login_limits.py.


def test_failed_logins_clear_expired_counts(client, user, settings):
    from django.db import connection

    from allworkouts.ratelimit import PRUNE_BATCH

    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO login_throttle (key, window_started_at, failures) "
                       "SELECT 'ip:old-' || n, now() - interval '1 day', 3 FROM generate_series(1, %s) n",
                       [PRUNE_BATCH + 20])
    client.post(reverse("login"), {"email": user.email, "password": "bad"}, REMOTE_ADDR="10.3.3.3")
    client.post(reverse("login"), {"email": user.email, "password": "bad"}, REMOTE_ADDR="10.3.3.3")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FILTER (WHERE key LIKE 'ip:old-%%'), "
                       "max(failures) FILTER (WHERE key = 'ip:10.3.3.3') FROM login_throttle")
        assert cursor.fetchone() == (0, 2)  # 120 expired rows gone in two failures; live counts kept


def test_admin_login_goes_through_the_rate_limited_form(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=%2Fadmin%2F"


def test_pages_need_login(client):
    for name in ("home", "profile", "onboarding_units", "equipment:list"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), name


def test_onboarding_sets_units_then_asks_for_equipment(user_client, user):
    response = user_client.post(reverse("onboarding_units"), {"unit_system": "imperial"})
    assert response["Location"] == reverse("equipment:onboarding")
    user.refresh_from_db()
    assert user.unit_system == "imperial"
    page = user_client.get(reverse("equipment:onboarding")).content.decode()
    assert "What do you train with?" in page and "Dumbbell" in page


def test_onboarding_rejects_an_unknown_unit(user_client, user):
    response = user_client.post(reverse("onboarding_units"), {"unit_system": "stones"})
    assert "Select a valid choice" in response.content.decode()
    user.refresh_from_db()
    assert user.unit_system == "metric"


def test_profile_changes_units(user_client, user):
    response = user_client.post(reverse("profile_units"), {"unit_system": "imperial"}, follow=True)
    assert "Units set to Imperial (lb)." in response.content.decode()
    user.refresh_from_db()
    assert user.unit_system == "imperial"
    assert user_client.post(reverse("profile_units"), {"unit_system": ""}).status_code == 400


def test_profile_changes_password_and_keeps_the_session(user_client, user, password):
    response = user_client.post(reverse("profile_password"), {
        "old_password": password, "new_password1": "a-much-better-pass-77", "new_password2": "a-much-better-pass-77",
    })
    assert response.status_code == 302
    assert user_client.get(reverse("profile")).status_code == 200
    user.refresh_from_db()
    assert user.check_password("a-much-better-pass-77")


def test_profile_password_change_needs_the_old_password(user_client, user, password):
    response = user_client.post(reverse("profile_password"), {
        "old_password": "wrong", "new_password1": "a-much-better-pass-77", "new_password2": "a-much-better-pass-77",
    })
    assert response.status_code == 400
    assert "Your old password was entered incorrectly" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(password)


def test_delete_account_needs_the_email_typed(user_client, user):
    response = user_client.post(reverse("profile_delete"), {"confirm_email": "someone@else.com"})
    assert response.status_code == 400
    assert "Type your email address exactly to confirm." in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_account_removes_all_its_data_and_nobody_elses(user_client, user, other_user):
    from django.db import connection

    user_data(user)
    user_data(other_user, exercise_name="Barbell Deadlift")
    response = user_client.post(reverse("profile_delete"), {"confirm_email": user.email.upper()})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    tables = ["workout_plan", "workout_exercise", "workout_import_log", "workout_session",
              "exercise_session", "personal_record", "user_equipment"]
    from allworkouts.db import rls_user

    with rls_user(other_user.pk), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {table}")
            assert cursor.fetchone()[0] == 1, table
    # The deleted user's session is gone: the next page asks for a login.
    assert user_client.get(reverse("home")).status_code == 302


def test_csrf_is_enforced_on_posts_including_htmx(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(reverse("profile_units"), {"unit_system": "imperial"}).status_code == 403
    page = client.get(reverse("profile"))
    token = page.context["csrf_token"]
    assert f'"X-CSRFToken": "{token}"' in page.content.decode()  # hx-headers on <body>
    response = client.post(reverse("profile_units"), {"unit_system": "imperial"},
                           headers={"X-CSRFToken": str(token), "HX-Request": "true"})
    assert response.status_code == 302


def test_a_registration_racing_another_for_the_same_email_gets_a_message(user, monkeypatch):
    """The existence check passed, then the other request's row won the unique index."""
    from django.core.exceptions import ValidationError

    from allworkouts import services

    monkeypatch.setattr(User.objects, "filter", lambda **kw: User.objects.none())
    with pytest.raises(ValidationError) as caught:
        services.user_register(email=user.email, password=STRONG)
    assert caught.value.message_dict["email"] == ["An account with this email already exists."]
