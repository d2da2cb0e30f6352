"""{{ kg|weight:user }} -> "225 lb" or "102.06 kg"; {{ kg|weight_value:user }} -> "225";
{{ kg|volume:user }} -> "4,000 lb"; {{ record|record_value:user }} -> "142.5 kg" (e1RM step).

A set's load, by its exercise's load kind (equipment.selectors.exercise_load_kind):
{{ logged|set_load:user }} -> "60 kg", "BW", "BW + 10 kg", "BW − 20 kg" (an ExerciseSession);
{% load_text kg exercise user %} -> the same from a number and an exercise (or a kind);
{% load_input kg exercise user as weight_text %} -> the weight field's value: "60",
"BW", "BW + 10", "20" (an assistance), which units.parse_set_weight reads back;
{{ exercise|load_label }} -> "Weight", "Added weight", "Assistance".
The kind is read from a `load_kind` annotation on the set or its exercise when there is
one (annotate with equipment.selectors.load_kind_annotation: no query per row).

The workout page's rows: {% set_row row %} (a set to log, its form) and
{% logged_set_row logged %} (a logged set); {% uuid_url 'sessions:swap' a b %} is
{% url %} for UUID arguments, without a reverse per call (see below)."""

import functools
import uuid
from html import escape as _escape

from django import template
from django.template.defaultfilters import floatformat
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import LazyObject, empty
from django.utils.safestring import SafeString

from allworkouts import units
from equipment.selectors import exercise_load_kind

register = template.Library()


@register.filter
def weight(kg, user) -> str:
    if kg is None or kg == "":
        return ""
    return units.display(kg, user.unit_system)


@register.filter
def weight_value(kg, user) -> str:
    if kg is None or kg == "":
        return ""
    return str(units.from_kg(kg, user.unit_system))


@register.filter
def unit(user) -> str:
    return units.unit_label(user.unit_system)


@register.filter
def volume(kg, user) -> str:
    if kg is None or kg == "":
        return ""
    return units.display_volume(kg, user.unit_system)


@register.filter
def record_value(record, user) -> str:
    """A PersonalRecord's value: e1RM to 0.5 kg / 1 lb, volumes in whole units."""
    return units.display_record(record.record_type, record.value, user.unit_system)


def _kind(exercise_or_kind) -> str:
    if not exercise_or_kind:
        return units.LOADED
    if isinstance(exercise_or_kind, str):
        return exercise_or_kind
    return exercise_load_kind(exercise_or_kind)


def _set_kind(logged) -> str:
    return getattr(logged, "load_kind", None) or _kind(logged.exercise)


@register.filter
def set_load(logged, user) -> str:
    """A logged set's load: "60 kg", "BW", "BW + 10 kg", "BW − 20 kg"."""
    if logged is None or logged == "":
        return ""
    return units.display_load(logged.weight, user.unit_system, _set_kind(logged))


@register.simple_tag
def load_text(kg, exercise_or_kind, user) -> str:
    return units.display_load(kg, user.unit_system, _kind(exercise_or_kind))


@register.simple_tag
def load_input(kg, exercise_or_kind, user) -> str:
    return units.load_input_value(kg, user.unit_system, _kind(exercise_or_kind))


@register.filter
def load_label(exercise_or_kind) -> str:
    return units.load_label(_kind(exercise_or_kind))


# ---------------------------------------------------------------------------------------
# The workout page's rows, rendered here rather than by the template engine.
#
# The active workout page has a row per planned set (a form of ten fields) and a row per
# logged set: rendered by the template engine those were most of the page's time (each
# `{{ }}` is a lookup, an escape and a number localization; each `{% url %}` a full
# reverse). These tags write the same HTML from Python with the same escaping; the
# markup is kept in one place each, in the order the browser shows it.
# ---------------------------------------------------------------------------------------

_SENTINELS = [uuid.UUID(int=0x5e7_0000 + n) for n in range(4)]
_URL_PIECES: dict = {}


