"""A moderator created from the command line works the desk in a real browser, with the keyboard."""

from conftest import wait_until

PASSWORD = "mật-khẩu-kiểm-duyệt-2026"


def add_moderator(site, email="kiemduyet@toasoan.vn"):
    return site.add_staff(email, "moderator", PASSWORD)


def log_in(page, site, email):
    page.goto(site.base + "/admin/moderation")
    assert "Đăng nhập bàn làm việc" in page.inner_text("main")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/moderation**")


def test_a_moderator_approves_with_the_keyboard_and_corrects_a_comment(site_factory, js_page):
    page = js_page
    site = site_factory("pre")
    email = add_moderator(site)
    first = site.post_comment("Hoàng Lan", "Bài viết rất bổ ích cho bạn đọc.")
    second = site.post_comment("Minh Tú", "Tôi thấy bài viêt nay hay qúa.")
    assert first["status"] == "pending" and second["status"] == "pending"

    log_in(page, site, email)
    desk = page.locator(".desk-list")
    assert "Bài viết rất bổ ích cho bạn đọc." in desk.inner_text()
    assert page.locator("[data-count=pending]").first.inner_text() == "2"

    # The first pending comment is selected; "a" approves it without a reload.
    page.evaluate("window.__stayed = true")
    page.keyboard.press("a")
    page.locator(f"#muc-{first['id']}").wait_for(state="detached")
    assert page.evaluate("window.__stayed === true")
    wait_until(page, "document.querySelector('[data-count=pending]').textContent === '1'")

    # "e" opens the correction of the next one; save and approve.
    page.keyboard.press("e")
    editor = page.locator(f"#sua-noi-dung-{second['id']}")
    editor.fill("Tôi thấy bài viết này hay quá.")
    page.locator(f"#muc-{second['id']} button[name=approve]").click()
    page.wait_for_url("**da=approve**")

    page.goto(site.url)
    lines = page.inner_text("#binh-luan")
    assert "Bài viết rất bổ ích cho bạn đọc." in lines
    assert "Tôi thấy bài viết này hay quá." in lines
    assert "hay qúa" not in lines

    page.goto(site.base + "/admin/moderation/nhat-ky")
    log = page.inner_text("table.log")
    assert log.count("Duyệt") >= 2
    assert "Sửa nội dung" in log
    assert "Tôi thấy bài viêt nay hay qúa." in log and "Tôi thấy bài viết này hay quá." in log
    assert email in log


def test_the_shortcut_list_opens_with_a_question_mark(site_factory, js_page):
    site = site_factory("pre")
    email = add_moderator(site)
    site.post_comment("An", "Một bình luận chờ duyệt.")
    log_in(js_page, site, email)
    js_page.keyboard.press("?")
    assert js_page.locator("#phim-tat").is_visible()
    assert "Từ chối" in js_page.inner_text("#phim-tat")
