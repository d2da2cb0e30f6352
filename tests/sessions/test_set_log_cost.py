"""What a set log costs: its statements (issue 14's diet), and an out-of-band answer
that reads only the logged card's group yet says exactly what the whole page would."""

import re
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from records.models import PersonalRecord
from records.services import best_from_sets
from sessions import services, workout_page
from sessions.models import ExerciseSession
from tests.factories import exercise_named, in_two_threads
from tests.sessions.test_sessions import finished, start
from tests.sessions.test_workout_screen import BENCH, ROW, SQUAT, plan_items, plan_with, post_set

pytestmark = pytest.mark.django_db

CURL = "Barbell Curl"


def _statements(client, session, item, weight, reps, number, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = post_set(client, session, item, weight, reps, number, **extra)
    assert response.status_code == 200, response.content.decode()[:300]
    return [q["sql"] for q in queries.captured_queries]


# What each statement of a set log is, by how it starts (BEGIN and COMMIT, which
# psycopg sends itself, are not captured: add two).
_KINDS = [("django_session", "SELECT session_data FROM django_session"), ("user", 'SELECT "last_login"'),
          ("rls user", "SELECT set_config('app.current_user_id'"),
          ("session and locks", "WITH s AS (SELECT id, user_id, workout_plan_id"),
          ("plan", 'SELECT "workout_exercise"'),
          ("insert, records, sets and last time", "WITH latest AS ("), ("records write", "INSERT INTO personal_record")]


def _kind(sql: str) -> str:
    return next((kind for kind, start in _KINDS if sql.lstrip().startswith(start)), sql[:60])


def test_a_set_log_is_seven_statements_with_one_insert_and_no_savepoint_of_its_own(user_client, user):
    plan = plan_with(user, (BENCH, 3, None), (SQUAT, 3, None))
    finished(user_client, user, plan, (exercise_named(BENCH), 60, 8))  # records and last time to read
    with rls_user(user.pk):
        session = start(user_client, plan)
    bench, _ = plan_items(user, plan)
    post_set(user_client, session, bench, 60, 8, 1)
    sql = _statements(user_client, session, bench, 50, 8, 2)
    # The test's own: the RLS block's savepoint, reading and restoring the setting, its release.
    own = [s for s in sql if s.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "SELECT current_setting"))
           or "set_config('app.current_user_id', ''" in s]
    assert len(own) == 4
    inserts = [s for s in sql if s.lstrip().startswith(("INSERT INTO \"exercise_session\"", "WITH latest"))]
    assert len(inserts) == 1 and "ON CONFLICT (id) DO NOTHING" in inserts[0]
    # The answer's read of the session's sets, last time's and the next card's records
    # rides in the INSERT.
    assert "SELECT 2 AS kind" in inserts[0] and "FROM personal_record pr" in inserts[0]
    # No SELECT of the set by id before the INSERT, no separate MAX(set_number), lock,
    # best e1RM or records read, no query for the exercise or the plan exercise (the
    # plan's read names them, with the best e1RM for the "did you mean": confirm is off).
    # The answer's reads (the plan, the session's sets with last time's) come after the
    # locks, so they show what the write finds; the PR is the workout's volume: with
    # BEGIN and COMMIT, nine statements, eight for a set that sets no record.
    assert [_kind(s) for s in sql if s not in own] == [kind for kind, _ in _KINDS], "\n".join(sql)


def test_a_repeat_answers_with_the_stored_set_and_stores_nothing(user_client, user):
    plan = plan_with(user, (BENCH, 3, None))
    with rls_user(user.pk):
        session = start(user_client, plan)
    (bench,) = plan_items(user, plan)
    set_id = str(uuid.uuid4())
    first = post_set(user_client, session, bench, 60, 8, 1, id=set_id)
    again = post_set(user_client, session, bench, 60, 8, 1, id=set_id)
    assert first.status_code == again.status_code == 200
    assert f'id="set-{set_id}"' in again.content.decode()
    with rls_user(user.pk):
        assert list(ExerciseSession.objects.values_list("set_number", flat=True)) == [1]


def test_a_set_into_a_completed_workout_is_refused_but_its_repeat_is_not(user_client, user):
    plan = plan_with(user, (BENCH, 3, None))
    with rls_user(user.pk):
        session = start(user_client, plan)
    (bench,) = plan_items(user, plan)
    set_id = str(uuid.uuid4())
    post_set(user_client, session, bench, 60, 8, 1, id=set_id)
    user_client.post(f"/sessions/{session.pk}/complete/")
    assert post_set(user_client, session, bench, 60, 8, 1, id=set_id).status_code == 200
    refused = post_set(user_client, session, bench, 60, 8, 2)
    assert refused.status_code == 400 and "sets can&#x27;t be added to it any more" in refused.content.decode()


