"""Django admin for curating the catalogue."""

from django import forms
from django.contrib import admin
from django.db.models import Count

from equipment import services
from equipment.models import Equipment, Exercise, MuscleGroup


class MuscleGroupFilter(admin.SimpleListFilter):
    title = "primary muscle group"
    parameter_name = "muscle"

    def lookups(self, request, model_admin):
        return MuscleGroup.choices

    def queryset(self, request, queryset):
        if self.value() in MuscleGroup.values:
            return queryset.filter(primary_muscle_groups__contains=[self.value()])
        return queryset


class ExerciseAdminForm(forms.ModelForm):
    primary_muscle_groups = forms.MultipleChoiceField(
        choices=MuscleGroup.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one primary muscle group."},
    )
    secondary_muscle_groups = forms.MultipleChoiceField(
        choices=MuscleGroup.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    equipment_needed = forms.ModelMultipleChoiceField(
        queryset=Equipment.objects.all(), widget=forms.CheckboxSelectMultiple,
        label="Equipment", help_text="What the exercise needs; Bodyweight if nothing.",
        error_messages={"required": "Choose the equipment it needs (Bodyweight if none)."},
    )

    class Meta:
        model = Exercise
        fields = [
            "name", "primary_muscle_groups", "secondary_muscle_groups", "default_weight",
            "default_reps", "default_rest_time_seconds", "description",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["equipment_needed"].initial = list(self.instance.equipment.all())


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    form = ExerciseAdminForm
    list_display = ["name", "primary_muscles", "secondary_muscles", "equipment_list", "default_reps", "default_rest_time_seconds"]
    search_fields = ["name"]
    list_filter = [MuscleGroupFilter, "equipment"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("equipment")

    @admin.display(description="Primary")
    def primary_muscles(self, obj):
        return ", ".join(obj.primary_muscle_groups)

    @admin.display(description="Secondary")
    def secondary_muscles(self, obj):
        return ", ".join(obj.secondary_muscle_groups or [])

    @admin.display(description="Equipment")
    def equipment_list(self, obj):
        return ", ".join(e.name for e in obj.equipment.all())

    def save_model(self, request, obj, form, change):
        # The links are saved with the exercise, in save_related, by one service call.
        pass

    def save_related(self, request, form, formsets, change):
        services.exercise_save(exercise=form.instance, equipment=list(form.cleaned_data["equipment_needed"]))


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "exercise_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(exercise_count=Count("exercises"))

    @admin.display(description="Exercises", ordering="exercise_count")
    def exercise_count(self, obj):
        return obj.exercise_count
