import NewsroomCore

/// The home page: the featured articles on top (first page only), then every article, newest first, in pages.
struct HomePage {
    struct Model {
        var featured: [Article] = []
        var articles: [Article]
        var page = 1
        var total: Int
        var sections: [Topic] = []
        /// "Đọc nhiều" and "Bàn luận sôi nổi", on the first page.
        var boxes = Readership.Boxes()
    }

    static let pageSize = 20

    /// A page of the home page's list.
    static func link(page: Int) -> String { SiteRoute.home.path((.page, page > 1 ? String(page) : nil)) }

    let model: Model

    func render() -> Node {
        let title = model.page > 1 ? "\(Strings.homeTitle) – trang \(model.page)" : Strings.siteName
        let canonical = Self.link(page: model.page)
        return Layout.page(title: title, description: Strings.siteTagline, canonicalPath: canonical, sections: model.sections) {
            if !model.featured.isEmpty {
                el("section", .class("featured"), .ariaLabel("Tin nổi bật")) {
                    el("h2", .class("section-title")) { "Nổi bật" }
                    Teasers(articles: model.featured, lead: true).render()
                }
            }
            el("h1", .class("section-title")) { Strings.homeTitle }
            if model.articles.isEmpty && model.featured.isEmpty {
                el("p", .class("muted")) { Strings.homeEmpty }
            } else {
                Teasers(articles: model.articles, lead: model.featured.isEmpty && model.page == 1).render()
            }
            Pagination(page: model.page, total: model.total, pageSize: Self.pageSize, link: Self.link).render()
            if model.page == 1 { Highlights.boxes(model.boxes, counts: true) }
        }
    }
}

/// A category's, tag's or author's page: its articles, newest first, in pages; a category offers its own feeds.
struct TopicPage {
    struct Model {
        var topic: Topic
        var articles: [Article]
        var page: Int
        var total: Int
        var sections: [Topic]
        /// The topic's own "Đọc nhiều" and "Bàn luận sôi nổi".
        var boxes = Readership.Boxes()
    }

    let model: Model

    func render() -> Node {
        let topic = model.topic
        let heading = topic.kind == .author ? "Bài của \(topic.name)" : topic.name
        let link = { (page: Int) in SiteRoute.topic(topic.kind, slug: topic.slug).path((.page, page > 1 ? String(page) : nil)) }
        let rss = SiteRoute.feed(.rss, category: topic.slug).path
        let atom = SiteRoute.feed(.atom, category: topic.slug).path
        let feeds =
            topic.kind == .category
            ? [
                Layout.Feed(title: "\(Strings.siteName) – \(topic.name)", rss: rss, atom: atom),
                .site,
            ]
            : [.site]
        return Layout.page(
            title: model.page > 1 ? "\(heading) – trang \(model.page)" : heading,
            description: "\(topic.kind.label) \(topic.name) – \(Strings.siteName)", canonicalPath: link(model.page), feeds: feeds,
            sections: model.sections
        ) {
            el("p", .class("kicker")) { topic.kind.label }
            el("h1", .class("section-title")) { heading }
            if model.articles.isEmpty {
                el("p", .class("muted")) { "Chưa có bài viết nào." }
            } else {
                Teasers(articles: model.articles, lead: false).render()
            }
            Pagination(page: model.page, total: model.total, pageSize: HomePage.pageSize, link: link).render()
            Highlights.boxes(model.boxes, counts: true)
            if topic.kind == .category {
                el("p", .class("topic-feeds")) {
                    "Theo dõi chuyên mục: "
                    el("a", .href(rss)) { "RSS" }
                    " · "
                    el("a", .href(atom)) { "Atom" }
                }
            }
        }
    }
}

/// A list of articles as teasers: cover, category, title, sapo, date and authors.
struct Teasers {
    let articles: [Article]
    /// The first one larger, as the lead.
    let lead: Bool

    func render() -> Node {
        el("ol", .class("article-list")) {
            for (position, article) in articles.enumerated() {
                el("li", .class(lead && position == 0 ? "teaser teaser-lead" : "teaser")) {
                    if let cover = article.leadImage {
                        el("a", .class("teaser-cover"), .href(article.path), Attribute("tabindex", "-1"), Attribute("aria-hidden", "true"))
                        {
                            void("img", Attribute("src", cover), Attribute("alt", ""), Attribute("loading", "lazy"))
                        }
                    }
                    if let category = article.category {
                        el("p", .class("kicker")) { el("a", .href(category.path)) { category.name } }
                    }
                    el("h2", .class("teaser-title")) { el("a", .href(article.path)) { article.title } }
                    el("p", .class("teaser-sapo")) { article.sapo }
                    el("p", .class("teaser-meta")) {
                        el("time", .datetime(VietnameseFormat.iso8601(article.publishedAt))) {
                            VietnameseFormat.dateLine(article.publishedAt)
                        }
                        if !article.authors.isEmpty { " · " + article.authors.map(\.name).joined(separator: ", ") }
                    }
                }
            }
        }
    }
}
