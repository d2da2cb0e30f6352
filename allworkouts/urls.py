from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from allworkouts import pwa, timezones, views
from records import progress_views
from sessions import views as session_views

# A database that is down answers 503 "we'll be right back", anything else the 500 page.
handler500 = "allworkouts.errors.server_error"

urlpatterns = [
    # The start screen lives with the workouts it starts (it reads plans, sessions
    # and records, which this base app must not depend on).
    path("", session_views.home, name="home"),
    # The installable app: served from the root so the service worker's scope is the app.
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("offline/", pwa.offline, name="offline"),
    path("register/", views.register, name="register"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    # Password reset by email: Django's views (they need no login and hide which
    # emails exist), our templates in templates/registration/.
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("welcome/", views.onboarding_units, name="onboarding_units"),
    path("profile/", views.profile, name="profile"),
    path("profile/units/", views.profile_units, name="profile_units"),
    path("profile/time-zone/", timezones.profile_time_zone, name="profile_time_zone"),
    path("profile/password/", views.profile_password, name="profile_password"),
    path("profile/delete/", views.profile_delete, name="profile_delete"),
    path("equipment/", include("equipment.urls")),
    path("plans/", include("plans.urls")),
    path("sessions/", include("sessions.urls")),
    path("records/", include("records.urls")),
    # Progress reads records and sessions; linked from every exercise name.
    path("exercises/<uuid:exercise_id>/", progress_views.exercise_detail, name="exercise_detail"),
    path("calendar/", progress_views.calendar, name="calendar"),
    # Admins log in through the same rate-limited form as everyone else.
    path("admin/login/", views.admin_login),
    path("admin/", admin.site.urls),
]
