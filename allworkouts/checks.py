"""System checks: refuse to run as a database role that row-level security ignores."""

from django.core import checks
from django.db import connections


def role_problems(*, rolname: str, rolsuper: bool, rolbypassrls: bool) -> list[checks.Error]:
    """The errors for a role with these attributes (pure, so it can be tested for any role)."""
    errors = []
    if rolsuper:
        errors.append(
            checks.Error(
                f"The database role {rolname!r} is a superuser; row-level security does not "
                "apply to superusers, so every user could see every other user's data.",
                hint="Connect as a role created with NOSUPERUSER NOBYPASSRLS.",
                id="allworkouts.E001",
            )
        )
    if rolbypassrls:
        errors.append(
            checks.Error(
                f"The database role {rolname!r} has BYPASSRLS; row-level security would not "
                "keep users' data apart.",
                hint="ALTER ROLE ... NOBYPASSRLS, or connect as another role.",
                id="allworkouts.E002",
            )
        )
    return errors


def current_role_problems(using: str = "default") -> list[checks.Error]:
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
        )
        rolname, rolsuper, rolbypassrls = cursor.fetchone()
    return role_problems(rolname=rolname, rolsuper=rolsuper, rolbypassrls=rolbypassrls)


@checks.register(checks.Tags.database)
def check_database_role(app_configs=None, databases=None, **kwargs) -> list[checks.Error]:
    if not databases:
        return []
    return [e for alias in databases for e in current_role_problems(alias)]
