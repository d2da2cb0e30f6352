"""Every app's migrations run down to zero and up again, on a scratch database."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
APPS = ["records", "workout_sessions", "plans", "equipment", "allworkouts"]


def _url(settings_dict, name):
    user = settings_dict["USER"]
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host, port = settings_dict.get("HOST") or "", settings_dict.get("PORT") or ""
    if host.startswith("/"):
        return f"postgresql://{user}{password}@/{name}?host={host}" + (f"&port={port}" if port else "")
    return f"postgresql://{user}{password}@{host}{':' + str(port) if port else ''}/{name}"


@pytest.fixture
def scratch_database(django_db_blocker):
    name = f"aw_migrations_{uuid.uuid4().hex[:8]}"
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)).as_string(cursor.connection))
    try:
        yield _url(connection.settings_dict, name)
    finally:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)).as_string(cursor.connection))


def _manage(url, *args):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "allworkouts.settings_test"}
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_every_app_migrates_to_zero_and_back(scratch_database):
    _manage(scratch_database, "migrate", "--noinput")
    for app in APPS:
        _manage(scratch_database, "migrate", app, "zero", "--noinput")
        _manage(scratch_database, "migrate", "--noinput")
    out = _manage(scratch_database, "shell", "-c", "from equipment.models import Exercise; print(Exercise.objects.count())")
    assert int(out.strip().splitlines()[-1]) >= 500
    assert "[ ]" not in _manage(scratch_database, "showmigrations")
