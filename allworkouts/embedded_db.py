"""The embedded PostgreSQL used when DATABASE_URL is unset.

pgserver ships a real PostgreSQL 16 as a wheel. We start it in `.pgdata/`, then create
a login role that row-level security applies to (no SUPERUSER, no BYPASSRLS; CREATEDB
so the test runner can create its database) and a database that role owns. The app
connects as that role, never as the server's superuser."""

from __future__ import annotations

from pathlib import Path

ROLE = "allworkouts"
DATABASE = "allworkouts"


def start(pgdata: Path) -> dict[str, str]:
    """Start (or join) the embedded server and return Django DATABASES settings for it.

    Several processes (gunicorn workers, a test run) may call this at once: pgserver
    serialises start-up with a file lock and stops the server when the last of them
    exits; creating the role and database tolerates losing a race."""
    import warnings

    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (as under root) and falls
        # back to /tmp/runtime-<uid>, which is what we want anyway.
        warnings.simplefilter("ignore")
        import pgserver
    import psycopg
    from psycopg import errors, sql

    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    socket_dir = str(server.get_postmaster_info().socket_dir)
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [ROLE]).fetchone():
            try:
                conn.execute(
                    sql.SQL("CREATE ROLE {} LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS").format(
                        sql.Identifier(ROLE)
                    )
                )
            except errors.DuplicateObject:
                pass
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone():
            try:
                conn.execute(
                    sql.SQL("CREATE DATABASE {} OWNER {}").format(
                        sql.Identifier(DATABASE), sql.Identifier(ROLE)
                    )
                )
            except (errors.DuplicateDatabase, errors.UniqueViolation):
                pass
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE,
        "USER": ROLE,
        "PASSWORD": "",
        "HOST": socket_dir,
        "PORT": "",
    }


def url(settings_dict: dict[str, str]) -> str:
    """A libpq URL for the embedded database (for psql or schema_check.py)."""
    return f"postgresql://{settings_dict['USER']}@/{settings_dict['NAME']}?host={settings_dict['HOST']}"
