import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// RSS, Atom, the sitemaps and robots.txt: each parses as XML and carries what its format requires.
@Suite struct FeedTests {
    static let site = "https://bao.example.vn"

    /// An old article (three days before `Fixtures.now`), a new one whose title needs escaping, and the router.
    func withFeeds(_ body: @escaping @Sendable (any TestClientProtocol, [Article]) async throws -> Void) async throws {
        try await TestStore.with { store in
            let old = try await store.articles.save(
                Fixtures.draft(title: "Hội An lên đèn"), now: Fixtures.now.addingTimeInterval(-3 * 86_400)
            ).article
            let new = try await store.articles.save(Fixtures.draft(title: "Giá xăng giảm <2%> & tăng trở lại"), now: Fixtures.now).article
            var config = AppConfig(moderation: .post, commentLimits: [], secret: testSecret)
            config.publicURL = Self.site + "/"
            let app = Application(router: buildRouter(config, store: store, now: { Fixtures.now }))
            try await app.test(.router) { client in try await body(client, [new, old]) }
        }
    }

    func document(_ client: any TestClientProtocol, _ path: String, type: String) async throws -> XMLDocument {
        try await client.execute(uri: path, method: .get) { response throws in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
            return try XMLDocument(data: Data(response.body.readableBytesView))
        }
    }

    func texts(_ document: XMLDocument, _ name: String) throws -> [String] {
        try document.nodes(forXPath: "//*[local-name()='\(name)']").map { $0.stringValue ?? "" }
    }

    @Test func rssHasTheChannelAndAnItemPerArticle() async throws {
        try await withFeeds { client, articles in
            let rss = try await document(client, "/rss.xml", type: "application/rss+xml; charset=utf-8")
            #expect(rss.rootElement()?.name == "rss" && rss.rootElement()?.attribute(forName: "version")?.stringValue == "2.0")
            let channel = try #require(try rss.nodes(forXPath: "/rss/channel").first)
            for required in ["title", "link", "description"] {
                #expect(try channel.nodes(forXPath: required).count == 1, "channel needs \(required)")
            }
            #expect(try texts(rss, "title").dropFirst() == articles.map(\.title)[...], "newest first, escaped text intact")
            #expect(try rss.nodes(forXPath: "/rss/channel/item/link").map { $0.stringValue ?? "" } == articles.map { Self.site + $0.path })
            #expect(try rss.nodes(forXPath: "/rss/channel/item/guid").count == 2)
            let date = try #require(try rss.nodes(forXPath: "/rss/channel/item/pubDate").first?.stringValue)
            #expect(date == "Sun, 29 Nov 2026 16:00:00 +0700")
        }
    }

    @Test func atomHasTheFeedAndAnEntryPerArticle() async throws {
        try await withFeeds { client, articles in
            let atom = try await document(client, "/atom.xml", type: "application/atom+xml; charset=utf-8")
            #expect(atom.rootElement()?.name == "feed")
            for required in ["id", "title", "updated"] {
                #expect(try atom.nodes(forXPath: "/*/*[local-name()='\(required)']").count == 1, "feed needs \(required)")
            }
            let entries = try atom.nodes(forXPath: "//*[local-name()='entry']")
            #expect(entries.count == 2)
            for entry in entries {
                for required in ["id", "title", "updated", "link"] {
                    #expect(try entry.nodes(forXPath: "*[local-name()='\(required)']").count == 1, "entry needs \(required)")
                }
            }
            #expect(try texts(atom, "updated").first == "2026-11-29T16:00:00+07:00")
            #expect(try texts(atom, "id").dropFirst() == articles.map { Self.site + $0.path }[...])
        }
    }

    @Test func theSitemapListsHomeAndEveryArticleAndTheNewsSitemapOnlyTheLastTwoDays() async throws {
        try await withFeeds { client, articles in
            let sitemap = try await document(client, "/sitemap.xml", type: "application/xml; charset=utf-8")
            #expect(try texts(sitemap, "loc") == [Self.site + "/"] + articles.map { Self.site + $0.path })
            #expect(try texts(sitemap, "lastmod").count == 2)

            let news = try await document(client, "/sitemap-news.xml", type: "application/xml; charset=utf-8")
            #expect(try texts(news, "loc") == [Self.site + articles[0].path])
            #expect(try texts(news, "name") == [Strings.siteName])
            #expect(try texts(news, "language") == ["vi"])
            #expect(try texts(news, "publication_date") == ["2026-11-29T16:00:00+07:00"])
            #expect(try texts(news, "title") == [articles[0].title])
        }
    }

    @Test func robotsPointsAtBothSitemapsAndKeepsCrawlersOutOfTheDesk() async throws {
        try await withFeeds { client, _ in
            try await client.execute(uri: "/robots.txt", method: .get) { response in
                let lines = response.body.text.split(separator: "\n").map(String.init)
                #expect(lines.contains("Sitemap: \(Self.site)/sitemap.xml"))
                #expect(lines.contains("Sitemap: \(Self.site)/sitemap-news.xml"))
                #expect(lines.contains("Disallow: /admin/"))
            }
        }
    }

    @Test func pagesAnnounceTheFeeds() async throws {
        try await withFeeds { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.body.text.contains(#"<link rel="alternate" type="application/rss+xml" href="/rss.xml""#))
                #expect(response.body.text.contains(#"<link rel="alternate" type="application/atom+xml" href="/atom.xml""#))
            }
        }
    }

    @Test func xmlTextIsEscapedAndForbiddenCharactersDropped() {
        #expect(XMLWriter.escape("a < b & \"c\" 'd' > e\u{0001}") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e")
        #expect(VietnameseFormat.rfc822(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 07:00:00 +0700")
    }
}
