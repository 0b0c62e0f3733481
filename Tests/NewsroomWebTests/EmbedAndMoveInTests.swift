import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Embedded comment sections (the frame, who may have one, who may frame it, the sign-in of a host site) and the old
/// addresses of articles that moved in from WordPress.
@Suite struct EmbedAndMoveInTests {
    static let host = "https://bao.example.vn"
    static let secret = "khoa-chung-cua-trang-bao-va-toa-soan-2026"

    static func withEmbeds<T>(_ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> T) async throws -> T {
        try await TestStore.with { store in
            var config = AppConfig(moderation: .post, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, minimumFormSeconds: 0)
            config.embed = EmbedSettings(origins: [host, "http://127.0.0.1:9000"], secret: secret)
            let app = Application(router: buildRouter(config, store: store, now: { Fixtures.now }))
            return try await app.test(.router) { client in try await body(client, store) }
        }
    }

    static func frame(_ url: String, title: String = "Tiêu đề") -> String {
        SiteRoute.embedFrame.path((.url, url), (.title, title))
    }

    @Test func aListedSitesPageGetsOneThreadWhateverItsAddressCarries() async throws {
        try await Self.withEmbeds { client, store in
            let first = try await client.execute(
                uri: Self.frame("HTTPS://Bao.Example.vn/tin/cau-moi.html?utm_source=fb&trang=2#binh-luan"), method: .get)
            #expect(first.status == .ok)
            let policy = try #require(first.headers[.contentSecurityPolicy])
            #expect(policy.contains("frame-ancestors https://bao.example.vn http://127.0.0.1:9000"))
            #expect(first.headers[HTTPField.Name("X-Frame-Options")!] == nil)
            #expect(first.body.text.contains("data-embed-origins=\"https://bao.example.vn http://127.0.0.1:9000\""))
            #expect(first.body.text.contains(Strings.empty))
            // The same page spelled otherwise is the same thread.
            let again = try await client.execute(
                uri: Self.frame("https://bao.example.vn:443/tin/cau-moi.html?trang=2&utm_medium=social"), method: .get)
            #expect(again.status == .ok)
            let threads = try await store.articles.desk(DeskArticleFilter(), limit: 10, offset: 0).articles
            #expect(threads.count == 1)
            let thread = try #require(threads.first)
            #expect(thread.embed == EmbeddedThread(url: "https://bao.example.vn/tin/cau-moi.html?trang=2", site: Self.host))
            #expect(thread.title == "Tiêu đề")
            // Never an article of this site: not on the home page, in feeds or in search.
            #expect(try await store.articles.publishedCount(.all) == 0)
            let home = try await client.execute(uri: "/", method: .get)
            #expect(!home.body.text.contains("Tiêu đề"))
            // The link for readers without JavaScript leads to the thread's own page.
            let page = try await client.execute(
                uri: SiteRoute.embedThread.path((.url, "https://bao.example.vn/tin/cau-moi.html?trang=2")), method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == thread.path)
            let threadPage = try await client.execute(uri: thread.path, method: .get)
            #expect(threadPage.body.text.contains("https://bao.example.vn/tin/cau-moi.html?trang=2"))
        }
    }

    @Test func anotherSitesPageOrAnAddressThatIsNotAPageGetsNothing() async throws {
        try await Self.withEmbeds { client, store in
            for url in ["https://evil.example/tin.html", "https://bao.example.vn.evil.example/x", "http://bao.example.vn/x"] {
                let response = try await client.execute(uri: Self.frame(url), method: .get)
                #expect(response.status == .forbidden, "\(url)")
                #expect(response.body.text.contains(Strings.embedNotAllowed))
            }
            for url in ["", "javascript:alert(1)", "/tin.html", "ftp://bao.example.vn/x"] {
                let response = try await client.execute(uri: Self.frame(url), method: .get)
                #expect(response.status == .badRequest, "\(url)")
            }
            #expect(try await store.articles.count() == 0)
            // Every other page still refuses to be framed by anyone else.
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'self'") == true)
            #expect(home.headers[HTTPField.Name("X-Frame-Options")!] == "SAMEORIGIN")
        }
    }