def _url_pieces(name: str, count: int) -> list[str] | None:
    """A URL name's reverse with `count` UUID arguments, as the text around them; None
    when the name doesn't take UUIDs (then each call reverses)."""
    key = (get_urlconf(), get_script_prefix(), name, count)
    if key not in _URL_PIECES:
        sentinels = [str(s) for s in _SENTINELS[:count]]
        try:
            url = reverse(name, args=_SENTINELS[:count])
        except Exception:  # noqa: BLE001 - not a UUID pattern: no shortcut
            pieces = None
        else:
            pieces = []
            for sentinel in sentinels:
                before, found, url = url.partition(sentinel)
                if not found:
                    pieces = None
                    break
                pieces.append(before)
            if pieces is not None:
                pieces.append(url)
        _URL_PIECES[key] = pieces
    return _URL_PIECES[key]


def uuid_url_of(name: str, *args) -> str:
    """`reverse(name, args=args)` for URLs whose arguments are all UUIDs (every URL of
    the workout page), or that take none, reversed once per process and filled in per
    call: a reverse is 30-80 µs, the page has dozens. Anything else is reversed as usual."""
    if all(isinstance(a, uuid.UUID) for a in args) and len(args) <= len(_SENTINELS):
        pieces = _url_pieces(name, len(args))
        if pieces is not None:
            out = [pieces[0]]
            for arg, piece in zip(args, pieces[1:]):
                out += (str(arg), piece)
            return "".join(out)
    return reverse(name, args=args)


@register.simple_tag
def uuid_url(name, *args) -> str:
    """{% uuid_url 'sessions:swap' session.pk card.plan_exercise.pk %}: {% url %} for
    UUID arguments, or none ({% uuid_url 'home' %}: the base template's links), without
    a reverse per call (uuid_url_of)."""
    return uuid_url_of(name, *args)


_CSRF = CsrfTokenNode()
_UUID = uuid.UUID


def _e(value) -> str:
    """A value as `{{ value }}` prints it: escaped as conditional_escape does (without
    its lazy-string checks); numbers as str(): no thousands separator is configured, so
    localizing them, as the template does, changes nothing. An int or a UUID has nothing
    to escape."""
    kind = type(value)
    if kind is str:
        return _escape(value)
    if kind is int or kind is _UUID:
        return str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape(str(value))


def _unwrapped(value):
    """The object behind a SimpleLazyObject (the context's `user`): each attribute read
    through the wrapper is two calls more, and a page reads the user's unit per row."""
    if isinstance(value, LazyObject):
        if value._wrapped is empty:
            value._setup()
        return value._wrapped
    return value


class _Page:
    """What every row and card of one render shares, worked out once per render (the
    page, or one partial) and kept in its render context: the user (unwrapped) and
    unit, the CSRF field, the session's id as text, each URL name's pieces
    (`_url_pieces`, looked up once per render rather than per link), and the loads
    already written (a page shows the same few weights again and again)."""

    __slots__ = ("user", "unit_system", "unit", "csrf", "session", "session_pk", "set_log_url", "_urls",
                 "_loads", "_exercises")

    def __init__(self, context):
        self.user = _unwrapped(context.get("user"))
        self.unit_system = self.user.unit_system
        self.unit = _e(units.unit_label(self.unit_system))
        self.csrf = _CSRF.render(context)
        self.session = context.get("session")
        self.session_pk = str(self.session.pk) if self.session is not None else None
        self._urls: dict = {}
        self._loads: dict = {}  # (conversion, kg, kind) -> text
        self._exercises: dict = {}
        set_log_url = context.get("set_log_url")
        self.set_log_url = _e(set_log_url) if set_log_url else (
            self.url("sessions:set_log", self.session_pk) if self.session is not None else None)

    def url(self, name: str, *args: str) -> str:
        """The URL `name` reverses to with these UUIDs (given as text), escaped: filled
        into its pieces (`_url_pieces`)."""
        pieces = self._urls.get((name, len(args)))
        if pieces is None:
            pieces = self._urls[(name, len(args))] = _url_pieces(name, len(args)) or False
        if pieces is False:
            return _e(reverse(name, args=args))
        out = [pieces[0]]
        for arg, piece in zip(args, pieces[1:]):
            out += (arg, piece)
        return _e("".join(out))

    def load(self, kg, kind: str) -> str:
        """units.display_load, escaped: "60 kg", "BW + 10 kg"."""
        return self._in_units(units.display_load, kg, kind)

    def load_input(self, kg, kind: str) -> str:
        """units.load_input_value, escaped: the weight field's value."""
        return self._in_units(units.load_input_value, kg, kind)

    def _in_units(self, convert, kg, kind: str) -> str:
        """`convert`'s text of a load in the user's units, escaped, once per render."""
        key = (convert, kg, kind)
        text = self._loads.get(key)
        if text is None:
            text = self._loads[key] = _e(convert(kg, self.unit_system, kind))
        return text

    def exercise(self, exercise) -> tuple[str, str, str, str]:
        """An exercise's id and name as text, escaped, its load kind and field label."""
        facts = self._exercises.get(exercise.pk)
        if facts is None:
            kind = _kind(exercise)
            facts = self._exercises[exercise.pk] = (str(exercise.pk), _e(exercise.name), kind,
                                                     _e(units.load_label(kind)))
        return facts


