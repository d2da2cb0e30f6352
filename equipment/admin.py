"""Django admin for curating the catalogue."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html

from allworkouts.admin import HardenedAdmin
from equipment import services
from equipment.models import Equipment, Exercise, MuscleGroup, ReviewStatus


class AddedByUsersFilter(admin.SimpleListFilter):
    """Exercises users added from the import review or a search: the admins' queue."""
    title = "added by users"
    parameter_name = "added"

    def lookups(self, request, model_admin):
        return [("pending", "Added by users, not yet reviewed"), ("approved", "Added by users, approved"),
                ("catalogue", "Catalogue (not added by users)")]

    def queryset(self, request, queryset):
        if self.value() in ReviewStatus.values:
            return queryset.filter(review_status=self.value())
        if self.value() == "catalogue":
            return queryset.filter(review_status__isnull=True)
        return queryset


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=Exercise.objects.all(), label="Merge into",
                                      help_text="Plans, logged sets and records move to this exercise.")


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
class ExerciseAdmin(HardenedAdmin):
    form = ExerciseAdminForm
    list_display = ["name", "primary_muscles", "secondary_muscles", "equipment_list", "default_reps",
                    "default_rest_time_seconds", "review_status", "added_by"]
    search_fields = ["name"]
    list_filter = [AddedByUsersFilter, MuscleGroupFilter, "equipment"]
    list_per_page = 50
    list_select_related = ["added_by"]
    actions = ["approve"]
    readonly_fields = ["added_by", "review_status"]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Bulk delete would skip the "where is it used" check below.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description="Approve the selected user-added exercises")
    def approve(self, request, queryset):
        count = services.exercise_approve(exercises=list(queryset))
        self.message_user(request, f"Approved {count} exercise{'s' if count != 1 else ''}.", messages.SUCCESS)

    def get_urls(self):
        merge = path("<uuid:object_id>/merge/", self.admin_site.admin_view(self.merge_view),
                     name="equipment_exercise_merge")
        return [merge, *super().get_urls()]

    def delete_view(self, request, object_id, extra_context=None):
        """Refuse to delete an exercise users' plans, sets or records name (the database
        would refuse too, at commit); say where it is used and offer the merge."""
        exercise = self.get_object(request, object_id)
        if exercise is not None:
            usage = services.exercise_usage(exercise=exercise)
            if usage:
                where = ", ".join(f"{n} {name}" for name, n in sorted(usage.items()))
                self.message_user(request, format_html(
                    "“{}” can't be deleted: users' data names it ({}). "
                    '<a href="{}">Merge it into another exercise</a> instead; that moves all of it.',
                    exercise.name, where, reverse("admin:equipment_exercise_merge", args=[exercise.pk])),
                    messages.ERROR)
                return redirect(reverse("admin:equipment_exercise_change", args=[exercise.pk]))
        return super().delete_view(request, object_id, extra_context)

    def merge_view(self, request, object_id):
        loser = get_object_or_404(Exercise, pk=object_id)
        if not self.has_change_permission(request, loser) or not self.has_delete_permission(request, loser):
            raise PermissionDenied
        form = MergeForm(request.POST or None)
        form.fields["survivor"].queryset = Exercise.objects.exclude(pk=loser.pk).order_by("name")
        if request.method == "POST" and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            try:
                users = services.exercise_merge(loser=loser, survivor=survivor)
            except ValidationError as exc:
                form.add_error("survivor", exc)
            else:
                # Records follow the survivor: recompute them for everyone whose rows moved.
                for email in get_user_model().objects.filter(pk__in=users).values_list("email", flat=True):
                    call_command("recompute_records", user=email, stdout=_Null())
                self.message_user(request, f"Merged “{loser.name}” into “{survivor.name}”; "
                                           f"{len(users)} user{'s' if len(users) != 1 else ''}' data moved.",
                                  messages.SUCCESS)
                return redirect(reverse("admin:equipment_exercise_change", args=[survivor.pk]))
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "original": loser,
                   "form": form, "usage": services.exercise_usage(exercise=loser),
                   "title": f"Merge “{loser.name}” into another exercise"}
        return render(request, "admin/equipment/exercise/merge.html", context,
                      status=400 if form.errors else 200)

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


class _Null:
    def write(self, text):
        pass

    def flush(self):
        pass


@admin.register(Equipment)
class EquipmentAdmin(HardenedAdmin):
    """Deleting equipment users own is refused (HardenedAdmin.delete_view: their lists
    are hidden from admins, so Django's own check cannot see them)."""
    list_display = ["name", "description", "exercise_count"]
    search_fields = ["name"]
    # The count's GROUP BY drops the model's ordering; pages (and the autocomplete) need one.
    ordering = ["name"]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Bulk delete would skip the "do users own it" check.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(exercise_count=Count("exercises"))

    @admin.display(description="Exercises", ordering="exercise_count")
    def exercise_count(self, obj):
        return obj.exercise_count
