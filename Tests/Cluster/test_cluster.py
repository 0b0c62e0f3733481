"""Several `newsroom serve` processes over one PostgreSQL, as a newspaper runs them behind a load balancer.

Each test gets a database of its own on the server named by NEWSROOM_TEST_POSTGRES_URL. Locally a missing server
skips these tests; under CI=true it fails them."""
import http.client
import json
import os
import pathlib
import queue
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = pathlib.Path(os.environ.get("NEWSROOM_SEED") or ROOT.parent / "shared" / "seed" / "000_380a24cf614cbcf5.txt")
BINARY = pathlib.Path(os.environ.get("NEWSROOM_BIN", ROOT / ".build" / "debug" / "newsroom"))
SERVER_URL = os.environ.get("NEWSROOM_TEST_POSTGRES_URL", "")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SECRET = "cluster-test-secret-cluster-test-secret"


def psql(url, *sql):
    """Runs statements through psql (installed with the server) and returns its unaligned output."""
    arguments = ["psql", url.split("?")[0], "-v", "ON_ERROR_STOP=1", "-At"]
    for statement in sql:
        arguments += ["-c", statement]
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def database():
    """A new, migrated database on the test server, dropped afterwards."""
    if not SERVER_URL:
        if IN_CI:
            pytest.fail("CI=true but NEWSROOM_TEST_POSTGRES_URL is not set: the cluster tests must run")
        pytest.skip("no PostgreSQL server (NEWSROOM_TEST_POSTGRES_URL)")
    if not BINARY.exists():
        pytest.fail(f"no newsroom binary at {BINARY}")
    name = "cluster_" + uuid.uuid4().hex[:12]
    psql(SERVER_URL, f"CREATE DATABASE {name}")
    parts = urllib.parse.urlsplit(SERVER_URL)
    url = urllib.parse.urlunsplit(parts._replace(path="/" + name))
    migrated = subprocess.run([str(BINARY), "migrate", "--database", url], capture_output=True, text=True)
    assert migrated.returncode == 0, migrated.stderr
    yield url
    psql(SERVER_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class Instance:
    """One `newsroom serve` on a free port."""

    def __init__(self, database, name, moderation="post", extra=()):
        self.name = name
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--host", "127.0.0.1", "--port", "0", "--database", database, "--secret", SECRET,
             "--no-demo", "--moderation", moderation, "--comment-limits", "off", "--min-form-seconds", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = re.search(r"đang chạy tại http://127\.0\.0\.1:(\d+) ", line)
            if match:
                self.port = int(match.group(1))
                break
        else:
            raise RuntimeError(f"instance {name} did not start")

    def request(self, method, path, body=None, headers=None, timeout=10):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            data = json.dumps(body).encode() if body is not None else None
            connection.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
            response = connection.getresponse()
            return response.status, json.loads(response.read() or b"null")
        finally:
            connection.close()

    def post_comment(self, article, body, author="Bạn đọc"):
        return self.request("POST", f"/api/v1/articles/{article}/comments", {"author": author, "body": body})

    def comment_ids(self, article):
        status, page = self.request("GET", f"/api/v1/articles/{article}/comments?limit=100")
        assert status == 200
        return [comment["id"] for comment in page["comments"]]

    def kill(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


class EventStream:
    """A reader's open event stream, read on a thread; each event is queued with the time it arrived."""

    def __init__(self, instance, article, last_event_id=None):
        self.connection = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=30)
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self.connection.request("GET", f"/api/v1/articles/{article}/events", headers=headers)
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type").startswith("text/event-stream")
        self.events = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        fields = {}
        try:
            while True:
                line = self.response.fp.readline()
                if not line:
                    return
                line = line.decode().rstrip("\n")
                if line == "":
                    if "data" in fields:
                        self.events.put((time.monotonic(), fields.get("event", "message"), fields.get("id"), json.loads(fields["data"])))
                    fields = {}
                elif not line.startswith(":") and ":" in line:
                    key, value = line.split(":", 1)
                    fields[key] = value[1:] if value.startswith(" ") else value
        except Exception:
            return

    def next(self, kind, timeout=15, where=lambda data: True):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no '{kind}' event within {timeout} s"
            arrived, event, event_id, data = self.events.get(timeout=remaining)
            if event == kind and where(data):
                return arrived, event_id, data

    def close(self):
        # The reading thread holds the response; shutting the socket down ends its read at once.
        try:
            self.connection.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()


def import_seed(database):
    imported = subprocess.run([str(BINARY), "import", str(SEED), "--database", database], capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    return int(imported.stdout.split("\t")[0])


def test_a_comment_posted_through_a_is_listed_by_b_and_streamed_live_to_bs_readers(database):
    article = import_seed(database)
    a = Instance(database, "A")
    b = Instance(database, "B")
    try:
        stream = EventStream(b, article)
        _, ready_id, ready = stream.next("ready")
        assert ready == {"count": 0}

        lags = []
        posted = []
        for number in range(5):
            sent = time.monotonic()
            status, body = a.post_comment(article, f"Bình luận số {number} gửi qua máy chủ A, đọc trên máy chủ B.")
            assert status == 201 and body["comment"]["status"] == "published"
            comment_id = body["comment"]["id"]
            posted.append(comment_id)
            arrived, _, data = stream.next("comment", where=lambda data: data["comment"]["id"] == comment_id)
            lags.append(arrived - sent)
            assert data["count"] == number + 1
            assert data["comment"]["body"].startswith(f"Bình luận số {number}")
        assert set(posted) <= set(b.comment_ids(article))
        print(f"\nlag A → B (POST sent on A to event read from B), 5 comments: "
              f"median {sorted(lags)[2] * 1000:.0f} ms, max {max(lags) * 1000:.0f} ms")
        # The target is well under a second; a busy CI machine is allowed a few. Without NOTIFY the instances' 2-second
        # poll would still deliver, so the median must show the notification did the work.
        assert sorted(lags)[2] < 0.5
        assert max(lags) < 5

        # Held for a moderator (too many links), approved by a third process: B's reader still gets it.
        status, body = a.post_comment(article, "Xem http://a.vn, http://b.vn và http://c.vn nhé.")
        assert status == 201 and body["comment"]["status"] == "pending"
        held = body["comment"]["id"]
        assert held not in b.comment_ids(article)
        approved = subprocess.run([str(BINARY), "comments", "approve", str(held), "--database", database], capture_output=True, text=True)
        assert approved.returncode == 0, approved.stderr
        _, approved_event, data = stream.next("comment", where=lambda data: data["comment"]["id"] == held)
        assert held in b.comment_ids(article)

        # Likes on A reach B's reader as well.
        status, body = a.request("POST", f"/api/v1/comments/{posted[0]}/likes", headers={"Cookie": "nr_client=" + "ab" * 16})
        assert status == 200
        _, _, data = stream.next("likes", where=lambda data: data["id"] == posted[0])
        assert data["likes"] == 1
        stream.close()

        # A reader whose connection dropped resumes with Last-Event-ID and gets what it missed, in order.
        resumed = EventStream(b, article, last_event_id=ready_id)
        replayed = [resumed.next("comment", timeout=5)[2]["comment"]["id"] for _ in range(6)]
        assert replayed == posted + [held]
        resumed.close()
    finally:
        a.stop()
        b.stop()


def test_killing_an_instance_under_load_loses_no_acknowledged_comment(database):
    article = import_seed(database)
    a = Instance(database, "A")
    b = Instance(database, "B")
    acknowledged = []
    failures = {"A": 0, "B": 0}
    after_kill = {"B": 0}
    lock = threading.Lock()
    killed = threading.Event()
    stop = threading.Event()

    def writer(number):
        sequence = 0
        while not stop.is_set():
            instance = a if (number + sequence) % 2 == 0 else b
            body = f"Tải đều {number}-{sequence} qua máy chủ {instance.name}"
            sequence += 1
            try:
                status, reply = instance.post_comment(article, body)
            except (OSError, http.client.HTTPException):
                with lock:
                    failures[instance.name] += 1
                continue
            with lock:
                if status == 201:
                    acknowledged.append((reply["comment"]["id"], body))
                    if killed.is_set() and instance is b:
                        after_kill["B"] += 1
                else:
                    failures[instance.name] += 1

    try:
        threads = [threading.Thread(target=writer, args=(number,)) for number in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(3)
        a.kill()
        killed.set()
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

        stored = dict(
            (int(line.split("|", 1)[0]), line.split("|", 1)[1])
            for line in psql(database, "SELECT id, body FROM comments").splitlines() if line)
        missing = [(comment_id, body) for comment_id, body in acknowledged if stored.get(comment_id) != body]
        print(f"\nunder load: {len(acknowledged)} comments answered 201 ({after_kill['B']} by B after A was killed), "
              f"{len(stored)} stored, {len(missing)} missing; failed requests: A {failures['A']}, B {failures['B']}")
        assert missing == []
        assert after_kill["B"] > 0, "B stopped serving when A was killed"
        assert failures["B"] == 0
        status, _ = b.request("GET", f"/api/v1/articles/{article}")
        assert status == 200
    finally:
        stop.set()
        a.kill()
        b.stop()


def test_serve_refuses_pending_migrations_unless_told_to_migrate():
    if not SERVER_URL:
        if IN_CI:
            pytest.fail("CI=true but NEWSROOM_TEST_POSTGRES_URL is not set: the cluster tests must run")
        pytest.skip("no PostgreSQL server (NEWSROOM_TEST_POSTGRES_URL)")
    name = "cluster_" + uuid.uuid4().hex[:12]
    psql(SERVER_URL, f"CREATE DATABASE {name}")
    url = urllib.parse.urlunsplit(urllib.parse.urlsplit(SERVER_URL)._replace(path="/" + name))
    try:
        refused = subprocess.run(
            [str(BINARY), "serve", "--port", "0", "--database", url, "--secret", SECRET, "--no-demo"],
            capture_output=True, text=True, timeout=60)
        assert refused.returncode != 0
        assert "migration chưa áp dụng" in refused.stderr and "newsroom migrate" in refused.stderr
        assert psql(url, "SELECT count(*) FROM schema_migrations").strip() == "0"

        listed = subprocess.run([str(BINARY), "migrate", "--dry-run", "--database", url], capture_output=True, text=True)
        assert listed.returncode == 0 and "1\tCreateArticlesAndComments" in listed.stdout
        assert psql(url, "SELECT count(*) FROM schema_migrations").strip() == "0"

        # With --migrate the instance applies them itself and serves.
        instance = Instance(url, "M", extra=["--migrate"])
        try:
            assert int(psql(url, "SELECT count(*) FROM schema_migrations").strip()) >= 7
            connection = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=10)
            connection.request("GET", "/healthz")
            assert connection.getresponse().status == 200
            connection.close()
        finally:
            instance.stop()
    finally:
        psql(SERVER_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_the_event_stream_on_one_sqlite_instance_and_its_errors():
    """The same stream without PostgreSQL: one process, its event log polled; and the errors it answers."""
    if not BINARY.exists():
        pytest.fail(f"no newsroom binary at {BINARY}")
    with tempfile.TemporaryDirectory(prefix="newsroom-events-") as directory:
        database = f"sqlite://{directory}/site.sqlite"
        article = import_seed(database)
        instance = Instance(database, "S")
        try:
            stream = EventStream(instance, article)
            _, ready_id, ready = stream.next("ready")
            assert ready == {"count": 0}
            sent = time.monotonic()
            status, body = instance.post_comment(article, "Một bình luận trên máy chủ SQLite.")
            assert status == 201
            arrived, comment_event, data = stream.next("comment", where=lambda data: data["comment"]["id"] == body["comment"]["id"])
            print(f"\nSQLite, POST to event: {(arrived - sent) * 1000:.0f} ms")
            assert data["count"] == 1 and int(comment_event) > int(ready_id)
            stream.close()

            for path, headers, expected_status, code in [
                ("/api/v1/articles/999999/events", {}, 404, "article_not_found"),
                (f"/api/v1/articles/{article}/events", {"Last-Event-ID": "abc"}, 400, "invalid_field"),
            ]:
                connection = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=10)
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                error = json.loads(response.read())["error"]
                connection.close()
                assert response.status == expected_status and error["code"] == code and error["message"]
        finally:
            instance.stop()


def test_what_one_instance_records_holds_on_the_other(database):
    """Comment limits, staff sessions and the moderation log live in the database: a reader cannot double the limit
    by landing on both instances, and a moderator signed in on A works on B."""
    article = import_seed(database)
    limits = ["--trusted-proxies", "127.0.0.1", "--comment-limits", "2/60"]
    a = Instance(database, "A", extra=limits)
    b = Instance(database, "B", extra=limits)
    try:
        reader = {"X-Forwarded-For": "203.0.113.9"}
        statuses = [
            instance.request("POST", f"/api/v1/articles/{article}/comments",
                             {"author": "Khách", "body": f"Lần gửi thứ {number} qua máy chủ {instance.name}."}, headers=reader)[0]
            for number, instance in enumerate([a, b, a, b])
        ]
        assert statuses == [201, 201, 429, 429]
        status, body = b.request("POST", f"/api/v1/articles/{article}/comments",
                                 {"author": "Khách khác", "body": "Người khác vẫn gửi được."}, headers={"X-Forwarded-For": "198.51.100.4"})
        assert status == 201

        password = "mật-khẩu-kiểm-duyệt-2026"
        added = subprocess.run([str(BINARY), "user", "add", "kiemduyet@toasoan.vn", "--role", "moderator", "--database", database],
                               input=password + "\n", capture_output=True, text=True)
        assert added.returncode == 0, added.stderr

        def get(instance, path, cookie=None):
            connection = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=10)
            connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            response = connection.getresponse()
            text = response.read().decode()
            connection.close()
            return response, text

        _, login_page = get(a, "/admin/login")
        token = re.search(r'name="formToken" value="([^"]+)"', login_page).group(1)
        form = urllib.parse.urlencode({"formToken": token, "email": "kiemduyet@toasoan.vn", "password": password,
                                       "next": "/admin/moderation"})
        connection = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
        connection.request("POST", "/admin/login", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        assert response.status == 303
        cookie = next(c for c in response.headers.get_all("Set-Cookie") if c.startswith("nr_staff=")).split(";")[0]
        connection.close()

        # The session made on A opens the desk on B.
        response, desk = get(b, "/admin/moderation", cookie)
        assert response.status == 200
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', desk).group(1)

        status, held = a.post_comment(article, "Xem http://a.vn, http://b.vn và http://c.vn nhé.")
        assert status == 201 and held["comment"]["status"] == "pending"
        held_id = held["comment"]["id"]
        status, _ = b.request("POST", f"/api/v1/moderation/comments/{held_id}/approve", headers={"Cookie": cookie, "X-CSRF-Token": csrf})
        assert status == 200
        assert held_id in a.comment_ids(article)
        status, log = a.request("GET", f"/api/v1/moderation/log?comment={held_id}", headers={"Cookie": cookie})
        assert status == 200 and "kiemduyet@toasoan.vn" in json.dumps(log, ensure_ascii=False)
    finally:
        a.stop()
        b.stop()
