"""A fuzz of every form and endpoint: each URL pattern (the admin has its own fuzz,
test_fuzz_admin.py) with the user's own ids, another user's ids and random ids, GET
with every known field in the query and POST with every known field in the body, each
field set to an empty, huge, negative, NaN, infinite, unicode, NUL, markup or
malformed-id value; and every POST again without a CSRF token. No answer may be a 5xx.

The suite runs a reduced set of values; FUZZ_FULL=1 runs them all and prints the counts:
    FUZZ_FULL=1 DJANGO_TEST_DATABASE=test_fuzz bin/test tests/allworkouts/test_fuzz.py -s"""

from __future__ import annotations

import os
import re
import uuid
from collections import Counter
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from allworkouts.db import rls_user
from equipment.models import Equipment
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions import services as session_services
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db

FULL = os.environ.get("FUZZ_FULL") == "1"
VALUES = [
    "", "x" * (60_000 if FULL else 5_000), "-1", "NaN", "1e309", "a\x00b", "<script>alert(1)</script>", "not-a-uuid",
] + ([
    "-99999999999999999999", "Infinity", "-Infinity", "1e26", "9" * 27, "0", "💪 ünïcødé ᚠ 中文",
    "' OR 1=1 --", "00000000-0000-0000-0000-000000000000", "2026-02-30", "../../etc/passwd", "%00", " ",
] if FULL else [])
# Fields no page shows but views read (hidden by HTMX, query strings).
BASE_FIELDS = {"id", "next", "page", "q", "plan", "exercise", "weight", "reps", "number", "date_from", "date_to",
               "direction", "substitute", "email", "password", "text", "name", "token", "confirm_email"}
SKIP_NAMES = {"csrfmiddlewaretoken"}
RELOGIN_AFTER = ("logout/", "profile/delete/")


def _patterns(patterns=None, prefix=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("admin/"):
                continue  # the admin has its own fuzz: test_fuzz_admin.py
            yield from _patterns(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern)


def _world(user):
    """One of everything the URLs name, owned by `user`."""
    squat = exercise_named("Barbell Squat")
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="Fuzz", exercises=[
            ExerciseSpec(exercise=squat, sets=3, reps_min=5, reps_max=5, rest_time_seconds=60)])
        session = session_services.session_start(user=user, plan=plan)
        logged, _, _ = session_services.set_log(session=session, set_id=uuid.uuid4(), exercise=squat,
                                                weight_kg=Decimal(100), reps=5)
        plan_exercise = plan.exercises.first()
    return {"plan_id": plan.pk, "plan_exercise_id": plan_exercise.pk, "session_id": session.pk,
            "set_id": logged.pk, "exercise_id": squat.pk, "equipment_id": Equipment.objects.first().pk,
            "import_id": uuid.uuid4(), "uidb64": "MQ", "token": "set-password"}


def _url(pattern: str, ids: dict) -> str:
    def fill(match):
        name = match.group(2)
        return str(ids.get(name, uuid.uuid4()))

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, pattern)


def _body(response) -> str:
    """The whole answer (a streamed one too: an error while streaming must show here)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def _random_ids(ids: dict) -> dict:
    return {k: (uuid.uuid4() if isinstance(v, uuid.UUID) else v) for k, v in ids.items()}


def test_no_form_or_endpoint_answers_a_5xx(user, other_user):
    mine, theirs = _world(user), _world(other_user)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    patterns = list(_patterns())
    assert len(patterns) > 40  # every app's URLs are in the sweep

    # Every field name any page shows, plus those only views read.
    fields = set(BASE_FIELDS)
    for pattern in patterns:
        response = client.get(_url(pattern, mine))
        fields |= set(re.findall(r'name="([\w-]+)"', _body(response)))
        if pattern.startswith(RELOGIN_AFTER):
            client.force_login(user)
    fields -= SKIP_NAMES

    statuses, failures = Counter(), []

    def hit(method, url, data, htmx=False):
        try:
            response = getattr(client, method)(url, data, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
            status = response.status_code
            _body(response)
        except Exception as exc:  # noqa: BLE001 - a failure while streaming the answer
            status = f"raised {type(exc).__name__}"
        statuses[status] += 1
        if not isinstance(status, int) or status >= 500:
            failures.append((method, url, repr(next(iter(data.values()), ""))[:40], status))
        if url.lstrip("/").startswith(RELOGIN_AFTER):
            client.force_login(user)

    for pattern in patterns:
        variants = [(mine, VALUES), (theirs, VALUES[:1 + FULL]), (_random_ids(mine), VALUES[:1 + FULL])]
        for ids, values in variants:
            url = _url(pattern, ids)
            for i, value in enumerate(values):
                data = dict.fromkeys(fields, value)
                hit("get", url, data)
                hit("post", url, data, htmx=bool(i % 2))

    # Missing CSRF token: refused, never served.
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    strict.force_login(user)
    csrf = Counter()
    for pattern in patterns:
        response = strict.post(_url(pattern, mine), dict.fromkeys(fields, "1"))
        csrf[response.status_code] += 1
        if response.status_code != 403:
            failures.append(("post without CSRF", pattern, "", response.status_code))

    print(f"\nfuzz: {len(patterns)} URL patterns, {len(fields)} fields, {len(VALUES)} values, "
          f"{sum(statuses.values())} requests: {dict(sorted(statuses.items(), key=str))}; "
          f"{sum(csrf.values())} POSTs without CSRF: {dict(csrf)}; 5xx: {len(failures)}")
    assert failures == []
