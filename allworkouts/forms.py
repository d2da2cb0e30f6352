"""Account forms. Emails are compared lower-cased everywhere."""

from django import forms
from django.contrib.auth import password_validation

from allworkouts.models import UnitSystem, normalize_email


class Form(forms.Form):
    """Labels without Django's trailing colon: they sit above the inputs on a phone."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class RegisterForm(Form):
    email = forms.EmailField(max_length=255, widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}))
    password1 = forms.CharField(
        label="Password", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password again", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", "The two passwords don't match.")
        return data


class LoginForm(Form):
    email = forms.EmailField(max_length=255, widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}))
    password = forms.CharField(strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])


class UnitSystemForm(Form):
    unit_system = forms.ChoiceField(choices=UnitSystem.choices, widget=forms.RadioSelect, label="Units")


class DeleteAccountForm(Form):
    confirm_email = forms.CharField(
        label="Type your email address to confirm", max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )


class TimeZoneForm(Form):
    time_zone = forms.ChoiceField(label="Time zone", choices=())

    def __init__(self, *args, **kwargs):
        from zoneinfo import available_timezones

        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(z, z.replace("_", " ")) for z in sorted(available_timezones())]



def add_service_error(form: forms.Form, exc) -> None:
    """A service's ValidationError onto the form, the one way the pages show them: a
    message for a field the form has goes to that field, the rest to the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
