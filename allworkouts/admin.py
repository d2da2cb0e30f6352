"""Admin for user accounts, and what every admin page does with bad input.

Admins see the user list, never users' plans, sessions or records: row-level security
hides those from them too, by design (DESIGN.md)."""

import django.contrib.auth.admin  # noqa: F401 - registered now, so they are hardened below
import django_tasks_db.admin  # noqa: F401
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.http import HttpResponseRedirect
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from allworkouts.models import User


class HardenedAdmin(admin.ModelAdmin):
    """Bad input that Django's admin would answer with a 500 (the admin fuzz,
    tests/allworkouts/test_fuzz_admin.py, finds each) answered as the admin answers
    other bad input."""

    def get_object(self, request, object_id, from_field=None):
        # `?_to_field=` (empty) passes Django's "is this field allowed" check, being
        # falsy, and then names no field: read it as "the primary key".
        return super().get_object(request, object_id, from_field or None)

    def lookup_allowed(self, lookup, value, request):
        # PostgreSQL text cannot hold NUL, so a filter value with one matches nothing
        # and only fails the query: the changelist's "invalid filter" redirect (?e=1).
        if "\x00" in str(value):
            raise IncorrectLookupParameters(f"{lookup}: a NUL character")
        return super().lookup_allowed(lookup, value, request)

    def changelist_view(self, request, extra_context=None):
        # A filter value only the database can judge (?name__regex=( is not a regular
        # expression; a huge one is "too complex") fails when the list is read: the
        # same "invalid filter" redirect. In a savepoint, so the request goes on, and
        # rendered here, where the list is read.
        try:
            with transaction.atomic():
                response = super().changelist_view(request, extra_context)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                return response
        except DataError:
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

    def get_search_results(self, request, queryset, search_term):
        # The changelist's search form refuses NUL itself; the autocomplete's term is
        # not a form field.
        if "\x00" in search_term:
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)

    def response_action(self, request, queryset, *args, **kwargs):
        # A selection that is not an id of this model (a tampered form) would fail in
        # the action's query; it is "nothing selected" instead.
        pk = self.model._meta.pk
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                pk.to_python(value)
        except ValidationError:
            self.message_user(request, "Those items don't exist. Nothing was changed.", messages.WARNING)
            return None
        return super().response_action(request, queryset, *args, **kwargs)

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_delete_permission(request, obj) and used_where_admins_cannot_see(obj):
            self.message_user(request, f"“{obj}” can't be deleted: users' own data (which admins don't see) "
                                       "still uses it. Nothing was deleted.", messages.ERROR)
            opts = self.model._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        return super().delete_view(request, object_id, extra_context)


class _Undo(Exception):
    pass


def used_where_admins_cannot_see(obj) -> bool:
    """Whether users' rows point at `obj`. Row-level security hides them from the admin,
    so Django's "what else would be deleted" check finds none, and the database refuses
    the delete only at commit (the request's end: a 500). So the delete is tried here
    with the foreign keys checked at once, in a savepoint that is always rolled back
    (which also undoes SET CONSTRAINTS). Rows the admin does see (a protected link) are
    left to Django's own page."""
    try:
        with transaction.atomic():
            type(obj)._default_manager.filter(pk=obj.pk).delete()
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            raise _Undo
    except (_Undo, ProtectedError, RestrictedError):
        return False
    except IntegrityError:
        return True


def harden(model) -> None:
    """Register `model` again with its admin class made a HardenedAdmin."""
    current = type(admin.site.get_model_admin(model))
    admin.site.unregister(model)
    admin.site.register(model, type(current.__name__, (HardenedAdmin, current), {}))


# Django's and django-tasks' own admins (registered before this module runs).
harden(Group)
harden(DBTaskResult)


@admin.register(User)
class UserAdmin(HardenedAdmin):
    list_display = ["email", "unit_system", "is_staff", "is_active", "created_at", "last_login"]
    list_filter = ["unit_system", "is_staff", "is_active"]
    search_fields = ["email"]
    ordering = ["-created_at"]
    fields = ["email", "unit_system", "is_active", "is_staff", "is_superuser", "groups", "last_login", "created_at"]
    readonly_fields = ["last_login", "created_at"]
    filter_horizontal = ["groups"]

    def lookup_allowed(self, lookup, value, request):
        # Django lets any field be filtered through the query string; on the password
        # hash that is a way to read hashes a character at a time (?password__startswith=).
        if lookup.split("__")[0] == "password":
            return False
        return super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request):
        # Accounts are created by registering (or `manage.py createsuperuser`).
        return False

    def has_delete_permission(self, request, obj=None):
        # An admin cannot see a user's rows (row-level security), so cannot delete them;
        # users delete their own account, with all its data, from their profile.
        return False
