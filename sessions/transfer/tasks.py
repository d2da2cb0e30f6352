"""Background task of history import (Django's tasks framework; the database backend's
worker, `manage.py db_worker`, runs it; bin/serve starts one beside gunicorn)."""

from django.tasks import task
from django.utils import timezone

from allworkouts.models import User


@task(takes_context=True)
def import_history_task(context, import_id: str, user_id: str) -> None:
    from sessions.transfer import services

    user = User.objects.get(pk=user_id)
    # Its own id: the import names the task in charge, so a retried import's earlier
    # attempt (a worker thought dead) writes nothing more.
    # The file's times are the lifter's wall clock, read in their zone as the preview did.
    with timezone.override(services.user_zone(user)):
        services.run_queued_import(user=user, import_id=import_id, task_id=context.task_result.id)