    @Test func aHostSiteSignsItsReaderInAndOnlyItsSignatureCounts() async throws {
        try await Self.withEmbeds { client, store in
            _ = try await client.execute(uri: Self.frame("https://bao.example.vn/tin/a.html"), method: .get)
            let thread = try #require(try await store.articles.desk(DeskArticleFilter(), limit: 1, offset: 0).articles.first)
            func post(_ token: String) async throws -> TestResponse {
                try await client.execute(
                    uri: SiteRoute.apiArticleComments(thread.id).path, method: .post, headers: [.contentType: "application/json"],
                    body: try jsonBody(["author": "Tên gõ vào", "body": "Ý kiến của tôi về bài này.", "signIn": token]))
            }
            let expiry = Date().addingTimeInterval(3600)
            let good = try await EmbedSignIn.sign(
                .init(id: "doc-gia-7", name: "Đặng Thu Trang", email: "trang@bao.example.vn"), expires: expiry, secret: Self.secret)
            let created = try await post(good)
            #expect(created.status == .created)
            let comment = try #require(try json(created.body)["comment"] as? [String: Any])
            #expect(comment["author"] as? String == "Đặng Thu Trang")
            #expect(comment["verified"] as? Bool == true)
            #expect(try await store.comments.comment(id: comment["id"] as! Int64)?.email == "trang@bao.example.vn")
            let list = try await client.execute(uri: SiteRoute.apiArticleComments(thread.id).path, method: .get)
            #expect(list.body.text.contains("\"verified\":true"))
            let page = try await client.execute(uri: thread.path, method: .get)
            #expect(page.body.text.contains(Strings.verified))

            let forged = try await EmbedSignIn.sign(
                .init(id: "x", name: "Mạo Danh"), expires: expiry, secret: "mot-khoa-khac-han-mot-khoa-khac-han")
            let expired = try await EmbedSignIn.sign(
                .init(id: "x", name: "Hết Hạn"), expires: Date(timeIntervalSince1970: 1000), secret: Self.secret)
            for token in [forged, expired, "khong.phai.jwt", good.replacingOccurrences(of: ".", with: "x")] {
                let refused = try await post(token)
                #expect(refused.status == .unauthorized)
                #expect(try json(refused.body)["error"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "unauthenticated")
            }
            #expect(try await store.comments.publishedCount(article: thread.id) == 1)
        }
    }

    /// A newspaper that keeps WordPress imports its comments, then embeds the section in its WordPress pages: a page's
    /// permalink finds the article its comments went to. A host path that merely reads like an article's address here
    /// does not.
    @Test func anEmbeddedPermalinkFindsTheImportedCommentsAndNothingElse() async throws {
        try await Self.withEmbeds { client, store in
            let article = try await store.article()
            let importer = ForeignImport(store: store, source: "wordpress:https://bao.example.vn")
            var draft = Fixtures.draft(title: "Cầu mới thông xe")
            draft.publishedAt = Fixtures.now
            let imported = try await importer.save(
                .article(ForeignArticle(externalID: "7", draft: draft, oldPaths: ["/?p=7", "/2024/03/cau-moi"])),
                comments: [
                    ForeignComment(
                        externalID: "70", parentExternalID: nil, author: "Ngọc Ánh", email: nil, authorURL: nil, clientFingerprint: nil,
                        body: "Bình luận cũ từ WordPress", status: .published, createdAt: Fixtures.now)
                ], now: Fixtures.now)
            let permalink = try await client.execute(uri: Self.frame("https://bao.example.vn/2024/03/cau-moi/"), method: .get)
            #expect(permalink.status == .ok)
            #expect(permalink.body.text.contains("Bình luận cũ từ WordPress"))
            let lookalike = try await client.execute(uri: Self.frame("https://bao.example.vn\(article.path)"), method: .get)
            #expect(lookalike.status == .ok)
            #expect(try await store.articles.elsewhere(url: "https://bao.example.vn\(article.path)", ownPaths: false) != article.id)
            #expect(try await store.articles.count() == 3, "the look-alike page got a thread of its own")
            _ = imported
        }
    }

    @Test func oldWordPressAddressesAnswer301ToTheArticle() async throws {
        try await withApp { client, store in
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/wordpress-export.xml")
            let plan = WordPressImport(try WordPressExport.parse(try Data(contentsOf: url)), fingerprint: { "h:\($0)" })
            let importer = ForeignImport(store: store, source: plan.source)
            var paths: [String: String] = [:]
            for entry in plan.entries {
                let outcome = try await importer.save(.article(entry.article), comments: entry.comments, now: Fixtures.now)
                paths[entry.article.externalID] = outcome.article.path
            }
            let festival = try #require(paths["101"])
            for old in ["/?p=101", "/2024/03/le-hoi-phao-hoa-quoc-te-khai-mac/", "/2024/03/le-hoi-phao-hoa-quoc-te-khai-mac"] {
                let response = try await client.execute(uri: old, method: .get)
                #expect(response.status == .movedPermanently, "\(old)")
                #expect(response.headers[.location] == festival, "\(old)")
            }
            // A draft's old address leads nowhere; an unknown address is still 404; the home page is still the home page.
            #expect(try await client.execute(uri: "/2024/03/khong-co-bai-nay/", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/?p=103", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
        }
    }
}
