"""What every page's base template needs: the thumb-reachable tab bar."""

from django.urls import NoReverseMatch, reverse
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


def _nav_items(path: str) -> list[dict]:
    items = []
    for label, name, prefix in NAV_ITEMS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        active = path == url if prefix is None else path.startswith(prefix)
        items.append({"label": label, "url": url, "active": active})
    return items


def base(request) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    # Lazy: a partial (a set log's answer) shows no tab bar and reverses nothing.
    return {"nav_items": SimpleLazyObject(lambda: _nav_items(request.path))}
