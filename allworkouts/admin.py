"""Admin for user accounts. Admins see the user list, never users' plans, sessions or
records: row-level security hides those from them too, by design (DESIGN.md)."""

from django.contrib import admin

from allworkouts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "unit_system", "is_staff", "is_active", "created_at", "last_login"]
    list_filter = ["unit_system", "is_staff", "is_active"]
    search_fields = ["email"]
    ordering = ["-created_at"]
    fields = ["email", "unit_system", "is_active", "is_staff", "is_superuser", "groups", "last_login", "created_at"]
    readonly_fields = ["last_login", "created_at"]
    filter_horizontal = ["groups"]

    def has_add_permission(self, request):
        # Accounts are created by registering (or `manage.py createsuperuser`).
        return False

    def has_delete_permission(self, request, obj=None):
        # An admin cannot see a user's rows (row-level security), so cannot delete them;
        # users delete their own account, with all its data, from their profile.
        return False
