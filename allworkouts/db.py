"""Database helpers shared by every app: PostgreSQL enum columns, SQL defaults, and the
row-level-security context (`rls_user`) that decides whose rows a query can see."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.postgres.fields import ArrayField
from django.db import connection, models, transaction
from django.db.models import Func

RLS_SETTING = "app.current_user_id"

# A column for the first statement of a request whose statements are the same request
# after request (a set log, the workout page): the rest of its transaction runs them
# with their generic plans. Prepared (settings: server-side binding), such a statement
# is still planned afresh on every run when PostgreSQL's estimate of its generic plan
# comes out above the plans made for the values (the set log's INSERT, with the
# answer's read in it, was re-planned on every request: about 1 ms of its ~5); these
# statements find their rows through the same indexes whatever the values
# (tests/sessions/test_generic_plans.py holds their generic plans to that).
GENERIC_PLANS = "set_config('plan_cache_mode', 'force_generic_plan', true)"


class CurrentTimestamp(Func):
    """`DEFAULT CURRENT_TIMESTAMP`, as the schema spells it (Django's Now() renders
    STATEMENT_TIMESTAMP() on PostgreSQL, which is a different default)."""

    template = "CURRENT_TIMESTAMP"
    output_field = models.DateTimeField()


class EmptyArray(Func):
    """`DEFAULT '{}'` for an array column, typed by the column itself."""

    template = "'{}'"


class EnumField(models.CharField):
    """A column of a PostgreSQL enum type. `choices` validate in forms and the admin;
    the enum type (created by a RunSQL migration) enforces the values in the database."""

    def __init__(self, *args, enum_type: str, **kwargs):
        self.enum_type = enum_type
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["enum_type"] = self.enum_type
        if kwargs.get("max_length") == 32:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def db_type(self, connection):
        return self.enum_type

    def cast_db_type(self, connection):
        return self.enum_type

    def get_prep_value(self, value):
        # A value the enum lacks would be a DataError from PostgreSQL when the query
        # runs (a 500); refusing it here, when the filter is built, lets callers such
        # as the admin's list filters (?unit_system__exact=x) answer with a message.
        value = super().get_prep_value(value)
        if value is not None and self.choices and value not in {str(c[0]) for c in self.flatchoices}:
            raise ValueError(f"{value!r} is not a value of {self.enum_type}.")
        return value


def parse_pg_array(text: str) -> list[str]:
    """Parse PostgreSQL's text form of a one-dimensional array (`{chest,"lower back"}`).

    psycopg returns arrays of types it has not been told about (our enums) as text;
    the design promises Python lists of strings, so they are parsed here."""
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError(f"not a PostgreSQL array literal: {text!r}")
    body = text[1:-1]
    items: list[str] = []
    i, n = 0, len(body)
    while i < n:
        if body[i] == '"':
            i += 1
            chars = []
            while body[i] != '"':
                if body[i] == "\\":
                    i += 1
                chars.append(body[i])
                i += 1
            items.append("".join(chars))
            i += 1  # closing quote
        else:
            end = body.find(",", i)
            end = n if end == -1 else end
            items.append(body[i:end])
            i = end
        i += 1  # the comma
    return items


class EnumArrayField(ArrayField):
    """An array of a PostgreSQL enum type that reads back as a list of strings."""

    def from_db_value(self, value, expression, connection):
        if isinstance(value, str):
            return parse_pg_array(value)
        return value

    def get_placeholder_sql(self, value, compiler, connection):
        # Parameters arrive as text[]; the explicit cast makes them the column's type.
        cast = "::" + self.db_type(connection)
        if hasattr(value, "as_sql"):
            sql, params = compiler.compile(value)
            return f"({sql}){cast}", params
        return "%s" + cast, (value,)


def from_row(model, fields, values):
    """A model instance from its columns as a cursor gave them, converted as the ORM
    converts them (a JSON column's text decoded, say): what a raw() query makes,
    without its per-query set-up."""
    converted = []
    for field, value in zip(fields, values):
        for converter in field.get_db_converters(connection):
            value = converter(value, field, connection)
        converted.append(value)
    return model.from_db("default", [f.attname for f in fields], converted)


def _set_current_user(value: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, true)", [RLS_SETTING, value])


@contextmanager
def rls_user(user_id: uuid.UUID | str | None) -> Iterator[None]:
    """Run the block in a transaction whose row-level-security user is `user_id`
    (None: nobody, so every protected table looks empty).

    Nested inside another transaction (a request, a test), the previous user is put
    back on the way out, so the setting never leaks past the block."""
    value = str(user_id) if user_id else ""
    nested = connection.in_atomic_block
    with transaction.atomic():
        previous = None
        if nested:
            with connection.cursor() as cursor:
                cursor.execute("SELECT current_setting(%s, true)", [RLS_SETTING])
                previous = cursor.fetchone()[0] or ""
        _set_current_user(value)
        yield
        # On an exception the savepoint's rollback restores the previous value itself.
        if nested and previous != value and not connection.needs_rollback:
            _set_current_user(previous)
