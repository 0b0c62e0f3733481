import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

@Suite struct SeedPageTests {
    @Test func theImportedSeedPageShowsTheSeedLinesInOrder() async throws {
        let seed = try Fixtures.seedText()
        let seedLines = seed.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(seedLines.count == 23)
        try await withApp { client, store in
            let article = try await store.article(try PlainTextArticle.parse(seed))
            try await client.execute(uri: article.path, method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = visibleLines(response.body.text)
                let (inOrder, missing) = appearInOrder(seedLines, in: page)
                #expect(inOrder, "missing or out of order: \(missing ?? "")")
                // The article itself (title to last paragraph) is one unbroken run of lines, as on the seed page.
                let articleLines = Array(seedLines.prefix(21))
                let start = try #require(page.firstIndex(of: articleLines[0]))
                #expect(Array(page[start..<min(page.count, start + articleLines.count)]) == articleLines)
                // The comment box's furniture comes after the article, the limit before the empty state.
                let limit = try #require(page.firstIndex(of: "Tối đa: 1500 ký tự"))
                let empty = try #require(page.firstIndex(of: "Hiện chưa có bình luận nào, hãy là người đầu tiên bình luận"))
                #expect(start + articleLines.count <= limit && limit < empty)
            }
        }
    }

    @Test func thePageIsSemanticVietnameseHTML() async throws {
        try await withApp { client, store in
            let article = try await store.article(try PlainTextArticle.parse(try Fixtures.seedText()))
            try await client.execute(uri: article.path, method: .get) { response throws in
                let html = response.body.text
                #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"vi\">"))
                #expect(html.contains("<article class=\"article\">"))
                #expect(html.components(separatedBy: "<h1").count == 2)
                #expect(html.contains("<h2>3 tr"))  // the seed's one subheading is an <h2>
                #expect(html.contains("(GMT+7)</time>"))
                #expect(html.contains("<textarea"))
                #expect(!html.contains("maxlength"))
                #expect(html.contains("class=\"masthead\""))
            }
        }
    }
}
