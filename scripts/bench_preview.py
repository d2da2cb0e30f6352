"""The plan-import preview over HTTP: 24 adversarial 50,000-character texts, each
POSTed to a real gunicorn (production settings, the app's own workers) as a logged-in
user, timed and weighed; then previews of the slowest text fired at once, to see
whether they tie up the workers (a cheap page, the login form, is timed meanwhile).

    .venv/bin/python scripts/bench_preview.py [--repeat 3] [--workers 2] [--threads 4] [--concurrent 6]
                                              [--only NAME] [--keep]

The goal (issue 15): every preview answers in under 1 s, the answer is bounded (at
most 500 rows shown), and concurrent previews leave the other requests served.
Run by hand, never as a timed test: the numbers depend on the machine and its load.

The script works in a database of its own (`<name>_bench_preview`), created and
migrated here (which seeds the catalogue) and dropped at the end (--keep leaves it).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allworkouts.settings_test")

import django  # noqa: E402

LIMIT = 50_000


def _fill(unit: str) -> str:
    return (unit * (LIMIT // max(1, len(unit)) + 1))[:LIMIT]


def adversarial_texts() -> dict[str, str]:
    """24 texts of 50,000 characters each that are hard on a line-by-line plan parser:
    repetition of tokens the grammar reads (x, sets, rest, ranges, times), a single
    huge line, thousands of headings or exercises, deep brackets, noise."""
    rng = random.Random(15)
    words = ["bench", "squat", "press", "row", "curl", "dumbbell", "barbell", "incline", "cable", "pull",
             "sets", "reps", "rest", "min", "kg", "lb", "x", "@", "rpe", "amrap", "superset", "day"]
    return {
        "1x repeated": _fill("1x"),
        "1 space repeated": _fill("1 "),
        "x1 then reps": _fill("x1")[:-4] + "reps",
        "rest repeated": _fill("rest "),
        "1- repeated": _fill("1-"),
        "3 sets lines": _fill("3 sets " * 40 + "\n"),
        "open brackets": "(" * LIMIT,
        "times 1:30": _fill("1:30 "),
        "one line, 5000 sets": _fill("Bench 3x5, "),
        "5000 bench lines": _fill("Bench press 3x5\n"),
        "squat 5x5 one line": _fill("Squat 5x5 "),
        "long unknown lines": _fill("a" * 299 + "\n"),
        "many days": _fill("Day 1\nBench 3x5\n"),
        "only headings": _fill("DAY A:\n"),
        "full plan lines": _fill("Incline dumbbell press 4x8-12, rest 90s @ 22.5kg RPE 8\n"),
        "supersets": _fill("A1) Curl 3x12\nA2) Pushdown 3x12\n"),
        "numbers soup": " ".join(str(rng.randint(0, 999)) for _ in range(LIMIT))[:LIMIT],
        "word soup": " ".join(rng.choice(words) for _ in range(LIMIT))[:LIMIT],
        "word soup lines": "\n".join(" ".join(rng.choice(words) for _ in range(6)) for _ in range(LIMIT))[:LIMIT],
        "unicode and emoji": _fill("Жим лёжа 3×8 💪 ünïcødé 中文 ᚠ\n"),
        "tabs and separators": _fill("Bench\t|\t3\t|\t8\t|\t90s\n"),
        "nested brackets": _fill("Squat (5x5 (heavy (paused (belt)))) "),
        "markdown table": _fill("| Exercise | Sets | Reps |\n|---|---|---|\n| Bench | 4 | 6-8 |\n"),
        "random printable": "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789 x-:@,()/\n")
                                    for _ in range(LIMIT)),
    }


def _setup_database(name_suffix: str) -> dict:
    django.setup()
    from django.db import connection

    settings_dict = connection.settings_dict
    name = settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}{name_suffix}"
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    connection.creation.create_test_db(verbosity=0, serialize=False)
    warnings.filterwarnings("ignore", "No directory at")
    return connection.settings_dict


def _database_url(settings_dict: dict) -> str:
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict["HOST"]
    if host.startswith("/"):
        return f"postgres://{settings_dict['USER']}{password}@/{settings_dict['NAME']}?host={host}"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{settings_dict['USER']}{password}@{host}{port}/{settings_dict['NAME']}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """One logged-in user over HTTP: cookies, and the CSRF token for POSTs."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, method: str, path: str, data: dict | None = None, timeout: float = 60):
        body = urllib.parse.urlencode({**(data or {}), "csrfmiddlewaretoken": self._csrf()}).encode() \
            if method == "POST" else None
        request = urllib.request.Request(self.base + path, data=body, method=method,
                                         headers={"Referer": self.base + path})
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=timeout) as response:
                content, status = response.read(), response.status
        except urllib.error.HTTPError as exc:
            content, status = exc.read(), exc.code
        return status, content, time.perf_counter() - started

    def log_in(self, email: str, password: str) -> None:
        self.request("GET", "/login/")
        status, _, _ = self.request("POST", "/login/", {"email": email, "password": password})
        if not any(c.name == "sessionid" for c in self.jar):
            raise SystemExit(f"log-in failed ({status}): no session cookie")


