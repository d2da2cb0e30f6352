from django.urls import include, path

from sessions import views

app_name = "sessions"
urlpatterns = [
    path("", views.history, name="history"),
    path("transfer/", include("sessions.transfer.urls")),
    path("", include("sessions.change_urls")),
    path("start/<uuid:plan_id>/", views.session_start, name="start"),
    path("<uuid:session_id>/", views.detail, name="detail"),
    path("<uuid:session_id>/workout/", views.workout, name="workout"),
    path("<uuid:session_id>/sets/", views.set_log, name="set_log"),
    path("<uuid:session_id>/sets/new/", views.set_new, name="set_new"),
    path("<uuid:session_id>/sets/<uuid:set_id>/", views.set_edit, name="set_edit"),
    path("<uuid:session_id>/sets/<uuid:set_id>/delete/", views.set_delete, name="set_delete"),
    path("<uuid:session_id>/swap/<uuid:plan_exercise_id>/", views.swap, name="swap"),
    path("<uuid:session_id>/complete/", views.complete, name="complete"),
    path("<uuid:session_id>/abandon/", views.abandon, name="abandon"),
    path("<uuid:session_id>/resume/", views.resume, name="resume"),
    path("<uuid:session_id>/delete/", views.delete, name="delete"),
]
