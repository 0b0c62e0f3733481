"""Comments embedded in another site's page: a host page served from a second origin (a small static server of the
test's own) embeds the comment section with /embed.js; readers post, like and reply there, a second reader sees it
live, the moderation desk shows the comment with the page's address and site, and an origin not listed is refused."""

import base64
import hashlib
import hmac
import http.server
import json
import threading
import time
import urllib.parse
import urllib.request

import pytest

from conftest import wait_until
from test_moderation_desk import add_moderator, log_in

SECRET = "khóa-chung-của-trang-báo-và-tòa-soạn-2026"


class HostSite:
    """Another newspaper's site on its own origin, serving pages that embed the comments host's section."""

    def __init__(self):
        self.pages = {}
        pages = self.pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = pages.get(self.path.split("?")[0])
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "không có").encode())

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path, comments_base, url, title, token=None):
        """A page with a story and the embed snippet, styled so that any leak of its CSS into the frame would show."""
        token_attribute = f' data-token="{token}"' if token else ""
        fallback = f"{comments_base}/nhung/trang?url={urllib.parse.quote(url, safe='')}"
        self.pages[path] = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ background: #fffbe8; }} p, strong, button {{ color: rgb(255, 0, 0) !important; }}</style></head>
<body><h1>{title}</h1><p>Bài viết trên hệ thống quản trị nội dung riêng của tòa soạn.</p>
<div data-newsroom-comments data-url="{url}" data-title="{title}"{token_attribute}><a href="{fallback}">Bình luận</a></div>
<script src="{comments_base}/embed.js" async></script></body></html>"""
        return self.origin + path

    def stop(self):
        self.server.shutdown()


@pytest.fixture
def hosts():
    started = [HostSite(), HostSite()]
    yield started
    for host in started:
        host.stop()


def jwt(claims, secret=SECRET):
    """An HS256 token, as a host site signs one for its signed-in reader."""
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data, ensure_ascii=False).encode()).rstrip(b"=").decode()
    signing_input = part({"alg": "HS256", "typ": "JWT"}) + "." + part(claims)
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()


def section(page):
    """The comment section inside the page's frame, once the frame has loaded it."""
    frame = page.frame_locator("iframe")
    frame.locator("#binh-luan").wait_for()
    return frame


def api(site, path):
    with urllib.request.urlopen(site.base + path) as response:
        return json.load(response)


def test_readers_comment_like_and_reply_in_another_sites_page(site_factory, browser, hosts):
    host, unlisted = hosts
    site = site_factory("post", extra=["--embed-origins", host.origin, "--embed-secret", SECRET])
    canonical = host.origin + "/2026/bai-viet.html"
    page_url = host.add("/2026/bai-viet.html", site.base, canonical + "?utm_source=zalo#binh-luan", "Chợ hoa xuân mở cửa")

    first = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    second = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    reader, watcher = first.new_page(), second.new_page()
    reader.goto(page_url)
    frame = section(reader)
    watcher.goto(page_url)
    watching = section(watcher)
    watcher.wait_for_timeout(500)

    # The same comment box: a counter in visible characters, then a post through the API.
    frame.locator("#binh-luan-moi-author").fill("Lê Hoa")
    frame.locator("#binh-luan-moi-body").fill("Năm nay chợ hoa đông vui quá 🌸")
    assert "1.470" in frame.locator("[data-counter]").inner_text()
    frame.locator("#binh-luan-moi button[type=submit]").click()
    frame.locator(".comment-list .comment").first.wait_for()
    assert "Năm nay chợ hoa đông vui quá 🌸" in frame.locator(".comment-list").inner_text()

    # The host page's CSS stops at the frame; the frame grows with its content (the frame names the sites it tells).
    hooks = reader.frames[1].evaluate("NEWSROOM_PAGE")
    assert frame.locator(f"[{hooks['data']['embedOrigins']}]").get_attribute(hooks["data"]["embedOrigins"]) == host.origin
    color = frame.locator(".comment-author").first.evaluate("node => getComputedStyle(node).color")
    assert color != "rgb(255, 0, 0)"
    wait_until(reader, "parseInt(document.querySelector('iframe').style.height || '0', 10) > 500")

    # The thread is keyed by the canonical URL (no utm_*, no fragment) and lives on the comments host.
    thread = api(site, f"/api/v1/articles/{site.article_id}")  # the seed article is untouched
    assert thread["id"] == int(site.article_id)
    comments = [c for c in reader.context.request.get(site.base + "/api/v1/articles/2/comments").json()["comments"]]
    assert [c["body"] for c in comments] == ["Năm nay chợ hoa đông vui quá 🌸"]

    # The second reader sees it arrive live, and their reply reaches the first reader the same way.
    watching.locator(".comment-list .comment").first.wait_for()
    watching.locator(".reply-link").first.click()
    reply_form = watching.locator(".reply-form")
    reply_form.locator("input[name=author]").fill("Trần Nam")
    reply_form.locator("textarea").fill("Mình cũng định ghé chiều nay.")
    reply_form.locator("button[type=submit]").click()
    frame.locator(".comment-reply").first.wait_for()
    assert "Mình cũng định ghé chiều nay." in frame.locator(".comment-reply").first.inner_text()

    # Likes count once per reader, without third-party cookies.
    frame.locator("button.like").first.click()
    wait_until(reader, "true")
    frame.locator(".comment-list > .thread > .comment button.like, .comment-list > .comment button.like").first.wait_for()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "1" not in frame.locator("button.like").first.inner_text():
        reader.wait_for_timeout(100)
    assert "1" in frame.locator("button.like").first.inner_text()

    # A report opens the comments host's own form in a tab of its own, not inside the host page's frame.
    with reader.context.expect_page() as opened:
        frame.locator(".comment-list .report-link").first.click()
    report = opened.value
    report.wait_for_load_state()
    assert "/bao-cao" in report.url and report.url.startswith(site.base)
    report.locator("main button[type=submit]").click()
    report.wait_for_load_state()
    assert "/bao-cao" not in report.url
    report.close()

    # The moderation desk shows the comments with the page's address and its site.
    email = add_moderator(site)
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    log_in(desk, site, email)
    desk.goto(site.base + "/admin/moderation?hang=da-duyet")
    text = desk.locator("main").inner_text()
    assert canonical in text and host.origin in text and "Năm nay chợ hoa đông vui quá" in text

    # Another site may not frame the section, whatever page it names: the browser refuses the frame.
    refused = unlisted.add("/trang.html", site.base, canonical, "Trang lạ")
    intruder = second.new_page()
    intruder.goto(refused)
    intruder.wait_for_timeout(1500)
    assert intruder.frame_locator("iframe").locator("#binh-luan").count() == 0
    # And a page of a site not listed gets no thread at all.
    stranger = urllib.parse.quote(unlisted.origin + "/trang.html", safe="")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{site.base}/nhung?url={stranger}")
    assert error.value.code == 403
    first.close()
    second.close()
    desk.context.close()


