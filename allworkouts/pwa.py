"""The installable app: web app manifest, service worker and the offline page.

The service worker is served from the site root (not /static/) so that its scope is
the whole app, and rendered from a template so that it names the hashed static files
it keeps for offline use; its version changes whenever one of them does, which makes
the browser install the new worker and drop the old cache.
"""

from __future__ import annotations

import hashlib
import json

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Static files a workout needs with no network; the pages come on top, cached as they
# are visited.
OFFLINE_STATIC = ("css/app.css", "css/dark.css", "js/app.js", "js/offline.js", "icons/icon-192.png")
THEME = "#14532d"


@login_not_required
@require_GET
@cache_control(max_age=86400, public=True)
def manifest(request):
    icons = [
        {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
        for size in (192, 512)
        for purpose in ("any", "maskable")
    ]
    data = {
        "name": "AllWorkouts",
        "short_name": "AllWorkouts",
        "description": "Plan and log your training.",
        "id": "/",
        "start_url": "/?source=homescreen",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#f9fafb",
        "theme_color": THEME,
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json")


@login_not_required
@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    assets = [static(name) for name in OFFLINE_STATIC]
    # htmx comes from django-htmx's static files; keep it too so pages work offline.
    assets.append(static("django_htmx/htmx-2.min.js"))
    version = hashlib.sha256("\n".join(assets).encode()).hexdigest()[:12]
    response = render(
        request,
        "pwa/sw.js",
        {"assets_json": json.dumps(assets), "version": version, "offline_url": reverse("offline")},
        content_type="text/javascript",
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@login_not_required
@require_GET
def offline(request):
    """Shown by the service worker for any page it has no copy of while offline."""
    return render(request, "pwa/offline.html")
