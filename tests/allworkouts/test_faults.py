"""Faults: the server comes back by itself. A real gunicorn on its own PostgreSQL (a
pgserver in a temporary directory): stop PostgreSQL, kill a worker so one boots with
the database down, start PostgreSQL again, and the same master serves again, with no
one restarting anything. While the database is down, pages answer 503 with the
app's own page and HTMX requests get a one-line message."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
ROLE, DATABASE = "faults", "faults"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
        return 0, str(exc)


def _wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def postgres(tmp_path_factory):
    """A PostgreSQL of this test's own, with a role row-level security applies to."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    import psycopg

    pgdata = tmp_path_factory.mktemp("faults-pg")
    server = pgserver.get_server(pgdata, cleanup_mode="delete")
    socket_dir = str(server.get_postmaster_info().socket_dir)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
        conn.execute(f"CREATE DATABASE {DATABASE} OWNER {ROLE}")

    def pg_ctl(*args):
        pgserver.pg_ctl(["-w", *args], pgdata=pgdata, user=server.system_user, timeout=30)

    def stop():
        pg_ctl("stop", "-m", "fast")

    def start():
        pg_ctl("-o", '-h ""', "-o", f"-k {socket_dir}", "-l", str(pgdata / "log"), "start")

    yield {"url": f"postgres://{ROLE}@/{DATABASE}?host={socket_dir}", "stop": stop, "start": start}
    try:
        stop()
    except subprocess.CalledProcessError:
        pass  # already stopped


@pytest.fixture
def gunicorn(postgres, tmp_path):
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": postgres["url"], "DJANGO_SECRET_KEY": "faults-test-only",
           "DJANGO_HTTPS": "false", "DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
           "DJANGO_SETTINGS_MODULE": "allworkouts.settings_test"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                   check=True, timeout=300)
    log = open(tmp_path / "gunicorn.log", "w")
    master = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "allworkouts.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "30"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(lambda: _get(f"{base}/login/")[0] == 200, 60, "gunicorn to serve")
        yield {"base": base, "master": master, "log": tmp_path / "gunicorn.log"}
    finally:
        master.send_signal(signal.SIGTERM)
        try:
            master.wait(timeout=15)
        except subprocess.TimeoutExpired:
            master.kill()
        log.close()


def _workers(master: subprocess.Popen) -> list[int]:
    return [child.pid for child in psutil.Process(master.pid).children()]


def test_a_worker_booted_while_the_database_is_down_serves_once_it_is_back(postgres, gunicorn):
    base, master = gunicorn["base"], gunicorn["master"]
    assert _get(f"{base}/login/")[0] == 200

    postgres["stop"]()
    status, body = _get(f"{base}/login/")
    assert status == 503, body[:500]
    assert "We'll be right back" in body
    status, body = _get(f"{base}/login/", {"HX-Request": "true"})
    assert status == 503
    assert body.startswith("We'll be right back") and "<" not in body and len(body) < 200

    # A worker dies (OOM kill, timeout) while the database is down; its replacement
    # boots without it.
    [worker] = _workers(master)
    os.kill(worker, signal.SIGKILL)
    new_worker = _wait_for(lambda: [w for w in _workers(master) if w != worker], 30, "a new worker")
    status, body = _get(f"{base}/login/")
    assert status == 503, gunicorn["log"].read_text()[-2000:]
    assert master.poll() is None, "the gunicorn master exited"

    postgres["start"]()
    status, body = _wait_for(lambda: (r := _get(f"{base}/login/"))[0] == 200 and r, 30, "the app to serve again")
    assert "Log in" in body
    assert master.poll() is None
    assert _workers(master) == new_worker  # nobody restarted anything
