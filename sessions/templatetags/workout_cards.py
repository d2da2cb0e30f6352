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
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime

from allworkouts import units
from allworkouts.templatetags.units import (
    _e, _lines, _page_constants, _kind, logged_set_row, record_value, set_row, uuid_url_of,
)

register = template.Library()


def _number(value) -> str:
    """A number as `{{ }}` prints it: a Decimal in fixed point ("70.00"), as Django's
    number format does (never "7E+1"), others as str()."""
    return format(value, "f") if hasattr(value, "as_tuple") else _e(value)


@register.simple_tag(takes_context=True)
def group_header(context, group) -> SafeString:
    """The card's <summary>: each exercise's name and sets done of planned."""
    oob = ' hx-swap-oob="true"' if context.get("oob_header") else ""
    names = "".join(
        f'<span class="card-name"><strong>{_e(card.exercise.name)}</strong>'
        f' <span class="muted set-count">{card.logged_count}/{_e(card.plan_exercise.sets)}'
        f'{" ✓" if card.done else ""}</span></span>' for card in group.cards)
    return _lines(
        f'<summary id="summary-{group.key}"{oob}>',
        '<span class="badge badge-superset">Superset</span>' if group.superset else "",
        names,
        "</summary>",
    )


def _last_time(card, user, use_tz) -> str:
    last = card.last
    if not last:
        return "First time: no earlier sets."
    kind = _kind(card.exercise)
    sets = ", ".join(f"{_e(units.display_load(s.weight, user.unit_system, kind))} × {_e(s.reps)}" for s in last.sets)
    return f'Last time ({_e(date_filter(template_localtime(last.date, use_tz), "j M"))}): {sets}'


def _card_facts(card, number: int, group, user, use_tz) -> str:
    """One exercise's facts: what the plan says, last time's sets and note, its records."""
    item = card.plan_exercise
    reps = _e(item.reps_min) if item.reps_max == item.reps_min else f"{_e(item.reps_min)}–{_e(item.reps_max)}"
    rest = f" · rest {_e(item.rest_time_seconds)} s" if item.rest_time_seconds else ""
    note = card.last.note if card.last else ""
    records = " · ".join(f"{_e(r.get_record_type_display())} {_e(record_value(r, user))}" for r in card.records)
    return _lines(
        '<div class="card-facts">',
        f"<h3>{number}. {_e(card.exercise.name)}</h3>" if group.superset else "",
        f'<p class="muted">Swapped in for {_e(item.exercise.name)} (this workout only).</p>' if card.swapped else "",
        f'<p class="prescription">{_e(item.sets)} × {reps}{rest}</p>',
        f'<p class="muted">{_e(item.notes)}</p>' if item.notes else "",
        f'<p class="last-time">{_last_time(card, user, use_tz)}</p>',
        f'<p class="last-note muted">Last time\'s note: “{_e(note)}”</p>' if note else "",
        f'<p class="muted"><a class="tap-link" href="{_e(uuid_url_of("exercise_detail", card.exercise.pk))}">'
        f"{_e(card.exercise.name)}: progress and records</a></p>",
        f'<p class="records">PRs: {records}</p>' if card.records else "",
        "</div>",
    )


def _card_tools(card, first: bool, last: bool, session_pk, csrf: str) -> str:
    """Move an exercise not yet started up or down (a superset moves as one: only its
    first exercise shows them); superset it with the next, or take it out of one."""
    item, name = card.plan_exercise, _e(card.exercise.name)
    if not item:
        return ""
    move = _lines(
        f'<form method="post" action="{_e(uuid_url_of("sessions:exercise_move", session_pk, item.pk))}"'
        f' class="move-form">{csrf}',
        f'<button type="submit" name="direction" value="up" class="btn btn-small" aria-label="Move {name} up"'
        ' title="Move up">↑</button>',
        f'<button type="submit" name="direction" value="down" class="btn btn-small" aria-label="Move {name} down"'
        ' title="Move down">↓</button>',
        "</form>",
    ) if first and not card.logged_count else ""
    superset = _lines(
        f'<form method="post" action="{_e(uuid_url_of("sessions:exercise_superset", session_pk, item.pk))}"'
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
    session_pk, csrf = context.get("session").pk, _page_constants(context)["csrf"]
    oob = ' hx-swap-oob="true"' if context.get("oob_actions") else ""
    set_new = _e(uuid_url_of("sessions:set_new", session_pk))
    count = len(group.cards)
    actions = []
    for n, card in enumerate(group.cards):
        latest = card.latest_logged
        carried = f"&amp;weight_kg={_number(latest.weight)}&amp;reps={_e(latest.reps)}" if latest else ""
        named = f": {_e(card.exercise.name)}" if group.superset else ""
        actions.append(_lines(
            f'<button type="button" class="btn btn-small" hx-get="{set_new}?exercise={card.exercise.pk}'
            f'&amp;plan_exercise={card.plan_exercise.pk}&amp;number={card.next_number}{carried}"',
            f'hx-target="#sets-{group.key}" hx-swap="beforeend">+ Add set{named}</button>',
            f'<a class="btn btn-small" href="{_e(uuid_url_of("sessions:swap", session_pk, card.plan_exercise.pk))}">'
            f'Swap {_e(card.exercise.name) if group.superset else "exercise"}</a>',
            _card_tools(card, n == 0, n == count - 1, session_pk, csrf),
        ))
    return _lines(f'<div class="row-actions" id="actions-{group.key}"{oob}>', *actions, "</div>")


def _rows(context, group) -> str:
    """The card's rows in the order they are done, then the sets beyond the plan."""
    rows = []
    with context.push(group=group, show_exercise=group.superset):
        for row in group.rows:
            if row.logged:
                with context.push(card_exercise=row.exercise):
                    rows.append(logged_set_row(context, row.logged))
            else:
                rows.append(set_row(context, row))
    with context.push(show_exercise=None):
        for card in group.cards:
            with context.push(card_exercise=card.exercise):
                rows.extend(logged_set_row(context, logged) for logged in card.extra_sets)
    return " ".join(rows)


@register.simple_tag(takes_context=True)
def group_card(context, group) -> SafeString:
    """A card of the page: open when it is the one to do now (or sent out of band)."""
    page, oob, user = context.get("page"), context.get("oob"), context.get("user")
    is_open = oob or group is page.open_group
    swap_oob = ' hx-swap-oob="true"' if oob else ""
    facts = " ".join(_card_facts(card, n, group, user, context.use_tz) for n, card in enumerate(group.cards, 1))
    return _lines(
        f'<details class="card exercise-card{" superset-card" if group.superset else ""}" id="exercise-{group.key}"'
        f'{" open" if is_open else ""}{swap_oob}>',
        group_header(context, group),
        facts,
        f'<ol class="set-list" id="sets-{group.key}">',
        _rows(context, group),
        "</ol>",
        group_actions(context, group),
        "</details>",
    )
