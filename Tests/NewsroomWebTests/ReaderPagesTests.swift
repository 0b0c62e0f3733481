import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What readers, feed readers and search engines get from what editors publish: metadata, category feeds, paged
/// listings with validators, and links in comments.
@Suite struct ReaderPagesTests {
    @Test func articlePagesCarryOpenGraphAndNewsArticleJSONLD() async throws {
        try await EditorsDeskTests.withDesk { desk in
            let id = try desk.savedID(try await desk.post(EditorsDeskTests.article("Giá vàng \"nhảy múa\" </script> đầu tuần")).location)
            let article = try #require(try await desk.store.articles.article(id: id))
            let html = try await desk.get(article.path).body
            let url = "https://bao.example.vn\(article.path)"
            #expect(html.contains("<link rel=\"canonical\" href=\"\(url)\">"))
            #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
            #expect(html.contains("<meta property=\"article:section\" content=\"Thời sự\">"))
            #expect(html.contains("<meta property=\"article:tag\" content=\"Giao thông\">"))
            #expect(
                html.contains("<meta property=\"article:published_time\" content=\"\(VietnameseFormat.iso8601(article.publishedAt))\">"))

            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let ld = try #require(
                try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
            #expect(ld["@context"] as? String == "https://schema.org")
            #expect(ld["@type"] as? String == "NewsArticle")
            #expect(ld["headline"] as? String == "Giá vàng \"nhảy múa\" </script> đầu tuần")
            #expect(ld["mainEntityOfPage"] as? String == url)
            for key in ["datePublished", "dateModified"] {
                let value = try #require(ld[key] as? String)
                #expect(value.hasSuffix("+07:00"), "\(key)")
                #expect(ISO8601DateFormatter().date(from: value) != nil, "\(key)")
            }
            let authors = try #require(ld["author"] as? [[String: Any]])
            #expect(authors.map { $0["@type"] as? String } == ["Person", "Person"])
            #expect(authors.first?["name"] as? String == "Minh Châu")
            #expect(authors.first?["url"] as? String == "https://bao.example.vn/tac-gia/minh-chau")
            let publisher = try #require(ld["publisher"] as? [String: Any])
            #expect(publisher["@type"] as? String == "Organization" && publisher["name"] as? String == Strings.siteName)
            #expect(ld["image"] as? [String] == [])
        }
    }

    @Test func eachCategoryHasItsOwnFeeds() async throws {
        try await EditorsDeskTests.withDesk { desk in
            _ = try await desk.post(EditorsDeskTests.article("Tin thời sự"))
            _ = try await desk.post(EditorsDeskTests.article("Tin thể thao").map { $0.0 == "category" ? ("category", "Thể thao") : $0 })
            for (path, root) in [("/chuyen-muc/the-thao/rss.xml", "rss"), ("/chuyen-muc/the-thao/atom.xml", "feed")] {
                let answer = try await desk.get(path)
                #expect(answer.status == .ok, "\(path)")
                let document = try XMLDocument(data: Data(answer.body.utf8))
                #expect(document.rootElement()?.localName == root)
                let titles = try document.nodes(forXPath: "//*[local-name()='item' or local-name()='entry']/*[local-name()='title']")
                    .compactMap(\.stringValue)
                #expect(titles == ["Tin thể thao"], "\(path)")
            }
            let rss = try XMLDocument(data: Data(try await desk.get("/chuyen-muc/the-thao/rss.xml").body.utf8))
            #expect(try rss.nodes(forXPath: "/rss/channel/title").first?.stringValue == "\(Strings.siteName) – Thể thao")
            #expect(try rss.nodes(forXPath: "/rss/channel/item/category").first?.stringValue == "Thể thao")
            #expect(try await desk.get("/chuyen-muc/khong-co/rss.xml").status == .notFound)
            let page = try await desk.get("/chuyen-muc/the-thao")
            #expect(page.body.contains("href=\"/chuyen-muc/the-thao/rss.xml\""))
            #expect(try await desk.get("/sitemap.xml").body.contains("<loc>https://bao.example.vn/chuyen-muc/the-thao</loc>"))
        }
    }

    @Test func listingsArePagedAndRevalidate() async throws {
        try await EditorsDeskTests.withDesk { desk in
            for number in 1...(HomePage.pageSize + 2) {
                let draft = ArticleDraft(
                    title: "Bài số \(number)", sapo: "Sapo.", body: [.paragraph("Nội dung.")],
                    publishedAt: Fixtures.now.addingTimeInterval(Double(number)), category: "Đời sống")
                _ = try await desk.store.articles.save(draft, now: Fixtures.now)
            }
            let first = try await desk.get("/")
            #expect(first.body.contains("Bài số \(HomePage.pageSize + 2)") && !first.body.contains(">Bài số 1<"))
            #expect(first.body.contains("href=\"/?trang=2\""))
            let second = try await desk.get("/?trang=2")
            #expect(second.body.contains(">Bài số 1<"))
            #expect(try await desk.get("/?trang=3").status == .notFound)
            #expect(try await desk.get("/?trang=abc").status == .notFound)
            #expect(try await desk.get("/chuyen-muc/doi-song?trang=2").body.contains(">Bài số 2<"))

            let etag = try await desk.client.execute(uri: "/", method: .get) { response in try #require(response.headers[.eTag]) }
            try await desk.client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            _ = try await desk.post(EditorsDeskTests.article("Tin mới nhất trong ngày"))
            try await desk.client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
            }
        }
    }

    @Test func linksInCommentsAreMarkedUgcNofollowAndEverythingElseStaysText() async throws {
        try await EditorsDeskTests.withDesk { desk in
            let id = try desk.savedID(
                try await desk.post(EditorsDeskTests.article("Bài cho bình luận có liên kết", extra: [("moderation", "post")])).location)
            let body = "Xem thêm tại https://vi.wikipedia.org/wiki/Hà_Nội. Còn <b>đây</b> thì javascript:alert(1) không phải liên kết."
            let comment = try jsonBody(["author": "Lan", "body": body])
            try await desk.client.execute(uri: "/api/v1/articles/\(id)/comments", method: .post, headers: jsonHeaders, body: comment) {
                response in #expect(response.status == .created)
            }
            let article = try #require(try await desk.store.articles.article(id: id))
            let html = try await desk.get(article.path).body
            #expect(
                html.contains(
                    "<a href=\"https://vi.wikipedia.org/wiki/Hà_Nội\" rel=\"ugc nofollow noopener\">https://vi.wikipedia.org/wiki/Hà_Nội</a>. Còn"
                ))
            #expect(html.contains("&lt;b&gt;đây&lt;/b&gt; thì javascript:alert(1) không"))
        }
    }

    @Test func commentTextLinksOnlyWebAddresses() {
        func render(_ text: String) -> String { String(decoding: Node.fragment(CommentText.nodes(text)).render(), as: UTF8.self) }
        #expect(render("không có liên kết") == "không có liên kết")
        #expect(
            render("(http://a.vn/x?y=1&z=2)")
                == "(<a href=\"http://a.vn/x?y=1&amp;z=2\" rel=\"ugc nofollow noopener\">http://a.vn/x?y=1&amp;z=2</a>)")
        #expect(render("xhttp://a.vn") == "xhttp://a.vn")
        #expect(render("https://") == "https://")
        #expect(
            render("\"https://a.vn\"onmouseover=x")
                == "\"<a href=\"https://a.vn\" rel=\"ugc nofollow noopener\">https://a.vn</a>\"onmouseover=x")
    }
}
