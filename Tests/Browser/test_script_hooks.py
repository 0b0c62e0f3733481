"""The names the scripts rely on (ScriptHooks.swift): each served script starts with them, and every id and data-
attribute the server writes for a script is on the page it serves. A name changed on one side only fails here."""
from conftest import wait_until
from test_moderation_desk import add_moderator, log_in

# Written by the scripts themselves (a notice, the message under a box over the limit), never by the server.
SCRIPT_WRITTEN = {"notice", "limitMessage"}
# Written only on an embedded section's frame (test_embed.py checks it there).
FRAME_ONLY = {"embedOrigins"}


def test_the_article_page_has_every_hook_the_page_script_names(site_factory, js_page):
    page = js_page
    site = site_factory()
    for n in range(25):
        comment = site.post_comment("Bạn đọc", f"Bình luận số {n + 1} để trang có nút xem thêm.")
    page.goto(site.url)
    hooks = page.evaluate("NEWSROOM_PAGE")
    for name, value in hooks["ids"].items():
        if name in ("comment", "replyForm"):
            continue  # prefixes, checked below
        assert page.locator(f"#{value}").count() == 1, f"id {name} ({value}) is missing"
    assert page.locator(f"#{hooks['ids']['comment']}{comment['id']}").count() == 1
    for name, attribute in hooks["data"].items():
        if name in SCRIPT_WRITTEN or name in FRAME_ONLY:
            continue
        assert page.locator(f"[{attribute}]").count() >= 1, f"data attribute {name} ({attribute}) is missing"
    like = hooks["routes"]["like"].replace("{id}", str(comment["id"]))
    assert page.locator(f"form[action='{like}']").count() == 1
    report = hooks["routes"]["report"].replace("{id}", str(comment["id"]))
    assert page.locator(f"a[href='{report}']").count() == 1
    # The reply link the server writes is the one the script writes for a new comment.
    reply = page.locator(f"#{hooks['ids']['comment']}{comment['id']} .reply-link").get_attribute("href")
    assert f"{hooks['query']['replyTo']}={comment['id']}#{hooks['ids']['replyForm']}{comment['id']}" in reply
    # The script's calls use the routes it was given: a like through the API, shown without a reload.
    page.locator(f"form[action='{like}'] button").click()
    wait_until(page, f"document.querySelector(\"form[action='{like}'] button\").getAttribute('aria-pressed') === 'true'")


def test_the_desk_has_every_hook_the_desk_script_names(site_factory, js_page):
    page = js_page
    site = site_factory("pre")
    email = add_moderator(site)
    site.post_comment("Hoàng Lan", "Một bình luận chờ duyệt.")
    log_in(page, site, email)
    hooks = page.evaluate("NEWSROOM_DESK")
    assert page.locator(f"meta[name={hooks['meta']['csrf']}]").count() == 1
    assert page.locator(f"#{hooks['ids']['shortcuts']}").count() == 1
    for name, attribute in hooks["data"].items():
        assert page.locator(f"[{attribute}]").count() >= 1, f"data attribute {name} ({attribute}) is missing"
    counts = page.evaluate(f"fetch('{hooks['routes']['counts']}').then(r => r.json())")
    assert counts["pending"] == 1
