"""Row-level security on personal records, as the schema spec's policy."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql="""
                ALTER TABLE personal_record ENABLE ROW LEVEL SECURITY;
                -- The app's role owns the table; without FORCE the owner bypasses every policy.
                ALTER TABLE personal_record FORCE ROW LEVEL SECURITY;
                CREATE POLICY personal_record_user_isolation ON personal_record
                  FOR ALL
                  USING (user_id = current_user_id())
                  WITH CHECK (user_id = current_user_id());
            """,
            reverse_sql="""
                DROP POLICY personal_record_user_isolation ON personal_record;
                ALTER TABLE personal_record NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE personal_record DISABLE ROW LEVEL SECURITY;
            """,
        ),
    ]
