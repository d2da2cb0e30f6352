"""Production's static files storage (allworkouts.storage) gives the URLs whitenoise's
does, each worked out once per process."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from allworkouts.storage import StaticFilesStorage


def test_the_static_urls_are_whitenoises_and_kept(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES={"staticfiles": {
            "BACKEND": "allworkouts.storage.StaticFilesStorage"}}):
        call_command("collectstatic", interactive=False, verbosity=0)
        ours, theirs = StaticFilesStorage(), CompressedManifestStaticFilesStorage()
        for name in ("css/app.css", "js/app.js", "icons/icon-192.png", "django_htmx/htmx-2.min.js"):
            assert ours.url(name) == theirs.url(name) != f"/static/{name}"
            assert ours.url(name) is ours.url(name)
        with pytest.raises(ValueError):  # not in the manifest: an error every time, as whitenoise's
            ours.url("css/none.css")
        with pytest.raises(ValueError):
            ours.url("css/none.css")
