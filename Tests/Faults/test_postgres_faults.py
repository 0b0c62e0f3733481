"""PostgreSQL going away under serving instances (two, as a newspaper runs them behind a balancer): crashed (`pg_ctl -m immediate`), frozen (SIGSTOP: connections
accepted and never answered), or not there yet when the instance starts. Each test runs a cluster of its own, so the
shared server CI runs for the other tests is never touched.

The bounds are the interface's: while the database is down (crashed or frozen) every request is answered within 3 s
(503 `database_unavailable` with Retry-After), every request in flight at the failure is answered, no acknowledged
comment is lost, SIGTERM ends the process within 10 s whatever the database does, and service resumes within 2 s of
the database returning."""
import contextlib
import pathlib
import sys
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from faults_load import Load  # noqa: E402
from faults_postgres import PostgresCluster  # noqa: E402
from faults_support import SECRET, Server, assert_error_page, assert_json_error, refused_start  # noqa: E402

DOWN_ANSWER_SECONDS = 3.0
RESUME_SECONDS = 2.0
SIGTERM_SECONDS = 10.0
POLL = 0.1  # how finely the resumption is measured
FLAGS = ["--connect-timeout", "2", "--pool-timeout", "2", "--statement-timeout", "2000", "--pool-size", "4"]


def reader_load(article, path, tag=""):
    """What readers and writers send while the database fails: the article page, its comments, new comments (`tag`
    keeps the texts of loads on different instances apart, or they would be duplicates)."""
    return [
        lambda n, s: ("page", "GET", path, None, None),
        lambda n, s: ("api-read", "GET", f"/api/v1/articles/{article}/comments?limit=5", None, None),
        lambda n, s: ("post", "POST", f"/api/v1/articles/{article}/comments",
                      {"author": "Bạn đọc", "body": f"Bình luận {tag}{n}-{s} gửi lúc cơ sở dữ liệu gặp sự cố."}, None),
    ]


def summary(records):
    counts = {}
    for record in records:
        key = (record.label, record.status or record.error.split("(")[0])
        counts[key] = counts.get(key, 0) + 1
    return counts


def assert_database_unavailable(record):
    if record.label == "page":
        assert_error_page(record.reply, 503)
    else:
        assert_json_error(record.reply, 503, "database_unavailable")


