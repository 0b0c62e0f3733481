import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

@Suite struct PageTests {
    @Test func homeListsArticlesNewestFirst() async throws {
        try await withApp { client, store in
            var older = Fixtures.draft(title: "Tin hôm qua")
            older.publishedAt = Fixtures.now.addingTimeInterval(-86_400)
            var newer = Fixtures.draft(title: "Tin sáng nay")
            newer.publishedAt = Fixtures.now
            _ = try await store.article(older)
            _ = try await store.article(newer)
            try await client.execute(uri: "/", method: .get) { response throws in
                #expect(response.status == .ok)
                let lines = visibleLines(response.body.text)
                let (inOrder, _) = appearInOrder(["Tin sáng nay", "Tin hôm qua"], in: lines)
                #expect(inOrder)
            }
        }
    }

    @Test func anOutOfDateSlugRedirectsPermanently() async throws {
        try await withApp { client, store in
            let article = try await store.article()
            try await client.execute(uri: "/ten-cu-\(article.id)?sort=top", method: .get) { response throws in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "\(article.path)?sort=top")
            }
        }
    }

    @Test func unknownPagesGetAVietnamese404Page() async throws {
        try await withApp { client, _ in
            for uri in ["/khong-co-bai-nay-999", "/khong-co-gi", "/a/b/c"] {
                try await client.execute(uri: uri, method: .get) { response throws in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let lines = visibleLines(response.body.text)
                    #expect(lines.contains(Strings.notFoundTitle) || lines.contains("Không tìm thấy bài viết."), "\(uri)")
                    #expect(lines.contains(Strings.backHome))
                }
            }
        }
    }

    @Test func serverErrorsRenderTheVietnamese500PageWithoutDetails() {
        let response = ErrorMiddleware.response(for: NewsroomError(.internalError), path: "/bai-viet-1")
        #expect(response.status == .internalServerError)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
    }

    @Test func healthAndStylesheetAnswer() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: SiteRoute.stylesheet.path, method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.headers[.cacheControl]?.contains("immutable") == true)
            }
        }
    }

    @Test func theArticleViewRendersItsMockModel() {
        let lines = visibleLines(ArticlePage(model: .mockEmpty).render().renderString())
        let (inOrder, missing) = appearInOrder(
            ["Hà Nội vào thu", "Gió mùa đầu tiên đã về.", "Sáng nay trời se lạnh.", "Người đi đường", "Tối đa: 1500 ký tự", Strings.empty],
            in: lines)
        #expect(inOrder, "\(missing ?? "")")
    }

    @Test func theHTMLBuilderEscapesTextAndAttributes() {
        let node = el("a", .href("x\" onmouseover=\"alert(1)"), Attribute("title", "'<&>")) { "<b>&amp;</b>" }
        #expect(
            node.renderString()
                == "<a href=\"x&quot; onmouseover=&quot;alert(1)\" title=\"&#39;&lt;&amp;&gt;\">&lt;b&gt;&amp;amp;&lt;/b&gt;</a>")
        #expect(void("input", .required(), .hidden(false), Attribute("value", nil)).renderString() == "<input required>")
    }
}
