"""Progress pages: the exercise page (charts with their numbers, rep maxes, every set,
records that explain themselves), the calendar, weekly sets per muscle group, and the
week at a glance. Warm-ups and deleted workouts count for nothing; queries stay flat."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from allworkouts.db import rls_user
from records import charts
from sessions.models import ExerciseSession, WorkoutSession
from tests.factories import UserFactory, exercise_named
from tests.sessions.test_sessions import finished, make_plan

pytestmark = pytest.mark.django_db

SQUAT = "Barbell Squat"


def _dated(user, session, when: dt.datetime):
    """Move a workout and its sets to `when` (history happened on other days)."""
    with rls_user(user.pk):
        WorkoutSession.objects.filter(pk=session.pk).update(created_at=when)
        ExerciseSession.objects.filter(workout_session=session).update(created_at=when)


def _history(user_client, user, plan, squat, days_ago_sets):
    now = timezone.now()
    sessions = []
    for days_ago, sets in days_ago_sets:
        session = finished(user_client, user, plan, *[(squat, w, r) for w, r in sets])
        _dated(user, session, now - dt.timedelta(days=days_ago))
        sessions.append(session)
    return sessions


def _table(html: str, caption: str) -> list[list[str]]:
    """The rows (cells as text) of the screen-reader table with that caption."""
    table = re.search(r"<table[^>]*>\s*<caption>" + re.escape(caption) + r"</caption>(.*?)</table>", html, re.S)
    assert table, f"no table {caption!r}"
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in rows[1:]]


def test_exercise_page_charts_rep_maxes_sets_and_records(user_client, user):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    _history(user_client, user, plan, squat, [
        (20, [(100, 5), (100, 5)]),            # e1RM 116.67, volume 1000
        (10, [(110, 3), (60, 13)]),            # e1RM 121 (13 reps don't estimate), volume 1110
        (3, [(120, 1)]),                       # a single counts as itself: 120
    ])
    html = user_client.get(f"/exercises/{squat.pk}/").content.decode()
    e1rm = _table(html, "Estimated 1RM by workout")
    assert [row[1] for row in e1rm] == ["116.67", "121", "120"]
    assert [row[1] for row in _table(html, "Heaviest weight by workout")] == ["100", "110", "120"]
    assert [row[1] for row in _table(html, "Session volume by workout")] == ["1000", "1110", "120"]
    assert html.count('class="chart-dot"') == 9
    # Rep maxes: the best weight for each rep count, 13 reps left out.
    rep_maxes = re.findall(r"<tr><td>(\d+)</td><td>([^<]+)</td>", html)
    assert rep_maxes == [("1", "120 kg"), ("3", "110 kg"), ("5", "100 kg")]
    # Every set, newest first.
    sets = re.findall(r"set (\d+): ([^<]+?) ×\s*(\d+)", html)
    assert [(w, r) for _, w, r in sets] == [("120 kg", "1"), ("60 kg", "13"), ("110 kg", "3"),
                                            ("100 kg", "5"), ("100 kg", "5")]
    # Records that explain themselves: formula, and session volume names all its sets.
    assert "Estimated 1RM: 121 kg" in html
    assert "Epley: weight × (1 + reps / 30)" in html
    assert "Best session volume: 1,110 kg" in html or "Best session volume: 1110 kg" in html
    assert re.search(r"From these sets of\s*<a[^>]*>Strength A, [^<]+</a>:\s*110 kg × 3, 60 kg × 13", html)


def test_range_switch_limits_the_chart_and_a_bad_range_falls_back(user_client, user):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    _history(user_client, user, plan, squat, [(200, [(80, 5)]), (400, [(70, 5)]), (5, [(90, 5)])])
    def points(query):
        response = user_client.get(f"/exercises/{squat.pk}/{query}")
        assert response.status_code == 200
        return [r[1] for r in _table(response.content.decode(), "Heaviest weight by workout")]
    assert points("?range=3m") == ["90"]
    assert points("") == ["80", "90"]  # a year by default
    assert points("?range=all") == ["70", "80", "90"]
    assert points("?range=<script>") == ["80", "90"]


def test_exercise_page_shows_only_the_users_own_sets(user_client, user):
    squat = exercise_named(SQUAT)
    other = UserFactory()
    other_client = type(user_client)()
    other_client.force_login(other)
    finished(other_client, other, make_plan(other, names=(SQUAT,)), (squat, 200, 5))
    html = user_client.get(f"/exercises/{squat.pk}/").content.decode()
    assert "200 kg" not in html
    assert "You haven't logged this exercise yet." in html
    assert user_client.get("/exercises/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_deleted_workouts_count_for_nothing(user_client, user):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    kept, deleted = _history(user_client, user, plan, squat, [(5, [(100, 5)]), (2, [(150, 5)])])
    user_client.post(f"/sessions/{deleted.pk}/delete/")
    html = user_client.get(f"/exercises/{squat.pk}/").content.decode()
    assert [r[1] for r in _table(html, "Heaviest weight by workout")] == ["100"]
    assert "150 kg" not in html


def test_exercise_page_and_calendar_queries_do_not_grow_with_history(user_client, user, django_assert_max_num_queries):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    _history(user_client, user, plan, squat, [(1, [(100, 5)])])

    def count(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        with CaptureQueriesContext(connection) as ctx:
            assert user_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = (count(f"/exercises/{squat.pk}/?range=all"), count("/calendar/"))
    _history(user_client, user, plan, squat, [(d, [(100, 5), (102.5, 5)]) for d in range(2, 60, 2)])
    assert (count(f"/exercises/{squat.pk}/?range=all"), count("/calendar/")) == few
    # The session, the user and the RLS setting, the open-workout banner, then the page's
    # own: the exercise, its history (one query), its records and the volume record's
    # sets, a page of sets.
    assert few[0] <= 13 and few[1] <= 11, few


def test_calendar_marks_trained_days_and_counts_this_week(user_client, user):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    today = timezone.localdate()
    noon = timezone.make_aware(dt.datetime.combine(today, dt.time(12)))
    session = finished(user_client, user, plan, (squat, 100, 5), (squat, 100, 5))
    _dated(user, session, noon)
    html = user_client.get("/calendar/").content.decode()
    assert re.search(r'<td class="trained today">\s*<a href="/sessions/\?date_from=' + today.isoformat(), html)
    assert html.count('class="trained') == 1
    assert re.search(r"This week: <strong>1</strong> workout, <strong>2</strong> working sets", html)
    # The month before: nothing trained; a nonsense month falls back to this one.
    previous = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    assert 'class="trained' not in user_client.get(f"/calendar/?month={previous}").content.decode()
    response = user_client.get("/calendar/?month=2026-13")
    assert response.status_code == 200 and 'class="trained' in response.content.decode()


def test_weekly_sets_by_muscle_group(user_client, user):
    squat, bench = exercise_named(SQUAT), exercise_named("Barbell Bench Press - Medium Grip")
    plan = make_plan(user)
    session = finished(user_client, user, plan, (squat, 100, 5), (squat, 100, 5), (squat, 100, 5), (bench, 60, 5))
    _dated(user, session, timezone.now())
    old = finished(user_client, user, plan, (bench, 60, 5))
    _dated(user, old, timezone.now() - dt.timedelta(weeks=20))  # outside the 12 weeks
    rows = _table(user_client.get("/calendar/").content.decode(), "Working sets per muscle group, last 12 weeks")
    by_muscle = {row[0]: row[1:] for row in rows}
    assert by_muscle["Legs"][-1] == "3" and by_muscle["Legs"][:-1] == ["0"] * 11
    assert by_muscle["Chest"][-1] == "1"
    assert sum(int(n) for n in by_muscle["Chest"]) == 1


def test_line_chart_geometry():
    days = [dt.date(2026, 1, 1), dt.date(2026, 1, 11), dt.date(2026, 1, 21)]
    chart = charts.line_chart(title="t", unit="kg", series=list(zip(days, [Decimal(100), Decimal(110), Decimal(105)])))
    xs = [p.x for p in chart.points]
    assert xs[0] == charts.LEFT and xs[-1] == charts.WIDTH - charts.RIGHT
    assert xs[1] == pytest.approx((xs[0] + xs[2]) / 2)  # x proportional to time
    ys = [p.y for p in chart.points]
    assert ys[1] < ys[2] < ys[0]  # higher values are drawn higher
    labels = [t.label for t in chart.ticks]
    assert float(labels[0]) <= 100 and float(labels[-1]) >= 110
    assert chart.path.startswith("M40.0,") and chart.path.count("L") == 2
    assert charts.line_chart(title="t", unit="kg", series=[]).points == []


def test_exercise_names_link_to_their_page_and_home_shows_the_week(user_client, user):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    session = finished(user_client, user, plan, (squat, 100, 5), (squat, 100, 5))
    link = f'href="/exercises/{squat.pk}/"'
    assert link in user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert link in user_client.get("/records/").content.decode()
    with rls_user(user.pk):
        from tests.sessions.test_sessions import start
        current = start(user_client, plan)
    assert link in user_client.get(f"/sessions/{current.pk}/workout/").content.decode()
    assert 'href="/calendar/"' in user_client.get("/sessions/").content.decode()
    home = user_client.get("/").content.decode()
    assert re.search(r"<strong>2</strong> workouts · <strong>2</strong> working sets · <strong>\d+</strong> record", home)


def test_weekly_sets_by_muscle_leave_out_warm_ups(user_client, user):
    from sessions.models import SetType

    squat = exercise_named(SQUAT)
    # 80 before 100 kg: a jump of more than half the best e1RM is asked about first.
    session = finished(user_client, user, make_plan(user, names=(SQUAT,)), (squat, 80, 5), (squat, 100, 5),
                       (squat, 100, 5))
    with rls_user(user.pk):
        ExerciseSession.objects.filter(workout_session=session, weight=80).update(set_type=SetType.WARMUP)
    rows = _table(user_client.get("/calendar/").content.decode(), "Working sets per muscle group, last 12 weeks")
    assert {row[0]: row[-1] for row in rows} == {"Legs": "2"}
    assert re.search(r"<strong>2</strong> working sets", user_client.get("/").content.decode())


def _long_history(user, squat, days: list[dt.date], weight=lambda i: Decimal(100)):
    """One completed workout of one set (weight(i) x 5) on each of `days`, at noon UTC,
    written in bulk: hundreds of workouts through the app would be slow."""
    from sessions.models import SessionStatus

    plan = make_plan(user, names=(SQUAT,))
    with rls_user(user.pk):
        sessions = WorkoutSession.objects.bulk_create(
            WorkoutSession(user=user, workout_plan=plan, status=SessionStatus.COMPLETED,
                           created_at=dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)) for day in days)
        ExerciseSession.objects.bulk_create(
            ExerciseSession(workout_session=s, exercise=squat, weight=weight(i), reps=5, set_number=1,
                            created_at=s.created_at) for i, s in enumerate(sessions))
    return sessions


def _points(user, squat, **kwargs):
    from records.progress import exercise_history

    with rls_user(user.pk):
        history = exercise_history(user=user, exercise_id=squat.pk, range_key="all", **kwargs)
    return history.days, history.per


def test_a_long_history_is_drawn_as_weekly_then_monthly_bests(user):
    squat = exercise_named(SQUAT)
    start = dt.date(2020, 1, 6)  # a Monday
    sessions = _long_history(user, squat, [start + dt.timedelta(days=2 * i) for i in range(600)],
                             weight=lambda i: Decimal(90 + i))
    points, per = _points(user, squat, max_points=150)  # explicit, whatever the default
    assert per == "month" and len(points) <= 150
    # January's best, dated by the month's start; the volume's workout is its heaviest.
    assert points[0].day == dt.date(2020, 1, 1) and points[0].heaviest == Decimal(90 + 12)
    assert points[0].volume == Decimal(102 * 5) and points[0].session_id == sessions[12].pk
    assert points[0].e1rm == Decimal("119.00")  # 102 x (1 + 5/30)
    with rls_user(user.pk):  # the 250 oldest left: by week
        WorkoutSession.objects.filter(pk__in=[s.pk for s in sessions[250:]]).update(deleted_at=timezone.now())
    weekly, per = _points(user, squat, max_points=150)
    assert per == "week" and weekly[0].day == start and weekly[0].heaviest == Decimal(93)  # 4 workouts in week one
    with rls_user(user.pk):
        WorkoutSession.objects.filter(pk__in=[s.pk for s in sessions[10:]]).update(deleted_at=timezone.now())
    few, per = _points(user, squat)
    assert per == "workout" and [p.session_id for p in few] == [s.pk for s in sessions[:10]]


def test_a_history_of_decades_is_drawn_by_quarter_then_year(user):
    from records.progress import MAX_POINTS

    squat = exercise_named(SQUAT)
    _long_history(user, squat, [dt.date(2000, 1, 3) + dt.timedelta(days=7 * i) for i in range(52 * 20)])
    points, per = _points(user, squat)  # weekly for 20 years: 240 months, 80 quarters
    assert per == "quarter" and len(points) == 80 <= MAX_POINTS
    assert [p.day for p in points[:2]] == [dt.date(2000, 1, 1), dt.date(2000, 4, 1)]
    points, per = _points(user, squat, max_points=30)
    assert per == "year" and [p.day for p in points[:2]] == [dt.date(2000, 1, 1), dt.date(2001, 1, 1)]


def test_rep_max_ties_go_to_the_earliest_workout_and_warm_ups_never_count(user_client, user):
    from sessions.models import SetType

    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    first, second, warm = _history(user_client, user, plan, squat, [
        (30, [(100, 5)]), (10, [(100, 5), (90, 8)]), (5, [(105, 5), (102.5, 3)])])
    with rls_user(user.pk):  # the last workout was warm-ups only (heavier, yet no record)
        ExerciseSession.objects.filter(workout_session=warm).update(set_type=SetType.WARMUP)
    html = user_client.get(f"/exercises/{squat.pk}/").content.decode()
    rep_maxes = re.findall(r'<tr><td>(\d+)</td><td>([^<]+)</td><td><a href="/sessions/([^/]+)/">', html)
    assert rep_maxes == [("5", "100 kg", str(first.pk)), ("8", "90 kg", str(second.pk))]
    # The warm-up-only workout draws no point; its sets are still in the set list.
    assert [r[1] for r in _table(html, "Heaviest weight by workout")] == ["100", "100"]
    assert re.findall(r"set \d+: ([^<]+?) ×\s*(\d+)", html)[:2] == [("102.5 kg", "3"), ("105 kg", "5")]


def _pager(html: str) -> dict[str, str]:
    """The set list's Newer/Older links: {label: href}, each a query string on this page."""
    nav = re.search(r'<nav class="pager"[^>]*>(.*?)</nav>', html, re.S)
    links = {label: href.replace("&amp;", "&") for href, label in
             re.findall(r'<a class="btn" href="([^"]*)">(Newer|Older)</a>', nav.group(1))} if nav else {}
    assert all(re.fullmatch(r"\?[a-z]\w*=[^?]*", href) for href in links.values()), links
    return links


