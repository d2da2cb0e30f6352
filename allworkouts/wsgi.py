"""WSGI entry point. Refuses to serve when the database role would bypass row-level
security (the database checks do not run on their own under gunicorn).

The check must not make a worker's boot depend on the database: a worker (re)started
while PostgreSQL is down would fail to boot, and gunicorn's master gives up for good
when a worker fails to boot. So the check runs at boot when the database answers, and
otherwise before the first request that finds it up; until then requests get the 503
page (allworkouts.errors), and once PostgreSQL is back the same worker serves again."""

import logging
import os
import threading

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application
from django.db import DatabaseError, connection

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allworkouts.settings")

logger = logging.getLogger(__name__)


class RoleCheckedApplication:
    """The Django application, behind a one-time check of the database role."""

    def __init__(self, app):
        self.app = app
        self.problems: list[str] | None = None  # None: not checked yet
        self._lock = threading.Lock()

    def check(self) -> bool:
        """Run the check if it has not run; False when the database is unreachable."""
        from allworkouts.checks import current_role_problems

        with self._lock:
            if self.problems is None:
                try:
                    self.problems = [p.msg for p in current_role_problems()]
                except DatabaseError as exc:
                    logger.warning("Database unreachable, role check deferred: %s", exc)
                    connection.close()
                    return False
                if self.problems:
                    logger.critical("Refusing to serve: %s", "; ".join(self.problems))
        return True

    def __call__(self, environ, start_response):
        # Unreachable: let Django answer (its 503 page); the check runs again next time.
        if self.check() and self.problems:
            start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"AllWorkouts is misconfigured: its database role bypasses row-level security.\n"]
        return self.app(environ, start_response)


application = RoleCheckedApplication(get_wsgi_application())
if application.check() and application.problems:
    raise ImproperlyConfigured("; ".join(application.problems))
connection.close()  # each worker opens its own connection on its first request
