"""History filters."""

from django import forms

from allworkouts.forms import Form
from plans.models import WorkoutPlan
from sessions.models import SessionStatus


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
