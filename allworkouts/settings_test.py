"""Settings for the test suite: production settings, plus the few things a test run
cannot provide from a real environment."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("DJANGO_HTTPS", "false")

from allworkouts.settings import *  # noqa: E402,F403

# The manifest needs collectstatic; tests serve static files straight from the finders.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
