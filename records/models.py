"""Personal records: the best set of each kind per user and exercise."""

import uuid

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.db import models

from allworkouts.db import CurrentTimestamp, EnumField
from equipment.models import Exercise
from sessions.models import ExerciseSession


class RecordType(models.TextChoices):
    ONE_REP_MAX = "1rm", "Estimated 1RM"
    SET_VOLUME = "set_volume", "Best set volume"
    TOTAL_VOLUME = "total_volume", "Best session volume"


class PersonalRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, db_index=False)
    record_type = EnumField(enum_type="record_type_enum", choices=RecordType.choices)
    value = models.DecimalField(max_digits=10, decimal_places=2)
    unit = models.CharField(max_length=10, null=True, blank=True)
    exercise_session = models.ForeignKey(ExerciseSession, on_delete=models.PROTECT, db_index=False)
    achieved_at = models.DateTimeField()
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    class Meta:
        db_table = "personal_record"
        constraints = [
            models.UniqueConstraint(fields=["user", "exercise", "record_type"],
                                    name="personal_record_user_id_exercise_id_record_type_key"),
        ]
        indexes = [
            models.Index(fields=["user", "exercise"], name="idx_personal_record_user_exercise"),
            models.Index(fields=["user"], name="idx_personal_record_user_id"),
            models.Index(fields=["user", "-achieved_at"], name="idx_personal_record_achieved_at"),
        ]
