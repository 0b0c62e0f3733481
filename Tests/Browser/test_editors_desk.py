"""An editor writes an article in Markdown in a real browser, schedules it a minute ahead, and it publishes itself:
it appears on the home page and in the RSS feed once its time has passed (the server checks every second here)."""
import datetime
import time
import urllib.request
import xml.etree.ElementTree as ET


PASSWORD = "mật-khẩu-biên-tập-2026"
TITLE = "Hà Nội mở thêm ba tuyến phố đi bộ vào cuối tuần"
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


def add_editor(site, email="bientap@toasoan.vn"):
    return site.add_staff(email, "editor", PASSWORD)


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def rss_titles(site):
    channel = ET.fromstring(fetch(site.base + "/rss.xml")).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def test_an_editor_schedules_a_markdown_article_that_publishes_itself(site_factory, browser):
    site = site_factory()
    email = add_editor(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()

    page.goto(site.base + "/admin/articles")
    assert "Đăng nhập bàn làm việc" in page.inner_text("main")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/articles**")
    page.click("text=Viết bài mới")

    page.fill("#truong-title", TITLE)
    page.fill("#truong-sapo", "Từ tháng sau, người dân có thêm không gian đi bộ quanh hồ Thiền Quang và phố Trịnh Công Sơn.")
    page.fill("#truong-markdown", "Các tuyến phố mới mở từ **19 giờ tối thứ Sáu** đến hết Chủ nhật.\n\n"
                                  "## Phân luồng giao thông\n\nXe buýt đi vòng qua *đường Nguyễn Du*.")
    page.fill("#truong-category", "Đô thị")
    page.fill("#truong-tags", "Hà Nội, Phố đi bộ")
    page.fill("#truong-authors", "Ngô Thanh Vân")

    # The preview renders the Markdown without saving anything.
    page.click("button[value=preview]")
    preview = page.locator("#xem-truoc")
    assert preview.locator("strong").inner_text() == "19 giờ tối thứ Sáu"
    assert preview.locator(".article-body h2").inner_text() == "Phân luồng giao thông"
    assert page.input_value("#truong-title") == TITLE

    due = datetime.datetime.now(VIETNAM).replace(microsecond=0) + datetime.timedelta(minutes=1)
    page.select_option("#truong-status", "scheduled")
    page.fill("#truong-publish_at", due.strftime("%Y-%m-%dT%H:%M:%S"))
    page.click("button[value=save]")
    page.wait_for_url("**/admin/articles/*?da-luu=1")
    assert "Hẹn giờ đăng" in page.inner_text("main")

    # Not yet: readers see nothing before its time.
    assert TITLE not in fetch(site.base + "/")
    assert TITLE not in rss_titles(site)

    deadline = time.monotonic() + 120
    while TITLE not in fetch(site.base + "/"):
        assert time.monotonic() < deadline, "the scheduled article never appeared on the home page"
        time.sleep(1)
    assert datetime.datetime.now(VIETNAM) >= due - datetime.timedelta(seconds=1)
    assert TITLE in rss_titles(site)

    page.goto(site.base + "/")
    page.click(f"text={TITLE}")
    assert page.locator(".article-body strong").inner_text() == "19 giờ tối thứ Sáu"
    assert page.locator(".kicker").first.inner_text().lower() == "đô thị"
    assert page.locator(".byline").inner_text() == "Ngô Thanh Vân"
    context.close()
