"""Row-level security on sessions and logged sets, as the schema spec's policies."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workout_sessions", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql="""
                ALTER TABLE workout_session ENABLE ROW LEVEL SECURITY;
                -- The app's role owns the table; without FORCE the owner bypasses every policy.
                ALTER TABLE workout_session FORCE ROW LEVEL SECURITY;
                CREATE POLICY workout_session_user_isolation ON workout_session
                  FOR ALL
                  USING (user_id = current_user_id())
                  WITH CHECK (user_id = current_user_id());
            """,
            reverse_sql="""
                DROP POLICY workout_session_user_isolation ON workout_session;
                ALTER TABLE workout_session NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE workout_session DISABLE ROW LEVEL SECURITY;
            """,
        ),
        migrations.RunSQL(
            sql="""
                ALTER TABLE exercise_session ENABLE ROW LEVEL SECURITY;
                -- The app's role owns the table; without FORCE the owner bypasses every policy.
                ALTER TABLE exercise_session FORCE ROW LEVEL SECURITY;
                CREATE POLICY exercise_session_user_isolation ON exercise_session
                  FOR ALL
                  USING (EXISTS (
      SELECT 1 FROM workout_session ws
      WHERE ws.id = workout_session_id
      AND ws.user_id = current_user_id()
    ))
                  WITH CHECK (EXISTS (
      SELECT 1 FROM workout_session ws
      WHERE ws.id = workout_session_id
      AND ws.user_id = current_user_id()
    ));
            """,
            reverse_sql="""
                DROP POLICY exercise_session_user_isolation ON exercise_session;
                ALTER TABLE exercise_session NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE exercise_session DISABLE ROW LEVEL SECURITY;
            """,
        ),
    ]
