"""Supersets in the plan editor: "Superset with next" and "Ungroup", moves that keep
supersets whole, the rules (labels side by side, a group of one dissolves) in one place,
the plan page showing A1/A2 together, and an import's A1/A2 saved as one superset."""

import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from equipment.models import Exercise
from plans import services
from plans.models import WorkoutExercise
from plans.services import ExerciseSpec, superset_labels
from tests.factories import exercise_named
from tests.plans.test_import import URL, form_fields, preview

pytestmark = pytest.mark.django_db

NAMES = ("Barbell Squat", "Barbell Bench Press - Medium Grip", "Barbell Deadlift", "Pushups", "Pullups")


def make_plan(user, names=NAMES, labels=None):
    labels = labels or [None] * len(names)
    with rls_user(user.pk):
        return services.plan_create(user=user, name="Supersets", exercises=[
            ExerciseSpec(exercise=exercise_named(n), sets=3, reps_min=8, reps_max=8, superset=label)
            for n, label in zip(names, labels)])


def items(user, plan) -> list[WorkoutExercise]:
    with rls_user(user.pk):
        return list(plan.exercises.select_related("exercise").order_by("sequence"))


def layout(user, plan) -> list[tuple[str, str | None]]:
    """(name without "Barbell", superset label) in plan order."""
    return [(i.exercise.name.removeprefix("Barbell "), i.superset)
            for i in items(user, plan)]


def tap(client, plan, item, action):
    return client.post(f"/plans/{plan.pk}/exercises/{item.pk}/superset/", {"action": action})


def move(client, plan, item, direction):
    return client.post(f"/plans/{plan.pk}/exercises/{item.pk}/move/", {"direction": direction})


@pytest.mark.parametrize("given, stored", [
    (["A", "A", None], ["A", "A", None]),
    (["A", None, None], [None, None, None]),  # a group of one is no superset
    (["A", None, "A"], [None, None, None]),  # apart, each A is alone
    (["A", "A", None, "A", "A"], ["A", "A", None, "B", "B"]),  # apart, the second A is a superset of its own
    (["B", "B", "A", "A", "B", "B"], ["B", "B", "A", "A", "C", "C"]),
    (["  ", "", None], [None, None, None]),
    ([" A ", "A"], ["A", "A"]),
    (["x" * 30, "x" * 30], ["x" * 20, "x" * 20]),  # the column holds 20
    ([], []),
])
def test_the_rules_once(given, stored):
    assert superset_labels(given) == stored


def test_superset_with_next_groups_joins_and_ungroups(user_client, user):
    plan = make_plan(user)
    squat, bench, deadlift, pushups, pullups = items(user, plan)
    assert tap(user_client, plan, squat, "next").status_code == 302
    assert layout(user, plan) == [("Squat", "A"), ("Bench Press - Medium Grip", "A"), ("Deadlift", None),
                                  ("Pushups", None), ("Pullups", None)]
    # The next one already in a superset: this one joins it, then the one after joins too.
    assert tap(user_client, plan, pushups, "next").status_code == 302
    assert [label for _, label in layout(user, plan)] == ["A", "A", None, "B", "B"]
    tap(user_client, plan, deadlift, "next")  # joins B (the next one's)
    assert [label for _, label in layout(user, plan)] == ["A", "A", "B", "B", "B"]
    tap(user_client, plan, bench, "next")  # two supersets side by side become one
    assert [label for _, label in layout(user, plan)] == ["A"] * 5
    # Out of the middle of a superset: the two sides stay supersets when they still are.
    tap(user_client, plan, deadlift, "ungroup")
    assert [label for _, label in layout(user, plan)] == ["A", "A", None, "B", "B"]
    tap(user_client, plan, pushups, "ungroup")  # leaves Pullups alone: it dissolves
    assert [label for _, label in layout(user, plan)] == ["A", "A", None, None, None]
    tap(user_client, plan, squat, "ungroup")
    assert [label for _, label in layout(user, plan)] == [None] * 5
    tap(user_client, plan, pullups, "ungroup")  # not in one: nothing happens
    assert [label for _, label in layout(user, plan)] == [None] * 5


def test_a_new_superset_takes_a_letter_the_plan_does_not_use(user_client, user):
    plan = make_plan(user, labels=["A", "A", None, None, None])
    third = items(user, plan)[2]
    tap(user_client, plan, third, "next")
    assert [label for _, label in layout(user, plan)] == ["A", "A", "B", "B", None]


