"""Fixtures for the browser tests: a real `newsroom serve` over a temporary SQLite file with the seed imported,
and Debian's Chromium driven by Playwright. Locally a missing browser skips the tests; under CI=true it fails them."""
import json
import os
import pathlib
import re
import subprocess
import tempfile
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = pathlib.Path(os.environ.get("NEWSROOM_SEED") or ROOT.parent / "shared" / "seed" / "000_380a24cf614cbcf5.txt")
BINARY = pathlib.Path(os.environ.get("NEWSROOM_BIN", ROOT / ".build" / "debug" / "newsroom"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(reason):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the browser tests must run)")
    pytest.skip(reason)


class Site:
    """One running server: its base URL, the imported seed article, and helpers that use the JSON API."""

    def __init__(self, moderation, extra=()):
        self.directory = tempfile.TemporaryDirectory(prefix="newsroom-browser-")
        self.database = f"sqlite://{self.directory.name}/site.sqlite"
        self.secret = "browser-test-secret-browser-test-secret"
        env = dict(os.environ, NEWSROOM_DATABASE_URL=self.database, NEWSROOM_SECRET=self.secret)
        imported = subprocess.run([str(BINARY), "import", str(SEED)], env=env, capture_output=True, text=True, check=True)
        self.article_id, self.path, self.title = imported.stdout.strip().split("\t")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--port", "0", "--no-demo", "--moderation", moderation, "--comment-limits", "off", "--min-form-seconds", "0",
             "--media-dir", f"{self.directory.name}/media", "--publish-interval", "1", *extra],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = re.search(r"đang chạy tại (http://127\.0\.0\.1:\d+) ", line)
            if match:
                self.base = match.group(1)
                break
        else:
            raise RuntimeError("newsroom serve did not start")
        self.url = self.base + self.path

    def command(self, *arguments, stdin=None):
        """Runs `newsroom ARGUMENTS…` on this site's database; fails the test when it fails."""
        env = dict(os.environ, NEWSROOM_DATABASE_URL=self.database, NEWSROOM_SECRET=self.secret)
        result = subprocess.run([str(BINARY), *arguments], input=stdin, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result

    def add_staff(self, email, role, password):
        """A staff account made from the command line, the password given on standard input."""
        result = self.command("user", "add", email, "--role", role, stdin=password + "\n")
        assert password not in result.stdout + result.stderr
        return email

    def post_comment(self, author, body, parent=None):
        request = urllib.request.Request(
            f"{self.base}/api/v1/articles/{self.article_id}/comments",
            data=json.dumps({"author": author, "body": body, "parentId": parent}).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request) as response:
            return json.load(response)["comment"]

    def like(self, comment_id, client):
        """A like from reader number `client`, who first views the article (which gives it its signed cookie)."""
        if not hasattr(self, "cookies"):
            self.cookies = {}
        if client not in self.cookies:
            with urllib.request.urlopen(self.url) as response:
                self.cookies[client] = response.headers["Set-Cookie"].split(";")[0]
        request = urllib.request.Request(
            f"{self.base}/api/v1/comments/{comment_id}/likes", method="POST", data=b"{}",
            headers={"Cookie": self.cookies[client], "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.load(response)["likes"]

    def stop(self):
        self.process.kill()
        self.process.wait()
        self.directory.cleanup()


@pytest.fixture
def site_factory():
    if not BINARY.exists():
        missing(f"no newsroom binary at {BINARY} (run swift build first)")
    sites = []

    def start(moderation="post", extra=()):
        site = Site(moderation, extra)
        sites.append(site)
        return site

    yield start
    for site in sites:
        site.stop()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed (pip install playwright)")
    if not os.path.exists(CHROMIUM):
        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(params=["js", "no-js"])
def page(request, browser):
    """A phone-sized page, with JavaScript on or off; `page.js` says which."""
    context = browser.new_context(java_script_enabled=request.param == "js", viewport={"width": 390, "height": 844},
                                  locale="vi-VN")
    page = context.new_page()
    page.js = request.param == "js"
    yield page
    context.close()


@pytest.fixture
def js_page(browser):
    """A phone-sized page with JavaScript on, for what only the script does (the live counter)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.js = True
    yield page
    context.close()


def wait_until(page, expression, timeout=30000):
    """Polls `expression` in the page until it is true. Playwright's `wait_for_function` evaluates its predicate with
    `eval`, which the pages' Content-Security-Policy (rightly) forbids; `evaluate` goes through the debugger instead."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(50)
