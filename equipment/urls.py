from django.urls import path

from equipment import views

app_name = "equipment"
urlpatterns = [
    path("", views.equipment_list, name="list"),
    path("welcome/", views.onboarding, name="onboarding"),
    path("exercises/new/", views.exercise_add, name="exercise_add"),
    path("<uuid:equipment_id>/", views.equipment_toggle, name="toggle"),
]
