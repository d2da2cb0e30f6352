"""Background task of history import (Django's tasks framework; the database backend's
worker, `manage.py db_worker`, runs it; bin/serve starts one beside gunicorn)."""

from django.tasks import task

from allworkouts.models import User


@task
def import_history_task(import_id: str, user_id: str) -> None:
    from sessions.transfer import services

    user = User.objects.get(pk=user_id)
    services.run_queued_import(user=user, import_id=import_id)
