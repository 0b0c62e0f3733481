"""Photos, video and featured comments as a reader's browser meets them: an article imported from Markdown with two
photos beside it shows them as figures sized before they load (no layout shift), with narrower copies served; a video
placeholder asks nothing of the video site until clicked; a comment a moderator features leads the page and the API."""
import json
import shutil
import subprocess
import urllib.request

import pytest

from conftest import IN_CI, wait_until
from test_moderation_desk import add_moderator, log_in

MARKDOWN = """---
title: Mùa vàng trên ruộng bậc thang Mù Cang Chải
sapo: Những thửa ruộng vàng óng kéo du khách về vùng cao mỗi độ thu sang.
category: Du lịch
---
Đầu tháng chín, lúa trên các sườn đồi bắt đầu chuyển màu, và người dân bản Lìm Mông chuẩn bị vào mùa gặt.

![Ruộng bậc thang nhìn từ đèo Khau Phạ](anh/ruong.jpg "Ruộng bậc thang lúc chiều muộn. Ảnh: Minh Anh")

Người dân tranh thủ gặt trước khi những cơn mưa đầu mùa kéo đến, gùi từng bó lúa về bản.

![Đồi Mâm Xôi nhìn từ trên cao](anh/doi.png)

Từ cuối tháng chín, ruộng đã gặt xong; đến mùa nước đổ, các thửa ruộng lại sáng lên như gương.

[Toàn cảnh mùa vàng Mù Cang Chải](https://www.youtube.com/watch?v=dQw4w9WgXcQ)

Du khách nên đi vào các ngày trong tuần để tránh đông.
"""

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 400);
})"""


def vips(*arguments):
    if not shutil.which("vips"):
        if IN_CI:
            pytest.fail("vips is missing (CI installs libvips-tools)")
        pytest.skip("vips is not installed (apt-get install libvips-tools)")
    subprocess.run(["vips", *arguments], check=True, capture_output=True)


@pytest.fixture
def photo_site(site_factory, tmp_path):
    site = site_factory("post")
    (tmp_path / "anh").mkdir()
    vips("black", str(tmp_path / "anh" / "ruong.jpg"), "1200", "800")
    vips("black", str(tmp_path / "anh" / "doi.png"), "900", "1350")
    article = tmp_path / "mua-vang.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    imported = site.command("import", "--media-dir", f"{site.directory.name}/media", str(article))
    site.photo_path = imported.stdout.strip().split("\t")[1]
    return site


def test_imported_photos_are_figures_with_their_size_copies_and_no_layout_shift(photo_site, js_page):
    site, page = photo_site, js_page
    page.goto(site.base + site.photo_path)
    figures = page.locator(".article-body figure.photo")
    assert figures.count() == 2
    assert figures.nth(0).locator("figcaption").inner_text() == "Ruộng bậc thang lúc chiều muộn. Ảnh: Minh Anh"
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll('.article-body figure.photo img'))
        .map(i => [i.getAttribute('width'), i.getAttribute('height'), i.alt, i.getAttribute('srcset')])""")
    assert [size[:3] for size in sizes] == [
        ["1200", "800", "Ruộng bậc thang nhìn từ đèo Khau Phạ"], ["900", "1350", "Đồi Mâm Xôi nhìn từ trên cao"]]
    # Every copy in srcset is served, and is as wide as it says.
    for srcset in (size[3] for size in sizes):
        candidates = [candidate.split() for candidate in srcset.split(",")]
        assert len(candidates) >= 2
        for url, width in candidates:
            response = page.request.get(site.base + url)
            assert response.status == 200 and response.headers["content-type"].startswith("image/")
    # Scroll through the article so every lazy photo loads, then read the layout shift of the whole visit.
    for y in range(0, 6000, 400):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(30)
    wait_until(page, "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    assert page.evaluate("Array.from(document.querySelectorAll('.article-body img')).map(i => i.currentSrc).every(s => s)")
    assert page.evaluate(LAYOUT_SHIFT) == 0
    # On a phone the narrower copy is chosen.
    chosen = page.evaluate("document.querySelector('.article-body img').currentSrc")
    assert "-480." in chosen or "-960." in chosen, chosen
    # The first photo is the page's image for social sites and search engines.
    assert page.get_attribute("meta[property='og:image']", "content").endswith(sizes[0][3].split(",")[-1].split()[0])


def test_a_video_loads_nothing_from_the_video_site_until_clicked(photo_site, browser):
    site = photo_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site.base + site.photo_path)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(500)
    video = page.locator("figure.video a.video-link")
    assert video.inner_text() == "Toàn cảnh mùa vàng Mù Cang Chải"
    assert not [url for url in requests if "youtube" in url or "ytimg" in url or "vimeo" in url], requests
    assert page.locator("iframe").count() == 0
    video.click()
    frame = page.locator("figure.video iframe")
    frame.wait_for()
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    assert "autoplay" in frame.get_attribute("allow")
    assert frame.get_attribute("title") == "Toàn cảnh mùa vàng Mù Cang Chải"
    wait_until(page, "true")
    assert any(url.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ") for url in requests), requests
    context.close()

    # Without JavaScript it is a plain link to the video's page.
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    page.goto(site.base + site.photo_path)
    assert page.get_attribute("figure.video a", "href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert page.locator("iframe").count() == 0
    context.close()


def test_featuring_a_comment_from_the_desk_puts_it_first(site_factory, js_page):
    page = js_page
    site = site_factory("pre")
    email = add_moderator(site)
    first = site.post_comment("Hoàng Lan", "Bài viết nêu đúng những gì người dân vùng cao mong đợi.")
    second = site.post_comment("Minh Tú", "Tôi đã đi Mù Cang Chải năm ngoái, đẹp lắm.")
    third = site.post_comment("Thu Hà", "Mong có thêm ảnh về mùa nước đổ.")
    site.command("comments", "approve", str(first["id"]), str(second["id"]), str(third["id"]))

    log_in(page, site, email)
    page.goto(site.base + "/admin/moderation?hang=da-duyet")
    page.locator(f"#muc-{first['id']} button[value='feature:{first['id']}']").click()
    page.wait_for_url("**da=feature**")
    assert "Đã chọn 1 bình luận nổi bật." in page.inner_text("main")

    for sort in ("", "?sort=oldest", "?sort=top"):
        page.goto(site.url + sort)
        block = page.locator("#binh-luan .featured-comments")
        assert block.locator("h3").inner_text() == "Bình luận nổi bật"
        first_comment = page.locator("#binh-luan .comment").first
        assert first_comment.get_attribute("id") == f"binh-luan-{first['id']}"
        assert "Bình luận nổi bật" in first_comment.locator(".featured-badge").inner_text()
    with urllib.request.urlopen(f"{site.base}/api/v1/articles/{site.article_id}/comments") as response:
        comments = json.load(response)["comments"]
    assert [comment["id"] for comment in comments][0] == first["id"]
    assert [comment["featured"] for comment in comments] == [True, False, False]