def test_the_plan_page_shows_a_superset_together_with_a1_a2(user_client, user):
    plan = make_plan(user, labels=[None, "A", "A", None, None])
    html = user_client.get(f"/plans/{plan.pk}/").content.decode()
    block = html.split('<li class="plan-superset" aria-label="Superset A">')[1].split("</ol>")[0]
    assert "Barbell Bench Press - Medium Grip" in block and "Barbell Deadlift" in block
    assert "Barbell Squat" not in block and "Pushups" not in block
    assert block.index(">A1</span>") < block.index("Bench Press") < block.index(">A2</span>") < block.index("Deadlift")
    assert html.count('class="plan-superset"') == 1
    edit = user_client.get(f"/plans/{plan.pk}/edit/").content.decode()
    cards = edit.split('<li class="card')[1:6]
    # Squat: superset with next; Bench (A1): ungroup only; Deadlift (A2): both; Pullups (last): neither.
    assert ['value="next"' in c for c in cards] == [True, False, True, True, False]
    assert ['value="ungroup"' in c for c in cards] == [False, True, True, False, False]
    assert ">A1</span>" in cards[1] and ">A2</span>" in cards[2] and "plan-in-superset" in cards[1]


def test_moves_keep_supersets_whole(user_client, user):
    plan = make_plan(user, labels=[None, "A", "A", None, None])
    squat, bench, deadlift, pushups, pullups = items(user, plan)
    move(user_client, plan, squat, "down")  # into a superset it is not in: past the whole superset
    assert layout(user, plan) == [("Bench Press - Medium Grip", "A"), ("Deadlift", "A"), ("Squat", None),
                                  ("Pushups", None), ("Pullups", None)]
    move(user_client, plan, squat, "up")
    assert [name for name, _ in layout(user, plan)][:3] == ["Squat", "Bench Press - Medium Grip", "Deadlift"]
    move(user_client, plan, deadlift, "up")  # inside its superset: swaps, still A
    assert layout(user, plan)[1:3] == [("Deadlift", "A"), ("Bench Press - Medium Grip", "A")]
    tap(user_client, plan, pushups, "next")  # Pushups + Pullups: B
    move(user_client, plan, bench, "down")  # at the edge of A, next to B: steps out and past B
    assert layout(user, plan) == [("Squat", None), ("Deadlift", None), ("Pushups", "B"), ("Pullups", "B"),
                                  ("Bench Press - Medium Grip", None)]
    with rls_user(user.pk):
        assert sorted(plan.exercises.values_list("sequence", flat=True)) == [1, 2, 3, 4, 5]


def test_removing_one_of_a_pair_dissolves_the_pair(user_client, user):
    plan = make_plan(user, labels=["A", "A", "B", "B", "B"])
    squat, _, deadlift, *_ = items(user, plan)
    user_client.post(f"/plans/{plan.pk}/exercises/{squat.pk}/remove/")
    user_client.post(f"/plans/{plan.pk}/exercises/{deadlift.pk}/remove/")
    assert layout(user, plan) == [("Bench Press - Medium Grip", None), ("Pushups", "B"), ("Pullups", "B")]


def test_plans_made_with_labels_apart_are_stored_by_the_rules(user):
    plan = make_plan(user, labels=["A", None, "A", "C", "C"])
    assert [label for _, label in layout(user, plan)] == [None, None, None, "C", "C"]


def test_bad_input_is_a_message_or_a_404_never_a_500(user_client, user):
    plan = make_plan(user, names=NAMES[:2])
    first, last = items(user, plan)
    response = tap(user_client, plan, last, "next")
    assert response.status_code == 400
    assert "is the last exercise: there is no next one" in response.content.decode()
    for action in ("sideways", ""):
        response = tap(user_client, plan, first, action)
        assert response.status_code == 400
        assert ("Choose “Superset with next” or “Ungroup”." in response.content.decode()
                or "Choose what to do with the superset." in response.content.decode())
    unknown = uuid.uuid4()
    assert user_client.post(f"/plans/{plan.pk}/exercises/{unknown}/superset/", {"action": "next"}).status_code == 404
    assert user_client.post(f"/plans/{unknown}/exercises/{first.pk}/superset/", {"action": "next"}).status_code == 404
    assert user_client.post(f"/plans/{plan.pk}/exercises/not-a-uuid/superset/", {"action": "next"}).status_code == 404
    assert user_client.get(f"/plans/{plan.pk}/exercises/{first.pk}/superset/").status_code == 405
    assert [label for _, label in layout(user, plan)] == [None, None]


