import NewsroomCore

/// The frame every reader page shares: head, masthead, main content, footer.
enum Layout {
    static func page(
        title: String, description: String? = nil, canonicalPath: String? = nil, @HTMLBuilder main: () -> [Node]
    ) -> Node {
        .fragment([
            .raw("<!DOCTYPE html>"),
            el("html", Attribute("lang", "vi")) {
                el("head") {
                    void("meta", Attribute("charset", "utf-8"))
                    void("meta", .name("viewport"), .content("width=device-width, initial-scale=1"))
                    el("title") { title == Strings.siteName ? title : "\(title) – \(Strings.siteName)" }
                    if let description { void("meta", .name("description"), .content(description)) }
                    if let canonicalPath { void("link", .rel("canonical"), .href(canonicalPath)) }
                    void("meta", .name("theme-color"), .content("#9f1c20"))
                    void("link", .rel("stylesheet"), .href(SiteRoute.stylesheet.path))
                }
                el("body") {
                    el("a", .class("skip-link"), .href("#noi-dung")) { "Chuyển đến nội dung chính" }
                    masthead()
                    el("main", .id("noi-dung"), .class("page")) { main() }
                    el("footer", .class("site-footer")) {
                        el("p") { Strings.footer }
                    }
                }
            },
        ])
    }

    static func masthead() -> Node {
        el("header", .class("masthead")) {
            el("div", .class("masthead-inner")) {
                el("a", .class("masthead-name"), .href(SiteRoute.home.path)) { Strings.siteName }
                el("p", .class("masthead-tagline")) { Strings.siteTagline }
            }
        }
    }
}