def _page(context) -> _Page:
    page = context.render_context.get("workout_rows")
    if page is None:
        page = context.render_context["workout_rows"] = _Page(context)
    return page


def _lines(*lines) -> SafeString:
    """HTML lines as the template wrote them, one space between (where its line breaks
    were: the same text between the tags, so the same layout); empty ones left out."""
    return SafeString(" ".join([line for line in lines if line]))


@register.simple_tag(takes_context=True)
def set_row(context, row) -> SafeString:
    """A set still to log: its <li> with the form that logs it (sessions.views.set_log).
    Reads from the context: `group` (a superset names the row's exercise), `oob_row`,
    `details` (the blank RPE/note fields, unless the row brings its own), `user`,
    `session`, `set_log_url`."""
    return _set_row(_page(context), row, getattr(context.get("group"), "superset", None), context.get("details"),
                    bool(context.get("oob_row")))


def _set_row(c: _Page, row, superset, blank, oob_row: bool = False) -> SafeString:
    exercise, url, unit_label = row.exercise, c.set_log_url, c.unit
    number = str(row.number) if type(row.number) is int else _e(row.number)
    exercise_pk, name, kind, label = c.exercise(exercise)
    details = row.details or blank
    set_type = _e(getattr(row.details, "set_type", "") or getattr(blank, "set_type", ""))
    if row.weight_text is not None:
        weight_value = _e(row.weight_text)
    else:
        weight_value = c.load_input(row.weight, kind)
    if row.reps_text is not None:
        reps_value = _e(row.reps_text)
    else:
        reps_value = "" if row.reps is None else _e(row.reps)
    plan_exercise = row.plan_exercise
    plan_exercise_pk = _e(plan_exercise.pk) if plan_exercise else None
    key = plan_exercise_pk if plan_exercise and plan_exercise.pk else exercise_pk
    oob = ' hx-swap-oob="true"' if oob_row else ""
    return _lines(
        f'<li class="set-row" id="row-{key}-{number}" data-rest-seconds="{_e(row.rest_after)}"{oob}>',
        f'<p class="muted set-of">{name}</p>' if superset else "",
        f'<form method="post" action="{url}" hx-post="{url}" hx-target="closest li" hx-swap="outerHTML"'
        ' hx-disabled-elt="find button" data-offline-queue novalidate>',
        c.csrf,
        f'<input type="hidden" name="id" value="{_e(row.form_id)}">',
        f'<input type="hidden" name="exercise" value="{exercise_pk}">',
        f'<input type="hidden" name="number" value="{number}">',
        f'<input type="hidden" name="plan_exercise" value="{plan_exercise_pk}">' if plan_exercise else "",
        '<input type="hidden" name="confirm" value="on">' if row.confirm else "",
        # One tap on the number cycles what the set is (W warm-up, D drop, F failure), as in Strong.
        f'<button type="button" class="set-number set-type" data-set-type="{set_type}"'
        f' aria-label="Set {number}: normal set (tap: warm-up)">{number}</button>',
        f'<input type="hidden" name="set_type" value="{set_type}">',
        f'<label class="set-field"><span class="visually-hidden">{label} ({unit_label}) for set {number}'
        f'{f", {name}" if superset else ""}</span>',
        f'<input type="text" inputmode="decimal" name="weight" value="{weight_value}"'
        f'{"" if row.from_last_time else " data-carry"} aria-label="{label} ({unit_label}) set {number}"'
        f' autocomplete="off"><span class="unit">{unit_label}</span></label>',
        f'<label class="set-field"><span class="visually-hidden">Reps for set {number}</span>',
        f'<input type="text" inputmode="numeric" pattern="[0-9]*" name="reps" value="{reps_value}"'
        f' aria-label="Reps set {number}" autocomplete="off"><span class="unit">reps</span></label>',
        f'<button type="submit" class="btn btn-primary log-btn">{"Keep" if row.confirm else "Log"}</button>',
        '<details class="set-more" open>' if getattr(details, "open", False) else '<details class="set-more">',
        "<summary>RPE · note</summary>",
        f'<label class="set-field"><span class="visually-hidden">RPE for set {number}</span>'
        f'{_e(getattr(details, "rpe_html", ""))}</label>',
        f'<label class="set-field set-note"><span class="visually-hidden">Note for set {number}</span>'
        f'{_e(getattr(details, "notes_html", ""))}</label>',
        "</details>",
        "</form>",
        f'<p class="plates">Per side: {_e(row.plates)} {unit_label}</p>' if row.plates else "",
        "".join(f'<p class="error" role="alert">{_e(message)}</p>' for message in row.errors),
        "</li>",
    )


