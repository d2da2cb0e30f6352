from django.apps import AppConfig


class WorkoutSessionsConfig(AppConfig):
    # django.contrib.sessions owns the label "sessions".
    name = "sessions"
    label = "workout_sessions"
    verbose_name = "Workout sessions"
