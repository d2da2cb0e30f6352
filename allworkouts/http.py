"""Small helpers every app's views share: reading untrusted request values, redirects
that also work for HTMX requests, and service errors as field -> message."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect


def parse_uuid(value) -> uuid.UUID | None:
    """The UUID in a request value, or None for anything else (missing, garbage)."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def parse_int(value) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def safe_next(request, value) -> str:
    """`value` when it is a path on this site ("/sessions/"), else "". Anything else
    ("foo", "//evil.example", "https://evil.example", "/\\evil") is ignored: a bare word
    would be taken for a URL pattern name by redirect() (a 500), the rest leave the site."""
    value = str(value or "")
    if not value.startswith("/") or value.startswith(("//", "/\\")):
        return ""
    if not url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        return ""
    return value


def redirect_htmx(request, url: str):
    """A redirect that also works for HTMX requests, which would otherwise swap the
    redirected-to page into their target."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def error_messages(exc: ValidationError, *, default_field: str = "form") -> dict[str, str]:
    """A service's ValidationError as {field: message}; errors without a field go
    under `default_field`."""
    if hasattr(exc, "error_dict"):
        return {field: " ".join(messages) for field, messages in exc.message_dict.items()}
    return {default_field: " ".join(exc.messages)}
