"""Fold the catalogue's twins, two exercises for one movement (equipment/data/
merged-exercises.json, with the reason for each), into one: every user's plans, sets
and records follow the survivor (the SQL function exercise_merge, migration 0005), and
the records of the users whose sets moved are recomputed, as the admin's merge does.

First exercise_merge learns the exercise ids kept inside JSON: a workout's swaps
(workout_session.substitutions) and a queued history import's chosen exercises
(history_import.mappings) would otherwise still name the loser, and the swap or those
sets be lost. The admin's merge gains it too.

Depends on the last migration of every app with rows pointing at exercises, so that
their tables and columns are there to follow the survivor and the records' recompute
(run with today's models) finds the columns it reads. Going back leaves the twins
folded: the loser's rows are the survivor's now and nothing tells them apart."""

import io
from importlib import import_module

from django.core.management import call_command
from django.db import migrations

from equipment import catalog

_CREATED = import_module("equipment.migrations.0005_exercise_merge_function").CREATE
MERGE_0005 = _CREATED[_CREATED.index("CREATE FUNCTION exercise_merge"):].replace(
    "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)

# For each user (the loop of exercise_merge, under their row-level security): a JSON
# object {key: exercise id} whose values name the loser names the survivor instead.
JSON_IDS = """
        FOR ref IN SELECT j.tbl, j.col FROM (VALUES ('workout_session', 'substitutions'),
                                                  ('history_import', 'mappings')) AS j(tbl, col)
                   WHERE to_regclass(j.tbl) IS NOT NULL LOOP
            EXECUTE format('UPDATE %I SET %I = (SELECT jsonb_object_agg(e.key, CASE WHEN e.value = to_jsonb($1::text)'
                           ' THEN to_jsonb($2::text) ELSE e.value END) FROM jsonb_each(%I) e)'
                           ' WHERE jsonb_typeof(%I) = ''object'''
                           ' AND EXISTS (SELECT 1 FROM jsonb_each_text(%I) e WHERE e.value = $1::text)',
                           ref.tbl, ref.col, ref.col, ref.col, ref.col) USING loser, survivor;
            GET DIAGNOSTICS n = ROW_COUNT;
            touched := touched OR n > 0;
        END LOOP;
"""
_RETURN = "        IF touched THEN\n            RETURN NEXT uid;"
assert _RETURN in MERGE_0005
MERGE = MERGE_0005.replace(_RETURN, JSON_IDS + _RETURN, 1)


def fold(apps, schema_editor):
    users = catalog.fold_twins(Exercise=apps.get_model("equipment", "Exercise"),
                               ExerciseEquipment=apps.get_model("equipment", "ExerciseEquipment"),
                               connection=schema_editor.connection)
    User = apps.get_model("allworkouts", "User")
    for email in User.objects.filter(pk__in=users).values_list("email", flat=True):
        call_command("recompute_records", user=email, stdout=io.StringIO())


class Migration(migrations.Migration):
    dependencies = [
        ("equipment", "0006_seed_missing_exercises"),
        ("plans", "0005_workout_plan_source_plan"),
        ("records", "0003_exercise_history_index"),
        ("workout_sessions", "0007_set_limits_as_validators"),
    ]
    operations = [
        migrations.RunSQL(MERGE, MERGE_0005),
        migrations.RunPython(fold, migrations.RunPython.noop),
    ]
