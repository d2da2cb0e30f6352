"""Row-level security on the plan tables, as the schema spec's policies.

workout_exercise has no policy of its own in the spec: its rows are reached through
workout_plan, whose policy hides other users' plans."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql="""
                ALTER TABLE workout_plan ENABLE ROW LEVEL SECURITY;
                -- The app's role owns the table; without FORCE the owner bypasses every policy.
                ALTER TABLE workout_plan FORCE ROW LEVEL SECURITY;
                CREATE POLICY workout_plan_user_isolation ON workout_plan
                  FOR ALL
                  USING (user_id = current_user_id())
                  WITH CHECK (user_id = current_user_id());
            """,
            reverse_sql="""
                DROP POLICY workout_plan_user_isolation ON workout_plan;
                ALTER TABLE workout_plan NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE workout_plan DISABLE ROW LEVEL SECURITY;
            """,
        ),
        migrations.RunSQL(
            sql="""
                ALTER TABLE workout_import_log ENABLE ROW LEVEL SECURITY;
                -- The app's role owns the table; without FORCE the owner bypasses every policy.
                ALTER TABLE workout_import_log FORCE ROW LEVEL SECURITY;
                CREATE POLICY workout_import_log_user_isolation ON workout_import_log
                  FOR ALL
                  USING (user_id = current_user_id())
                  WITH CHECK (user_id = current_user_id());
            """,
            reverse_sql="""
                DROP POLICY workout_import_log_user_isolation ON workout_import_log;
                ALTER TABLE workout_import_log NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE workout_import_log DISABLE ROW LEVEL SECURITY;
            """,
        ),
    ]
