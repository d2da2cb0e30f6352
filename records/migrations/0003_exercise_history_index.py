"""An extra index for the exercise page's history read (records/progress.py).

The page reads every set a user logged of one exercise. The spec's index on
exercise_session (exercise_id) finds them, but each is then fetched from the table
(for its weight, reps, type and time): at 100,000 sets, the 7,000 sets of a main lift
sit on ~1,500 of the table's ~1,550 pages. This index carries those columns, so the
read is an index-only scan of ~140 pages (the RLS policy's workout_session_id is in
it too). It lives in the records app, whose read it serves; the model (sessions) does
not declare it, so it is created here in SQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0002_row_level_security"),
        ("workout_sessions", "0005_set_type_rpe_notes"),
    ]

    operations = [
        migrations.RunSQL(
            sql="""
                CREATE INDEX idx_exercise_session_exercise_history ON exercise_session
                  (exercise_id, workout_session_id) INCLUDE (weight, reps, set_type, created_at);
            """,
            reverse_sql="DROP INDEX idx_exercise_session_exercise_history;",
        ),
    ]
