"""The in-progress workout, for the banner every page shows while one is open."""

from django.utils.functional import SimpleLazyObject

from sessions.selectors import in_progress_session


def open_session(request) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name == "sessions:workout":
        return {}  # the workout page is the open workout: no banner, no query for it
    # Lazy: the query runs only when a template asks (the banner does, once).
    return {"open_session": SimpleLazyObject(lambda: in_progress_session(user=request.user) or "")}
