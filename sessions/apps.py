from django.apps import AppConfig


class WorkoutSessionsConfig(AppConfig):
    # django.contrib.sessions owns the label "sessions".
    name = "sessions"
    label = "workout_sessions"
    verbose_name = "Workout sessions"

    def ready(self) -> None:
        # History import's tables live in the sessions.transfer sub-package.
        from sessions.transfer import models  # noqa: F401
