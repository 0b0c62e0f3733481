"""Backups a newspaper can rely on: `newsroom backup` copies a SQLite site while it serves (every comment acknowledged
before the copy began is in it), `backup --verify` tells a sound copy from a damaged one, `newsroom restore` makes a
site that keeps the key (the reader's signed cookie and an open comment form still work), refuses to overwrite a site
without --force, and `serve --backup-*` takes verified copies on a schedule and keeps the newest. On PostgreSQL the
procedure is pg_dump -Fc and pg_restore, and the same --secret."""
import contextlib
import pathlib
import re
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from faults_load import Load, scrape, total  # noqa: E402
from faults_postgres import PostgresCluster  # noqa: E402
from faults_support import SECRET, Server, checked, corrupt_middle, make_sqlite_site, newsroom  # noqa: E402


def stored_comment_ids(path):
    with contextlib.closing(sqlite3.connect(str(path), timeout=10)) as database:
        return {row[0] for row in database.execute("SELECT id FROM comments")}


def assert_same_key(original, copy, article, article_path, token, cookie):
    """`copy` serves with the key of `original`: the reader's signed cookie is taken as it is (no new one issued)
    and a comment form opened on `original` is accepted."""
    page = copy.request("GET", article_path, headers={"Cookie": cookie})
    assert page.status == 200
    issued = [value for value in page.headers.get_all("Set-Cookie") or [] if value.startswith("nr_client=")]
    assert issued == [], "the reader's signed cookie was not recognised: the key changed"
    reply = copy.post_form(article, token, f"Biểu mẫu mở trên {original}, gửi tới bản khôi phục.", cookie)
    assert reply.status == 303, f"the form token was refused ({reply.status}): the key changed"


def test_an_online_backup_keeps_every_acknowledged_comment_and_restores_with_its_key(tmp_path):
    (tmp_path / "original").mkdir()
    (tmp_path / "restored").mkdir()
    site = make_sqlite_site(tmp_path / "original")
    backup = tmp_path / "site.backup"
    post = [lambda n, s: ("post", "POST", f"/api/v1/articles/{site.article}/comments",
                          {"author": "Bạn đọc", "body": f"Bình luận {n}-{s} gửi trong lúc sao lưu."}, None)]
    with Server(site.url) as server:
        token, cookie = server.form(site.article_path)
        assert cookie, "the article page gave no client cookie"
        load = Load(server.port, post, threads=3)
        try:
            time.sleep(1.5)
            began = time.monotonic()
            done = newsroom("backup", backup, "--database", site.url, timeout=120)
            finished = time.monotonic()
            time.sleep(0.5)
        finally:
            records = load.stop()
    assert done.returncode == 0, done.stderr
    before = {record.reply.json()["comment"]["id"] for record in records if record.status == 201 and record.ended < began}
    during = [record for record in records if began <= record.started < finished]
    print(f"\nbackup took {finished - began:.2f} s; {len(before)} comments acknowledged before it, "
          f"{len(during)} sent while it ran")
    assert before, "no comment was acknowledged before the backup"
    assert [record.status or record.error for record in records if record.status != 201] == [], "the server stopped serving"

    verified = newsroom("backup", "--verify", backup)
    assert verified.returncode == 0, verified.stderr
    assert re.search(r"\d", verified.stdout), f"--verify printed no counts: {verified.stdout!r}"

    damaged = tmp_path / "damaged.backup"
    shutil.copyfile(backup, damaged)
    corrupt_middle(damaged)
    assert newsroom("backup", "--verify", damaged).returncode != 0, "a damaged backup was verified"

    restored = tmp_path / "restored" / "site.sqlite"
    checked("restore", backup, "--database", f"sqlite://{restored}")
    assert restored.exists() and pathlib.Path(f"{restored}.key").exists()
    missing = before - stored_comment_ids(restored)
    assert missing == set(), f"acknowledged before the backup began, missing from it: {sorted(missing)}"

    # Restoring over a site that has data is refused unless forced.
    again = newsroom("restore", backup, "--database", f"sqlite://{restored}")
    assert again.returncode != 0 and "--force" in again.stderr, again.stderr
    checked("restore", backup, "--database", f"sqlite://{restored}", "--force")

    with Server(f"sqlite://{restored}") as copy:
        assert_same_key("the original", copy, site.article, site.article_path, token, cookie)
        listed = copy.request("GET", f"/api/v1/articles/{site.article}")
        assert listed.status == 200 and listed.json()["commentCount"] >= len(before)


def test_scheduled_backups_are_verified_and_only_the_newest_are_kept(tmp_path):
    site = make_sqlite_site(tmp_path)
    directory = tmp_path / "backups"
    directory.mkdir()
    keep = 2
    every_hours = 0.0005  # 1.8 s
    with Server(site.url, extra=["--backup-dir", directory, "--backup-every", every_hours, "--backup-keep", keep]) as server:
        stamps = []
        deadline = time.monotonic() + 60
        while len(stamps) < keep + 2 and time.monotonic() < deadline:
            samples, _ = scrape(server)
            stamp = total(samples, "newsroom_last_backup_timestamp_seconds")
            if stamp > 0 and stamp not in stamps:
                stamps.append(stamp)
                server.post_comment(site.article, f"Bình luận sau bản sao lưu thứ {len(stamps)}.")
            time.sleep(0.2)
        assert len(stamps) >= keep + 2, f"{len(stamps)} backups in 60 s at one every {every_hours * 3600:.1f} s"
        assert abs(stamps[-1] - time.time()) < 30, "the last backup's time is not now"
        # Stopped just after a backup finished, well before the next one starts.
        assert server.terminate() is not None
    files = sorted(path for path in directory.iterdir() if path.is_file() and not path.name.startswith("."))
    print(f"\n{len(stamps)} scheduled backups seen, kept: {[path.name for path in files]}")
    assert 1 <= len(files) <= keep, f"keeps at most {keep}: {files}"
    for path in files:
        verified = newsroom("backup", "--verify", path)
        assert verified.returncode == 0, f"{path.name}: {verified.stderr}"


def test_a_postgres_site_moves_with_pg_dump_and_pg_restore_and_the_same_secret(tmp_path):
    with PostgresCluster() as cluster:
        url, article, path = cluster.create_site("original")
        dump = tmp_path / "site.dump"
        with Server(url, secret=SECRET) as original:
            posted = {original.post_comment(article, f"Bình luận {number} trước khi chuyển máy chủ.").json()["comment"]["id"]
                      for number in range(3)}
            token, cookie = original.form(path)
            cluster.tool("pg_dump", "-Fc", "-f", dump, url)
        cluster.psql("postgres", "CREATE DATABASE moved")
        cluster.tool("pg_restore", "--no-owner", "--exit-on-error", "-d", cluster.url("moved"), dump)
        with Server(cluster.url("moved"), secret=SECRET) as moved:
            listed = moved.request("GET", f"/api/v1/articles/{article}/comments?limit=100")
            assert listed.status == 200
            assert {comment["id"] for comment in listed.json()["comments"]} == posted
            assert_same_key("the original database", moved, article, path, token, cookie)
