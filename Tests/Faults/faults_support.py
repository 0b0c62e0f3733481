"""What the fault tests share (modules of their own, not a conftest: other test folders have theirs): the binary, a
`newsroom serve` on a free port with its output in files and stopped by its pid, SQLite sites, corruption and mounts.
faults_load.py measures a server under load and reads its metrics; faults_postgres.py runs a private PostgreSQL.

Locally a missing tool (binary, PostgreSQL, root for mounts, prometheus-client) skips a test; under CI=true it fails it."""
import contextlib
import dataclasses
import http.client
import json
import os
import pathlib
import random
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = pathlib.Path(os.environ.get("NEWSROOM_SEED") or ROOT.parent / "shared" / "seed" / "000_380a24cf614cbcf5.txt")
BINARY = pathlib.Path(os.environ.get("NEWSROOM_BIN", ROOT / ".build" / "debug" / "newsroom"))
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
IS_ROOT = os.geteuid() == 0
SECRET = "faults-test-secret-faults-test-secret-faults"
BANNER = re.compile(r"đang chạy tại http://127\.0\.0\.1:(\d+) ")


def missing(reason):
    """A tool the test needs is not there: a failure under CI=true, a skip elsewhere."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the fault tests must run)")
    pytest.skip(reason)


def require_binary():
    if not BINARY.exists():
        missing(f"no newsroom binary at {BINARY} (swift build first)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_env(**extra):
    """The environment of a newsroom process: none of the caller's NEWSROOM_* settings leak into it."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSROOM_")}
    env.update(extra)
    return env


def newsroom(*arguments, timeout=120, **kwargs):
    """Runs `newsroom ARGUMENTS…` to completion (a hanging command fails the test by its time-out)."""
    require_binary()
    return subprocess.run([str(BINARY), *map(str, arguments)], capture_output=True, text=True, timeout=timeout,
                          env=child_env(), stdin=subprocess.DEVNULL, **kwargs)


def checked(*arguments, timeout=120):
    done = newsroom(*arguments, timeout=timeout)
    assert done.returncode == 0, f"newsroom {' '.join(map(str, arguments))} failed:\n{done.stderr}"
    return done


def import_seed(database):
    """Imports the seed article; returns its id and path."""
    article_id, path, _ = checked("import", SEED, "--database", database).stdout.strip().split("\t")
    return int(article_id), path


# HTTP


@dataclasses.dataclass
class Reply:
    status: int
    headers: object
    body: bytes
    seconds: float

    def json(self):
        return json.loads(self.body or b"null")

    def header(self, name):
        return self.headers.get(name)


def request(port, method, path, body=None, headers=None, timeout=5):
    """One request on a new connection; `body` is JSON unless it is bytes or str (then sent as it is)."""
    headers = dict(headers or {})
    if body is not None and not isinstance(body, (bytes, str)):
        body = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return Reply(response.status, response.headers, data, time.monotonic() - started)
    finally:
        connection.close()


def assert_json_error(reply, status, code):
    """An error of the JSON API: the status, `{"error": {"code", "message"}}` with a message, and Retry-After."""
    assert reply.status == status, (reply.status, reply.body[:300])
    assert reply.header("Content-Type").startswith("application/json")
    error = reply.json()["error"]
    assert error["code"] == code and error["message"], error
    assert reply.header("Retry-After") and int(reply.header("Retry-After")) > 0, "no Retry-After"


def assert_error_page(reply, status):
    """An error of an HTML route: the status and a Vietnamese page."""
    assert reply.status == status, (reply.status, reply.body[:300])
    assert reply.header("Content-Type").startswith("text/html")
    assert b'<html lang="vi"' in reply.body


# Servers


