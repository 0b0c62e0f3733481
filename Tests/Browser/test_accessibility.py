"""What a reader with a keyboard, a screen reader or a small screen relies on, checked in the browser."""

CONTRAST = """
(selector) => {
  function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
  function luminance(rgb) {
    const [r, g, b] = rgb.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }
  function background(node) {
    for (; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (color && !color.startsWith("rgba(0, 0, 0, 0)") && color !== "transparent") return color;
    }
    return "rgb(255, 255, 255)";
  }
  const node = document.querySelector(selector);
  const fg = luminance(getComputedStyle(node).color), bg = luminance(background(node));
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}
"""


def test_every_field_has_a_label_and_live_regions_exist(site_factory, js_page):
    site = site_factory("post")
    site.post_comment("Hồ Thu", "Một ý kiến để trang có bình luận.")
    js_page.goto(site.url)
    unlabeled = js_page.evaluate("""() => Array.from(document.querySelectorAll('input:not([type=hidden]), textarea'))
        .filter(field => !field.closest('label') && !(field.id && document.querySelector(`label[for="${field.id}"]`)))
        .map(field => field.name)""")
    assert unlabeled == []
    assert js_page.get_attribute("#binh-luan-moi [data-counter]", "aria-live") == "polite"
    assert js_page.locator(".sort a[aria-current=true]").count() == 1
    assert js_page.get_attribute("nav.sort", "aria-label") == "Sắp xếp bình luận"


def test_text_has_enough_contrast(site_factory, js_page):
    site = site_factory("post")
    site.post_comment("Hồ Thu", "Một ý kiến để trang có bình luận.")
    js_page.goto(site.url)
    for selector in [".article-body p", ".sapo", ".article-date", ".limit", ".comment-time", ".sort a", ".like",
                     ".comment-body", ".button-primary", "label"]:
        ratio = js_page.evaluate(CONTRAST, selector)
        assert ratio >= 4.5, f"{selector}: {ratio:.2f}"


def test_the_comment_box_works_from_the_keyboard(site_factory, js_page):
    site = site_factory("post")
    js_page.goto(site.url)
    js_page.focus("#binh-luan-moi input[name=author]")
    js_page.keyboard.type("Bàn Phím")
    js_page.keyboard.press("Tab")  # e-mail
    js_page.keyboard.press("Tab")  # comment
    js_page.keyboard.type("Gõ bằng bàn phím, không cần chuột.")
    assert js_page.evaluate("document.activeElement.name") == "body"
    outline = js_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused field has no visible focus"
    js_page.keyboard.press("Tab")  # submit
    js_page.keyboard.press("Enter")
    js_page.locator(".comment", has_text="Gõ bằng bàn phím, không cần chuột.").wait_for()


def test_the_page_does_not_shift_while_it_loads(site_factory, js_page):
    site = site_factory("post")
    for n in range(8):
        site.post_comment(f"Bạn đọc {n}", f"Ý kiến thứ {n} về bài viết.")
    js_page.add_init_script("""
        window.__shift = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
          .observe({ type: "layout-shift", buffered: true });
    """)
    js_page.goto(site.url, wait_until="networkidle")
    js_page.wait_for_timeout(300)
    assert js_page.evaluate("window.__shift") < 0.01


def test_nothing_overflows_a_360px_phone(site_factory, browser):
    site = site_factory("post")
    site.post_comment("Người dùng có cái tên rất dài để thử", "Mộtchuỗikýtựrấtdàikhôngcókhoảngtrắngnàođểthửxemtrangcóbịtràrangangkhông" * 3)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
