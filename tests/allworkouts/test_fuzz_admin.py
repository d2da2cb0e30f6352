"""A fuzz of the Django admin, as a logged-in staff superuser: every registered model's
changelist (each filter, search, ordering and page parameter, one at a time, and every
action with bad selections), add and change forms (a form that saves, then each field
of it alone set to a bad value, then every field at once), delete, history and merge
pages, with real, random and malformed ids; the site's own pages (index, app lists,
password change, autocomplete, view-on-site, unknown URLs); every POST again without a
CSRF token; and every page as a staff user with no permissions. No answer may be a 5xx.

Each request runs with its foreign keys checked at once (SET CONSTRAINTS ALL IMMEDIATE):
in the suite the test's transaction never commits, so a delete the database would
refuse at commit (a row of a user's that row-level security hides from the admin)
shows up here as the 500 it would be in production.

The suite runs a reduced set of values; FUZZ_FULL=1 runs them all and prints counts:
    FUZZ_FULL=1 DJANGO_TEST_DATABASE=test_fuzz bin/test tests/allworkouts/test_fuzz_admin.py -s"""

from __future__ import annotations

import os
import re
import uuid
from collections import Counter, defaultdict
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import reverse

from allworkouts.db import rls_user
from equipment.models import Equipment, Exercise, ReviewStatus, UserEquipment
from tests.allworkouts.test_fuzz import VALUES
from tests.factories import UserFactory, exercise_named, user_data

pytestmark = pytest.mark.django_db

FULL = os.environ.get("FUZZ_FULL") == "1"
# One parameter at a time is where a changelist or form breaks (a filter value, an
# ordering index, a page number): the suite tries the values that broke things most.
# (A huge value is in the every-field-at-once round, which validation meets field by field.)
ONE_AT_A_TIME = VALUES if FULL else ["", "-1", "NaN", "a\x00b", "not-a-uuid"]
REGEXES = ["(", "[a-", "*", "a{99999}", "\\", "x" * 5_000]  # for ?name__regex=
ORDERINGS = ["99", "-99", "1.x", "1..2", "-", "0.-0", "2.1.2.1", "-1.-2", "1" * 30]
# The changelist's own parameters (besides the filters its page links to), and lookups
# an attacker would try through the query string (on fields no filter offers).
CHANGELIST_PARAMS = ["q", "o", "p", "all", "e", "_to_field", "_popup", "_changelist_filters", "t",
                     "password__startswith", "id__gt", "email__regex", "name__regex", "pk__in"]
MALFORMED_IDS = ["not-a-uuid", "-1", "0", "%00", "1e309", quote("<script>"), "x" * 300]
SKIP = {"csrfmiddlewaretoken"}


class _FormData(HTMLParser):
    """The values a browser would submit for the page's forms (inputs, checked boxes,
    selected options, textareas), and every field name the page shows."""

    def __init__(self):
        super().__init__()
        self.data, self.names = defaultdict(list), set()
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            self.names.add(name)
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data[name].append(a.get("value") or "on")
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.data[name].append(a.get("value") or "")
        elif tag == "select" and name:
            self.names.add(name)
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self.names.add(name)
            self._textarea = name
            self.data[name].append("")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def _form(html: str) -> tuple[dict, set]:
    parser = _FormData()
    parser.feed(html)
    return ({k: v for k, v in parser.data.items() if k not in SKIP}, parser.names - SKIP)


def _query_keys(html: str) -> set:
    """The parameters the page's own links use (its filters, ordering, pages)."""
    keys = set()
    for href in re.findall(r'href="\?([^"]*)"', html):
        keys |= {k for k, _ in parse_qsl(unescape(href), keep_blank_values=True)}
    return keys


