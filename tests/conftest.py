"""Fixtures for the whole suite. Every test talks to a real PostgreSQL as a role that
row-level security applies to; the session fixture below refuses to run otherwise."""

from __future__ import annotations

import pytest
from django.db.models.signals import post_migrate
from django.test import Client

from allworkouts.checks import current_role_problems
from allworkouts.db import rls_user
from tests.factories import PASSWORD, UserFactory


def _reseed_catalogue(sender, **kwargs):
    """Transactional tests (live server, threads) end with a flush that empties every
    table, the seeded catalogue too; the flush sends post_migrate, so seed it again."""
    if sender.name != "equipment":
        return
    from django.db import connection

    from equipment import catalog
    from equipment.models import Equipment, Exercise, ExerciseEquipment

    if not Exercise.objects.exists():
        catalog.seed(Equipment=Equipment, Exercise=Exercise, ExerciseEquipment=ExerciseEquipment)
        catalog.seed_added(Equipment=Equipment, Exercise=Exercise, ExerciseEquipment=ExerciseEquipment)
        catalog.fold_twins(Exercise=Exercise, ExerciseEquipment=ExerciseEquipment, connection=connection)


post_migrate.connect(_reseed_catalogue, dispatch_uid="tests.reseed_catalogue")


@pytest.fixture(scope="session", autouse=True)
def _database_role_is_subject_to_rls(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        problems = current_role_problems()
    assert not problems, "Tests must run as a role RLS applies to: " + "; ".join(p.msg for p in problems)


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_user():
    """`with as_user(u):` runs ORM code as that user for row-level security."""
    return rls_user
