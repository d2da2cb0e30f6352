"""History filters; a set as logged (weight, reps, type, RPE, note) and as edited."""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.db.models import JSONField, OuterRef, Subquery, Value
from django.db.models.functions import JSONObject
from django.utils.safestring import mark_safe

from allworkouts.forms import Form
from allworkouts import units
from allworkouts.http import parse_uuid
from equipment.models import Exercise
from equipment.selectors import exercise_load_kind, load_kind_annotation
from plans.models import PlanKind, WorkoutExercise, WorkoutPlan
from records.models import PersonalRecord, RecordType
from sessions.models import SessionStatus, SetType, validate_rpe


class HistoryFilterForm(Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *SessionStatus.choices])
    plan = forms.ModelChoiceField(required=False, queryset=WorkoutPlan.objects.none(), empty_label="Any plan")
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Deleted plans stay selectable: their sessions are still in history.
        # A workout's own copy of a plan is found through the plan it came from.
        self.fields["plan"].queryset = (WorkoutPlan.objects.filter(user=user).exclude(kind=PlanKind.ADHOC)
                                        .order_by("name"))

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
        # Blank and "normal" are both a normal set, stored as NULL (one spelling in the data).
        set_type = self.cleaned_data.get("set_type")
        return None if set_type in ("", None, SetType.NORMAL) else set_type

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


OUT_OF_DATE = "That form is out of date. Reload the page and log the set again."


def exercise_with_load_kind(value, **annotations) -> Exercise | None:
    """The catalogue exercise a request value names, with its load kind (loaded,
    bodyweight, assisted) read in the same query; None for anything else."""
    exercise_id = parse_uuid(value)
    if exercise_id is None:
        return None
    return Exercise.objects.annotate(load_kind=load_kind_annotation(), **annotations).filter(pk=exercise_id).first()


_PLAN_EXERCISE_FIELDS = [f for f in WorkoutExercise._meta.concrete_fields]


def _plan_exercise_row(plan_exercise_id, plan_id) -> Subquery:
    """The plan exercise as one JSON value, to read in the exercise's query."""
    return Subquery(WorkoutExercise.objects.filter(pk=plan_exercise_id, workout_plan_id=plan_id).values(
        row=JSONObject(**{f.attname: f.attname for f in _PLAN_EXERCISE_FIELDS}))[:1])


def _plan_exercise_from(row: dict | None) -> WorkoutExercise | None:
    if row is None:
        return None
    return WorkoutExercise.from_db("default", [f.attname for f in _PLAN_EXERCISE_FIELDS],
                                   [f.to_python(row[f.attname]) for f in _PLAN_EXERCISE_FIELDS])


class SetEditForm(SetDetailsForm):
    """A logged set as corrected: its weight, typed as the lifter types it ("BW + 10",
    "62.5", "140 lb") and converted to kg for the exercise's load kind, its reps, and
    its details. The limits are the model's (the service runs full_clean)."""

    weight = forms.CharField(max_length=units.MAX_TYPED, strip=True, error_messages={
        "required": units.BLANK_WEIGHT, "max_length": "Enter the weight as a number, like 60 or 62.5."})
    reps = forms.IntegerField(error_messages={"required": "Enter the reps.",
                                              "invalid": "Enter the reps as a whole number."})

    def __init__(self, *args, exercise=None, unit_system: str = "metric", **kwargs):
        super().__init__(*args, **kwargs)
        self.exercise, self.unit_system = exercise, unit_system

    def load_kind(self) -> str:
        return exercise_load_kind(self.exercise) if self.exercise is not None else units.LOADED

    def clean(self):
        data = super().clean()
        if "weight" in data and self.exercise is not None:
            try:
                data["weight_kg"] = units.parse_set_weight(data["weight"], self.unit_system, self.load_kind())
            except units.WeightError as exc:
                self.add_error("weight", str(exc))
        return data


class _SharedFields(dict):
    """A form's fields, which none of its instances changes: each instance shares them
    instead of the deep copy Django makes for it (the widgets, choices and messages of
    ten fields, ~0.4 ms of every set log). The fields are then shared by every request
    and thread: a form using this must never change a field or widget in `__init__`
    (`required`, `choices`, `widget.attrs`); give it a field of its own instead."""

    def __deepcopy__(self, memo):
        return dict(self)


class SetForm(SetEditForm):
    """One set logged from the workout page. `id` was generated with the page (a repeat
    finds the stored set); `exercise` and `plan_exercise` name what the row is for,
    looked up against the session's plan; `confirm` says "yes, that weight" to the
    one-time question about a set far above the best."""

    id = forms.UUIDField(error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE})
    exercise = forms.UUIDField(error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE})
    plan_exercise = forms.UUIDField(required=False)
    number = forms.IntegerField(required=False, min_value=1, max_value=10_000)
    confirm = forms.BooleanField(required=False)

    def __init__(self, *args, session, plan=None, **kwargs):
        """`plan`: the session's plan as read already (sessions.workout_page.read_plan),
        whose exercises, with their load kind, need no query of their own."""
        super().__init__(*args, **kwargs)
        self.session = session
        self.plan = plan

    def clean(self):
        # The exercise first: how the weight reads depends on it (BW, assistance). One
        # query: the exercise, its load kind, the plan exercise of this session's plan
        # the row is for, and the best e1RM the "did you mean" compares with.
        exercise_id = self.cleaned_data.get("exercise")
        plan_exercise_id = self.cleaned_data.get("plan_exercise")
        if self.plan is not None:
            plan_items, exercises = self.plan
            known = {e.pk: e for e in [*(i.exercise for i in plan_items), *exercises]}
            if exercise_id in known:
                # A row of the page: the exercise and the plan exercise as the plan read them.
                self.exercise = known[exercise_id]
                self.plan_exercise = next((i for i in plan_items if i.pk == plan_exercise_id), None)
                return super().clean()
        self.exercise = exercise_with_load_kind(exercise_id, **self._annotations(plan_exercise_id)) \
            if exercise_id else None
        if exercise_id and self.exercise is None:
            self.add_error(None, OUT_OF_DATE)
        if self.exercise is not None:
            self.plan_exercise = _plan_exercise_from(self.exercise.plan_exercise_row)
        elif plan_exercise_id:
            self.plan_exercise = WorkoutExercise.objects.filter(
                pk=plan_exercise_id, workout_plan_id=self.session.workout_plan_id).first()
        else:
            self.plan_exercise = None
        return super().clean()

    def _annotations(self, plan_exercise_id) -> dict:
        best = PersonalRecord.objects.filter(user_id=self.session.user_id, exercise=OuterRef("pk"),
                                             record_type=RecordType.ONE_REP_MAX).values("value")[:1]
        row = _plan_exercise_row(plan_exercise_id, self.session.workout_plan_id) if plan_exercise_id else \
            Value(None, output_field=JSONField())
        return {"best_1rm": Subquery(best), "plan_exercise_row": row}


SetForm.base_fields = _SharedFields(SetForm.base_fields)
