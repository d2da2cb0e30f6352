from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("import/", views.plan_import, name="import"),
    path("import/search/", views.plan_import_search, name="import_search"),
    path("new/", views.plan_create, name="create"),
    path("<uuid:plan_id>/", views.plan_detail, name="detail"),
    path("<uuid:plan_id>/edit/", views.plan_edit, name="edit"),
    path("<uuid:plan_id>/delete/", views.plan_delete, name="delete"),
    path("<uuid:plan_id>/search/", views.exercise_search, name="exercise_search"),
    path("<uuid:plan_id>/exercises/", views.plan_exercise_add, name="exercise_add"),
    path("<uuid:plan_id>/exercises/<uuid:plan_exercise_id>/", views.plan_exercise_update, name="exercise_update"),
    path("<uuid:plan_id>/exercises/<uuid:plan_exercise_id>/move/", views.plan_exercise_move, name="exercise_move"),
    path("<uuid:plan_id>/exercises/<uuid:plan_exercise_id>/remove/", views.plan_exercise_remove,
         name="exercise_remove"),
    path("<uuid:plan_id>/exercises/<uuid:plan_exercise_id>/superset/", views.plan_exercise_superset,
         name="exercise_superset"),
    path("<uuid:plan_id>/exercises/<uuid:plan_exercise_id>/substitute/", views.plan_exercise_substitute,
         name="exercise_substitute"),
]
