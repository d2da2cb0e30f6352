"""The workout page's cards, written from Python like its rows (allworkouts.templatetags.units):

{% group_card group %}     one card of the page (a plan exercise, or a superset of them):
                           its header, each exercise's facts, its rows, its actions;
{% group_header group %}   the card's <summary> (names, n/m, done);
{% group_actions group %}  its "+ Add set", "Swap", and the move / superset forms.

Rendered by the template engine, a card's facts and actions were most of the page's
time once its rows were tags: every `{{ }}` a lookup, an escape and a localization,
every include and `{% with %}` a context of its own, per card. These write the same
HTML (the template's line breaks as single spaces, as the row tags do) with the same
escaping. They read from the context what the template did: `page`, `session`,
`user`, and `oob` (a card sent out of band), `oob_header`, `oob_actions`.
"""

from django import template
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime

from allworkouts.templatetags.units import _e, _lines, _logged_set_row, _page, _Page, _set_row, record_value
from records.models import RecordType

register = template.Library()

_RECORD_NAMES = dict(RecordType.choices)


def _number(value) -> str:
    """A number as `{{ }}` prints it: a Decimal in fixed point ("70.00"), as Django's
    number format does (never "7E+1"), others as str()."""
    return format(value, "f") if hasattr(value, "as_tuple") else _e(value)


@register.simple_tag(takes_context=True)
def group_header(context, group) -> SafeString:
    """The card's <summary>: each exercise's name and sets done of planned."""
    return _group_header(_page(context), group, bool(context.get("oob_header")))


def _group_header(c: _Page, group, oob: bool) -> SafeString:
    names = "".join(
        f'<span class="card-name"><strong>{c.exercise(card.exercise)[1]}</strong>'
        f' <span class="muted set-count">{card.logged_count}/{_e(card.plan_exercise.sets)}'
        f'{" ✓" if card.done else ""}</span></span>' for card in group.cards)
    return _lines(
        f'<summary id="summary-{group.key}"{' hx-swap-oob="true"' if oob else ""}>',
        '<span class="badge badge-superset">Superset</span>' if group.superset else "",
        names,
        "</summary>",
    )


def _day_month(value, use_tz) -> str:
    """A date as the `date:"j M"` filter writes it ("3 Dec"), in the current time zone."""
    value = template_localtime(value, use_tz)
    try:
        return f"{value.day} {MONTHS_3[value.month].title()}"
    except AttributeError:  # not a date: the filter writes nothing
        return ""


def _last_time(c: _Page, card, kind: str, use_tz) -> str:
    last = card.last
    if not last:
        return "First time: no earlier sets."
    sets = ", ".join(f"{c.load(s.weight, kind)} × {_e(s.reps)}" for s in last.sets)
    return f'Last time ({_e(_day_month(last.date, use_tz))}): {sets}'


def _card_facts(c: _Page, card, number: int, group, use_tz) -> str:
    """One exercise's facts: what the plan says, last time's sets and note, its records."""
    item = card.plan_exercise
    exercise_pk, name, kind, _ = c.exercise(card.exercise)
    reps = _e(item.reps_min) if item.reps_max == item.reps_min else f"{_e(item.reps_min)}–{_e(item.reps_max)}"
    rest = f" · rest {_e(item.rest_time_seconds)} s" if item.rest_time_seconds else ""
    note = card.last.note if card.last else ""
    user = c.user
    records = " · ".join(f"{_e(_RECORD_NAMES.get(r.record_type, r.record_type))} {_e(record_value(r, user))}"
                         for r in card.records)
    return _lines(
        '<div class="card-facts">',
        f"<h3>{number}. {name}</h3>" if group.superset else "",
        f'<p class="muted">Swapped in for {_e(item.exercise.name)} (this workout only).</p>' if card.swapped else "",
        f'<p class="prescription">{_e(item.sets)} × {reps}{rest}</p>',
        f'<p class="muted">{_e(item.notes)}</p>' if item.notes else "",
        f'<p class="last-time">{_last_time(c, card, kind, use_tz)}</p>',
        f'<p class="last-note muted">Last time\'s note: “{_e(note)}”</p>' if note else "",
        f'<p class="muted"><a class="tap-link" href="{c.url("exercise_detail", exercise_pk)}">'
        f"{name}: progress and records</a></p>",
        f'<p class="records">PRs: {records}</p>' if card.records else "",
        "</div>",
    )


