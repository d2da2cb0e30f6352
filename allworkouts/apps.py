from django.apps import AppConfig

# psycopg converts a statement's %(name)s placeholders once per distinct text and keeps
# the result, but only for texts up to 4 KB (psycopg._queries.MAX_CACHED_STATEMENT_LENGTH):
# a longer one is parsed again on every execute. The set log's one statement (the
# INSERT with its records read and the answer's sets, sessions.services.ReadAlong) is
# about 5 KB: ~0.1 ms of parsing on every set logged. The app's statements are a
# fixed few (their texts vary only with a plan's length), so longer ones are kept too.
# (tests/allworkouts/test_statement_cache.py checks the set log's is not parsed again.)
STATEMENT_CACHE_LENGTH = 16 * 1024


class AllWorkoutsConfig(AppConfig):
    name = "allworkouts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from allworkouts import checks  # noqa: F401  (registers the system checks)

        try:
            from psycopg import _queries  # private: a psycopg without it runs as it is
        except ImportError:
            return
        if getattr(_queries, "MAX_CACHED_STATEMENT_LENGTH", STATEMENT_CACHE_LENGTH) < STATEMENT_CACHE_LENGTH:
            _queries.MAX_CACHED_STATEMENT_LENGTH = STATEMENT_CACHE_LENGTH
