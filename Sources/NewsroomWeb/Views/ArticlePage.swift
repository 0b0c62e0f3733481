import Foundation
import NewsroomCore

/// An article and, below it, its comment section: the form first, then the comments (as the seed page shows).
struct ArticlePage {
    struct Model {
        var article: Article
        var threads: [CommentThread]
        /// Published comments, replies included.
        var total: Int
        var sort: CommentSort
        var nextCursor: Cursor?
        /// The thread whose replies are all shown ("Xem thêm trả lời" without JavaScript).
        var expandedThread: Comment.ID?
        /// The comment whose reply form is open (without JavaScript, `?tra-loi=ID`).
        var replyingTo: Comment.ID?
        var form: FormState
        var formToken: String
        /// What happened to the reader's last comment, after a redirect.
        var notice: Notice?
        /// The comment the reader has just reported, to thank them next to it.
        var reported: Comment.ID?
        /// The newest comment-section event the page reflects; its live stream resumes after it (nil: from when the
        /// stream opens).
        var latestEvent: Int64?
        /// The site's address for absolute links (canonical, OpenGraph, JSON-LD).
        var baseURL = ""
        /// The categories for the masthead's navigation.
        var sections: [Topic] = []
        /// Featured comments, first page only: a top-level one with its replies, a reply on its own.
        var featured: [CommentThread] = []
        /// "Tin liên quan".
        var related: [ArticleLink] = []
        /// "Đọc nhiều" and "Bàn luận sôi nổi".
        var boxes = Readership.Boxes()

        struct FormState: Equatable {
            var author = ""
            var email = ""
            var body = ""
            var parentID: Comment.ID?
            var error: NewsroomError?
        }

        enum Notice: Equatable {
            case pending(Comment.ID)
            case published(Comment.ID)
        }

        var path: String { SiteRoute.article(slug: article.slug, id: article.id).path }
    }

    let model: Model

    func render() -> Node {
        let article = model.article
        let url = model.baseURL + model.path
        // A thread of another site's page is that page's comment section: the page is the one to index.
        return Layout.page(
            title: article.title, description: article.embed == nil ? article.sapo : nil, canonicalPath: article.embed?.url ?? url,
            head: article.embed == nil
                ? Self.metadata(article, url: url, base: model.baseURL) : [void("meta", .name("robots"), .content("noindex"))],
            sections: model.sections
        ) {
            el("article", .class("article")) {
                el("header", .class("article-header")) {
                    if let category = article.category {
                        el("p", .class("kicker")) { el("a", .href(category.path)) { category.name } }
                    }
                    el("p", .class("article-date")) {
                        el("time", .datetime(VietnameseFormat.iso8601(article.publishedAt))) {
                            VietnameseFormat.dateLine(article.publishedAt)
                        }
                    }
                    el("h1", .class("article-title")) { article.title }
                    if let embed = article.embed {
                        // The comment section of a page on another site: this page is its home for readers without
                        // JavaScript; the article is there.
                        el("p", .class("thread-source")) {
                            "\(Strings.embedOriginal): "
                            el("a", .href(embed.url), .rel("nofollow noopener")) { embed.url }
                        }
                    } else {
                        el("p", .class("sapo")) { article.sapo }
                    }
                }
                if let cover = article.coverImage {
                    el("figure", .class("article-cover")) { void("img", Attribute("src", cover), Attribute("alt", "")) }
                }
                el("div", .class("article-body")) { ArticleBody.blocks(article.body) }
                if !article.authors.isEmpty {
                    el("p", .class("byline")) {
                        for (index, author) in article.authors.enumerated() {
                            if index > 0 { ", " }
                            el("a", .href(author.path), .rel("author")) { author.name }
                        }
                    }
                }
                if !article.tags.isEmpty {
                    el("ul", .class("tags"), .ariaLabel("Chủ đề")) {
                        for tag in article.tags { el("li") { el("a", .href(tag.path), .rel("tag")) { tag.name } } }
                    }
                }
                Highlights.related(model.related)
            }
            CommentSection(model: model).render()
            Highlights.boxes(model.boxes, counts: false)
        }
    }

    /// An image's address as other sites need it: the site's own paths made absolute.
    static func absolute(_ image: String, base: String) -> String { image.hasPrefix("/") ? base + image : image }

    /// OpenGraph with the `article:*` tags, and `NewsArticle` JSON-LD: what search engines and social sites read.
    static func metadata(_ article: Article, url: String, base: String) -> [Node] {
        var head: [Node] = []
        func property(_ name: String, _ value: String) {
            head.append(void("meta", Attribute("property", name), .content(value)))
        }
        property("og:type", "article")
        property("og:site_name", Strings.siteName)
        property("og:locale", "vi_VN")
        property("og:title", article.title)
        property("og:description", article.sapo)
        property("og:url", url)
        if let image = article.leadImage { property("og:image", absolute(image, base: base)) }
        property("article:published_time", VietnameseFormat.iso8601(article.publishedAt))
        property("article:modified_time", VietnameseFormat.iso8601(article.updatedAt))
        if let category = article.category { property("article:section", category.name) }
        for author in article.authors { property("article:author", base + author.path) }
        for tag in article.tags { property("article:tag", tag.name) }
        head.append(el("script", .type("application/ld+json")) { Node.scriptJSON(NewsArticleLD(article, url: url, base: base)) })
        return head
    }
}

/// schema.org `NewsArticle`, as Google reads it: headline, image, dates with +07:00, authors as people with a URL,
/// the publisher.
struct NewsArticleLD: Encodable {
    struct Thing: Encodable {
        var type: String
        var name: String
        var url: String

        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case name, url
        }
    }

    var context = "https://schema.org"
    var type = "NewsArticle"
    var headline: String
    var description: String
    var image: [String]
    var datePublished: String
    var dateModified: String
    var author: [Thing]
    var publisher: Thing
    var mainEntityOfPage: String
    var articleSection: String?
    var keywords: [String]
    var inLanguage = "vi"

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case type = "@type"
        case headline, description, image, datePublished, dateModified, author, publisher, mainEntityOfPage, articleSection
        case keywords, inLanguage
    }

    init(_ article: Article, url: String, base: String) {
        // Google shows at most 110 characters of a headline.
        headline = article.title.count > 110 ? String(article.title.prefix(109)) + "…" : article.title
        description = article.sapo
        image = article.leadImage.map { [ArticlePage.absolute($0, base: base)] } ?? []
        datePublished = VietnameseFormat.iso8601(article.publishedAt)
        dateModified = VietnameseFormat.iso8601(article.updatedAt)
        let authors = article.authors.map { Thing(type: "Person", name: $0.name, url: base + $0.path) }
        author = authors.isEmpty ? [Thing(type: "Organization", name: Strings.siteName, url: base + "/")] : authors
        publisher = Thing(type: "Organization", name: Strings.siteName, url: base + "/")
        mainEntityOfPage = url
        articleSection = article.category?.name
        keywords = article.tags.map(\.name)
    }
}