def _card_tools(c: _Page, card, first: bool, last: bool) -> str:
    """Move an exercise not yet started up or down (a superset moves as one: only its
    first exercise shows them); superset it with the next, or take it out of one."""
    item, name, csrf = card.plan_exercise, c.exercise(card.exercise)[1], c.csrf
    if not item:
        return ""
    item_pk = str(item.pk)
    move = _lines(
        f'<form method="post" action="{c.url("sessions:exercise_move", c.session_pk, item_pk)}"'
        f' class="move-form">{csrf}',
        f'<button type="submit" name="direction" value="up" class="btn btn-small" aria-label="Move {name} up"'
        ' title="Move up">↑</button>',
        f'<button type="submit" name="direction" value="down" class="btn btn-small" aria-label="Move {name} down"'
        ' title="Move down">↓</button>',
        "</form>",
    ) if first and not card.logged_count else ""
    superset = _lines(
        f'<form method="post" action="{c.url("sessions:exercise_superset", c.session_pk, item_pk)}"'
        f' class="move-form">{csrf}',
        f'<button type="submit" name="action" value="with_next" class="btn btn-small" aria-label="Superset {name}'
        ' with the next exercise">Superset with next</button>' if last and not card.is_last else "",
        f'<button type="submit" name="action" value="ungroup" class="btn btn-small" aria-label="Take {name}'
        ' out of the superset">Ungroup</button>' if item.superset else "",
        "</form>",
    )
    return _lines(move, superset)


@register.simple_tag(takes_context=True)
def group_actions(context, group) -> SafeString:
    """Per exercise of the card: "+ Add set" (a row beyond the plan, pre-filled with the
    card's latest set), "Swap", and the card's tools (`_card_tools`)."""
    return _group_actions(_page(context), group, bool(context.get("oob_actions")))


def _group_actions(c: _Page, group, oob: bool) -> SafeString:
    set_new = c.url("sessions:set_new", c.session_pk)
    count = len(group.cards)
    actions = []
    for n, card in enumerate(group.cards):
        latest = card.latest_logged
        carried = f"&amp;weight_kg={_number(latest.weight)}&amp;reps={_e(latest.reps)}" if latest else ""
        exercise_pk, name, _, _ = c.exercise(card.exercise)
        plan_exercise_pk = _e(card.plan_exercise.pk)
        actions.append(_lines(
            f'<button type="button" class="btn btn-small" hx-get="{set_new}?exercise={exercise_pk}'
            f'&amp;plan_exercise={plan_exercise_pk}&amp;number={card.next_number}{carried}"',
            f'hx-target="#sets-{group.key}" hx-swap="beforeend">+ Add set{f": {name}" if group.superset else ""}'
            "</button>",
            f'<a class="btn btn-small" href="{c.url("sessions:swap", c.session_pk, plan_exercise_pk)}">'
            f'Swap {name if group.superset else "exercise"}</a>',
            _card_tools(c, card, n == 0, n == count - 1),
        ))
    return _lines(f'<div class="row-actions" id="actions-{group.key}"{' hx-swap-oob="true"' if oob else ""}>',
                  *actions, "</div>")


def _rows(c: _Page, context, group) -> str:
    """The card's rows in the order they are done, then the sets beyond the plan. What
    the row tags would read from the context (`group`, `details`, ...) is passed in."""
    details, oob_row = context.get("details"), bool(context.get("oob_row"))
    logged_extras = context.get("first_time"), context.get("new_records"), context.get("rest_ends_at")
    superset = group.superset
    rows = []
    for row in group.rows:
        logged = row.logged
        if logged:
            exercise = row.exercise
            named = superset or (exercise and logged.exercise_id != exercise.pk)
            rows.append(_logged_set_row(c, logged, named, *logged_extras))
        else:
            rows.append(_set_row(c, row, superset, details, oob_row))
    for card in group.cards:
        exercise = card.exercise
        rows.extend(_logged_set_row(c, logged, exercise and logged.exercise_id != exercise.pk, *logged_extras)
                    for logged in card.extra_sets)
    return " ".join(rows)


@register.simple_tag(takes_context=True)
def group_card(context, group) -> SafeString:
    """A card of the page: open when it is the one to do now (or sent out of band)."""
    c = _page(context)
    oob = context.get("oob")
    if oob:
        is_open = True
    else:
        page = context.get("page")
        # The open group, worked out once per render (each card asked it of every card).
        known = context.render_context.get("workout_open_group")
        if known is None or known[0] is not page:
            known = context.render_context["workout_open_group"] = (page, page.open_group)
        is_open = group is known[1]
    use_tz = context.use_tz
    facts = " ".join(_card_facts(c, card, n, group, use_tz) for n, card in enumerate(group.cards, 1))
    return _lines(
        f'<details class="card exercise-card{" superset-card" if group.superset else ""}" id="exercise-{group.key}"'
        f'{" open" if is_open else ""}{' hx-swap-oob="true"' if oob else ""}>',
        _group_header(c, group, bool(context.get("oob_header"))),
        facts,
        f'<ol class="set-list" id="sets-{group.key}">',
        _rows(c, context, group),
        "</ol>",
        _group_actions(c, group, bool(context.get("oob_actions"))),
        "</details>",
    )
