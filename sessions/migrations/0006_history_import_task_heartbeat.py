"""History import: the background task in charge and its heartbeat, so an import whose
worker was killed mid-task is noticed (no heartbeat for minutes, or its task row ended)
and can be cleaned up and retried. Two nullable columns on an extension table."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workout_sessions', '0005_set_type_rpe_notes'),
    ]

    operations = [
        migrations.AddField(
            model_name='historyimport',
            name='task_id',
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='historyimport',
            name='heartbeat_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
