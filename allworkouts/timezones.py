"""The lifter's time zone: every date and "today" in the user's own day.

The browser says which zone it is in (Intl API, sent once by static/js/app.js when the
account has none yet); the profile can change it. A middleware activates it for each
request, so templates, `timezone.localdate()` and the progress queries all use it.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from allworkouts import services
from allworkouts.forms import TimeZoneForm
from allworkouts.views import _profile_context


class UserTimeZoneMiddleware:
    """After authentication: the user's zone for this request (UTC without one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        zone = getattr(user, "time_zone", None) if user is not None and user.is_authenticated else None
        if zone:
            timezone.activate(ZoneInfo(zone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


@require_POST
def profile_time_zone(request):
    """From the profile form, or (HTMX, `detected=1`) from the browser on first visit,
    which is answered with no content and never overrides a zone the user chose."""
    form = TimeZoneForm(request.POST)
    detected = request.POST.get("detected") == "1"
    if detected and request.user.time_zone:
        return _no_content()
    if not form.is_valid():
        if detected:
            return _no_content(status=400)
        return render(request, "allworkouts/profile.html", _profile_context(request, time_zone_form=form), status=400)
    services.user_set_time_zone(user=request.user, time_zone=form.cleaned_data["time_zone"])
    if detected:
        return _no_content()
    messages.success(request, f"Times are now shown in {request.user.time_zone}.")
    return redirect("profile")


def _no_content(status: int = 204):
    return HttpResponse(status=status)
