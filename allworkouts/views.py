"""Account screens: register, log in/out, onboarding, profile."""

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allworkouts import ratelimit, services
from allworkouts.http import safe_next
from allworkouts.forms import DeleteAccountForm, LoginForm, RegisterForm, TimeZoneForm, UnitSystemForm

LOGIN_FAILED = "Email or password is incorrect."
LOGIN_THROTTLED = "Too many failed log-in attempts from here. Try again in {wait}."


def _apply_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form fields it names."""
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@sensitive_post_parameters("password1", "password2")
@login_not_required
@require_http_methods(["GET", "POST"])
def register(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Registering tells whether an email is taken (README, "Accounts"); probing
        # that from one address slows down like failed log-ins do.
        ip = ratelimit.client_ip(request)
        wait = ratelimit.login_attempt([(f"register:{ip}"[:100], settings.LOGIN_FAILURES_PER_IP)])
        if wait is not None:
            form.add_error(None, f"Too many attempts from here. Try again in {_wait_text(wait)}.")
            return render(request, "allworkouts/register.html", {"form": form}, status=429)
        try:
            user = services.user_register(
                email=form.cleaned_data["email"], password=form.cleaned_data["password1"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("onboarding_units")
    return render(request, "allworkouts/register.html", {"form": form})


@sensitive_post_parameters("password")
@login_not_required
@require_http_methods(["GET", "POST"])
def login_view(request):
    """Log in by email. A wrong email and a wrong password read the same; attempts are
    counted before the password is checked and slow down per (account, address) and
    per address, while a device the owner logged in from before has its own count
    (allworkouts.ratelimit)."""
    if request.user.is_authenticated:
        return redirect("home")
    form = LoginForm(request.POST or None)
    status = 200
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        device = ratelimit.known_device(request, email)
        keys = ratelimit.keys(email=email, ip=ratelimit.client_ip(request), device=device)
        wait = ratelimit.login_attempt(keys)
        if wait is not None:
            form.add_error(None, LOGIN_THROTTLED.format(wait=_wait_text(wait)))
            status = 429
        else:
            user = authenticate(request, email=email, password=form.cleaned_data["password"])
            if user is None:
                ratelimit.login_failed()
                form.add_error(None, LOGIN_FAILED)
            else:
                ratelimit.login_succeeded(keys)
                login(request, user)
                response = redirect(next_url or "home")
                ratelimit.remember_device(response, email=email, device=device)
                return response
    return render(request, "allworkouts/login.html", {"form": form, "next": next_url}, status=status)


def _wait_text(seconds: int) -> str:
    return f"{seconds} seconds" if seconds < 120 else f"{math.ceil(seconds / 60)} minutes"


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, with reset emails from one address slowing down like
    failed log-ins (nobody can flood an inbox through us)."""

    def form_valid(self, form):
        key = f"reset:{ratelimit.client_ip(self.request)}"[:100]
        wait = ratelimit.login_attempt([(key, settings.LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS)])
        if wait is not None:
            form.add_error(None, f"Too many reset emails asked for from here. Try again in {_wait_text(wait)}.")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


@login_not_required
@require_GET
def admin_login(request):
    """Django admin's own login form has no rate limit; send admins to ours."""
    next_url = safe_next(request, request.GET.get("next")) or "/admin/"
    return redirect(f"{reverse('login')}?{urlencode({'next': next_url})}")


@require_POST
def logout_view(request):
    logout(request)
    return redirect("login")


@require_http_methods(["GET", "POST"])
def onboarding_units(request):
    """First onboarding step: which units the user thinks in."""
    form = UnitSystemForm(request.POST or None, initial={"unit_system": request.user.unit_system})
    if request.method == "POST" and form.is_valid():
        services.user_set_unit_system(user=request.user, unit_system=form.cleaned_data["unit_system"])
        # The equipment step belongs to the equipment app (it owns UserEquipment).
        return redirect("equipment:onboarding")
    return render(request, "allworkouts/onboarding_units.html", {"form": form})


@require_GET
def profile(request):
    return render(request, "allworkouts/profile.html", _profile_context(request))


def _profile_context(request, **forms):
    password_form = forms.get("password_form") or PasswordChangeForm(request.user)
    # Django autofocuses the old password, which would scroll the phone to the middle.
    password_form.fields["old_password"].widget.attrs.pop("autofocus", None)
    return {
        "unit_form": forms.get("unit_form") or UnitSystemForm(initial={"unit_system": request.user.unit_system}),
        "password_form": password_form,
        "delete_form": forms.get("delete_form") or DeleteAccountForm(),
        "time_zone_form": forms.get("time_zone_form") or TimeZoneForm(
            initial={"time_zone": request.user.time_zone or "UTC"}),
    }


@require_POST
def profile_units(request):
    form = UnitSystemForm(request.POST)
    if not form.is_valid():
        return render(request, "allworkouts/profile.html", _profile_context(request, unit_form=form), status=400)
    services.user_set_unit_system(user=request.user, unit_system=form.cleaned_data["unit_system"])
    messages.success(request, f"Units set to {request.user.get_unit_system_display()}.")
    return redirect("profile")


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@require_POST
def profile_password(request):
    form = PasswordChangeForm(request.user, request.POST)
    if not form.is_valid():
        return render(request, "allworkouts/profile.html", _profile_context(request, password_form=form), status=400)
    form.save()
    update_session_auth_hash(request, form.user)
    messages.success(request, "Password changed.")
    return redirect("profile")


@require_POST
def profile_delete(request):
    form = DeleteAccountForm(request.POST)
    if form.is_valid():
        try:
            services.user_delete(user=request.user, confirm_email=form.cleaned_data["confirm_email"])
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            logout(request)
            messages.success(request, "Your account and all its data have been deleted.")
            return redirect("login")
    return render(request, "allworkouts/profile.html", _profile_context(request, delete_form=form), status=400)
