"""The 500 handler, which tells a database that is down or restarting apart from a bug.

A lost or refused database connection (or a statement cancelled by the statement
timeout) is not the user's fault nor a bug to show as "something went wrong": it
answers 503 with "we'll be right back" (HTMX requests: one short line for the toast),
and a Retry-After. The request's transaction was rolled back by then, so nothing is
half-saved. The page is rendered without the request context: its context processors
would query the database that just failed."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30
HTMX_MESSAGE = "We'll be right back: the database is restarting. Nothing was saved; try again in a minute."


def database_unavailable(exc: BaseException | None) -> bool:
    """Whether `exc`, or what caused it, is the database being unreachable."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def unavailable_response(request) -> HttpResponse:
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(HTMX_MESSAGE, status=503, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    if database_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return django_server_error(request, template_name=template_name)
