"""The installable app: manifest, service worker and offline page are served by the
app itself, to anyone (the browser fetches them without a session), under the CSP."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db


def test_manifest_names_the_app_with_installable_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "AllWorkouts"
    assert data["display"] == "standalone"
    assert data["start_url"].startswith("/")
    assert data["theme_color"] == "#14532d"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        # Each icon is a real PNG of the size it claims.
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        body = open(path, "rb").read()
        assert body[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(body[16:20], "big")
        assert f"{width}x{width}" == icon["sizes"]


def test_service_worker_is_served_from_the_root_and_keeps_the_hashed_static_files(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    assets = json.loads(re.search(r"const ASSETS = (\[.*?\]);", body).group(1))
    assert static("js/offline.js") in assets
    assert static("css/app.css") in assets
    assert '"/offline/"' in body
    # The version changes with the static files' hashes, so a deploy replaces the cache.
    assert re.search(r'const VERSION = "[0-9a-f]{12}"', body)


def test_offline_page_links_nowhere_it_cannot_open(client):
    response = client.get("/offline/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "You're offline" in page
    assert 'id="kept-workouts"' in page


def test_every_page_links_the_manifest_and_the_offline_script(client):
    page = client.get("/login/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in page
    assert static("js/offline.js") in page
    assert 'media="(prefers-color-scheme: dark)"' in page


def test_pwa_files_pass_the_strict_csp(client):
    # Same-origin files only: the CSP's script-src 'self' covers the worker, and the
    # manifest falls under default-src 'self'.
    policy = client.get("/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
