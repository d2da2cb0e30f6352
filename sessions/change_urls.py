"""URLs of the workout's own changes: empty workouts, exercises added mid-workout,
reordering, saving a workout as a plan (sessions.change_views)."""

urlpatterns: list = []
