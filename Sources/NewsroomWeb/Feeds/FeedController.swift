import Foundation
import Hummingbird
import NIOCore
import NewsroomCore

/// What feed readers and search engines fetch: RSS 2.0 and Atom for the site, the sitemap, the Google News sitemap
/// (the last two days' articles) and `robots.txt` pointing at both sitemaps. Links are absolute, from
/// `AppConfig.baseURL`.
struct FeedController {
    let repository: any ArticleRepository
    let cache: SiteCache
    /// The site's public address, for absolute links.
    let base: String
    let now: @Sendable () -> Date
    /// Articles a feed lists, newest first.
    static let feedSize = 50
    /// The most addresses one sitemap file may hold (sitemaps.org).
    static let sitemapSize = 50_000

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.feed(.rss, category: nil).pattern) { request, _ in try await rss(request, channel: .site) }
        router.get(SiteRoute.feed(.atom, category: nil).pattern) { request, _ in try await atom(request, channel: .site) }
        router.get(SiteRoute.feed(.rss, category: "").pattern) { request, context in
            try await rss(request, channel: try await category(context))
        }
        router.get(SiteRoute.feed(.atom, category: "").pattern) { request, context in
            try await atom(request, channel: try await category(context))
        }
        router.get(SiteRoute.sitemap.pattern, use: sitemap)
        router.get(SiteRoute.newsSitemap.pattern, use: newsSitemap)
        router.get(SiteRoute.robots.pattern, use: robots)
    }

    /// What a feed lists: the whole site, or one category.
    struct Channel: Sendable {
        var title: String
        var description: String
        /// The category's slug; nil for the whole site.
        var category: String?
        var filter: ArticleFilter

        static let site = Channel(title: Strings.siteName, description: Strings.siteTagline, category: nil, filter: .all)

        /// The page the feed follows.
        var page: SiteRoute { category.map { .topic(.category, slug: $0) } ?? .home }

        func feed(_ format: SiteRoute.FeedFormat) -> SiteRoute { .feed(format, category: category) }
    }

    func category(_ context: NewsroomRequestContext) async throws -> Channel {
        guard let slug = context.parameters.get("slug"), let topic = try await repository.topic(.category, slug: slug)
        else { throw NewsroomError(.notFound) }
        return Channel(
            title: "\(Strings.siteName) – \(topic.name)", description: "Chuyên mục \(topic.name) của \(Strings.siteName)",
            category: topic.slug, filter: .topic(.category, slug: topic.slug))
    }

    func link(_ article: Article) -> String { base + article.path }

    func rss(_ request: Request, channel: Channel) async throws -> Response {
        try await cached("rss:" + (channel.category ?? ""), type: "application/rss+xml; charset=utf-8", request: request) { [self] in
            let articles = try await repository.published(channel.filter, limit: Self.feedSize, offset: 0)
            var xml = XMLWriter()
            xml.open(
                "rss", ["version": "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom", "xmlns:dc": "http://purl.org/dc/elements/1.1/"])
            xml.open("channel")
            xml.element("title", channel.title)
            xml.element("link", base + channel.page.path)
            xml.element("description", channel.description)
            xml.element("language", "vi")
            xml.empty("atom:link", ["href": base + channel.feed(.rss).path, "rel": "self", "type": "application/rss+xml"])
            if let newest = articles.first { xml.element("lastBuildDate", VietnameseFormat.rfc822(newest.updatedAt)) }
            for article in articles {
                xml.open("item")
                xml.element("title", article.title)
                xml.element("link", link(article))
                xml.element("guid", link(article), ["isPermaLink": "true"])
                xml.element("pubDate", VietnameseFormat.rfc822(article.publishedAt))
                xml.element("description", article.sapo)
                for author in article.authors { xml.element("dc:creator", author.name) }
                if let category = article.category { xml.element("category", category.name) }
                xml.close("item")
            }
            xml.close("channel")
            xml.close("rss")
            return xml
        }
    }

    func atom(_ request: Request, channel: Channel) async throws -> Response {
        try await cached("atom:" + (channel.category ?? ""), type: "application/atom+xml; charset=utf-8", request: request) { [self] in
            let articles = try await repository.published(channel.filter, limit: Self.feedSize, offset: 0)
            let home = base + channel.page.path
            var xml = XMLWriter()
            xml.open("feed", ["xmlns": "http://www.w3.org/2005/Atom", "xml:lang": "vi"])
            xml.element("id", home)
            xml.element("title", channel.title)
            xml.element("subtitle", channel.description)
            xml.element("updated", VietnameseFormat.iso8601(articles.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)))
            xml.empty("link", ["href": base + channel.feed(.atom).path, "rel": "self", "type": "application/atom+xml"])
            xml.empty("link", ["href": home, "rel": "alternate", "type": "text/html"])
            xml.open("author")
            xml.element("name", Strings.siteName)
            xml.close("author")
            for article in articles {
                xml.open("entry")
                xml.element("id", link(article))
                xml.element("title", article.title)
                xml.empty("link", ["href": link(article), "rel": "alternate", "type": "text/html"])
                xml.element("published", VietnameseFormat.iso8601(article.publishedAt))
                xml.element("updated", VietnameseFormat.iso8601(article.updatedAt))
                xml.element("summary", article.sapo)
                for author in article.authors {
                    xml.open("author")
                    xml.element("name", author.name)
                    xml.element("uri", base + author.path)
                    xml.close("author")
                }
                if let category = article.category { xml.empty("category", ["term": category.slug, "label": category.name]) }
                xml.close("entry")
            }
            xml.close("feed")
            return xml
        }
    }

    @Sendable func sitemap(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try await cached("sitemap", type: "application/xml; charset=utf-8", request: request) { [self] in
            let articles = try await repository.latest(limit: Self.sitemapSize, offset: 0)
            var xml = XMLWriter()
            xml.open("urlset", ["xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"])
            xml.open("url")
            xml.element("loc", base + "/")
            xml.close("url")
            for article in articles {
                xml.open("url")
                xml.element("loc", link(article))
                xml.element("lastmod", VietnameseFormat.iso8601(article.updatedAt))
                xml.close("url")
            }
            for category in try await repository.topics(.category) {
                xml.open("url")
                xml.element("loc", base + category.path)
                xml.close("url")
            }
            xml.close("urlset")
            return xml
        }
    }

    /// Google News: only articles published in the last two days.
    @Sendable func newsSitemap(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        try await cached("sitemap-news", type: "application/xml; charset=utf-8", request: request) { [self] in
            let since = now().addingTimeInterval(-2 * 86_400)
            let articles = try await repository.latest(limit: 1000, offset: 0).filter { $0.publishedAt >= since }
            var xml = XMLWriter()
            xml.open(
                "urlset",
                ["xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9", "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9"])
            for article in articles {
                xml.open("url")
                xml.element("loc", link(article))
                xml.open("news:news")
                xml.open("news:publication")
                xml.element("news:name", Strings.siteName)
                xml.element("news:language", "vi")
                xml.close("news:publication")
                xml.element("news:publication_date", VietnameseFormat.iso8601(article.publishedAt))
                xml.element("news:title", article.title)
                xml.close("news:news")
                xml.close("url")
            }
            xml.close("urlset")
            return xml
        }
    }

    @Sendable func robots(_ request: Request, context: NewsroomRequestContext) async throws -> Response {
        let text = """
            User-agent: *
            Allow: /
            Disallow: \(SiteRoute.staffPrefix)/
            Disallow: \(SiteRoute.apiModerationComments.path)

            Sitemap: \(base)\(SiteRoute.sitemap.path)
            Sitemap: \(base)\(SiteRoute.newsSitemap.path)

            """
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The document with a digest validator, cached for five minutes.
    /// The document under `key` from the site cache, built by `build` when it is not there.
    func cached(
        _ key: String, type: String, request: Request, build: @escaping @Sendable () async throws -> XMLWriter
    ) async throws -> Response {
        let body = try await cache.body(for: key, now: now()) { ByteBuffer(string: try await build().text) }
        return Self.response(body, type: type, request: request)
    }

    static func response(_ body: ByteBuffer, type: String, request: Request) -> Response {
        let page = Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"], body: .init(byteBuffer: body))
        return Validators.respond(to: request, with: page, body: body)
    }
}

/// Writes an XML document: element names and attribute names come from our source; text and attribute values are
/// always escaped.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<\(name)\(Self.attributes(attributes))>"
    }

    mutating func close(_ name: String) { text += "</\(name)>\n" }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        text += "<\(name)\(Self.attributes(attributes))/>"
    }

    mutating func element(_ name: String, _ content: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>"
    }

    static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    /// HTML's attribute escaping (`Escape`), whose five entities XML reads the same, after dropping the control
    /// characters XML 1.0 forbids (HTML tolerates them; an XML parser stops at them).
    static func escape(_ value: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in value.unicodeScalars
        where ["\t", "\n", "\r"].contains(scalar) || (scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF) {
            allowed.append(scalar)
        }
        var bytes: [UInt8] = []
        Escape.attribute(String(allowed), into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
