"""Row-level security on user_equipment: which equipment a user owns is their own data
(DESIGN.md asks for it beyond the schema spec's five tables)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("equipment", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql="""
                ALTER TABLE user_equipment ENABLE ROW LEVEL SECURITY;
                -- The app's role owns the table; without FORCE the owner bypasses every policy.
                ALTER TABLE user_equipment FORCE ROW LEVEL SECURITY;
                CREATE POLICY user_equipment_user_isolation ON user_equipment
                  FOR ALL
                  USING (user_id = current_user_id())
                  WITH CHECK (user_id = current_user_id());
            """,
            reverse_sql="""
                DROP POLICY user_equipment_user_isolation ON user_equipment;
                ALTER TABLE user_equipment NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE user_equipment DISABLE ROW LEVEL SECURITY;
            """,
        ),
    ]
