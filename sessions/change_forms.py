"""Inputs of the workout's own changes (sessions.change_views): start an empty workout,
add an exercise, move one, swap one, save the workout as a plan."""

from django import forms

from allworkouts.forms import Form
from equipment.forms import ExercisePickForm
from plans.services import MAX_REPS, MAX_SETS, NAME_MAX_LENGTH

NUMERIC = {"inputmode": "numeric", "pattern": "[0-9]*"}


class StartForm(Form):
    replace = forms.BooleanField(required=False)  # abandon the open workout first


class AddExerciseForm(ExercisePickForm):
    """The exercise picked, and its sets and reps for this workout; blank takes the
    defaults (3 sets of the exercise's default reps, else 10)."""
    sets = forms.IntegerField(required=False, min_value=1, max_value=MAX_SETS,
                              widget=forms.NumberInput(attrs=NUMERIC | {"placeholder": "3"}),
                              error_messages={"min_value": "At least 1 set.",
                                              "max_value": f"At most {MAX_SETS} sets."})
    reps = forms.IntegerField(required=False, min_value=1, max_value=MAX_REPS,
                              widget=forms.NumberInput(attrs=NUMERIC | {"placeholder": "10"}),
                              error_messages={"min_value": "At least 1 rep.",
                                              "max_value": f"At most {MAX_REPS} reps."})


class SwapForm(ExercisePickForm):
    in_plan = forms.BooleanField(required=False)  # the plan too, not this workout only


class MoveForm(Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])


class SupersetForm(Form):
    action = forms.ChoiceField(choices=[("with_next", "Superset with next"), ("ungroup", "Ungroup")])


class SavePlanForm(Form):
    name = forms.CharField(label="Plan name", max_length=NAME_MAX_LENGTH,
                           error_messages={"required": "Give the plan a name."})


class WorkoutNoteForm(Form):
    """The lifter's note on the whole workout ("slept badly"), shown the next time."""
    notes = forms.CharField(label="Workout note", required=False, max_length=2000, strip=True,
                            widget=forms.Textarea(attrs={"rows": 2, "placeholder": "How did it go?"}),
                            error_messages={"max_length": "Keep the note under 2,000 characters."})
