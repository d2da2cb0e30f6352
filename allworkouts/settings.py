"""Settings for AllWorkouts, all from the environment (12-factor).

DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_DEBUG, DATABASE_URL; DJANGO_HTTPS says
whether the site is served over HTTPS (default: yes unless DEBUG), which turns on
secure cookies, HSTS and the HTTPS redirect."""

from pathlib import Path

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# ------------------------------------------------------------------------------
# Core
# ------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=true for development).")
    SECRET_KEY = "insecure-development-key-only-for-debug"
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
HTTPS = env.bool("DJANGO_HTTPS", default=not DEBUG)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "allworkouts",
    "equipment",
    "plans",
    "sessions.apps.WorkoutSessionsConfig",
    "records",
    "django_tasks_db",
]

# Background work (history import) runs in a database-backed queue: a row per task in
# this PostgreSQL, picked up by `manage.py db_worker`, which bin/serve starts beside
# gunicorn. No Redis to install.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages go out gzipped (Django pads them against BREACH); static files come
    # precompressed (brotli, gzip) from whitenoise, which this leaves alone.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "allworkouts.timezones.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last: one transaction per request with the row-level-security user set first.
    "allworkouts.middleware.RowLevelSecurityMiddleware",
]

ROOT_URLCONF = "allworkouts.urls"
WSGI_APPLICATION = "allworkouts.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "allworkouts.context_processors.base",
                "sessions.context_processors.open_session",
            ],
        },
    },
]

# ------------------------------------------------------------------------------
# Database: DATABASE_URL, else the embedded PostgreSQL in .pgdata/
# ------------------------------------------------------------------------------
if env("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    from allworkouts import embedded_db

    DATABASES = {"default": embedded_db.start(BASE_DIR / ".pgdata")}
# Never ATOMIC_REQUESTS: RowLevelSecurityMiddleware owns the request transaction.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
# No health check: with it, every request whose worker reuses its connection starts
# with a round trip of its own (SELECT 1), one statement in eight of a set log. What it
# protects is the first request of each worker after the database went away (a
# restart): that request now fails (the 503 page, rolled back, nothing half-saved)
# and Django drops the broken connection as the request ends, so the next one connects
# afresh. DJANGO_CONN_HEALTH_CHECKS=true turns it back on where that matters more.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DJANGO_CONN_HEALTH_CHECKS", default=False)
# A database that is down or frozen gives a quick, clear error (the 503 page) instead
# of requests hanging until gunicorn kills the worker (its timeout is 30 s): connecting
# gives up after 5 s, a statement after 15 s. 0 turns either off (say, for a long
# migration: DJANGO_DB_STATEMENT_TIMEOUT_MS=0 manage.py migrate).
DB_CONNECT_TIMEOUT_SECONDS = env.int("DJANGO_DB_CONNECT_TIMEOUT", default=5)
DB_STATEMENT_TIMEOUT_MS = env.int("DJANGO_DB_STATEMENT_TIMEOUT_MS", default=15_000)
_db_options = DATABASES["default"].setdefault("OPTIONS", {})
_db_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT_SECONDS)
# Parameters bound by the server, not pasted into the SQL by psycopg: a statement a
# connection runs again and again (every set log's few) is then prepared once (after
# 5 runs, psycopg's prepare_threshold) and PostgreSQL stops planning it on every
# request, which was as much as running it. A statement must then be one command. Off
# (DJANGO_DB_SERVER_SIDE_BINDING=false) for a pooler that cannot keep prepared
# statements (PgBouncer in transaction mode before 1.21).
if _db_options.setdefault("server_side_binding", env.bool("DJANGO_DB_SERVER_SIDE_BINDING", default=True)):
    _db_options.setdefault("prepare_threshold", 5)  # Django's default, None, never prepares
_db_options["options"] = f"{_db_options.get('options', '')} -c statement_timeout={DB_STATEMENT_TIMEOUT_MS}".strip()
DATABASES["default"].setdefault("TEST", {})["NAME"] = env(
    "DJANGO_TEST_DATABASE", default=f"test_{DATABASES['default']['NAME']}"
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The schema's index names (idx_workout_session_user_status_created, ...) are longer
# than the 30 characters Django allows for portability; PostgreSQL allows 63.
SILENCED_SYSTEM_CHECKS = ["models.E034"]

# ------------------------------------------------------------------------------
# Accounts
# ------------------------------------------------------------------------------
AUTH_USER_MODEL = "allworkouts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = env.int("DJANGO_PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24)

# Email (password reset): EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.com:587.
# Without it, messages are printed on the console (the server's log) under DEBUG and by
# bin/serve; production settings default to an SMTP server on localhost (a console
# backend in production would drop every reset email, and check --deploy says so).
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email_options = {option: _email.get(setting) for option, setting in [
    ("host", "EMAIL_HOST"), ("port", "EMAIL_PORT"), ("username", "EMAIL_HOST_USER"),
    ("password", "EMAIL_HOST_PASSWORD"), ("use_tls", "EMAIL_USE_TLS"), ("use_ssl", "EMAIL_USE_SSL"),
]} if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend") else {}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"],
                       "OPTIONS": {k: v for k, v in _email_options.items() if v not in (None, "")}}}
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="AllWorkouts <noreply@localhost>")

# Login throttling (allworkouts/ratelimit.py): attempts per window before they slow
# down, kept in PostgreSQL so every gunicorn worker and host sees the same counts.
LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = env.int("LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", default=5)
LOGIN_FAILURES_PER_IP = env.int("LOGIN_FAILURES_PER_IP", default=20)
LOGIN_FAILURES_PER_DEVICE = env.int("LOGIN_FAILURES_PER_DEVICE", default=10)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", default=15 * 60)

# ------------------------------------------------------------------------------
# Security
# ------------------------------------------------------------------------------
# Django's database sessions, read with a plain query (allworkouts/session_store.py).
SESSION_ENGINE = "allworkouts.session_store"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool(
    "DJANGO_BEHIND_PROXY", default=False
) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The import review posts every row's fields: plans.importing.MAX_POST_FIELDS, the
# largest review's (500 open rows of 14 fields, 100 days of 3, an open add-exercise
# form, the form's own 4). Settings cannot import that module, so the number is here and
# tests/plans/test_review_marks.py holds the two equal; past it Django answers a bare 400
# (its default of 1,000 refused a review of more than ~70 rows). Still a bound.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 7_504

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# ------------------------------------------------------------------------------
# Static files, i18n
# ------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "allworkouts.storage.StaticFilesStorage"
    },
}
LANGUAGE_CODE = "en-us"
TIME_ZONE = env("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="WARNING")},
}
