"""Every app's migrations run down to zero and up again, on a scratch database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
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


def _admin_execute(statement):
    # CREATE/DROP DATABASE cannot run in a transaction: use a connection of our own.
    with psycopg.connect(_url(connection.settings_dict, "postgres"), autocommit=True) as conn:
        conn.execute(statement)


@pytest.fixture
def scratch_database():
    name = f"aw_migrations_{uuid.uuid4().hex[:8]}"
    _admin_execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _url(connection.settings_dict, name)
    finally:
        _drop(name)


def _drop(name, tries=20):
    """DROP DATABASE ... WITH (FORCE), retried: after the migrations' bulk deletes an
    autovacuum worker (the server's own, which our role may not terminate) can still be
    in the scratch database for a moment."""
    for attempt in range(tries):
        try:
            _admin_execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == tries - 1:
                raise
            time.sleep(0.5)


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
