"""Review: Enter in a row's search box of the preview (the phone's Go key) submits the
form with its first button (Recount, or the first row's Search), so the search typed in
another row was dropped and the text vanished. The row whose box changed is searched."""

from __future__ import annotations

import pytest

from equipment.models import Exercise
from tests.sessions.transfer.test_preview_mapping_recovery import ODD_FILE, UNKNOWN, selected, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("button", ["recount", "search:first"])
def test_enter_in_a_rows_search_box_searches_that_row(user_client, user, button):
    detail = upload(user_client, "odd.csv", ODD_FILE.encode())
    names = sorted([UNKNOWN, "Squat (Barbell)"])
    index, other = names.index(UNKNOWN), 1 - names.index(UNKNOWN)
    action = "recount" if button == "recount" else f"search:{other}"  # the form's first button
    response = user_client.post(detail, {"action": action, f"search-{index}": "front squat",
                                         f"search-{other}": "", "unit": "kg"})
    body = response.content.decode()
    assert response.status_code == 200
    assert Exercise.objects.get(pk=selected(body, index)).name == "Front Barbell Squat"
    assert 'value="front squat"' in body and "in the list above; the best is chosen" in body


def test_an_earlier_search_left_in_its_box_does_not_take_the_enter_of_another_row(user_client, user):
    detail = upload(user_client, "odd.csv", ODD_FILE.encode())
    names = sorted([UNKNOWN, "Squat (Barbell)"])
    index, other = names.index(UNKNOWN), 1 - names.index(UNKNOWN)
    # Row `other` was searched for "back squat" before (its box and hidden field say so);
    # now "front squat" is typed in row `index` and Enter pressed.
    body = user_client.post(detail, {"action": f"search:{other}", f"search-{other}": "back squat",
                                     f"searched-{other}": "back squat", f"search-{index}": "front squat",
                                     "unit": "kg"}).content.decode()
    assert Exercise.objects.get(pk=selected(body, index)).name == "Front Barbell Squat"
