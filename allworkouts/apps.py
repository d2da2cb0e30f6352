from django.apps import AppConfig


class AllWorkoutsConfig(AppConfig):
    name = "allworkouts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from allworkouts import checks  # noqa: F401  (registers the system checks)
