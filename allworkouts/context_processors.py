"""What every page's base template needs: the thumb-reachable tab bar."""

import functools
import re

from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.functional import SimpleLazyObject

# (label, URL name, path prefix that marks the tab active). Tabs whose URL does not
# exist in this build are left out, so apps can add theirs as they land.
NAV_ITEMS = [
    ("Home", "home", None),
    ("Plans", "plans:list", "/plans/"),
    ("History", "sessions:history", "/sessions/"),
    ("Records", "records:list", "/records/"),
    ("Equipment", "equipment:list", "/equipment/"),
    ("Profile", "profile", "/profile/"),
]


@functools.cache
def _nav_urls(script_prefix: str) -> list[tuple[str, str, str | None]]:
    """(label, URL, prefix) of each tab that exists: reversed once per process (and
    script prefix), not on every page (six reverses were ~5% of the workout page)."""
    urls = []
    for label, name, prefix in NAV_ITEMS:
        try:
            urls.append((label, reverse(name), prefix))
        except NoReverseMatch:
            continue
    return urls


# The workout being done ("/sessions/<id>/workout/") is Home's, where it is started and
# resumed; the rest of /sessions/ (a finished workout, its sets) is History.
_WORKOUT_PATH = re.compile(r"^/sessions/[^/]+/workout/")


def _nav_items(path: str) -> list[dict]:
    local = path[len(get_script_prefix()) - 1:]
    if _WORKOUT_PATH.match(local):
        path = _nav_urls(get_script_prefix())[0][1]  # Home's URL
    return [{"label": label, "url": url, "active": path == url if prefix is None else path.startswith(prefix)}
            for label, url, prefix in _nav_urls(get_script_prefix())]


def base(request) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    # Lazy: a partial (a set log's answer) shows no tab bar and reverses nothing.
    return {"nav_items": SimpleLazyObject(lambda: _nav_items(request.path))}
