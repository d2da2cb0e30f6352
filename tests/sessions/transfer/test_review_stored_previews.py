"""Review: a preview whose stored file the readers no longer accept (kept before a
reader's rule tightened, e.g. the 1,000-name cap) was a 500 on its page and its
buttons; undo and retry on an import that is not in that state said they did."""

from __future__ import annotations

import pytest

from allworkouts.db import rls_user
from sessions.transfer.models import HistoryImport, ImportStatus
from tests.sessions.transfer.conftest import STRONG_HEADER

pytestmark = pytest.mark.django_db


def stored_preview(user, source) -> HistoryImport:
    with rls_user(user.pk):
        return HistoryImport.objects.create(user=user, filename="old.csv", format="strong", source=source)


@pytest.mark.parametrize("source", ["", "not,a,workout,export\n1,2,3,4\n",
                                    STRONG_HEADER + "".join(
                                        f"2026-04-08 16:50:00,Push,1h,Lift {n},1,60,5,0,0,,,\n" for n in range(1001))])
def test_a_stored_preview_the_readers_refuse_is_a_message_not_a_500(user_client, user, source):
    history_import = stored_preview(user, source)
    url = f"/sessions/transfer/{history_import.pk}/"
    for response in (user_client.get(url), user_client.post(url, {"action": "recount"}),
                     user_client.post(url, {"action": "recount"}, headers={"HX-Request": "true"})):
        assert response.status_code in (200, 302, 400)
    page = user_client.get(url, follow=True).content.decode()
    assert "Upload it again" in page


def test_undo_of_an_import_that_is_not_done_says_so(user_client, user):
    history_import = stored_preview(user, STRONG_HEADER + "2026-04-08 16:50:00,Push,1h,Squat (Barbell),1,60,5,0,0,,,\n")
    page = user_client.post(f"/sessions/transfer/{history_import.pk}/undo/", follow=True).content.decode()
    assert "Import undone" not in page
    with rls_user(user.pk):
        assert HistoryImport.objects.get(pk=history_import.pk).status == ImportStatus.PREVIEW


def test_a_unit_in_the_address_that_is_not_kg_or_lb_is_ignored(user_client, user):
    from tests.sessions.transfer.conftest import FIXTURES
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = FIXTURES.joinpath("strong_unitless_pounds.csv").read_bytes()
    detail = user_client.post("/sessions/transfer/", {"file": SimpleUploadedFile("p.csv", content)})["Location"]
    page = user_client.get(detail + "?unit=stone").content.decode()
    assert "read as stone" not in page and "read as lb" in page  # the guess, as without it
