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
        existing = Exercise.objects.filter(name__iexact=name).first()
        if existing is not None:
            raise ValidationError(f"“{existing.name}” is already in the catalogue: search for it.")
        return name