def _normalised(html: str) -> str:
    """Without what differs between two renders: fresh form ids and CSRF tokens."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'name="id" value="[^"]+"', "", html)


@pytest.mark.parametrize("scenario", ["mid-card", "card done", "superset", "superset done", "swapped", "no plan",
                                      "card done, the next group done already", "a later card started",
                                      "a later card past its plan",
                                      "card done, every later group done already", "the logged card past its plan",
                                      "its superset partner past its plan", "the next card past its plan"])
def test_the_answer_read_for_the_logged_group_is_the_answer_read_for_the_whole_page(
        user_client, user, monkeypatch, scenario):
    plan = plan_with(user, (BENCH, 2, None), (ROW, 2, "A"), (CURL, 1, "A"), (SQUAT, 2, None))
    # Last time's numbers and records for every exercise, so a card read without them shows.
    finished(user_client, user, plan, *[(exercise_named(n), 50, 8) for n in (BENCH, ROW, CURL, SQUAT)])
    with rls_user(user.pk):
        session = start(user_client, plan)
    bench, row, curl, squat = plan_items(user, plan)
    steps = {"mid-card": [(bench, 1)], "card done": [(bench, 1), (bench, 2)], "superset": [(row, 1)],
             "superset done": [(row, 1), (curl, 1), (row, 2)], "swapped": [(bench, 1)], "no plan": [(bench, 1)],
             # the card opened next is beyond the one after the logged card's
             "card done, the next group done already": [(row, 1), (curl, 1), (row, 2), (bench, 1), (bench, 2)],
             # sets of a card the answer does not show are only counted (workout_page._counted)
             "a later card started": [(squat, 1), (squat, 2), (squat, 3), (bench, 1)],
             # counted sets beyond what the cards can claim are not made (workout_page._claimable)
             "a later card past its plan": [(squat, 1), (squat, 2), (squat, 3), (squat, 4), (squat, 5), (row, 1),
                                            (curl, 1), (row, 2), (bench, 1), (bench, 2)],
             "card done, every later group done already": [(squat, 1), (squat, 2), (row, 1), (curl, 1), (row, 2),
                                                           (bench, 1), (bench, 2)],
             # sets beyond the plan of a card the answer shows only in its header and
             # "+ Add set" are counted, the latest read (its weight is carried)
             "the logged card past its plan": [(bench, 1), (bench, 2), (bench, 3, 52), (bench, 4, 54), (bench, 5)],
             "its superset partner past its plan": [(row, 1), (row, 2), (row, 3, 52), (row, 4, 55), (row, 5, 53),
                                                    (curl, 1)],
             # the card opened next shows its extra sets, read in full
             "the next card past its plan": [(row, 1), (row, 2), (row, 3, 52), (row, 4, 54), (bench, 1),
                                             (bench, 2)]}
    *before, (item, number) = steps[scenario]
    for done, n, *weight in before:
        post_set(user_client, session, done, weight[0] if weight else 50, 8, n)
    if scenario == "swapped":
        user_client.post(f"/sessions/{session.pk}/swap/{bench.pk}/",
                         {"exercise": str(exercise_named("Dumbbell Bench Press").pk)})
    answers = {}
    read = workout_page.read

    class _Later:
        def __init__(self, user, session):
            self.user, self.session = user, session

        def add(self, logged, new_records):
            self.data = read(user=self.user, session=self.session)

    monkeypatch.setattr(workout_page, "build", (lambda build: lambda *, user, data: build(
        user=user, data=data.data if isinstance(data, _Later) else data))(workout_page.build))
    for mode in ("focused", "whole page"):
        if mode == "whole page":
            # Read in full, after the set was stored: the page as a reload shows it.
            monkeypatch.setattr(workout_page, "read", lambda *, user, session, focus=None, adding=None, plan=None,
                                rows=None: _Later(user, session))
            with rls_user(user.pk):  # the same set again, logged afresh
                services.set_delete(logged_set=ExerciseSession.objects.filter(workout_session=session)
                                    .order_by("-created_at").first())
        data = {"id": str(uuid.uuid4()), "exercise": str(item.exercise_id), "weight": "50", "reps": "8",
                "number": str(number)}
        if scenario != "no plan":
            data["plan_exercise"] = str(item.pk)
        response = user_client.post(f"/sessions/{session.pk}/sets/", data, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, response.content.decode()[:300]
        html = response.content.decode()
        answers[mode] = _normalised(re.sub(r'set-[0-9a-f-]{36}|/sets/[0-9a-f-]{36}/', "", html))
        answers[mode] = re.sub(r'data-rest-ends-at="\d+"', "", answers[mode])
    assert answers["focused"] == answers["whole page"]
    # A done group sends the next card, opened, with its last time and records.
    next_card = re.search(r'<details class="card exercise-card[^>]* open hx-swap-oob="true">', answers["focused"])
    assert bool(next_card) == (scenario in ("card done", "superset done", "card done, the next group done already",
                                            "the next card past its plan", "the logged card past its plan",
                                            "its superset partner past its plan"))
    if scenario == "card done, the next group done already":
        assert f'id="exercise-{squat.pk}"' in next_card[0]  # its last time read after the sets
    if next_card:
        assert "Last time (" in answers["focused"] and "PRs: " in answers["focused"]
    if scenario == "its superset partner past its plan":
        # The row's five sets of two planned, its "+ Add set" after them with the latest's weight.
        assert f"&amp;plan_exercise={row.pk}&amp;number=6&amp;weight_kg=53.00&amp;reps=8" in answers["focused"]
        assert "5/2" in answers["focused"]
    if scenario == "the next card past its plan":
        assert answers["focused"].count("54") >= 1 and "4/2" in answers["focused"]


def test_the_plan_read_compiled_once_makes_what_the_orm_makes(user_client, user):
    plan = plan_with(user, (BENCH, 2, None), (ROW, 2, "A"), ("Pullups", 1, "A"), (SQUAT, 2, None))
    finished(user_client, user, plan, (exercise_named(BENCH), 60, 8))  # a best e1RM to read
    with rls_user(user.pk):
        orm = list(workout_page._plan_items_queryset(plan.pk, user.pk))
        compiled = workout_page._CompiledPlanItems()(plan.pk, user.pk)
        other = workout_page._CompiledPlanItems()(plan_with(user, (CURL, 1, None), name="Arms").pk, user.pk)

    def described(item):
        fields = {f.attname: getattr(item, f.attname) for f in item._meta.concrete_fields}
        exercise = {f.attname: getattr(item.exercise, f.attname) for f in item.exercise._meta.concrete_fields}
        return fields, exercise, item.load_kind, item.barbell, item.best_1rm, item._state.adding, item._state.db

    assert [described(i) for i in compiled] == [described(i) for i in orm]
    assert {i.load_kind for i in compiled} == {"loaded", "bodyweight"} and any(i.barbell for i in compiled)
    assert isinstance(compiled[0].exercise.primary_muscle_groups, list)
    assert [i.best_1rm for i in compiled] == [Decimal("76.00"), None, None, None]  # 60 x 8: 60 * (1 + 8/30)
    assert [i.exercise.name for i in other] == [CURL]


def test_a_set_that_sets_three_records_writes_them_in_one_statement(user_client, user):
    plan = plan_with(user, (BENCH, 3, None))
    with rls_user(user.pk):
        session = start(user_client, plan)
    (bench,) = plan_items(user, plan)
    sql = _statements(user_client, session, bench, 60, 8, 1)
    writes = [s for s in sql if "personal_record" in s and s.lstrip().startswith(("INSERT", "UPDATE"))]
    assert len(writes) == 1, "\n".join(writes)
    sql = _statements(user_client, session, bench, 70, 8, 2)  # beats all three
    assert len([s for s in sql if "personal_record" in s and s.lstrip().startswith(("INSERT", "UPDATE"))]) == 1
    with rls_user(user.pk):
        stored = {r.record_type: (r.value, r.exercise_session.set_number)
                  for r in PersonalRecord.objects.select_related("exercise_session")}
    # e1RM 70 * (1 + 8/30), 70 * 8, the workout's 60 * 8 + 70 * 8: all the second set's.
    assert stored == {"1rm": (Decimal("88.67"), 2), "set_volume": (Decimal("560.00"), 2),
                      "total_volume": (Decimal("1040.00"), 2)}


@pytest.mark.django_db(transaction=True)
def test_two_tabs_logging_the_same_exercise_at_once_through_the_page_end_like_a_recomputation(user):
    """The page's path takes the locks with the session (services.set_log_session):
    two clients posting sets of one exercise at once still get distinct set numbers and
    the records a recomputation gives."""
    plan = plan_with(user, (SQUAT, 3, None))
    (squat,) = plan_items(user, plan)
    opener = Client()
    opener.force_login(user)
    with rls_user(user.pk):
        session = start(opener, plan)
    weights = (100, 140, 120, 160, 110, 150, 130, 125)
    answers = []

    def tab(chunk):
        client = Client()
        client.force_login(user)
        for weight in chunk:
            answers.append(post_set(client, session, squat, weight, 3, 1, confirm="on").status_code)

    assert in_two_threads(tab, weights) == [] and answers == [200] * len(weights)
    with rls_user(user.pk):
        stored = {r.record_type: (r.value, r.exercise_session_id) for r in PersonalRecord.objects.all()}
        best = best_from_sets(user_id=user.pk, exercise_id=squat.exercise_id)
        numbers = sorted(ExerciseSession.objects.filter(workout_session=session).values_list("set_number", flat=True))
    assert numbers == list(range(1, 9))
    assert stored == {t: (b.value, b.exercise_session_id) for t, b in best.items()}
    assert stored["total_volume"][0] == sum(weights) * 3


def _log_sets_in_one_connection(user_client, user, count: int):
    """A workout of one bench card with `count` sets, each logged by a POST."""
    plan = plan_with(user, (BENCH, count + 1, None))
    with rls_user(user.pk):
        session = start(user_client, plan)
    (bench,) = plan_items(user, plan)
    for number in range(1, count + 1):
        post_set(user_client, session, bench, 60, 8, number)
    return session


def test_a_connection_that_logs_set_after_set_runs_the_statements_prepared(user_client, user):
    # Settings: parameters bound server-side and prepared after five runs, so PostgreSQL
    # plans a set log's statements once per connection instead of on every request.
    session = _log_sets_in_one_connection(user_client, user, 7)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE generic_plans + custom_plans > 1")
        prepared = [row[0].lstrip() for row in cursor.fetchall()]
    # The INSERT, with the answer's read of the sets and last time's in it.
    assert any(s.startswith("WITH latest AS (") and "ON CONFLICT (id) DO NOTHING" in s
               and "SELECT 2 AS kind" in s for s in prepared), prepared
    assert any(s.startswith('SELECT "workout_exercise"') for s in prepared), prepared  # the plan's
    with rls_user(user.pk):
        assert ExerciseSession.objects.filter(workout_session_id=session.pk).count() == 7


def test_the_insert_with_last_time_s_read_in_it_is_planned_once_per_connection(user_client, user):
    # Last time's exercises are listed one parameter each (workout_page._with_exercises_listed):
    # with one array parameter the planner guessed ten of them for the generic plan and
    # PostgreSQL planned the statement afresh on every set log. psycopg prepares it at
    # its sixth run, PostgreSQL tries five custom plans, then keeps the generic one.
    _log_sets_in_one_connection(user_client, user, 12)
    with connection.cursor() as cursor:
        cursor.execute("SELECT generic_plans FROM pg_prepared_statements WHERE statement LIKE '%%ON CONFLICT (id)%%'")
        (generic,), = cursor.fetchall()
    assert generic >= 1  # an array parameter: none, ever


def test_the_answer_reads_in_full_only_the_sets_of_the_cards_it_may_show(user_client, user):
    plan = plan_with(user, (BENCH, 2, None), (ROW, 2, None), (SQUAT, 2, None))
    with rls_user(user.pk):
        session = start(user_client, plan)
    bench, row, squat = plan_items(user, plan)
    for item in (squat, squat, squat, row, bench):
        post_set(user_client, session, item, 50, 8, 1)
    with rls_user(user.pk):
        data = workout_page.read(user=user, session=session, focus=bench.pk)
    by_exercise = {}
    for logged in data.sets:
        by_exercise.setdefault(logged.exercise_id, []).append(logged)
    # The logged card's and the next card's sets as stored; the squats, shown by no
    # card of the answer, only counted, and no more than their card claims (its two
    # planned sets: the third is an extra set, which the answer does not show).
    assert all(s.pk is not None and s.weight == 50 for pk in (bench.exercise_id, row.exercise_id)
               for s in by_exercise[pk])
    assert [(s.pk, s.set_number, s.weight) for s in by_exercise[squat.exercise_id]] == [
        (None, 1, None), (None, 2, None)]


def test_set_forms_share_their_fields_which_none_changes():
    from sessions.forms import SetForm

    one, two = SetForm({}, session=None), SetForm({"weight": "x"}, session=None)
    assert all(one.fields[name] is two.fields[name] is SetForm.base_fields[name] for name in SetForm.base_fields)
    # Other forms keep Django's copy.
    from sessions.forms import SetEditForm
    assert SetEditForm().fields["weight"] is not SetEditForm.base_fields["weight"]


def test_a_set_that_completes_its_card_reads_the_next_card_s_records_in_the_insert(user_client, user):
    plan = plan_with(user, (BENCH, 1, None), (SQUAT, 1, None))
    finished(user_client, user, plan, (exercise_named(SQUAT), 100, 5))  # a squat record to show
    with rls_user(user.pk):
        session = start(user_client, plan)
    bench, _ = plan_items(user, plan)
    with CaptureQueriesContext(connection) as queries:
        response = post_set(user_client, session, bench, 60, 8, 1)
    assert "PRs: " in response.content.decode()  # the squat card, opened, with its records
    assert not [q for q in queries.captured_queries if "FROM personal_record WHERE" in q["sql"]]
