"""A user adds an exercise the catalogue lacks: name, primary muscle groups, equipment."""

from django import forms
from django.core.exceptions import ValidationError

from allworkouts.forms import Form
from equipment.models import Equipment, Exercise, MuscleGroup


class ExerciseAddForm(Form):
    name = forms.CharField(label="Exercise name", max_length=100, min_length=3,
                           error_messages={"required": "Give the exercise a name."})
    primary_muscle_groups = forms.MultipleChoiceField(
        label="Muscles it trains", choices=MuscleGroup.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one muscle group."})
    equipment = forms.ModelMultipleChoiceField(
        label="Equipment it needs", queryset=Equipment.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the equipment it needs (Bodyweight if none)."})

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name[:1].isalnum():
            # Every user sees the name (and exports it): "=HYPERLINK(...)" or "- squat" is
            # a formula to a spreadsheet or a list mark, never an exercise's name.
            raise ValidationError("Start the name with a letter or a number.")
        existing = Exercise.objects.filter(name__iexact=name).first()
        if existing is not None:
            raise ValidationError(f"“{existing.name}” is already in the catalogue: search for it.")
        return name


class ExercisePickForm(Form):
    """Pick one exercise of the catalogue (user-added ones included: they join it at once):
    `q` searches (plans.matching, through equipment.selectors.search_exercises) and
    `exercise` is the id picked from the results. One form for adding an exercise to a
    workout and for swapping one. Bound to a search (GET) only `q` is read; bound to a
    pick (`picking=True`, the POST), the exercise is required. `exercises` narrows what
    may be picked (a swap offers substitutes only)."""

    q = forms.CharField(label="Search exercises", required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off",
                                                      "placeholder": "e.g. incline db press"}))
    exercise = forms.ModelChoiceField(
        queryset=Exercise.objects.all(), required=False, widget=forms.HiddenInput,
        error_messages={"invalid_choice": "That exercise isn't in the catalogue. Pick one from the list.",
                        "required": "Pick an exercise from the list."})

    def __init__(self, *args, picking: bool = False, exercises=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exercise"].required = picking
        if exercises is not None:
            self.fields["exercise"].queryset = exercises

    def clean_q(self):
        return " ".join(self.cleaned_data.get("q", "").split())

    @property
    def query(self) -> str:
        """What was typed, cleaned; blank when nothing (or nothing valid) was."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get("q", "") if "q" not in self.errors else ""
