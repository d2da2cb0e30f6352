"""The workout page makes a card's records as Django's from_db would (sessions.workout_page._record_of)."""

import uuid
from decimal import Decimal

from django.db.models.signals import post_init

from records.models import PersonalRecord
from sessions import workout_page


def test_a_record_row_makes_the_instance_from_db_makes():
    row = (uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "set_volume", Decimal("455.00"), "kg", uuid.uuid4())
    fast = workout_page._record_of(row)
    django = PersonalRecord.from_db("default", workout_page._RECORD_FIELDS, row)
    own = lambda instance: {k: v for k, v in instance.__dict__.items() if k != "_state"}  # noqa: E731
    assert own(fast) == own(django) and fast == django
    assert (fast._state.adding, fast._state.db) == (django._state.adding, django._state.db) == (False, "default")
    assert fast.get_deferred_fields() == django.get_deferred_fields() == {"achieved_at", "created_at", "updated_at"}
    assert fast.get_record_type_display() == "Best set volume" and fast.pk == row[0]
    assert not post_init.has_listeners(PersonalRecord)
