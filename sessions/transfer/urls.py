from django.urls import path

from sessions.transfer import views

# Included by sessions/urls.py under the "sessions" namespace.
urlpatterns = [
    path("", views.import_start, name="import"),
    path("<uuid:import_id>/", views.import_detail, name="import_detail"),
    path("<uuid:import_id>/undo/", views.import_undo, name="import_undo"),
    path("<uuid:import_id>/retry/", views.import_retry, name="import_retry"),
    path("export/", views.export_page, name="export"),
    path("export/strong.csv", views.export_strong_csv, name="export_strong_csv"),
    path("export/data.json", views.export_all_json, name="export_all_json"),
]
