"""exercise_merge(loser, survivor) and exercise_usage(exercise): the two things an admin
does to exercises that reach into every user's rows.

Plans, sets and records are protected by row-level security per user (the setting
app.current_user_id), also from the table owner (FORCE), and the app's role cannot
bypass it; a SECURITY DEFINER function would run as that same role and see nothing
more. So these functions go through the users one by one and, for each, set the
setting and act as that user: every row is still read and written under its owner's
policy, and nothing is possible that the role could not already do by setting the
variable itself. The cost is one pass per user, for a rare admin action.

Which columns point at an exercise is read from the catalogue (pg_constraint), so a
table added later with a foreign key to exercise (say, a history import's name
mapping) follows the survivor too."""

from django.db import migrations

REFERENCES = """
    SELECT c.conrelid::regclass::text AS tbl, a.attname::text AS col
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = 'exercise'::regclass
      AND c.conrelid NOT IN ('exercise'::regclass, 'exercise_equipment'::regclass)
"""

CREATE = f"""
CREATE FUNCTION exercise_usage(target uuid)
RETURNS TABLE (tbl text, uses bigint) LANGUAGE plpgsql AS $$
DECLARE
    previous text := coalesce(current_setting('app.current_user_id', true), '');
    uid uuid;
    ref record;
    n bigint;
    totals jsonb := '{{}}';
BEGIN
    FOR uid IN SELECT id FROM "user" LOOP
        PERFORM set_config('app.current_user_id', uid::text, true);
        FOR ref IN {REFERENCES} LOOP
            EXECUTE format('SELECT count(*) FROM %s WHERE %I = $1', ref.tbl, ref.col) INTO n USING target;
            IF n > 0 THEN
                totals := jsonb_set(totals, ARRAY[ref.tbl], to_jsonb(coalesce((totals ->> ref.tbl)::bigint, 0) + n));
            END IF;
        END LOOP;
    END LOOP;
    PERFORM set_config('app.current_user_id', previous, true);
    RETURN QUERY SELECT key, value::bigint FROM jsonb_each_text(totals);
END $$;

CREATE FUNCTION exercise_merge(loser uuid, survivor uuid)
RETURNS SETOF uuid LANGUAGE plpgsql AS $$
DECLARE
    previous text := coalesce(current_setting('app.current_user_id', true), '');
    uid uuid;
    ref record;
    n bigint;
    touched boolean;
BEGIN
    IF loser = survivor THEN
        RAISE EXCEPTION 'an exercise cannot be merged into itself';
    END IF;
    PERFORM 1 FROM exercise WHERE id = survivor;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no exercise %', survivor;
    END IF;
    FOR uid IN SELECT id FROM "user" LOOP
        PERFORM set_config('app.current_user_id', uid::text, true);
        touched := false;
        -- The loser's records go; the app recomputes the survivor's from the moved sets.
        DELETE FROM personal_record WHERE exercise_id = loser;
        GET DIAGNOSTICS n = ROW_COUNT;
        touched := n > 0;
        FOR ref IN {REFERENCES} LOOP
            EXECUTE format('UPDATE %s SET %I = $2 WHERE %I = $1', ref.tbl, ref.col, ref.col) USING loser, survivor;
            GET DIAGNOSTICS n = ROW_COUNT;
            touched := touched OR n > 0;
        END LOOP;
        IF touched THEN
            RETURN NEXT uid;
        END IF;
    END LOOP;
    PERFORM set_config('app.current_user_id', previous, true);
    DELETE FROM exercise_equipment WHERE exercise_id = loser;
    DELETE FROM exercise WHERE id = loser;
END $$;
"""

DROP = """
DROP FUNCTION IF EXISTS exercise_merge(uuid, uuid);
DROP FUNCTION IF EXISTS exercise_usage(uuid);
"""


class Migration(migrations.Migration):
    dependencies = [("equipment", "0004_exercise_defaults_bounds_and_added_by")]
    operations = [migrations.RunSQL(CREATE, DROP)]
