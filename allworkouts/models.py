"""The user account, on the schema's table "user"."""

import uuid
from zoneinfo import available_timezones

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.functions import RandomUUID
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models

from allworkouts.db import CurrentTimestamp, EnumField, from_row


class UnitSystem(models.TextChoices):
    METRIC = "metric", "Metric (kg)"
    IMPERIAL = "imperial", "Imperial (lb)"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)

    def get_by_natural_key(self, username: str) -> "User":
        return self.get(email=normalize_email(username))

    def get(self, *args, **kwargs) -> "User":
        """`get(pk=...)` alone, what django.contrib.auth's ModelBackend.get_user asks on
        every request of a logged-in user, is one plain query: building it through the
        ORM was over half that lookup's time (~0.15 ms a request). The same user, the
        same DoesNotExist; any other lookup goes through the ORM."""
        if args or kwargs.keys() != {"pk"} or self._db is not None:
            return super().get(*args, **kwargs)
        meta = self.model._meta
        columns = ", ".join(f'"{field.column}"' for field in meta.concrete_fields)
        pk = meta.pk.to_python(kwargs["pk"])  # a malformed id: ValidationError, as the ORM raises
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT {columns} FROM "{meta.db_table}" WHERE "{meta.pk.column}" = %s', [pk])
            row = cursor.fetchone()
        if row is None:
            raise self.model.DoesNotExist(f"{meta.object_name} matching query does not exist.")
        return from_row(self.model, meta.concrete_fields, row)


def validate_time_zone(value: str) -> None:
    if value and value not in available_timezones():
        raise ValidationError("Choose a time zone from the list.", code="time_zone")


def normalize_email(email: str) -> str:
    """Emails are stored lower-cased, so 'Ana@X.com' and 'ana@x.com' are one account."""
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    email = models.EmailField(max_length=255)
    # The schema names the column password_hash; Django's auth code says `password`.
    password = models.CharField("password", max_length=255, db_column="password_hash")
    unit_system = EnumField(
        enum_type="unit_system_enum",
        choices=UnitSystem.choices,
        default=UnitSystem.METRIC,
        db_default=UnitSystem.METRIC.value,
    )
    # Extension columns, the lifter's settings: the IANA time zone dates are shown in
    # (from the browser, changeable in the profile; NULL shows UTC), the rest timer's
    # default when neither plan nor exercise names one, and the bar and plates the plate
    # calculator loads (kg; NULL: 20 kg / 45 lb and the usual plates).
    time_zone = models.CharField(max_length=64, null=True, blank=True, validators=[validate_time_zone])
    default_rest_seconds = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(10), MaxValueValidator(1800)])
    bar_weight_kg = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True,
                                        validators=[MinValueValidator(0), MaxValueValidator(50)])
    plates_kg = ArrayField(models.DecimalField(max_digits=5, decimal_places=2), null=True, blank=True)
    # Django's own columns (extensions of the schema): admin access and deactivation.
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        db_table = "user"
        constraints = [models.UniqueConstraint(fields=["email"], name="user_email_key")]
        indexes = [models.Index(fields=["email"], name="idx_user_email")]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalize_email(self.email)


class LoginThrottle(models.Model):
    """Failed log-ins per account (hashed email) and per IP address within a window.

    An extension table of ours, not in the schema spec: rate limiting must hold across
    every gunicorn worker and host, and PostgreSQL is the one store they all share."""

    key = models.CharField(max_length=100, primary_key=True)
    window_started_at = models.DateTimeField()
    failures = models.IntegerField()

    class Meta:
        db_table = "login_throttle"
