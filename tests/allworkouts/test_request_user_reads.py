"""What every logged-in request reads first, its session and its user, read with plain
queries (allworkouts.session_store, UserManager.get): the same answers as Django's."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from allworkouts.models import User
from allworkouts.session_store import SessionStore

pytestmark = pytest.mark.django_db


def _fields(user: User) -> dict:
    return {f.attname: getattr(user, f.attname) for f in User._meta.concrete_fields}


def test_a_user_by_id_is_the_user_the_orm_reads_in_one_query(user):
    user.time_zone, user.plates_kg, user.bar_weight_kg = "Europe/Lisbon", [Decimal("20"), Decimal("1.25")], 15
    user.save()
    with CaptureQueriesContext(connection) as queries:
        fast = User.objects.get(pk=user.pk)
    orm = User.objects.filter(pk=user.pk).get()  # a QuerySet's get: the ORM's own
    assert len(queries) == 1 and "WHERE \"id\" = " in queries[0]["sql"]
    assert _fields(fast) == _fields(orm) and fast.plates_kg == [Decimal("20.00"), Decimal("1.25")]
    assert fast == orm and fast._state.adding is False and fast._state.db == "default"
    assert fast.check_password("password") == orm.check_password("password")
    assert fast.get_session_auth_hash() == orm.get_session_auth_hash()
    assert User.objects.get(pk=str(user.pk)) == orm  # the id as the session keeps it: text


def test_a_missing_or_malformed_id_fails_as_the_orm_fails(user):
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=uuid.uuid4())
    with pytest.raises(ValidationError):
        User.objects.get(pk="not-an-id")
    # Other lookups are the ORM's.
    assert User.objects.get(email=user.email) == user
    assert User.objects.get(pk=user.pk, is_active=True) == user


def _stored(data: dict, *, expires_in: timedelta) -> str:
    """A session written by Django's own database store."""
    store = DjangoSessionStore()
    store.update(data)
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_the_session_store_reads_what_django_s_writes_and_nothing_expired():
    key = _stored({"_auth_user_id": "abc", "n": 3}, expires_in=timedelta(days=1))
    store = SessionStore(key)
    assert dict(store.items()) == dict(DjangoSessionStore(key).items()) == {"_auth_user_id": "abc", "n": 3}
    assert store.session_key == key
    expired = SessionStore(_stored({"n": 1}, expires_in=timedelta(seconds=-1)))
    assert dict(expired.items()) == {} and expired.session_key is None  # a new one is made if written
    unknown = SessionStore("x" * 32)
    assert dict(unknown.items()) == {} and unknown.session_key is None


def test_a_logged_out_session_no_longer_logs_anyone_in(client, user):
    client.force_login(user)
    assert client.get("/").status_code == 200
    cookie = client.cookies["sessionid"].value
    client.post("/logout/")
    assert not Session.objects.filter(session_key=cookie).exists()
    client.cookies["sessionid"] = cookie  # the old cookie, replayed
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response.url
