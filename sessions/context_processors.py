"""The in-progress workout, for the banner every page shows while one is open."""

from django.utils.functional import SimpleLazyObject

from sessions.selectors import in_progress_session


def open_session(request) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    # Lazy: the query runs only when a template asks (the banner does, once).
    return {"open_session": SimpleLazyObject(lambda: in_progress_session(user=request.user) or "")}
