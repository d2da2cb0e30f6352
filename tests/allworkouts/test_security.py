"""Production settings and response headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_passes_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "allworkouts.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "allworkouts.example.com",
        "DJANGO_DEBUG": "false",
        # check --deploy does not connect; a URL keeps settings from starting the embedded server.
        "DATABASE_URL": "postgres://allworkouts@db.example.com:5432/allworkouts",
    }
    for development_only in ("DJANGO_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(development_only, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_key_in_production():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "allworkouts.settings", "DATABASE_URL": "postgres://x@localhost/x"})
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_nonce_csp_and_the_htmx_script_uses_it(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    body = response.content.decode()
    assert f'nonce="{nonce}"' in body and "htmx" in body
    assert response["X-Frame-Options"] == "DENY"
