"""A SQLite site whose files are missing, empty, damaged, read-only or without their key is refused at start, with a
Vietnamese message naming the file and pointing to `newsroom restore`, and the files are left as they were; a brand-new
site starts. A running server whose file is deleted or replaced says so on /readyz and stops acknowledging writes."""
import hashlib
import os
import pathlib
import re
import shutil
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from faults_support import (IS_ROOT, Server, SqliteSite, assert_json_error, corrupt_middle,  # noqa: E402
                            make_sqlite_site, read_only_view, refused_start)


def snapshot(site):
    """What is on disk for the site: each file's digest, or None when it is absent."""
    return {suffix: hashlib.sha256(pathlib.Path(site.path + suffix).read_bytes()).hexdigest()
            if os.path.exists(site.path + suffix) else None for suffix in ["", ".key"]}


def remove_database(site):
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(site.path + suffix):
            os.remove(site.path + suffix)


# What happened to the site, and whether `newsroom restore` is the way back (a lost key is named, not restored).
DAMAGE = {
    "missing file, key present": (remove_database, True),
    "empty file": (lambda site: open(site.path, "wb").close(), True),
    "pages overwritten": (lambda site: corrupt_middle(site.path), True),
    "not a SQLite file": (lambda site: pathlib.Path(site.path).write_text("Đây không phải là cơ sở dữ liệu.\n" * 500), True),
    "key file removed": (lambda site: os.remove(site.path + ".key"), False),
}


def assert_refused(site, *extra, restorable=True):
    """Refused with a Vietnamese message naming the file (and, for lost or damaged data, `newsroom restore`), and
    nothing on disk changed (no new empty site, no new key)."""
    before = snapshot(site)
    code, stderr = refused_start(site.url, *extra)
    assert code != 0
    assert site.path in stderr, f"the message does not name {site.path}:\n{stderr}"
    if restorable:
        assert "newsroom restore" in stderr, f"the message does not point to newsroom restore:\n{stderr}"
    assert re.search("[\u00c0-\u1ef9]", stderr), f"the message is not in Vietnamese:\n{stderr}"
    assert snapshot(site) == before, "the refused start changed the site's files"
    return stderr


@pytest.fixture
def site(tmp_path):
    made = make_sqlite_site(tmp_path)
    assert not os.path.exists(made.path + "-wal") or os.path.getsize(made.path + "-wal") == 0
    return made


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_site_is_refused_at_start_and_left_alone(site, damage):
    change, restorable = DAMAGE[damage]
    change(site)
    assert_refused(site, restorable=restorable)


@pytest.mark.parametrize("check", ["quick", "full"])
def test_overwritten_pages_are_found_by_either_check(site, check):
    corrupt_middle(site.path)
    assert_refused(site, "--check-database", check)


def test_the_check_can_be_chosen_or_turned_off_on_a_healthy_site(site):
    for check in ["quick", "full", "off"]:
        with Server(site.url, extra=["--check-database", check]) as server:
            assert server.request("GET", site.article_path).status == 200
    code, _ = refused_start(site.url, "--check-database", "sometimes")
    assert code != 0


def test_a_read_only_file_is_refused(site, tmp_path):
    if IS_ROOT:
        # root writes through chmod 0444; a read-only bind mount of the directory stops it.
        with read_only_view(os.path.dirname(site.path), tmp_path / "read-only") as view:
            viewed = SqliteSite(str(view / os.path.basename(site.path)), site.article, site.article_path)
            assert_refused(viewed, restorable=False)
    else:
        os.chmod(site.path, 0o444)
        try:
            assert_refused(site, restorable=False)
        finally:
            os.chmod(site.path, 0o644)


def test_a_brand_new_site_starts_and_makes_its_files(tmp_path):
    path = tmp_path / "moi.sqlite"
    with Server(f"sqlite://{path}") as server:
        ready = server.request("GET", "/readyz")
        assert ready.status == 200 and ready.json() == {"ready": True}
        assert server.request("GET", "/healthz").status == 200
    assert path.exists() and path.with_name("moi.sqlite.key").exists()


def move_away(site, tmp_path):
    os.remove(site.path)


def replace(site, tmp_path):
    """Another file (another inode) at the path, as a careless copy or restore would leave it."""
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(site.path, copy)
    os.replace(copy, site.path)


@pytest.mark.parametrize("change", [move_away, replace], ids=["deleted", "replaced"])
def test_a_database_file_deleted_or_replaced_under_a_running_server_is_noticed(site, tmp_path, change):
    with Server(site.url) as server:
        assert server.post_comment(site.article, "Bình luận trước khi tệp bị xóa.").status == 201
        assert server.request("GET", "/readyz").json() == {"ready": True}
        change(site, tmp_path)
        ready = server.request("GET", "/readyz")
        assert ready.status == 503 and ready.header("Content-Type").startswith("application/json")
        body = ready.json()
        assert body["ready"] is False and body["reason"] and body["message"], body
        assert server.request("GET", "/healthz").status == 200
        if change is move_away:
            # A comment written to a file nobody can find again is never acknowledged.
            assert_json_error(server.post_comment(site.article, "Bình luận sau khi tệp bị xóa."), 503, "database_unavailable")
        assert server.request("GET", site.article_path).status in (200, 503)