def _world(admin_user):
    """Something of every kind the admin shows, and what users' data makes of it."""
    user, other = UserFactory(), UserFactory()
    user_data(user, exercise_name="Barbell Squat")
    sled = Equipment.objects.create(name="Fuzz Sled")  # no exercise needs it; a user owns it
    with rls_user(user.pk):
        UserEquipment.objects.create(user=user, equipment=sled)
    unused = Exercise.objects.create(name="Fuzz Unused", primary_muscle_groups=["core"])
    unused.equipment.set([Equipment.objects.get(name="Bodyweight")])
    added = Exercise.objects.create(name="Fuzz Added", primary_muscle_groups=["legs"], added_by=user,
                                    review_status=ReviewStatus.PENDING)
    added.equipment.set([Equipment.objects.get(name="Barbell")])
    user_data(other, exercise_name="Fuzz Added")
    group = Group.objects.create(name="Fuzzers")
    group.permissions.set(Permission.objects.filter(codename__in=["view_exercise", "change_exercise"]))
    return {"user": user, "other": other, "sled": sled, "unused": unused, "added": added, "group": group,
            "squat": exercise_named("Barbell Squat"), "barbell": Equipment.objects.get(name="Barbell"),
            "admin": admin_user}


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def test_the_admin_answers_no_5xx():
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    world = _world(admin_user)
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    statuses, failures = Counter(), []

    def hit(method, url, data=None, *, htmx=False):
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        try:
            response = getattr(client, method)(url, data or {}, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
            status, body = response.status_code, _body(response)
            error = response.exc_info[1] if getattr(response, "exc_info", None) else None
        except Exception as exc:  # noqa: BLE001 - a failure while streaming the answer
            status, body, error = f"raised {type(exc).__name__}", "", exc
        statuses[status] += 1
        if not isinstance(status, int) or status >= 500:
            shown = {k: (repr(v)[:30]) for k, v in (data or {}).items()}
            failures.append((method, url[:120], shown if len(shown) < 4 else "(all fields)", status,
                             f"{type(error).__name__}: {str(error)[:150]}"))
        if "/logout/" in url or not client.session.get("_auth_user_id"):
            client.force_login(admin_user)
        return status, body

    admins = [(model, model_admin) for model, model_admin in admin.site._registry.items()]
    assert {m.__name__ for m, _ in admins} >= {"Exercise", "Equipment", "User", "Group"}

    def admin_url(model, view, *args):
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)

    # Changelists: each parameter its links use, and ours, one at a time.
    posts = []  # (url, base data) of every form, for the CSRF round
    for model, model_admin in admins:
        url = admin_url(model, "changelist")
        status, html = hit("get", url)
        assert status == 200, url
        params = _query_keys(html) | set(CHANGELIST_PARAMS)
        for param in sorted(params):
            for value in ONE_AT_A_TIME + (ORDERINGS if param == "o" else []) + (REGEXES if "regex" in param else []):
                hit("get", url, {param: value})
        # Actions: every one, with selections that are bad ids, someone else's, or none.
        actions = [name for name in model_admin.get_actions(_request(admin_user))] + ["no_such_action"]
        for action in actions:
            for selected in [[], ["not-a-uuid"], [str(uuid.uuid4())], ["1", "a\x00b"], ["x" * 5_000]]:
                hit("post", url, {"action": action, "_selected_action": selected, "index": "0"})
            for value in ONE_AT_A_TIME:
                hit("post", url, {"action": action, "_selected_action": value, "index": value,
                                  "select_across": value})
        posts.append((url, {"action": actions[0], "_selected_action": [], "index": "0"}))

    # Forms that save: the change pages of real objects (the values on the page), the
    # add pages (hand-filled); then each field alone set to each bad value.
    exercise_add = {"name": "Fuzz Press", "primary_muscle_groups": ["shoulders"], "default_reps": "10",
                    "default_rest_time_seconds": "90", "default_weight": "", "description": "",
                    "equipment_needed": [str(world["barbell"].pk)]}
    forms = [
        (admin_url(Exercise, "change", world["unused"].pk), None),
        (admin_url(Equipment, "change", world["sled"].pk), None),
        (admin_url(Group, "change", world["group"].pk), None),
        (admin_url(type(world["other"]), "change", world["other"].pk), None),
        (admin_url(Exercise, "add"), exercise_add),
        (admin_url(Equipment, "add"), {"name": "Fuzz Rack", "description": ""}),
        (admin_url(Group, "add"), {"name": "Fuzz Group"}),
    ]
    for url, base in forms:
        status, html = hit("get", url)
        assert status == 200, url
        shown, names = _form(html)
        base = {**(shown if base is None else base), "_save": "Save"}
        names = (names | set(base)) - {"q", "_save"}
        # The form as it stands saves: so each bad value below reaches validation and
        # the save, not only a refusal of some other field.
        first, _ = hit("post", url, base)
        assert first == 302, (url, base)
        for name in sorted(names):
            for value in ONE_AT_A_TIME:
                hit("post", url, {**base, name: value})
                if FULL:
                    hit("post", url, {**base, name: [value, value]})
        for i, value in enumerate(VALUES):
            hit("post", url, {**dict.fromkeys(names, value), "_save": "Save"}, htmx=bool(i % 2))
            hit("get", url, dict.fromkeys(names, value))
        posts.append((url, base))

    # Every object page with ids that name nothing, or are not ids at all.
    for model, _ in admins:
        for view in ("change", "history", "delete"):
            for bad in [str(uuid.uuid4()), *MALFORMED_IDS]:
                url = admin_url(model, "changelist") + f"{bad}/{view}/"
                for value in VALUES[:2 + FULL * 20]:
                    hit("get", url, {"_changelist_filters": value, "_to_field": value})
                    hit("post", url, {"post": "yes", "name": value, "_save": "Save"})
        hit("get", admin_url(model, "changelist") + "no-such-view/")

    # The merge page: survivors of every kind, and losers that don't exist.
    # The last value merges "Fuzz Added" into the squat; the merge page of an exercise
    # that no longer exists follows.
    merge = admin_url(Exercise, "merge", world["added"].pk)
    for value in VALUES + [str(world["added"].pk), str(uuid.uuid4()), str(world["squat"].pk)]:
        hit("get", merge, {"survivor": value})
        if FULL:
            hit("post", merge, {"survivor": [str(world["squat"].pk), value]})
        hit("post", merge, {"survivor": value})
    assert not Exercise.objects.filter(pk=world["added"].pk).exists()
    hit("get", admin_url(Exercise, "merge", uuid.uuid4()))
    posts.append((merge, {"survivor": str(world["squat"].pk)}))

    # The site's own pages.
    site = ["/admin/", "/admin/equipment/", "/admin/auth/", "/admin/allworkouts/", "/admin/nope/",
            "/admin/password_change/", "/admin/password_change/done/", "/admin/jsi18n/", "/admin/autocomplete/",
            "/admin/equipment/nope/", "/admin/equipment/exercise/nope/nope/nope/"]
    content_type = ContentType.objects.get_for_model(Exercise).pk
    site += [f"/admin/r/{content_type}/{world['squat'].pk}/", f"/admin/r/{content_type}/not-an-id/",
             "/admin/r/999999/1/", "/admin/r/x/y/", f"/admin/r/{content_type}/{uuid.uuid4()}/"]
    fields = {"app_label", "model_name", "field_name", "term", "old_password", "new_password1",
              "new_password2", "page", "next"}
    for url in site:
        for value in VALUES:
            hit("get", url, dict.fromkeys(fields, value))
            hit("post", url, dict.fromkeys(fields, value))
    for field in ("app_label", "model_name", "field_name", "term", "page"):
        for value in ONE_AT_A_TIME:
            hit("get", "/admin/autocomplete/", {"app_label": "equipment", "model_name": "exercise",
                                                "field_name": "equipment", "term": "a", field: value})
    posts.append(("/admin/password_change/", {"old_password": "wrong", "new_password1": "x", "new_password2": "x"}))

    # Deletes last, as they take their objects away: one users' rows name (refused with
    # where it is used), one users own but no exercise needs (ditto), the catalogue's
    # own links (the admin's protected page), and objects nothing names (deleted).
    deletes = [admin_url(Exercise, "delete", world["squat"].pk), admin_url(Equipment, "delete", world["sled"].pk),
               admin_url(Equipment, "delete", world["barbell"].pk), admin_url(Group, "delete", world["group"].pk),
               admin_url(type(world["other"]), "delete", world["other"].pk),
               admin_url(Exercise, "delete", world["unused"].pk)]
    for url in deletes:
        for value in VALUES:
            hit("get", url, {"post": value})
        posts.append((url, {"post": "yes"}))
        hit("post", url, {"post": "yes"})
    for model, model_admin in admins:
        if "delete_selected" in model_admin.get_actions(_request(admin_user)):
            every = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)[:200]]
            hit("post", admin_url(model, "changelist"), {"action": "delete_selected", "_selected_action": every})
            hit("post", admin_url(model, "changelist"), {"action": "delete_selected", "_selected_action": every,
                                                         "post": "yes"})
    assert Exercise.objects.filter(pk=world["squat"].pk).exists()
    assert Equipment.objects.filter(pk=world["sled"].pk).exists()
    assert not Exercise.objects.filter(pk=world["unused"].pk).exists()

    # Missing CSRF token: refused, never served.
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    strict.force_login(admin_user)
    csrf = Counter()
    for url, data in posts:
        response = strict.post(url, data)
        csrf[response.status_code] += 1
        if response.status_code != 403:
            failures.append(("post without CSRF", url, "", response.status_code))

    # A staff user with no permissions: refused everywhere, never a 5xx.
    staff = UserFactory(is_staff=True)
    weak = Client(raise_request_exception=False)
    weak.force_login(staff)
    refused = Counter()
    for url, data in posts:
        for method in ("get", "post"):
            status = getattr(weak, method)(url, data).status_code
            refused[status] += 1
            # (Any staff user may change their own password: that form answers 200.)
            if status >= 500 or (method == "post" and status == 200 and "password_change" not in url):
                failures.append((f"{method} as staff without permissions", url, "", status))

    print(f"\nadmin fuzz: {len(admins)} models, {sum(statuses.values())} requests: "
          f"{dict(sorted(statuses.items(), key=str))}; {sum(csrf.values())} POSTs without CSRF: {dict(csrf)}; "
          f"{sum(refused.values())} as staff without permissions: {dict(refused)}; 5xx: {len(failures)}")
    assert failures == [], "\n".join(map(str, failures))


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request
