"""Log-in limits nobody else can trigger, password reset by email, registration probes,
and password views that keep passwords out of error reports."""

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from allworkouts import ratelimit, views
from tests.factories import PASSWORD, UserFactory

LOGIN = "/login/"


def _login(client, email, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"email": email, "password": password}, REMOTE_ADDR=ip)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_a_stranger_elsewhere_cannot_lock_the_owner_out(user, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 3
    attacker = Client()
    for _ in range(10):
        _login(attacker, user.email, "guess", ip="203.0.113.9")
    owner = Client()
    response = _login(owner, user.email, PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302 and _logged_in(owner)


@pytest.mark.django_db
def test_past_the_limit_attempts_slow_down_and_then_go_through(user, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 3
    client = Client()
    for _ in range(3):
        assert _login(client, user.email, "guess").status_code == 200
    refused = _login(client, user.email, PASSWORD)
    assert refused.status_code == 429
    assert re.search(r"Try again in \d+ seconds", refused.content.decode())
    assert not _logged_in(client)
    # Slowed down, not locked: once the wait (2 s for the first one over) has passed,
    # the right password gets in.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE login_throttle SET window_started_at = window_started_at - interval '3 seconds'")
    assert _login(client, user.email, PASSWORD).status_code == 302 and _logged_in(client)


@pytest.mark.django_db
def test_a_known_device_gets_in_with_the_right_password_whatever_strangers_did(user, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 2
    settings.LOGIN_FAILURES_PER_IP = 2
    owner = Client()
    assert _login(owner, user.email, PASSWORD).status_code == 302
    assert ratelimit.DEVICE_COOKIE in owner.cookies
    owner.post("/logout/")
    # A stranger behind the same address (a shared NAT) uses up both limits.
    stranger = Client()
    for _ in range(5):
        _login(stranger, user.email, "guess")
    assert _login(stranger, user.email, PASSWORD).status_code == 429
    response = _login(owner, user.email, PASSWORD)
    assert response.status_code == 302 and _logged_in(owner)


@pytest.mark.django_db
def test_a_device_cookie_of_another_account_or_forged_is_no_pass(user, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 1
    settings.LOGIN_FAILURES_PER_IP = 1
    other = UserFactory()
    client = Client()
    assert _login(client, other.email, PASSWORD).status_code == 302  # a cookie for `other`
    client.post("/logout/")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM login_throttle")
    assert _login(client, user.email, "guess").status_code == 200
    assert _login(client, user.email, PASSWORD).status_code == 429
    client.cookies[ratelimit.DEVICE_COOKIE] = "forged:value"
    assert _login(client, user.email, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_a_correct_password_gives_the_address_its_attempt_back(user, settings):
    settings.LOGIN_FAILURES_PER_IP = 2
    for _ in range(5):
        client = Client()
        assert _login(client, user.email, PASSWORD).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_concurrent_guesses_get_exactly_the_limit_of_password_checks(user, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5
    statuses, lock = [], threading.Lock()
    barrier = threading.Barrier(30)

    def guess():
        try:
            client = Client()
            barrier.wait()
            status = _login(client, user.email, "guess", ip="192.0.2.1").status_code
            with lock:
                statuses.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess) for _ in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [200] * 5 + [429] * 25  # 200: checked and wrong


@pytest.mark.django_db
def test_registration_probes_from_one_address_slow_down(user, settings):
    settings.LOGIN_FAILURES_PER_IP = 3
    client = Client()
    data = {"email": user.email, "password1": "squat-bench-deadlift-42", "password2": "squat-bench-deadlift-42"}
    for _ in range(3):
        assert client.post("/register/", data, REMOTE_ADDR="10.9.9.9").status_code == 200
    assert client.post("/register/", data, REMOTE_ADDR="10.9.9.9").status_code == 429


@pytest.mark.django_db
def test_password_reset_by_email(user):
    client = Client()
    assert "Forgot your password?" in client.get(LOGIN).content.decode()
    response = client.post("/password-reset/", {"email": user.email.upper()})
    assert (response.status_code, response.url) == (302, "/password-reset/sent/")
    [message] = mail.outbox
    assert message.to == [user.email]
    link = re.search(r"http://testserver(/password-reset/\S+/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    new = "kettlebell-swing-77"
    response = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert (response.status_code, response.url) == (302, "/password-reset/done/")
    assert _login(Client(), user.email, new).status_code == 302
    assert _login(Client(), user.email, PASSWORD).status_code == 200  # the old one no longer works
    # The link works once.
    assert "This link doesn't work any more" in client.get(link, follow=True).content.decode()


@pytest.mark.django_db
def test_password_reset_answers_the_same_for_an_unknown_email(user):
    response = Client().post("/password-reset/", {"email": "nobody@example.com"})
    assert (response.status_code, response.url) == (302, "/password-reset/sent/")
    assert mail.outbox == []


@pytest.mark.parametrize(("view", "fields"), [
    (views.login_view, {"password"}),
    (views.register, {"password1", "password2"}),
    (views.profile_password, {"old_password", "new_password1", "new_password2"}),
])
def test_password_views_hide_their_passwords_from_error_reports(view, fields, rf):
    from django.views.debug import SafeExceptionReporterFilter

    request = rf.post("/", {**{f: "secret-value" for f in fields}, "email": "a@example.com"})
    request.user = None
    try:
        view(request)
    except Exception:  # noqa: BLE001 - only the marking the decorator leaves matters here
        pass
    assert set(request.sensitive_post_parameters) == fields
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert all(cleaned[f] != "secret-value" for f in fields) and cleaned["email"] == "a@example.com"


@pytest.mark.django_db
def test_reset_emails_from_one_address_slow_down(user, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = 2
    client = Client()
    for _ in range(2):
        assert client.post("/password-reset/", {"email": user.email}, REMOTE_ADDR="10.7.7.7").status_code == 302
    response = client.post("/password-reset/", {"email": user.email}, REMOTE_ADDR="10.7.7.7")
    assert response.status_code == 429 and "Try again in" in response.content.decode()
    assert len(mail.outbox) == 2