def test_a_host_signs_its_reader_in_and_without_javascript_a_link_leads_to_the_thread(site_factory, browser, hosts):
    host = hosts[0]
    site = site_factory("post", extra=["--embed-origins", host.origin, "--embed-secret", SECRET])
    canonical = host.origin + "/tin/cau-moi.html"
    token = jwt({"sub": "doc-gia-42", "name": "Nguyễn Thị Xác Minh", "email": "xacminh@baocu.example.vn",
                 "exp": int(time.time()) + 600})
    page_url = host.add("/tin/cau-moi.html", site.base, canonical, "Cầu mới thông xe", token=token)

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.goto(page_url)
    frame = section(page)
    # The host vouches for the name: the name fields give way, and the comment carries a verified mark.
    assert "Nguyễn Thị Xác Minh" in frame.locator(".signed-in").inner_text()
    assert not frame.locator("#binh-luan-moi-author").is_visible()
    frame.locator("#binh-luan-moi-body").fill("Cầu đẹp, đi lại tiện hơn nhiều.")
    frame.locator("#binh-luan-moi button[type=submit]").click()
    frame.locator(".comment-verified").first.wait_for()
    assert "Nguyễn Thị Xác Minh" in frame.locator(".comment-author").first.inner_text()

    # A token signed with another secret is refused with a Vietnamese message; nothing is posted.
    forged = jwt({"sub": "x", "name": "Mạo Danh", "exp": int(time.time()) + 600}, secret="một-khóa-khác-hẳn-một-khóa-khác")
    forged_url = host.add("/tin/mao-danh.html", site.base, canonical, "Cầu mới thông xe", token=forged)
    page.goto(forged_url)
    frame = section(page)
    frame.locator("#binh-luan-moi-body").fill("Tôi không phải người này.")
    frame.locator("#binh-luan-moi button[type=submit]").click()
    frame.locator(".form-error").wait_for()
    assert "đăng nhập" in frame.locator(".form-error").inner_text()
    context.close()

    # Without JavaScript the host page keeps its link, which leads to the thread's own page on the comments host.
    plain = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = plain.new_page()
    page.goto(page_url)
    page.click("text=Bình luận")
    page.wait_for_load_state()
    assert page.url.startswith(site.base + "/")
    body = page.locator("main").inner_text()
    assert "Cầu đẹp, đi lại tiện hơn nhiều." in body and canonical in body
    plain.close()
