"""What a browser makes of Newsroom's pages under attack: an editor's Markdown cannot run script for readers, and no
page type breaks its own Content-Security-Policy (every violation the browser reports fails the test)."""
import os
import tempfile

from test_editors_desk import PASSWORD, add_editor

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + (event.sourceFile || ""));
});
"""

# The vector the attack review found, in raw HTML and as a Markdown link (a quote carrying a combining mark).
ATTACKS = [
    "<a href='https://e.vn/\"\u0301 autofocus onfocus=alert(1) x='>liên kết một</a>",
    "[liên kết hai](https://e.vn/\"\u0301 autofocus onfocus=alert(2) x=)",
    "[liên kết ba](javascript:alert(3))",
    "<img src=x onerror=alert(4)> <svg onload=alert(5)>",
]


def sign_in(page, site, email):
    page.goto(site.base + "/admin/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def watched_context(browser, **options):
    context = browser.new_context(locale="vi-VN", **options)
    context.add_init_script(VIOLATIONS)
    return context


def violations(page):
    return page.evaluate("window.__violations || []")


def test_an_editors_markdown_cannot_run_script_for_readers(site_factory, browser):
    site = site_factory()
    email = add_editor(site)
    context = watched_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, site, email)
    page.goto(site.base + "/admin/articles/moi")
    page.fill("#truong-title", "Thử nghiệm an toàn liên kết trong bài")
    page.fill("#truong-sapo", "Một bài viết có những liên kết do kẻ xấu soạn sẵn.")
    page.fill("#truong-markdown", "\n\n".join(ATTACKS))
    page.select_option("#truong-status", "published")
    page.click("button[value=save]")
    page.wait_for_url("**/admin/articles/*?da-luu=1")

    reader = context.new_page()
    reader.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    reader.goto(site.base + "/")
    reader.click("text=Thử nghiệm an toàn liên kết trong bài")
    reader.wait_for_timeout(500)
    body = reader.locator(".article-body")
    assert body.locator("[onfocus], [onerror], [onload], [autofocus], img, svg").count() == 0
    for link in body.locator("a").all():
        href = link.get_attribute("href") or ""
        assert href.startswith("https://"), href
    # Focus every link: an injected handler would fire now.
    for link in body.locator("a").all():
        link.focus()
    reader.wait_for_timeout(200)
    assert dialogs == []
    assert violations(reader) == []
    context.close()


def import_markdown(site, text):
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as file:
        file.write(text)
    try:
        site.command("import", file.name)
    finally:
        os.unlink(file.name)


def test_no_page_type_violates_its_content_security_policy(site_factory, browser):
    site = site_factory()
    site.post_comment("Lan Anh", "Bình luận để trang có đủ phần bình luận và nút thích.")
    import_markdown(site, "---\ntitle: Hà Nội thêm làn xe buýt nhanh\nsapo: Tuyến mới chạy từ tháng sau.\n"
                          "category: Đô thị\ntags: [Giao thông]\n---\nNội dung bài viết về **giao thông**.\n")
    email = site.add_staff("quantri@toasoan.vn", "admin", PASSWORD)
    for viewport in ({"width": 390, "height": 844}, {"width": 1366, "height": 900}):
        context = watched_context(browser, viewport=viewport)
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
        seen = {}

        def visit(name, url):
            response = page.goto(url)
            assert response.status < 400, (name, response.status)
            assert "script-src 'self'" in response.headers.get("content-security-policy", ""), name
            assert response.headers.get("x-content-type-options") == "nosniff", name
            assert response.headers.get("referrer-policy") == "strict-origin-when-cross-origin", name
            page.wait_for_timeout(300)
            seen[name] = violations(page)

        visit("article", site.url)
        page.fill("textarea[name=body]", "Thử bộ đếm ký tự")
        visit("home", site.base + "/")
        topic = page.locator("a[href^='/chuyen-muc/']").first.get_attribute("href")
        visit("topic", site.base + topic)
        visit("search", site.base + "/tim-kiem?q=ha+noi")
        visit("login", site.base + "/admin/login")
        sign_in(page, site, email)
        visit("desk", site.base + "/admin/moderation")
        visit("articles", site.base + "/admin/articles")
        visit("editor", site.base + "/admin/articles/moi")
        assert all(found == [] for found in seen.values()), seen
        assert console == [], console
        context.close()
