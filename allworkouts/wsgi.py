"""WSGI entry point. Refuses to start when the database role would bypass row-level
security (the database checks do not run on their own under gunicorn)."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allworkouts.settings")

application = get_wsgi_application()

from allworkouts.checks import current_role_problems  # noqa: E402

_problems = current_role_problems()
if _problems:
    raise ImproperlyConfigured("; ".join(p.msg for p in _problems))

from django.db import connection  # noqa: E402

connection.close()  # each worker opens its own connection on its first request
