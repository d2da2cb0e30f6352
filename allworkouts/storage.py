"""Static files as served in production: whitenoise's compressed, hashed files, with
each file's URL worked out once per process.

Every page names six static files (base.html: the stylesheets, the icons, the scripts);
each `{% static %}` looked its hashed name up in the manifest and rebuilt the URL
(parse, unquote, join, quote), a few per cent of the workout page's render. A
storage's manifest is read once and never changes while the process runs (a new
collectstatic means a restart), so neither does a URL: it is kept per storage."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict = {}

    def url(self, name, force=False):
        key = (name, force)
        url = self._urls.get(key)
        if url is None:  # a name not in the manifest raises, and is not kept
            url = self._urls[key] = super().url(name, force)
        return url
