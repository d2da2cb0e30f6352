"""Review: files a user (or an attacker) can upload that once gave a 500, hung the web
worker, or made the background import fail after a clean preview."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from allworkouts.db import rls_user
from sessions.models import ExerciseSession, WorkoutSession
from sessions.transfer import readers, services
from sessions.transfer.models import HistoryImport
from tests.sessions.transfer.conftest import STRONG_HEADER

pytestmark = pytest.mark.django_db

ROW = "2026-04-08 16:50:00,Push,1h 2m,Bench Press (Barbell),{order},{weight},{reps},0,{seconds},,,\n"


def row(order="1", weight="60", reps="5", seconds="0"):
    return ROW.format(order=order, weight=weight, reps=reps, seconds=seconds)


def post(client, content: bytes):
    return client.post("/sessions/transfer/", {"file": SimpleUploadedFile("x.csv", content, "text/csv")})


def test_reps_with_a_huge_exponent_are_not_a_number_of_reps_and_cost_nothing():
    # int(Decimal("1e999999")) builds a million-digit integer: ~40 s of CPU per field.
    started = time.process_time()
    assert readers._int_or_none("1e999999") is None
    assert readers._int_or_none("9" * 5000) is None
    assert time.process_time() - started < 0.5
    assert readers._int_or_none("12") == 12 and readers._int_or_none("12.0") == 12


def test_upload_with_a_huge_exponent_in_reps_answers_at_once(user_client, user):
    started = time.monotonic()
    response = post(user_client, (STRONG_HEADER + row() + row(reps="1e9999999")).encode())
    assert time.monotonic() - started < 5
    assert response.status_code == 302
    page = user_client.get(response["Location"]).content.decode()
    assert "reps out of range" in page or "no reps" in page


@pytest.mark.parametrize("duration", ["²", "9" * 5000, "١٢٣"])
def test_odd_digits_in_a_duration_are_no_500(user_client, duration):
    assert readers.parse_duration(duration) in (None, 123)
    response = post(user_client, (STRONG_HEADER + row(seconds=duration)).encode())
    assert response.status_code == 302


def test_a_byte_that_is_not_utf8_after_the_first_8_kb_is_a_message_not_a_500(user_client, user):
    body = (STRONG_HEADER + row() * 200).encode()
    assert len(body) > 8192
    response = post(user_client, body + "2026-04-09 16:50:00,Push,1h,Caf\xe9,1,60,5,0,0,,,\n".encode("latin-1"))
    assert response.status_code == 400
    assert "not UTF-8" in response.content.decode()
    with rls_user(user.pk):
        assert not HistoryImport.objects.exists()


def test_a_nul_byte_after_the_first_8_kb_is_a_message_not_a_500(user_client, user):
    body = (STRONG_HEADER + row() * 200).encode()
    response = post(user_client, body + b"2026-04-09 16:50:00,Push,1h,Bench\x00Press,1,60,5,0,0,,,\n")
    assert response.status_code == 400
    assert "not a CSV file" in response.content.decode()
    with rls_user(user.pk):
        assert not HistoryImport.objects.exists()


def test_a_rest_timer_or_duration_past_any_real_one_does_not_break_the_import(user):
    # Rest and duration columns are free numbers in a file: 99,999,999,999 seconds
    # overflowed the integer column (and a datetime), so the import failed after a
    # clean preview. Rest beyond the app's limit is not kept; the set is.
    text = (STRONG_HEADER
            + "2026-04-08 16:50:00,Push,99999999999,Bench Press (Barbell),1,60,5,0,0,,,\n"
            + "2026-04-08 16:50:00,Push,99999999999,Bench Press (Barbell),Rest Timer,,,,99999999999,,,\n"
            + "2026-04-10 16:50:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,\n"
            + "2026-04-10 16:50:00,Pull,1h,Deadlift (Barbell),Rest Timer,,,,5000,,,\n")
    with rls_user(user.pk):
        parsed = services.parse_text(text)
        history_import = services.create_import(user=user, filename="x.csv", text=text, parsed=parsed)
        summary = services.run_import(user=user, history_import=history_import, unit="kg")
        assert summary["sets"] == 2
        rests = sorted(ExerciseSession.objects.values_list("rest_time_seconds", flat=True), key=str)
        assert rests == [None, None]
        assert WorkoutSession.objects.count() == 2


def test_a_set_heavier_than_the_app_allows_is_skipped_with_its_reason(user):
    # The app refuses a logged set over 1,000 kg as a typo; an imported one would be a
    # record nobody can beat.
    text = STRONG_HEADER + row(weight="60") + row(weight="5000")
    with rls_user(user.pk):
        parsed = services.parse_text(text)
        summary = services.dry_run(user=user, parsed=parsed, unit="kg")
    assert summary["sets"] == 1
    assert summary["skipped"] == {"weight out of range": 1}


def test_a_file_naming_thousands_of_exercises_is_refused_before_any_matching(user_client, user):
    # Each distinct name costs a catalogue search on every preview (~3 ms): a 2 MB file
    # of made-up names tied up a web worker for a minute and more on each view.
    lines = [STRONG_HEADER] + [ROW.format(order="1", weight="60", reps="5", seconds="0")
                               .replace("Bench Press (Barbell)", f"Made Up Lift {n}") for n in range(5000)]
    started = time.monotonic()
    response = post(user_client, "".join(lines).encode())
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    assert "5,000 different exercises" in response.content.decode()
    with rls_user(user.pk):
        assert not HistoryImport.objects.exists()


def test_uploads_left_in_preview_do_not_pile_up(user_client, user, other_user):
    # Each upload keeps its file (up to 10 MB) for the preview; nothing removed those
    # never confirmed, so one account could fill the database upload by upload.
    from tests.sessions.transfer.conftest import FIXTURES

    content = FIXTURES.joinpath("strong_comma.csv").read_bytes()
    with rls_user(other_user.pk):
        parsed = services.parse_text(content.decode("utf-8-sig"))
        theirs = services.create_import(user=other_user, filename="x.csv", text=content.decode(), parsed=parsed)
    last = None
    for _ in range(services.MAX_PREVIEWS + 3):
        last = post(user_client, content)
        assert last.status_code == 302
    with rls_user(user.pk):
        previews = HistoryImport.objects.filter(user=user)
        assert previews.count() == services.MAX_PREVIEWS
        assert previews.filter(pk=last["Location"].split("/")[-2]).exists()  # the one just uploaded
    with rls_user(other_user.pk):
        assert HistoryImport.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("date", ["9999-12-31 23:59:30", "0001-01-01 00:00:00", "1900-01-01 10:00:00"])
def test_a_date_no_workout_has_is_skipped_not_a_500(user_client, user, date):
    # 9999-12-31 23:59 plus a minute (the re-import window, a set's time) overflowed
    # datetime on the preview page; year 1 in a zone east of UTC cannot be stored.
    with rls_user(user.pk):
        user.time_zone = "Asia/Tokyo"
        user.save(update_fields=["time_zone"])
    response = post(user_client, (STRONG_HEADER + row() + ROW.format(order="1", weight="70", reps="5", seconds="0")
                                  .replace("2026-04-08 16:50:00", date)).encode())
    assert response.status_code == 302
    page = user_client.get(response["Location"])
    assert page.status_code == 200
    assert "date out of range" in page.content.decode()