_SET_TYPE_LETTERS = {"warmup": "W", "drop": "D", "failure": "F"}
_NEW_RECORD_NAMES = {"1rm": "e1RM", "set_volume": "set volume"}


@functools.cache
def _set_type_names() -> dict:
    """A set type's name as get_set_type_display() gives it ("Warm-up")."""
    from sessions.models import ExerciseSession

    return dict(ExerciseSession._meta.get_field("set_type").flatchoices)


@register.simple_tag(takes_context=True)
def logged_set_row(context, logged) -> SafeString:
    """A logged set's <li>: its number (or W/D/F), load × reps, RPE and note, "Edit".
    Reads from the context: `show_exercise`, `card_exercise` (the set's exercise is
    named when shown apart from its card's), `session`, `user`; after a log
    (sessions.views.set_log) also `first_time`, `new_records`, `rest_ends_at`."""
    card_exercise = context.get("card_exercise")
    named = context.get("show_exercise") or (card_exercise and logged.exercise_id != card_exercise.pk)
    return _logged_set_row(_page(context), logged, named, context.get("first_time"), context.get("new_records"),
                           context.get("rest_ends_at"))


def _logged_set_row(c: _Page, logged, named, first_time=None, new_records=None, rest_ends_at=None) -> SafeString:
    set_type = logged.set_type
    title = f' title="{_e(_set_type_names().get(set_type, set_type))}"' if set_type and set_type != "normal" else ""
    done = [f'<span class="set-exercise">{_e(logged.exercise.name)}</span> ' if named else "",
            f"{c.load(logged.weight, _set_kind(logged))} × {_e(logged.reps)}"]
    if logged.rpe:
        done.append(f' @ RPE {_e(floatformat(logged.rpe, "-1"))}')
    done.append(" ✓")
    if logged.notes:
        done.append(f' <span class="muted set-note-text">“{_e(logged.notes)}”</span>')
    user = c.user
    return _lines(
        f'<li class="set-row logged" id="set-{_e(logged.pk)}">',
        f'<span class="set-number"{title}>{_SET_TYPE_LETTERS.get(set_type) or _e(logged.set_number)}</span>',
        f'<span class="set-done">{"".join(done)}</span>',
        f'<a class="btn btn-small" href="{c.url("sessions:set_edit", c.session_pk, str(logged.pk))}"'
        ">Edit</a>",
        '<p class="badge badge-next first-time" role="status">First time: records set</p>'
        if first_time and not new_records else "",
        "".join(f'<p class="badge badge-pr pr-badge" role="status">New PR: '
                f'{_NEW_RECORD_NAMES.get(r.record_type, "session volume")} {_e(record_value(r, user))}</p>'
                for r in new_records or ()),
        f'<template data-rest-ends-at="{_e(rest_ends_at)}"></template>' if rest_ends_at else "",
        "</li>",
    )
