"""URLs of the workout's own changes: empty workouts, exercises added mid-workout,
reordering, saving a workout as a plan (sessions.change_views)."""

from django.urls import path

from sessions import change_views

urlpatterns: list = [
    path("start/empty/", change_views.start_empty, name="start_empty"),
    path("<uuid:session_id>/exercises/add/", change_views.exercise_add, name="exercise_add"),
    path("<uuid:session_id>/exercises/<uuid:plan_exercise_id>/move/", change_views.exercise_move,
         name="exercise_move"),
    path("<uuid:session_id>/exercises/<uuid:plan_exercise_id>/superset/", change_views.exercise_superset,
         name="exercise_superset"),
    path("<uuid:session_id>/note/", change_views.session_note, name="session_note"),
    path("<uuid:session_id>/save-plan/", change_views.plan_save, name="plan_save"),
    path("<uuid:session_id>/apply-to-plan/", change_views.plan_apply, name="plan_apply"),
]
