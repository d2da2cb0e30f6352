"""Row-level security for every request."""

from django.db import transaction

from allworkouts.db import rls_user


class RowLevelSecurityMiddleware:
    """One transaction per request, with `app.current_user_id` set as its first
    statement, so PostgreSQL's policies show each user only their own rows.

    The view runs *and its response is rendered* inside the transaction (a lazy
    TemplateResponse rendered later would see no rows). An exception or a 5xx
    rolls everything back, so a failed request leaves nothing half-saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else None
        with rls_user(user_id):
            response = self.get_response(request)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