def wait_until(check, timeout, interval=POLL):
    """Polls `check` until it is true; the moment it first was (time.monotonic()), or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return time.monotonic()
        time.sleep(interval)
    return None


def answers_200(server, path):
    try:
        return server.request("GET", path, timeout=DOWN_ANSWER_SECONDS + 2).status == 200
    except OSError:
        return False


def fail(cluster, failure):
    if failure == "crashed":
        cluster.crash()
    else:
        cluster.freeze()


def recover(cluster, failure):
    """Brings the database back; the moment it answers again (time.monotonic())."""
    if failure == "crashed":
        return cluster.start()  # pg_ctl -w has seen it accept connections (it did a little earlier)
    cluster.thaw()
    return time.monotonic()


@pytest.mark.parametrize("failure", ["crashed", "frozen"])
def test_a_database_failing_under_load_is_answered_503_in_time_and_service_resumes_by_itself(failure):
    with PostgresCluster() as cluster, contextlib.ExitStack() as instances:
        url, article, path = cluster.create_site("crash")
        servers = [instances.enter_context(Server(url, secret=SECRET, extra=FLAGS)) for _ in range(2)]
        loads = [Load(server.port, reader_load(article, path, tag=f"{server.port}:"), threads=3) for server in servers]
        try:
            time.sleep(2)
            crashed = time.monotonic()
            fail(cluster, failure)
            gone = time.monotonic()  # the server is no more (or answers nothing)
            time.sleep(1.5)
            for server in servers:
                # Each process is up and says so; it is not ready, and says why, within the bound.
                health = server.request("GET", "/healthz", timeout=DOWN_ANSWER_SECONDS)
                assert health.status == 200
                ready = server.request("GET", "/readyz", timeout=DOWN_ANSWER_SECONDS + 1)
                assert ready.status == 503 and ready.seconds < DOWN_ANSWER_SECONDS
                body = ready.json()
                assert body["ready"] is False and body["reason"] and body["message"], body
            time.sleep(2.5)
            restarting = time.monotonic()
            back = recover(cluster, failure)
            time.sleep(RESUME_SECONDS + 3)
        finally:
            records = sorted((record for load in loads for record in load.stop()), key=lambda record: record.started)
        caught = [record for record in records if record.started < gone and record.status == 503]
        print(f"\n{failure} at {crashed - records[0].started:.1f} s ({len(caught)} requests sent before it was over "
              f"were refused), back after {back - crashed:.1f} s: {summary(records)}")

        # Every request got an answer, those in flight at the crash included, and only these answers.
        assert [record for record in records if record.error] == []
        assert {record.status for record in records} <= {200, 201, 503}, summary(records)
        before = [record for record in records if record.ended < crashed]
        assert before and all(record.status in (200, 201) for record in before)
        # While it was down: answered within the bound, a write never acknowledged, every refusal well formed.
        down = [record for record in records if crashed <= record.started < back]
        slow = [(record.label, round(record.ended - record.started, 2)) for record in down
                if record.ended - record.started >= DOWN_ANSWER_SECONDS]
        print(f"slowest answer while down: {max(record.ended - record.started for record in down):.2f} s")
        assert slow == [], f"answered later than {DOWN_ANSWER_SECONDS} s while PostgreSQL was {failure}"
        for record in down:
            if record.status == 503:
                assert_database_unavailable(record)
        assert any(record.status == 503 for record in down), f"nothing was refused while PostgreSQL was {failure}"
        accepted = [(round(record.started - gone, 2), record.status) for record in down
                    if record.label == "post" and record.started > gone + 0.5 and record.ended < restarting
                    and record.status != 503]
        assert accepted == [], f"a comment was answered other than 503 while PostgreSQL was {failure}"
        # Back by itself within the bound: everything sent after it succeeds.
        after = [record for record in records if record.started >= back + RESUME_SECONDS]
        assert after and all(record.status in (200, 201) for record in after), summary(after)
        for server in servers:
            assert server.request("GET", "/readyz").json() == {"ready": True}

        # No acknowledged comment was lost in the crash.
        acknowledged = {record.reply.json()["comment"]["id"] for record in records if record.status == 201}
        stored = {int(line) for line in cluster.psql("crash", "SELECT id FROM comments").split()}
        assert acknowledged and acknowledged <= stored


@pytest.mark.parametrize("failure", ["crashed", "frozen"])
def test_sigterm_ends_the_process_in_time_whatever_the_database_does(failure):
    with PostgresCluster() as cluster:
        url, article, path = cluster.create_site("sigterm")
        try:
            with Server(url, secret=SECRET, extra=FLAGS) as server:
                load = Load(server.port, reader_load(article, path), threads=6)
                try:
                    time.sleep(1)
                    if failure == "crashed":
                        cluster.crash()
                    else:
                        cluster.freeze()
                    time.sleep(1.5)  # requests are now waiting on the database
                    seconds = server.terminate(timeout=SIGTERM_SECONDS + 20)
                finally:
                    records = load.stop()
                print(f"\nPostgreSQL {failure}: SIGTERM to exit {seconds} s; {summary(records)}")
                assert seconds is not None and seconds < SIGTERM_SECONDS, f"exit took {seconds} s"
                # What was answered before the exit was answered properly.
                assert {record.status for record in records if record.reply} <= {200, 201, 503}
        finally:
            cluster.thaw()


def test_an_instance_started_while_postgres_is_unreachable_starts_and_serves_once_it_is_up():
    with PostgresCluster() as cluster:
        url, article, path = cluster.create_site("late")
        cluster.crash()
        with Server(url, secret=SECRET, start_timeout=30) as server:
            assert server.request("GET", "/healthz").status == 200
            ready = server.request("GET", "/readyz", timeout=DOWN_ANSWER_SECONDS + 1)
            assert ready.status == 503 and ready.header("Content-Type").startswith("application/json")
            body = ready.json()
            assert body["ready"] is False and isinstance(body["reason"], str) and body["reason"] and body["message"], body
            for reply in [server.request("GET", f"/api/v1/articles/{article}", timeout=DOWN_ANSWER_SECONDS + 2),
                          server.post_comment(article, "Gửi khi chưa có cơ sở dữ liệu.", timeout=DOWN_ANSWER_SECONDS + 2)]:
                assert_json_error(reply, 503, "database_unavailable")
                assert reply.seconds < DOWN_ANSWER_SECONDS
            page = server.request("GET", path, timeout=DOWN_ANSWER_SECONDS + 2)
            assert_error_page(page, 503)
            assert page.seconds < DOWN_ANSWER_SECONDS

            back = cluster.start()
            served = wait_until(lambda: answers_200(server, f"/api/v1/articles/{article}"), timeout=RESUME_SECONDS + 10)
            assert served is not None, "never served after PostgreSQL came up"
            print(f"\nstarted without PostgreSQL: serving {served - back:.2f} s after it came up")
            assert served - back <= RESUME_SECONDS + POLL
            assert server.request("GET", "/readyz").json() == {"ready": True}
            assert server.request("GET", path).status == 200
            posted = server.post_comment(article, "Cơ sở dữ liệu đã trở lại, bình luận được đăng.")
            assert posted.status == 201 and posted.json()["comment"]["status"] == "published"


def test_a_wrong_password_or_a_missing_database_still_refuses_at_start():
    with PostgresCluster() as cluster:
        url, _, _ = cluster.create_site("refusals")
        for database, what in [(cluster.url("refusals", password="not-the-password"), "a wrong password"),
                               (cluster.url("no_such_database"), "a database that does not exist")]:
            code, stderr = refused_start(database, "--secret", SECRET, timeout=30)
            assert code != 0 and stderr.strip(), f"{what}: exit {code}, {stderr}"
            assert cluster.PASSWORD not in stderr, "the password was printed"
        # The right URL still starts (the refusals above were about the URL, not the cluster).
        with Server(url, secret=SECRET) as server:
            assert server.request("GET", "/readyz").status == 200


def test_the_time_outs_are_checked_like_every_other_setting(tmp_path):
    for flag in ["--connect-timeout", "--pool-timeout"]:
        code, _ = refused_start(f"sqlite://{tmp_path}/site.sqlite", flag, "-1")
        assert code != 0, f"{flag} -1 was accepted"
