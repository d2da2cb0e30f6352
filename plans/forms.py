"""Plan forms: the pasted text, the plan's name, one exercise's sets/reps/rest, search."""

from django import forms

from allworkouts.forms import Form
from equipment.models import MuscleGroup
from plans.parser import MAX_CHARS
from plans.services import MAX_REPS, MAX_REST_SECONDS, MAX_SETS, validate_prescription

NUMERIC = {"inputmode": "numeric", "pattern": "[0-9]*"}


class ImportTextForm(Form):
    text = forms.CharField(
        label="Your plan", strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "placeholder": "Day 1 - Push\nBench 4x6-8, rest 2 min\nOHP 3x8-10\n..."}),
        error_messages={"required": "Paste the text of a plan first."},
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("Paste the text of a plan first.")
        if len(text) > MAX_CHARS:
            raise forms.ValidationError(
                f"That text is {len(text):,} characters; the limit is {MAX_CHARS:,}. Import it in parts.")
        return text


class PlanForm(Form):
    name = forms.CharField(max_length=255, error_messages={"required": "Give the plan a name."})
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PrescriptionForm(Form):
    """Sets, reps and rest of one plan exercise."""
    sets = forms.IntegerField(min_value=1, max_value=MAX_SETS, widget=forms.NumberInput(attrs=NUMERIC))
    reps_min = forms.IntegerField(label="Reps from", min_value=1, max_value=MAX_REPS,
                                  widget=forms.NumberInput(attrs=NUMERIC))
    reps_max = forms.IntegerField(label="to", min_value=1, max_value=MAX_REPS,
                                  widget=forms.NumberInput(attrs=NUMERIC))
    rest_time_seconds = forms.IntegerField(label="Rest (s)", required=False, min_value=0,
                                           max_value=MAX_REST_SECONDS, widget=forms.NumberInput(attrs=NUMERIC))

    def clean(self):
        data = super().clean()
        if not self.errors:
            for field, message in validate_prescription(**data).items():
                self.add_error(field, message)
        return data


class ExerciseSearchForm(Form):
    q = forms.CharField(label="Search exercises", required=False, max_length=100)
    muscle = forms.ChoiceField(label="Muscle group", required=False,
                               choices=[("", "Any muscle group"), *MuscleGroup.choices])
    owned = forms.BooleanField(label="Only equipment I own", required=False)


class SupersetForm(Form):
    """One tap on a plan exercise: superset it with the next one, or take it out of its
    superset (plans.services holds the rules)."""
    action = forms.ChoiceField(choices=[("next", "Superset with next"), ("ungroup", "Ungroup")],
                               error_messages={"required": "Choose what to do with the superset.",
                                               "invalid_choice": "Choose “Superset with next” or “Ungroup”."})


class ReviewSearchForm(Form):
    """One import-review row's search, answered with that row's picker only. The
    button's own value ("search:<row key>") names the row, as in the whole review's
    POST; the row's fields come with its prefix (`ReviewSearchFields`)."""
    action = forms.RegexField(regex=r"^search:[A-Za-z0-9_-]{1,40}$",
                              error_messages={"required": "That search names no row of the review.",
                                              "invalid": "That search names no row of the review."})

    @property
    def row_key(self) -> str:
        return self.cleaned_data["action"].partition(":")[2]


class ReviewSearchFields(Form):
    """A review row's search box and current choice (prefix "row-<key>")."""
    search = forms.CharField(required=False, max_length=100,
                             error_messages={"max_length": "Keep the search under 100 characters."})
    exercise = forms.CharField(required=False, max_length=40)
