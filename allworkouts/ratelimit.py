"""Login rate limiting, shared by every worker through PostgreSQL (login_throttle).

Nobody can lock someone else out:
- Attempts are limited per (account, address) and per address, never per account
  alone, so a stranger guessing an email's password elsewhere does not touch its owner.
- Past a limit the attempts slow down instead of stopping: the n-th attempt over the
  limit waits 2^n seconds from the window's start (so ~10 more per 15-minute window).
- A device the owner logged in from before carries a signed cookie (DEVICE_COOKIE); its
  attempts count on the device's own key only, so a correct password from it gets
  through whatever strangers at the same address did.

Counting happens *before* the password is checked, in one conditional upsert per key:
the row lock serialises concurrent attempts, so 30 guesses at once get exactly the
limit's checks, not more. A correct password hands its attempt back."""

from __future__ import annotations

import hashlib
import math
import secrets

from django.conf import settings
from django.core import signing
from django.db import connection

PRUNE_BATCH = 100
DEVICE_COOKIE = "aw_device"
DEVICE_SALT = "allworkouts.ratelimit.device"
DEVICE_MAX_AGE = 365 * 24 * 60 * 60


def _digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:40]


def known_device(request, email: str) -> str | None:
    """The device id of a valid device cookie issued for this account, else None."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        data = signing.loads(value, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("e") != _digest(email) or not isinstance(data.get("d"), str):
        return None
    return data["d"][:40]


def remember_device(response, *, email: str, device: str | None) -> None:
    """After a correct password: a signed cookie marking this browser as the owner's."""
    value = signing.dumps({"e": _digest(email), "d": device or secrets.token_hex(16)}, salt=DEVICE_SALT)
    response.set_cookie(DEVICE_COOKIE, value, max_age=DEVICE_MAX_AGE, httponly=True,
                        secure=settings.SESSION_COOKIE_SECURE, samesite="Lax")


def keys(*, email: str, ip: str, device: str | None) -> list[tuple[str, int]]:
    """The counters an attempt uses, with their limits, checked in this order."""
    if device:
        return [(f"device:{device}", settings.LOGIN_FAILURES_PER_DEVICE)]
    return [
        (f"ip:{ip}"[:100], settings.LOGIN_FAILURES_PER_IP),
        (f"acct:{_digest(email)}:{ip}"[:100], settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS),
    ]


_ATTEMPT_SQL = """
INSERT INTO login_throttle AS t (key, window_started_at, failures) VALUES (%(key)s, now(), 1)
ON CONFLICT (key) DO UPDATE SET
  failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => %(window)s) THEN 1
                  ELSE t.failures + 1 END,
  window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => %(window)s) THEN now()
                           ELSE t.window_started_at END
WHERE t.window_started_at <= now() - make_interval(secs => %(window)s)
   OR t.failures < %(limit)s
   OR t.window_started_at + make_interval(secs => least(power(2, t.failures - %(limit)s + 1), %(window)s)) <= now()
RETURNING failures
"""

_WAIT_SQL = """
SELECT extract(epoch FROM least(
         window_started_at + make_interval(secs => least(power(2, failures - %(limit)s + 1), %(window)s)),
         window_started_at + make_interval(secs => %(window)s)) - now())
FROM login_throttle WHERE key = %(key)s
"""


def login_attempt(attempt_keys: list[tuple[str, int]]) -> int | None:
    """Count one attempt on every key, before the password is checked. None when it may
    go ahead; else the seconds to wait (the attempt is refused, and counted on the keys
    before the one that refused it)."""
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    with connection.cursor() as cursor:
        for key, limit in attempt_keys:
            params = {"key": key, "limit": limit, "window": window}
            cursor.execute(_ATTEMPT_SQL, params)
            if cursor.fetchone() is None:
                cursor.execute(_WAIT_SQL, params)
                row = cursor.fetchone()
                return max(1, math.ceil(row[0])) if row else 1
    return None


def login_failed() -> None:
    """After a wrong password (already counted): clear up to PRUNE_BATCH expired rows,
    more than the few an attempt adds, so the table stays about one window's size with
    no cron. SKIP LOCKED: rows another worker holds are left for later, so two failures
    at once never wait on (or deadlock with) each other here."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            DELETE FROM login_throttle WHERE key IN (
              SELECT key FROM login_throttle
              WHERE window_started_at <= now() - make_interval(secs => %s)
              LIMIT %s FOR UPDATE SKIP LOCKED)
            """,
            [settings.LOGIN_FAILURE_WINDOW_SECONDS, PRUNE_BATCH],
        )


def login_succeeded(attempt_keys: list[tuple[str, int]]) -> None:
    """A correct password: the account's (or device's) count starts again; the address
    gets its attempt back (other accounts' failures from it still count)."""
    with connection.cursor() as cursor:
        for key, _ in attempt_keys:
            if key.startswith("ip:"):
                cursor.execute("UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = %s",
                               [key])
            else:
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
