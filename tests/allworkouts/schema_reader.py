"""Read the migrated schema from PostgreSQL's catalogs, in a form tests can compare
with the pinned copy in expected_schema.py."""

from __future__ import annotations

import re

SCHEMA_TABLES = (
    "user", "equipment", "exercise", "exercise_equipment", "user_equipment", "workout_plan",
    "workout_exercise", "workout_session", "exercise_session", "personal_record", "workout_import_log",
)
ENUMS = ("muscle_group_enum", "unit_system_enum", "confidence_level_enum", "session_status_enum", "record_type_enum")


def _norm(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text).strip()


def read_schema(cursor) -> dict:
    tables = list(SCHEMA_TABLES)
    schema: dict = {"enums": {}, "columns": {}, "constraints": {}, "indexes": {}, "rls": {}, "policies": {}}
    cursor.execute(
        """SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
           FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
           WHERE t.typname = ANY(%s) GROUP BY t.typname""",
        [list(ENUMS)],
    )
    schema["enums"] = {name: list(labels) for name, labels in cursor.fetchall()}

    cursor.execute(
        """SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                  pg_get_expr(d.adbin, d.adrelid)
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE c.relname = ANY(%s) AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
           ORDER BY c.relname, a.attnum""",
        [tables],
    )
    for table, column, type_, notnull, default in cursor.fetchall():
        schema["columns"][f"{table}.{column}"] = (type_, "NOT NULL" if notnull else "NULL", default)

    cursor.execute(
        """SELECT c.relname, k.contype, pg_get_constraintdef(k.oid)
           FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
           WHERE c.relname = ANY(%s) AND k.contype IN ('p', 'u', 'f', 'c')""",
        [tables],
    )
    for table, contype, definition in cursor.fetchall():
        # Django makes foreign keys DEFERRABLE; the schema does not compare that.
        definition = definition.replace(" DEFERRABLE INITIALLY DEFERRED", "")
        schema["constraints"].setdefault(table, []).append(f"{contype}: {definition}")
    for table in schema["constraints"]:
        schema["constraints"][table].sort()

    cursor.execute(
        """SELECT c.relname, i.relname, pg_get_indexdef(i.oid)
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_class c ON c.oid = x.indrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
           WHERE c.relname = ANY(%s) AND i.relname LIKE 'idx\\_%%'""",
        [tables],
    )
    for table, index, definition in cursor.fetchall():
        schema["indexes"][index] = _norm(re.sub(r" ON \S+\.", " ON ", definition))

    cursor.execute(
        """SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
           WHERE c.relname = ANY(%s) AND c.relkind = 'r'""",
        [tables],
    )
    schema["rls"] = {t: (rls, force) for t, rls, force in cursor.fetchall() if rls or force}

    cursor.execute(
        """SELECT tablename, policyname, cmd, permissive, qual, with_check FROM pg_policies
           WHERE schemaname = current_schema() AND tablename = ANY(%s)""",
        [tables],
    )
    for table, policy, cmd, permissive, qual, check in cursor.fetchall():
        schema["policies"][f"{table}.{policy}"] = (cmd, permissive, _norm(qual), _norm(check))
    return schema
