"""A hold or carry imported into a plan reads by its time or distance on the plan's
page ("3 × 45s"), not by the one rep a set it is saved as."""

import pytest

from allworkouts.db import rls_user
from plans.models import WorkoutExercise, WorkoutPlan
from tests.plans.test_import import URL, form_fields, preview

pytestmark = pytest.mark.django_db


def test_a_hold_and_a_carry_show_their_time_and_distance_and_reps_stay_reps(user_client, user):
    fields = form_fields(preview(user_client, "Core\nSide plank 3x45s\nFarmer carry 4 x 30 m\nDead bug 3x10\n")
                         .content.decode())
    assert user_client.post(URL, {**fields, "action": "confirm"}).status_code == 302
    with rls_user(user.pk):
        plan = WorkoutPlan.objects.get(user=user)
        saved = [(e.reps_min, e.reps_max, e.notes) for e in plan.exercises.all()]
    assert saved[0][:2] == (1, 1) and saved[0][2].startswith("45s")
    page = user_client.get(f"/plans/{plan.pk}/").content.decode()
    prescriptions = [p.split(">", 1)[1].split("<", 1)[0] for p in page.split('<p class="prescription"')[1:]]
    assert prescriptions == ["3 × 45s", "4 × 30 m", "3 × 10 reps"]
    assert "1 reps" not in page


@pytest.mark.parametrize("reps, notes, held, rest", [
    (1, "60s", "60s", ""), (1, "40 m, each side", "40 m", "each side"), (1, "@ 20kg", "", "@ 20kg"),
    (8, "60s", "", "60s"), (1, None, "", ""),
])
def test_only_a_one_rep_line_with_a_time_or_distance_first_is_a_hold(reps, notes, held, rest):
    item = WorkoutExercise(sets=3, reps_min=reps, reps_max=reps, notes=notes)
    assert (item.held_for, item.notes_besides_hold) == (held, rest)
