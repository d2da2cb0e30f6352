"""Pages are sent compressed, and static files are precompressed with brotli, so the
workout page with its CSS and JS stays under 30 KB on a phone."""

import gzip
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from allworkouts.db import rls_user
from tests.sessions.test_sessions import make_plan, start

pytestmark = pytest.mark.django_db


def test_pages_are_gzipped_for_browsers_that_ask(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    response = user_client.get(f"/sessions/{session.pk}/workout/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert "Strength A" in html and "</html>" in html
    plain = user_client.get(f"/sessions/{session.pk}/workout/")
    assert "Content-Encoding" not in plain


def test_workout_page_with_its_static_files_is_under_30_kb(user_client, user, tmp_path):
    plan = make_plan(user)
    with rls_user(user.pk):
        session = start(user_client, plan)
    production = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=production):
        call_command("collectstatic", interactive=False, verbosity=0)
        response = user_client.get(f"/sessions/{session.pk}/workout/", HTTP_ACCEPT_ENCODING="gzip, br")
    page = gzip.decompress(response.content).decode()
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', page)
    # What a phone in light mode downloads: every stylesheet and script the page names,
    # dark.css aside (it loads only in dark mode; counted below instead of app.css's twin).
    assert any(a.startswith("css/app.") for a in assets) and any(a.startswith("js/app.") for a in assets)
    sizes = {}
    for asset in assets:
        brotli_file = tmp_path / (asset + ".br")
        assert brotli_file.exists(), f"{asset} has no brotli version"
        sizes[asset] = brotli_file.stat().st_size
    transferred = len(response.content) + sum(sizes.values())
    assert transferred < 30 * 1024, (len(response.content), sizes)