def test_set_list_pages_by_keyset_without_counting_again(user_client, user):
    """45 sets are pages of 20, 20 and 5, each linked to the next by a set (never an
    offset), the same few queries deep or not, and no COUNT of its own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    squat = exercise_named(SQUAT)
    (session,) = _history(user_client, user, make_plan(user, names=(SQUAT,)), squat, [(3, [(100, 5)])])
    with rls_user(user.pk):
        ExerciseSession.objects.bulk_create(
            ExerciseSession(workout_session=session, exercise=squat, weight=Decimal(50 + n), reps=5, set_number=n + 2)
            for n in range(44))
    url = f"/exercises/{squat.pk}/"

    def visit(query=""):
        with CaptureQueriesContext(connection) as captured:
            response = user_client.get(f"{url}{query}")
        assert response.status_code == 200
        assert not [q["sql"] for q in captured.captured_queries if '"__count"' in q["sql"]]  # a paginator's
        html = response.content.decode()
        return [int(n) for n in re.findall(r"set (\d+): ", html)], _pager(html), len(captured.captured_queries)

    first, links, queries = visit("?range=all")
    assert first == list(range(45, 25, -1)) and list(links) == ["Older"]
    assert "45 sets, newest first." in user_client.get(url).content.decode()
    assert "range=all" in links["Older"]  # the chart's range is kept
    second, links, deeper = visit(links["Older"])
    assert second == list(range(25, 5, -1)) and list(links) == ["Newer", "Older"]
    last, links, deepest = visit(links["Older"])
    assert last == [5, 4, 3, 2, 1] and list(links) == ["Newer"]
    back, links, _ = visit(links["Newer"])  # the 20 sets just newer than set 5
    assert back == second and list(links) == ["Newer", "Older"]
    assert deeper == deepest == queries + 1  # the anchor set's place, then its page
    # A malformed id, another user's set, a set of a deleted workout: the newest page.
    other = UserFactory()
    other_client = type(user_client)()
    other_client.force_login(other)
    theirs = finished(other_client, other, make_plan(other, names=(SQUAT,)), (squat, 200, 5))
    gone = finished(user_client, user, make_plan(user, names=(SQUAT,)), (squat, 40, 5))
    with rls_user(other.pk):
        their_set = ExerciseSession.objects.get(workout_session=theirs).pk
    with rls_user(user.pk):
        gone_set = ExerciseSession.objects.get(workout_session=gone).pk
    user_client.post(f"/sessions/{gone.pk}/delete/")
    for query in ("?before=abc", "?after=%00", f"?before={their_set}", f"?after={gone_set}", "?before=&after="):
        assert visit(query)[0] == first, query