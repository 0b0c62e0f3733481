"""The comment box in a real browser, with JavaScript on and off (the `page` fixture runs each test twice)."""
import re
import unicodedata

from conftest import SEED
from conftest import wait_until

EMPTY = "Hiện chưa có bình luận nào, hãy là người đầu tiên bình luận"


def visible_lines(page):
    return [line.strip() for line in page.inner_text("body").split("\n") if line.strip()]


def in_order(expected, lines):
    position = 0
    for line in expected:
        if line not in lines[position:]:
            return line
        position = lines.index(line, position) + 1
    return None


def write_comment(page, author, body, form="#binh-luan-moi"):
    page.fill(f"{form} input[name=author]", author)
    page.fill(f"{form} textarea", body)
    page.click(f"{form} button[type=submit]")


def test_the_seed_page_shows_the_seed_lines_in_order(site_factory, page):
    site = site_factory()
    page.goto(site.url)
    seed = [line.strip() for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert len(seed) == 23
    assert in_order(seed, visible_lines(page)) is None
    assert page.locator("html").get_attribute("lang") == "vi"


def test_the_counter_counts_visible_characters(site_factory, js_page):
    """The counter is the script's; without JavaScript the server counts (the Swift form tests)."""
    page = js_page
    site = site_factory()
    page.goto(site.url)
    counter = page.locator("#binh-luan-moi [data-counter]")
    # "Tiếng Việt" typed with combining marks: 10 characters, 14 code points.
    nfd = unicodedata.normalize("NFD", "Tiếng Việt")
    assert len(nfd) == 14
    page.fill("#binh-luan-moi textarea", nfd)
    assert counter.inner_text() == "Còn 1.490 ký tự"
    # Family and flag emoji sequences are one character each.
    page.fill("#binh-luan-moi textarea", "👨‍👩‍👧‍👦🇻🇳")
    assert counter.inner_text() == "Còn 1.498 ký tự"
    # 1501 characters: refused before sending, with the reason.
    page.fill("#binh-luan-moi textarea", unicodedata.normalize("NFD", "ệ") * 1501)
    assert counter.inner_text() == "Vượt quá 1 ký tự"
    assert page.is_disabled("#binh-luan-moi button[type=submit]")
    assert "Bình luận dài 1.501 ký tự, tối đa 1.500 ký tự." in page.inner_text("#binh-luan-moi")
    page.fill("#binh-luan-moi textarea", unicodedata.normalize("NFD", "ệ") * 1500)
    assert counter.inner_text() == "Còn 0 ký tự"
    assert page.is_enabled("#binh-luan-moi button[type=submit]")


def test_a_comment_under_post_moderation_appears(site_factory, page):
    site = site_factory("post")
    page.goto(site.url)
    page.evaluate("window.__stayed = true") if page.js else None
    body = unicodedata.normalize("NFD", "Bài viết rất đầy đủ, cảm ơn tòa soạn!")
    write_comment(page, "Nguyễn Hà", body)
    comment = page.locator(".comment", has_text="Bài viết rất đầy đủ")
    comment.wait_for()
    assert "Nguyễn Hà" in comment.inner_text()
    if page.js:
        assert page.evaluate("window.__stayed === true"), "the page reloaded"
        assert page.input_value("#binh-luan-moi textarea") == ""
        assert "Bình luận của bạn đã được đăng" in page.inner_text("#binh-luan")
    assert "1 bình luận" in page.inner_text("#binh-luan")
    assert EMPTY not in visible_lines(page)


def test_a_comment_under_pre_moderation_waits(site_factory, page):
    site = site_factory("pre")
    page.goto(site.url)
    write_comment(page, "Trần Minh", "Mong bài viết sau có thêm số liệu.")
    page.get_by_text("Bình luận của bạn đang chờ duyệt").wait_for()
    lines = visible_lines(page)
    assert "Mong bài viết sau có thêm số liệu." not in lines
    assert EMPTY in lines


def test_an_invalid_comment_keeps_the_text(site_factory, page):
    site = site_factory("post")
    page.goto(site.url)
    page.fill("#binh-luan-moi textarea", "Chưa điền tên mà đã gửi")
    # Without a name the browser's own check would stop the form; remove it to reach the server's answer.
    page.evaluate("document.querySelector('#binh-luan-moi input[name=author]').removeAttribute('required')")
    page.click("#binh-luan-moi button[type=submit]")
    page.get_by_text("Xin bạn nhập họ tên.").wait_for()
    assert page.input_value("#binh-luan-moi textarea") == "Chưa điền tên mà đã gửi"


def test_reply_and_like(site_factory, page):
    site = site_factory("post")
    top = site.post_comment("Lê Vân", "Ý kiến đầu tiên.")
    page.goto(site.url)
    page.click(f"#binh-luan-{top['id']} .reply-link")
    form = f"#tra-loi-{top['id']}"
    page.wait_for_selector(form)
    write_comment(page, "Phạm Quân", "Tôi đồng ý với chị Vân.", form=form)
    reply = page.locator(f"#binh-luan-{top['id']} ~ .replies .comment", has_text="Tôi đồng ý với chị Vân.")
    reply.wait_for()

    like = page.locator(f"#binh-luan-{top['id']} .like")
    like.click()
    wait_until(page, 
        f"document.querySelector('#binh-luan-{top['id']} .like').textContent.includes('· 1')")
    like.click()  # the same reader again: still one
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert re.search(r"Thích · 1$", page.locator(f"#binh-luan-{top['id']} .like").inner_text())


def test_sort_and_more_comments(site_factory, page):
    site = site_factory("post")
    ids = [site.post_comment(f"Bạn đọc {n}", f"Ý kiến số {n}.")["id"] for n in range(25)]
    for client in range(3):
        site.like(ids[3], client + 1)
    page.goto(site.url)
    page.evaluate("window.__stayed = true") if page.js else None
    assert page.locator("#danh-sach-binh-luan > .thread").count() == 20
    page.click("#xem-them a")
    wait_until(page, "document.querySelectorAll('#danh-sach-binh-luan > .thread').length === 25"
                           if page.js else "document.querySelectorAll('#danh-sach-binh-luan > .thread').length === 5")
    page.click("nav.sort >> text=Quan tâm nhất")
    wait_until(page, 
        "document.querySelector('nav.sort a[aria-current=true]').textContent === 'Quan tâm nhất'")
    first = page.locator("#danh-sach-binh-luan > .thread .comment-body").first.inner_text()
    assert first == "Ý kiến số 3."
    if page.js:
        assert page.evaluate("window.__stayed === true"), "the page reloaded"


def test_other_readers_comments_arrive_without_a_reload(site_factory, js_page):
    """The event stream: a comment another reader posts, a like, and a moderator's removal (from another process, the
    command line) all reach an open page in place; the page is never reloaded."""
    import subprocess
    from conftest import BINARY

    site = site_factory("post")
    page = js_page
    page.goto(site.url)
    page.evaluate("window.__stayed = true")
    wait_until(page, "document.querySelector('#binh-luan .comments-empty') !== null")
    # Posted at once, maybe before the page's stream has opened: it resumes after what the page shows.

    first = site.post_comment("Hoàng Yến", "Tin này cập nhật nhanh thật, cảm ơn tòa soạn!")
    page.locator(f"#binh-luan-{first['id']}").wait_for(timeout=5000)
    assert page.locator(f"#binh-luan-{first['id']} .comment-body").inner_text() == first["body"]
    assert page.locator("#binh-luan [role=status].visually-hidden").inner_text() == "Hoàng Yến vừa bình luận"
    # Shown in place with the same actions as a comment the server renders.
    assert page.locator(f"#binh-luan-{first['id']} .report-link").get_attribute("href") == f"/binh-luan/{first['id']}/bao-cao"
    assert page.get_attribute("#binh-luan", "data-total") == "1"
    assert "1" in page.locator(".comments-count").inner_text()

    second = site.post_comment("Đỗ Khải", "Mong có thêm ảnh hiện trường.")
    page.locator(f"#binh-luan-{second['id']}").wait_for(timeout=5000)
    assert page.get_attribute("#binh-luan", "data-total") == "2"
    # Newest first, as the list is sorted.
    assert page.locator("#danh-sach-binh-luan > .thread .comment-body").first.inner_text() == second["body"]

    site.like(first["id"], 7)
    wait_until(page, f"document.querySelector('#binh-luan-{first['id']} .like').textContent.includes('· 1')",
                           timeout=5000)

    rejected = subprocess.run([str(BINARY), "comments", "reject", str(second["id"]), "--database", site.database],
                              capture_output=True, text=True)
    assert rejected.returncode == 0, rejected.stderr
    wait_until(page, f"document.getElementById('binh-luan-{second['id']}') === null", timeout=5000)
    assert page.get_attribute("#binh-luan", "data-total") == "1"
    assert page.evaluate("window.__stayed === true"), "the page reloaded"
