import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// What readers see beside articles, through the pages, on both databases: views counted from the page (cached or
/// not, bots and prefetches left out) move "Đọc nhiều" once the flush interval has passed, published comments move
/// "Bàn luận sôi nổi", and moderators' featured comments lead the list and the API.
@Suite struct HighlightsPageTests {
    static let browser = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"

    static func withSite(
        _ body: @escaping @Sendable (any TestClientProtocol, Store, TestClock) async throws -> Void
    ) async throws {
        try await TestStore.with { store in
            var config = AppConfig(
                moderation: .post, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, bcryptCost: 4, minimumFormSeconds: 0)
            config.viewsFlushInterval = 60
            let clock = TestClock(Fixtures.now)
            let app = Application(router: buildRouter(config, store: store, now: { clock.now }))
            try await app.test(.router) { client in try await body(client, store, clock) }
        }
    }

    static func page(
        _ client: any TestClientProtocol, _ path: String, agent: String? = browser, extra: HTTPFields = [:]
    )
        async throws -> (status: HTTPResponse.Status, etag: String?, body: String)
    {
        var headers = extra
        if let agent { headers[.userAgent] = agent }
        return try await client.execute(uri: path, method: .get, headers: headers) { ($0.status, $0.headers[.eTag], $0.body.text) }
    }

    /// The titles a box lists, in order.
    static func box(_ id: String, in html: String) -> [String] {
        guard let start = html.range(of: "id=\"\(id)\"") else { return [] }
        let rest = html[start.upperBound...]
        let section = rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
        return section.components(separatedBy: "<li><a href=\"").dropFirst().map { item in
            let title = item.split(separator: ">", maxSplits: 1).last ?? ""
            return String(title.prefix { $0 != "<" })
        }
    }

    @Test func viewsThroughThePageMoveMostReadAfterTheFlushInterval() async throws {
        try await Self.withSite { client, store, clock in
            var first = Fixtures.draft(title: "Giá xăng giảm lần thứ ba")
            first.category = "Kinh tế"
            let quiet = try await store.article(first)
            let popular = try await store.article(Fixtures.draft(title: "Mưa lớn ở miền Trung"))
            #expect(Self.box("doc-nhieu", in: try await Self.page(client, "/").body).isEmpty)
            // Three readers' views: rendered, then from the cache, then a 304; one on the other article.
            let rendered = try await Self.page(client, popular.path)
            #expect(rendered.status == .ok)
            #expect(try await Self.page(client, popular.path).status == .ok)
            let revalidated = try await Self.page(client, popular.path, extra: [.ifNoneMatch: try #require(rendered.etag)])
            #expect(revalidated.status == .notModified)
            _ = try await Self.page(client, quiet.path)
            // Robots, prefetches and requests without a User-Agent are not readers.
            for _ in 0..<5 {
                _ = try await Self.page(
                    client, quiet.path, agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                _ = try await Self.page(client, quiet.path, extra: [.init("Sec-Purpose")!: "prefetch;prerender"])
                _ = try await Self.page(client, quiet.path, agent: nil)
                _ = try await Self.page(client, quiet.path, agent: "curl/8.5.0")
            }
            // Counted in memory: nothing shows before the interval has passed.
            clock.advance(by: 30)
            #expect(Self.box("doc-nhieu", in: try await Self.page(client, "/").body).isEmpty)
            clock.advance(by: 31)
            let home = try await Self.page(client, "/").body
            #expect(Self.box("doc-nhieu", in: home) == ["Mưa lớn ở miền Trung", "Giá xăng giảm lần thứ ba"])
            #expect(home.contains("3 lượt đọc") && home.contains("1 lượt đọc"))
            #expect(try await store.highlights.mostRead(since: .distantPast, topic: nil, limit: 5).map(\.count) == [3, 1])
            // The article page shows the box too, and its validator changed with it: the old one gets the new page.
            let article = try await Self.page(client, quiet.path, extra: [.ifNoneMatch: try #require(rendered.etag)])
            #expect(article.status == .ok)
            #expect(Self.box("doc-nhieu", in: article.body) == ["Mưa lớn ở miền Trung", "Giá xăng giảm lần thứ ba"])
            // A topic page ranks its own articles only.
            #expect(Self.box("doc-nhieu", in: try await Self.page(client, "/chuyen-muc/kinh-te").body) == ["Giá xăng giảm lần thứ ba"])
        }
    }

    @Test func publishedCommentsMoveMostDiscussed() async throws {
        try await Self.withSite { client, store, clock in
            let calm = try await store.article(Fixtures.draft(title: "Lịch nghỉ Tết Nguyên đán"))
            let busy = try await store.article(Fixtures.draft(title: "Tăng lương tối thiểu vùng"))
            for (index, article) in [busy, busy, calm].enumerated() {
                let body = try jsonBody(["author": "Độc giả \(index)", "body": "Ý kiến thứ \(index) về chuyện này."])
                try await client.execute(
                    uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: reader("doc-gia-\(index)"), body: body
                ) { #expect($0.status == .created) }
            }
            clock.advance(by: 61)
            let home = try await Self.page(client, "/").body
            #expect(Self.box("ban-luan-soi-noi", in: home) == ["Tăng lương tối thiểu vùng", "Lịch nghỉ Tết Nguyên đán"])
            #expect(home.contains("2 bình luận"))
            for index in 0..<2 {
                let body = try jsonBody(["author": "Người đọc \(index)", "body": "Thêm ý kiến số \(index) nữa nhé."])
                try await client.execute(
                    uri: "/api/v1/articles/\(calm.id)/comments", method: .post, headers: reader("khac-\(index)"), body: body
                ) { #expect($0.status == .created) }
            }
            clock.advance(by: 61)
            #expect(
                Self.box("ban-luan-soi-noi", in: try await Self.page(client, "/").body) == [
                    "Lịch nghỉ Tết Nguyên đán", "Tăng lương tối thiểu vùng",
                ])
        }
    }

    @Test func readersAreToldFromRobotsByTheirUserAgent() {
        func reader(_ agent: String?) -> Bool {
            var headers: HTTPFields = [:]
            if let agent { headers[.userAgent] = agent }
            return Readership.isReader(headers)
        }
        #expect(reader(Self.browser))
        #expect(reader("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari/604.1"))
        for robot in [
            "Mozilla/5.0 (compatible; bingbot/2.0)", "facebookexternalhit/1.1", "Mozilla/5.0 (compatible; YandexBot/3.0)",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0)", "python-requests/2.31",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36", "Wget/1.21", "",
        ] {
            #expect(!reader(robot), "\(robot)")
        }
        #expect(!reader(nil))
    }
}
