"""A SQLite site on a disk that fills up: comments are refused with 507 `storage_full` and Retry-After (JSON and the
form), nothing refused is stored, reading goes on, and the first comment once space is back is published.

The disk is a small tmpfs mounted for the test, so this needs root (CI runs as root; elsewhere it is skipped)."""
import errno
import os
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from faults_support import Server, assert_error_page, assert_json_error, make_sqlite_site, mounted  # noqa: E402


def fill(directory):
    """Writes a file until the file system has no byte left; returns its path."""
    path = os.path.join(directory, "filler")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            chunk = b"\0" * size
            while True:
                try:
                    os.write(descriptor, chunk)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    free = os.statvfs(directory)
    assert free.f_bavail * free.f_frsize < 4096 * 2, "the disk is not full"
    return path


def bodies(server, article):
    listed = server.request("GET", f"/api/v1/articles/{article}/comments?limit=100")
    assert listed.status == 200
    return {comment["body"] for comment in listed.json()["comments"]}


def test_a_full_disk_refuses_comments_with_507_and_takes_them_again_once_space_is_back(tmp_path):
    with mounted(["-t", "tmpfs", "-o", "size=8m", "tmpfs"], tmp_path / "disk", "the full-disk test") as disk:
        site = make_sqlite_site(disk)
        with Server(site.url) as server:
            token, cookie = server.form(site.article_path)
            before = "Bình luận gửi khi đĩa còn chỗ."
            assert server.post_comment(site.article, before).status == 201

            filler = fill(disk)
            try:
                refused = [f"Bình luận số {number} gửi khi đĩa đã đầy." for number in range(3)]
                for body in refused:
                    reply = server.post_comment(site.article, body, timeout=10)
                    assert_json_error(reply, 507, "storage_full")
                refused.append("Bình luận gửi qua biểu mẫu khi đĩa đã đầy.")
                form = server.post_form(site.article, token, refused[-1], cookie)
                assert_error_page(form, 507)
                assert form.header("Retry-After")

                # Reading needs no space.
                assert server.request("GET", site.article_path).status == 200
                assert server.request("GET", f"/api/v1/articles/{site.article}").status == 200
                assert server.request("GET", "/healthz").status == 200
                assert before in bodies(server, site.article)
                assert server.process.poll() is None
            finally:
                os.remove(filler)

            after = "Bình luận gửi khi đĩa đã có chỗ trở lại."
            reply = server.post_comment(site.article, after, timeout=10)
            assert reply.status == 201, reply.body[:300]
            assert reply.json()["comment"]["status"] == "published"
            stored = bodies(server, site.article)
            assert {before, after} <= stored
            assert not stored & set(refused), "a comment answered 507 was stored"