def test_a_post_without_the_csrf_token_is_refused(user, user_client):
    plan = make_plan(user, names=NAMES[:2])
    first = items(user, plan)[0]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert tap(strict, plan, first, "next").status_code == 403
    assert [label for _, label in layout(user, plan)] == [None, None]


def test_another_users_plan_exercise_is_a_404_and_unchanged(user_client, user, other_user):
    theirs = make_plan(other_user, names=NAMES[:3])
    their_first = items(other_user, theirs)[0]
    assert tap(user_client, theirs, their_first, "next").status_code == 404
    # Their exercise under my plan's URL is no better.
    mine = make_plan(user, names=NAMES[:2])
    assert user_client.post(f"/plans/{mine.pk}/exercises/{their_first.pk}/superset/",
                            {"action": "next"}).status_code == 404
    assert [label for _, label in layout(other_user, theirs)] == [None, None, None]


@pytest.mark.parametrize("action", ["next", "ungroup", "down"])
def test_query_counts_do_not_grow_with_the_plan(user_client, user, action):
    counts = []
    for size in (3, 40):
        names = list(Exercise.objects.order_by("name").values_list("name", flat=True)[:size])
        plan = make_plan(user, names=names, labels=["A", "A"] + [None] * (size - 2))
        item = items(user, plan)[1]
        with CaptureQueriesContext(connection) as queries:
            if action == "down":
                response = move(user_client, plan, item, action)
            else:
                response = tap(user_client, plan, item, action)
        assert response.status_code == 302
        counts.append(len(queries))
    # Session, user, RLS and savepoints are 8 of them; the move itself at most 5.
    assert counts[0] == counts[1] <= 15, (counts, [q["sql"][:120] for q in queries.captured_queries])


def test_an_imported_a1_a2_is_one_superset_in_the_saved_plan(user_client, user):
    html = preview(user_client, "A1. Bench 3x8\nA2. Row 3x8").content.decode()
    response = user_client.post(URL, {**form_fields(html), "action": "confirm"})
    assert response.status_code == 302
    with rls_user(user.pk):
        saved = list(WorkoutExercise.objects.select_related("exercise").order_by("sequence"))
    assert [e.exercise.name for e in saved] == ["Barbell Bench Press - Medium Grip", "Bent Over Barbell Row"]
    assert saved[0].superset and saved[0].superset == saved[1].superset
    page = user_client.get(response.url).content.decode()
    assert ">A1</span>" in page and ">A2</span>" in page


def test_a_superset_label_typed_in_the_review_is_kept_and_a_long_one_fits(user_client, user):
    html = preview(user_client, "Pushups 3x10\nPullups 3x8\nBarbell squat 5x5").content.decode()
    fields = form_fields(html)
    for key in fields["row"][:2]:
        response = user_client.post(URL, {**fields, "action": f"open:{key}"})
        fields = form_fields(response.content.decode())
    for key in fields["row"][:2]:
        fields[f"row-{key}-superset"] = ["Finisher superset no. 1"]  # 23 characters
    response = user_client.post(URL, {**fields, "action": "confirm"})
    assert response.status_code == 302, response.content.decode()[:1500]
    with rls_user(user.pk):
        labels = list(WorkoutExercise.objects.order_by("sequence").values_list("superset", flat=True))
    assert labels == ["Finisher superset no"] * 2 + [None]


def test_the_editors_partial_after_a_save_keeps_the_superset_taps_right(user_client, user):
    plan = make_plan(user, names=NAMES[:3], labels=[None, "A", "A"])
    last = items(user, plan)[2]
    p = str(last.pk)
    response = user_client.post(f"/plans/{plan.pk}/exercises/{last.pk}/",
                                {f"{p}-sets": "4", f"{p}-reps_min": "6", f"{p}-reps_max": "8"},
                                headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and ">A2</span>" in html
    assert 'value="ungroup"' in html and 'value="next"' not in html  # the last one has no next
