"""A stranger fails 100 logins for a moderator's account in parallel: the moderator still signs in from another
client, and the home page keeps answering in under 100 ms (bcrypt runs on its own thread, one check per account at a
time, and guesses past the limit are refused before any hashing)."""
import concurrent.futures
import os
import pathlib
import re
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NEWSROOM_BIN", ROOT / ".build" / "debug" / "newsroom"))
PASSWORD = "mật-khẩu-kiểm-duyệt-2026"
EMAIL = "kiemduyet@toasoan.vn"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


@pytest.fixture
def server():
    if not BINARY.exists():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"no newsroom binary at {BINARY}")
        pytest.skip(f"no newsroom binary at {BINARY}")
    directory = tempfile.TemporaryDirectory(prefix="newsroom-login-")
    env = dict(os.environ, NEWSROOM_DATABASE_URL=f"sqlite://{directory.name}/site.sqlite",
               NEWSROOM_SECRET="login-flood-test-secret-login-flood-test")
    added = subprocess.run([str(BINARY), "user", "add", EMAIL, "--role", "moderator"], input=PASSWORD + "\n",
                           env=env, capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    process = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--trusted-proxies", "127.0.0.1/32"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        match = re.search(r"(http://127\.0\.0\.1:\d+) ", line)
        if match:
            base = match.group(1)
            break
    else:
        raise RuntimeError("newsroom serve did not start")
    yield base
    process.kill()
    process.wait()
    directory.cleanup()


def login(base, password, address):
    with urllib.request.urlopen(base + "/admin/login") as response:
        token = re.search(r'name="formToken" value="([^"]+)"', response.read().decode()).group(1)
    body = urllib.parse.urlencode({"formToken": token, "email": EMAIL, "password": password}).encode()
    request = urllib.request.Request(base + "/admin/login", data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address})
    try:
        with OPENER.open(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_login_flood_locks_out_neither_the_owner_nor_the_readers(server):
    base = server
    urllib.request.urlopen(base + "/").read()
    with concurrent.futures.ThreadPoolExecutor(max_workers=100) as pool:
        attack = [pool.submit(login, base, f"doan-sai-{index}", "203.0.113.66") for index in range(100)]
        times = []
        time.sleep(0.2)
        for _ in range(20):
            start = time.monotonic()
            with urllib.request.urlopen(base + "/") as response:
                assert response.status == 200
                response.read()
            times.append(time.monotonic() - start)
            time.sleep(0.05)
        owner = login(base, PASSWORD, "198.51.100.8")
        statuses = [future.result() for future in attack]
    assert owner == 303
    assert statuses.count(401) <= 5, statuses
    assert statuses.count(429) >= 95, statuses
    print(f"GET / during the flood: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")
    # The first requests race the attack's 200 connections for the two cores; the page itself never waits on bcrypt.
    assert sorted(times)[int(len(times) * 0.9) - 1] < 0.1, times
    assert max(times) < 1, times