def _rows(content: bytes) -> int:
    return content.count(b'<li class="review-row')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed previews per text (median shown)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (bin/serve's default: 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (bin/serve's default: 4)")
    parser.add_argument("--concurrent", type=int, default=6, help="previews fired at once")
    parser.add_argument("--only", help="only texts whose name contains this")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args()

    settings_dict = _setup_database("_bench_preview")
    from django.db import connection

    from allworkouts.models import User

    email, password = f"bench-{uuid.uuid4().hex[:8]}@example.com", uuid.uuid4().hex
    User.objects.create_user(email, password=password)
    connection.close()

    port = _free_port()
    env = {**os.environ, "DATABASE_URL": _database_url(settings_dict), "DJANGO_SECRET_KEY": "bench-only",
           "DJANGO_HTTPS": "false", "DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
           "DJANGO_SETTINGS_MODULE": "allworkouts.settings_test"}
    log = open("/tmp/bench_preview_gunicorn.log", "w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "allworkouts.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--threads", str(args.threads), "--timeout", "30"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/login/", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("gunicorn did not start; see /tmp/bench_preview_gunicorn.log")
                time.sleep(0.3)
        browser = Browser(base)
        browser.log_in(email, password)
        texts = {k: v for k, v in adversarial_texts().items() if not args.only or args.only in k}

        print(f"{len(texts)} texts of {LIMIT:,} characters, {args.workers} gunicorn workers x {args.threads} threads, "
              f"median of {args.repeat} previews each\n")
        print(f"{'text':<22} {'status':>6} {'median s':>9} {'max s':>7} {'answer KB':>10} {'rows':>5}  note")
        slowest, results = None, []
        for name, text in texts.items():
            assert len(text) == LIMIT, (name, len(text))
            browser.request("POST", "/plans/import/", {"text": text[:200], "action": "preview"})  # warm
            times, status, content = [], 0, b""
            for _ in range(args.repeat):
                status, content, elapsed = browser.request("POST", "/plans/import/",
                                                           {"text": text, "action": "preview"})
                times.append(elapsed)
            median = statistics.median(times)
            note = []
            if median >= 1:
                note.append("OVER 1 s")
            if b"more exercises than the" in content:
                note.append("capped")
            if status >= 500:
                note.append("5xx!")
            message = re.search(rb'class="errorlist[^"]*"[^>]*>\s*<li>([^<]{0,80})', content)
            if message:
                note.append(message.group(1).decode(errors="replace").strip())
            print(f"{name:<22} {status:>6} {median:>9.3f} {max(times):>7.3f} {len(content) / 1024:>10.0f} "
                  f"{_rows(content):>5}  {'; '.join(note)}")
            results.append((name, median, len(content)))
            if slowest is None or median > slowest[1]:
                slowest = (name, median)

        over = [r for r in results if r[1] >= 1]
        print(f"\nover 1 s: {len(over)} of {len(results)}; slowest {max(r[1] for r in results):.3f} s; "
              f"largest answer {max(r[2] for r in results) / 1024:.0f} KB")

        # Concurrency: N previews of the slowest text at once, the login page timed meanwhile.
        name = slowest[0]
        print(f"\n{args.concurrent} previews of '{name}' at once; GET /login/ timed every 0.1 s meanwhile")
        outcomes = []
        lock = threading.Lock()

        def preview():
            other = Browser(base)
            other.jar = browser.jar  # the same user, as from several tabs
            other.opener = browser.opener
            status, _, elapsed = other.request("POST", "/plans/import/", {"text": texts[name], "action": "preview"})
            with lock:
                outcomes.append((status, elapsed))

        threads = [threading.Thread(target=preview) for _ in range(args.concurrent)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        probes = []
        while any(t.is_alive() for t in threads):
            _, _, elapsed = Browser(base).request("GET", "/login/", timeout=60)
            probes.append(elapsed)
            time.sleep(0.1)
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        print(f"  previews: {sorted(s for s, _ in outcomes)}, each {min(e for _, e in outcomes):.2f}-"
              f"{max(e for _, e in outcomes):.2f} s, all done in {wall:.2f} s")
        if probes:
            print(f"  login page meanwhile: {len(probes)} requests, median {statistics.median(probes):.3f} s, "
                  f"max {max(probes):.3f} s")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if not args.keep:
            from django.db import connection

            connection.creation.destroy_test_db(settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
