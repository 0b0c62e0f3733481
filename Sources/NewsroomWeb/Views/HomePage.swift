import NewsroomCore

/// The home page: articles, newest first.
struct HomePage {
    struct Model {
        var articles: [Article]

        static let mock = Model(articles: [
            Article(
                id: 1, slug: "mua-thu-ha-noi", title: "Mùa thu Hà Nội", sapo: "Gió heo may về trên phố.",
                body: [.paragraph("Đoạn một.")], publishedAt: .init(timeIntervalSince1970: 1_700_000_000),
                updatedAt: .init(timeIntervalSince1970: 1_700_000_000))
        ])
    }

    let model: Model

    func render() -> Node {
        Layout.page(title: Strings.siteName, description: Strings.siteTagline, canonicalPath: SiteRoute.home.path) {
            el("h1", .class("section-title")) { Strings.homeTitle }
            if model.articles.isEmpty {
                el("p", .class("muted")) { Strings.homeEmpty }
            } else {
                el("ol", .class("article-list")) {
                    for (position, article) in model.articles.enumerated() {
                        el("li", .class(position == 0 ? "teaser teaser-lead" : "teaser")) {
                            el("h2", .class("teaser-title")) {
                                el("a", .href(SiteRoute.article(slug: article.slug, id: article.id).path)) { article.title }
                            }
                            el("p", .class("teaser-sapo")) { article.sapo }
                            el("p", .class("teaser-meta")) {
                                el("time", .datetime(VietnameseFormat.iso8601(article.publishedAt))) {
                                    VietnameseFormat.dateLine(article.publishedAt)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
