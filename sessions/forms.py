"""History filters; what a logged set says beyond weight and reps."""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.safestring import mark_safe

from allworkouts.forms import Form
from plans.models import WorkoutPlan
from sessions.models import SessionStatus, SetType, validate_rpe


class HistoryFilterForm(Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *SessionStatus.choices])
    plan = forms.ModelChoiceField(required=False, queryset=WorkoutPlan.objects.none(), empty_label="Any plan")
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Deleted plans stay selectable: their sessions are still in history.
        self.fields["plan"].queryset = WorkoutPlan.objects.filter(user=user).order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "“To” must be on or after “From”.")
        return data


RPE_CHOICES = [("", "RPE")] + [(str(n / 2), f"{n / 2:g}") for n in range(12, 21)]


class SetDetailsForm(forms.Form):
    """Set type (tapped on the set number), RPE and a note: all optional. The RPE rule
    is the model's validator (6 to 10 in half steps); a plain form, because a ModelForm
    would also check the table's CHECK constraints with a query each, on every set."""

    set_type = forms.ChoiceField(required=False, choices=[("", "Normal"), *SetType.choices])
    rpe = forms.TypedChoiceField(required=False, choices=RPE_CHOICES, coerce=Decimal, empty_value=None)
    notes = forms.CharField(required=False, max_length=500, strip=True, widget=forms.TextInput(
        attrs={"placeholder": "Note", "autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", False)  # one per set row: no duplicate ids
        super().__init__(*args, **kwargs)

    def clean_set_type(self):
        return self.cleaned_data.get("set_type") or None  # blank is a normal set (NULL)

    def clean_rpe(self):
        rpe = self.cleaned_data.get("rpe")
        validate_rpe(rpe)  # the model's rule (the choices already say the same)
        return rpe

    def clean_notes(self):
        return self.cleaned_data.get("notes") or None

    def details(self) -> dict:
        data = self.cleaned_data
        return {"set_type": data.get("set_type") or None, "rpe": data.get("rpe"), "notes": data.get("notes") or None}


@dataclass(frozen=True)
class SetDetailsFields:
    """A set details form as the set row shows it, rendered once: the workout page has a
    row per planned set, and rendering Django widgets per row was most of its time."""
    set_type: str
    open: bool
    rpe_html: str
    notes_html: str


def set_details_fields(form: SetDetailsForm) -> SetDetailsFields:
    return SetDetailsFields(set_type=form["set_type"].value() or "",
                            open=bool(form["rpe"].value() or form["notes"].value()),
                            rpe_html=mark_safe(str(form["rpe"])), notes_html=mark_safe(str(form["notes"])))


BLANK_SET_DETAILS: SetDetailsFields | None = None


def blank_set_details() -> SetDetailsFields:
    """The unbound fields, the same for every row and request: rendered once per process."""
    global BLANK_SET_DETAILS
    if BLANK_SET_DETAILS is None:
        BLANK_SET_DETAILS = set_details_fields(SetDetailsForm())
    return BLANK_SET_DETAILS
