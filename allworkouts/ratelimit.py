"""Login rate limiting, shared by every worker through PostgreSQL.

Only failures count. An account (by email, known or not, so the limit says nothing
about which emails exist) and an IP address each get a number of failures per window;
past it, log-in is refused without checking the password."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import connection

PRUNE_BATCH = 100


def _keys(*, email: str, ip: str) -> list[tuple[str, int]]:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:40]
    return [
        (f"email:{digest}", settings.LOGIN_FAILURES_PER_ACCOUNT),
        (f"ip:{ip}"[:100], settings.LOGIN_FAILURES_PER_IP),
    ]


def login_blocked(*, email: str, ip: str) -> bool:
    """True when the account or the address has used up its failures for the window."""
    keys = _keys(email=email, ip=ip)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT key, failures FROM login_throttle
            WHERE key = ANY(%s)
              AND window_started_at > now() - make_interval(secs => %s)
            """,
            [[key for key, _ in keys], settings.LOGIN_FAILURE_WINDOW_SECONDS],
        )
        failures = dict(cursor.fetchall())
    return any(failures.get(key, 0) >= limit for key, limit in keys)


def login_failed(*, email: str, ip: str) -> None:
    """Count one failure for the account and the address, atomically (one upsert each,
    so concurrent workers never lose a count); an expired window starts again at 1."""
    with connection.cursor() as cursor:
        for key, _ in _keys(email=email, ip=ip):
            cursor.execute(
                """
                INSERT INTO login_throttle (key, window_started_at, failures)
                VALUES (%s, now(), 1)
                ON CONFLICT (key) DO UPDATE SET
                  failures = CASE
                    WHEN login_throttle.window_started_at <= now() - make_interval(secs => %s) THEN 1
                    ELSE login_throttle.failures + 1 END,
                  window_started_at = CASE
                    WHEN login_throttle.window_started_at <= now() - make_interval(secs => %s) THEN now()
                    ELSE login_throttle.window_started_at END
                """,
                [key, settings.LOGIN_FAILURE_WINDOW_SECONDS, settings.LOGIN_FAILURE_WINDOW_SECONDS],
            )
        # Each failure clears up to PRUNE_BATCH expired rows: more than the two it may
        # add, so the table stays about as large as one window's failures, with no cron.
        # SKIP LOCKED: rows another worker is touching are left for later, so two
        # failures at once never wait on (or deadlock with) each other here.
        cursor.execute(
            """
            DELETE FROM login_throttle WHERE key IN (
              SELECT key FROM login_throttle
              WHERE window_started_at <= now() - make_interval(secs => %s)
              LIMIT %s FOR UPDATE SKIP LOCKED)
            """,
            [settings.LOGIN_FAILURE_WINDOW_SECONDS, PRUNE_BATCH],
        )


def login_succeeded(*, email: str) -> None:
    """A correct password clears the account's count (the address's count stays)."""
    key, _ = _keys(email=email, ip="")[0]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM login_throttle WHERE key = %s", [key])


def client_ip(request) -> str:
    """The client's address. Behind a load balancer (DJANGO_BEHIND_PROXY) every request
    comes from the balancer, so the address it appended to X-Forwarded-For is used: the
    last entry, the only one a client cannot forge."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"