class Server:
    """One `newsroom serve` on a free port (`--port 0`, read from its banner); stdout and stderr go to files, so no
    pipe can fill or be inherited. Use it as a context manager: it is killed by its pid on the way out."""

    def __init__(self, database, secret=None, moderation="post", extra=(), env=None, start_timeout=30):
        require_binary()
        self.directory = tempfile.mkdtemp(prefix="newsroom-faults-server-")
        self.stdout_path = os.path.join(self.directory, "stdout.log")
        self.stderr_path = os.path.join(self.directory, "stderr.log")
        arguments = [str(BINARY), "serve", "--host", "127.0.0.1", "--port", "0", "--database", database, "--no-demo",
                     "--moderation", moderation, "--comment-limits", "off", "--min-form-seconds", "0",
                     "--media-dir", os.path.join(self.directory, "media"), *(["--secret", secret] if secret else []),
                     *map(str, extra)]
        try:
            with open(self.stdout_path, "wb") as stdout, open(self.stderr_path, "wb") as stderr:
                self.process = subprocess.Popen(arguments, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
                                                cwd=self.directory, env=child_env(**(env or {})))
        except OSError:
            self.cleanup()
            raise
        deadline = time.monotonic() + start_timeout
        while True:
            match = BANNER.search(self.stdout())
            if match:
                self.port = int(match.group(1))
                return
            if self.process.poll() is not None or time.monotonic() > deadline:
                what = (f"exited with {self.process.returncode}" if self.process.poll() is not None
                        else f"printed no banner within {start_timeout} s")
                log = self.stderr()
                self.kill()
                raise AssertionError(f"newsroom serve {what}:\n{log}")
            time.sleep(0.05)

    def stdout(self):
        return pathlib.Path(self.stdout_path).read_text(errors="replace")

    def stderr(self):
        return pathlib.Path(self.stderr_path).read_text(errors="replace")

    def request(self, method, path, body=None, headers=None, timeout=5):
        return request(self.port, method, path, body, headers, timeout)

    def post_comment(self, article, body, author="Bạn đọc", headers=None, timeout=5):
        return self.request("POST", f"/api/v1/articles/{article}/comments", {"author": author, "body": body}, headers, timeout)

    def form(self, path):
        """The article page's comment form token and the signed client cookie the page gave."""
        page = self.request("GET", path)
        assert page.status == 200, page.status
        token = re.search(rb'name="formToken" value="([^"]+)"', page.body).group(1).decode()
        cookie = next((value.split(";")[0] for value in page.headers.get_all("Set-Cookie") or []
                       if value.startswith("nr_client=")), None)
        return token, cookie

    def post_form(self, article, token, body, cookie=None):
        """The comment form as a browser without JavaScript sends it."""
        from urllib.parse import urlencode
        fields = urlencode({"articleId": article, "formToken": token, "author": "Bạn đọc", "email": "", "body": body,
                            "website": ""})
        headers = {"Content-Type": "application/x-www-form-urlencoded", **({"Cookie": cookie} if cookie else {})}
        return self.request("POST", "/binh-luan", fields, headers)

    def terminate(self, timeout=10):
        """SIGTERM; the seconds the process took to exit, or None when it had not within `timeout` (then killed)."""
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                return None
        return time.monotonic() - started

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.cleanup()

    def cleanup(self):
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()


def refused_start(database, *extra, timeout=30):
    """Starts `newsroom serve` expecting a refusal: its exit code and standard error. A server that starts instead
    is killed and fails the test."""
    require_binary()
    process = subprocess.Popen(
        [str(BINARY), "serve", "--host", "127.0.0.1", "--port", "0", "--database", database, "--no-demo", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=child_env(),
        cwd=tempfile.gettempdir())
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        pytest.fail(f"newsroom serve --database {database} did not refuse within {timeout} s:\n{stdout}\n{stderr}")
    assert not BANNER.search(stdout), f"it started: {stdout}"
    return process.returncode, stderr


@dataclasses.dataclass
class SqliteSite:
    path: str
    article: int
    article_path: str

    @property
    def url(self):
        return f"sqlite://{self.path}"


def make_sqlite_site(directory, name="site.sqlite"):
    """A SQLite site made as a newspaper makes one: a first `serve` creates the file and its key file, is stopped,
    then the seed article is imported."""
    path = os.path.join(str(directory), name)
    with Server(f"sqlite://{path}") as first:
        assert first.terminate() is not None, "serve did not stop on SIGTERM"
    assert os.path.exists(path) and os.path.exists(path + ".key")
    article, article_path = import_seed(f"sqlite://{path}")
    return SqliteSite(path, article, article_path)


def corrupt_middle(path, seed=15):
    """Overwrites the middle third of a file with random bytes (the first and last pages are left alone)."""
    size = os.path.getsize(path)
    start, end = size // 3, 2 * size // 3
    assert end - start >= 4096, f"{path} is too small to corrupt its middle ({size} bytes)"
    with open(path, "r+b") as file:
        file.seek(start)
        file.write(random.Random(seed).randbytes(end - start))
        file.flush()
        os.fsync(file.fileno())


# Mounts (root only)


@contextlib.contextmanager
def mounted(arguments, target, what):
    """`mount ARGUMENTS TARGET`, unmounted afterwards; skipped (failed under CI) when not root or not permitted."""
    if not IS_ROOT:
        missing(f"{what} needs root to mount")
    os.makedirs(target, exist_ok=True)
    done = subprocess.run(["mount", *arguments, str(target)], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        missing(f"{what}: mount {' '.join(arguments)} not permitted here: {done.stderr.strip()}")
    try:
        yield target
    finally:
        if subprocess.run(["umount", str(target)], capture_output=True, timeout=30).returncode != 0:
            subprocess.run(["umount", "-l", str(target)], capture_output=True, timeout=30)


@contextlib.contextmanager
def read_only_view(directory, target):
    """A read-only bind mount of `directory` at `target` (as root, where chmod would not stop anyone)."""
    with mounted(["--bind", str(directory)], target, "a read-only file"):
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], capture_output=True, text=True, timeout=30)
        if done.returncode != 0:
            missing(f"a read-only file: remounting read-only not permitted: {done.stderr.strip()}")
        yield target
