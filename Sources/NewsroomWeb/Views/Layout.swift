import NewsroomCore

/// The frame every reader page shares: head, masthead, main content, footer.
enum Layout {
    /// The document every page shares, reader's or staff's: Vietnamese, UTF-8, the viewport, the title, the
    /// stylesheet, and what each adds to the head and the body.
    static func document(title: String, bodyClass: String? = nil, head: [Node], body: [Node]) -> Node {
        .fragment([
            .raw("<!DOCTYPE html>"),
            el("html", Attribute("lang", "vi")) {
                el("head") {
                    void("meta", Attribute("charset", "utf-8"))
                    void("meta", .name("viewport"), .content("width=device-width, initial-scale=1"))
                    el("title") { title == Strings.siteName ? title : "\(title) – \(Strings.siteName)" }
                    head
                    void("link", .rel("stylesheet"), .href(SiteRoute.stylesheet.path))
                }
                el("body", Attribute("class", bodyClass)) { body }
            },
        ])
    }

    /// A feed a page offers to feed readers: the site's, or a category's.
    struct Feed {
        var title: String
        var rss: String
        var atom: String

        static let site = Feed(
            title: Strings.siteName, rss: SiteRoute.feed(.rss, category: nil).path, atom: SiteRoute.feed(.atom, category: nil).path)
    }

    static func page(
        title: String, description: String? = nil, canonicalPath: String? = nil, head extra: [Node] = [],
        feeds: [Feed] = [.site], sections: [Topic] = [], @HTMLBuilder main: () -> [Node]
    ) -> Node {
        var head: [Node] = []
        if let description { head.append(void("meta", .name("description"), .content(description))) }
        if let canonicalPath { head.append(void("link", .rel("canonical"), .href(canonicalPath))) }
        head.append(void("meta", .name("theme-color"), .content("#9f1c20")))
        // Feed readers find the feeds from any page.
        for feed in feeds {
            head.append(
                void("link", .rel("alternate"), Attribute("type", "application/rss+xml"), .href(feed.rss), Attribute("title", feed.title)))
            head.append(
                void("link", .rel("alternate"), Attribute("type", "application/atom+xml"), .href(feed.atom), Attribute("title", feed.title))
            )
        }
        head += extra
        return document(
            title: title, head: head,
            body: [
                el("a", .class("skip-link"), .href("#noi-dung")) { "Chuyển đến nội dung chính" },
                masthead(sections: sections),
                el("main", .id("noi-dung"), .class("page")) { main() },
                el("footer", .class("site-footer")) {
                    el("p") { Strings.footer }
                    el("p", .class("footer-links")) {
                        el("a", .href(Feed.site.rss)) { "RSS" }
                        " · "
                        el("a", .href(Feed.site.atom)) { "Atom" }
                    }
                },
            ])
    }

    static func masthead(sections: [Topic] = []) -> Node {
        el("header", .class("masthead")) {
            el("div", .class("masthead-inner")) {
                el("a", .class("masthead-name"), .href(SiteRoute.home.path)) { Strings.siteName }
                el("p", .class("masthead-tagline")) { Strings.siteTagline }
                el("form", .method("get"), .action(SiteRoute.search.path), Attribute("role", "search"), .class("masthead-search")) {
                    el("label", .for("tim-nhanh"), .class("visually-hidden")) { "Tìm kiếm trên trang" }
                    void("input", .id("tim-nhanh"), .name(QueryKey.text.rawValue), .type("search"), .placeholder("Tìm kiếm"))
                    el("button", .type("submit"), .class("button-small")) { "Tìm" }
                }
            }
            if !sections.isEmpty {
                el("nav", .class("sections"), .ariaLabel("Chuyên mục")) {
                    el("ul") {
                        for section in sections { el("li") { el("a", .href(section.path)) { section.name } } }
                    }
                }
            }
        }
    }
}
