import Foundation
import Testing

@testable import NewsroomCore

@Suite("Article paths, permalinks and cursors")
struct CursorAndPathTests {
    // MARK: Article paths

    @Test(
        "the id is read from the last dash of a path component",
        arguments: [
            ("2025-mua-lua-boi-thu-1", 1), ("da-lat-mua-hoa-42", 42), ("covid-19-tin-moi-7", 7),
            ("bai-viet-9007199254740993", 9_007_199_254_740_993), ("12", 12),
        ] as [(String, Int64)])
    func readsID(component: String, id: Int64) {
        #expect(Article.id(fromPathComponent: component) == id)
    }

    @Test(
        "components that are not article paths give nil",
        arguments: [
            "abc", "x-0", "x-12a", "x-", "-", "", "0", "x-1.5", "x-١٢", "x-99999999999999999999", "x- 3",
            "da-lat",
        ])
    func rejectsComponent(component: String) {
        #expect(Article.id(fromPathComponent: component) == nil)
    }

    @Test("an article's path is /{slug}-{id} and reads back to its id")
    func articlePath() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let article = Article(
            id: 1, slug: "2025-mua-lua-boi-thu", title: "Tiêu đề", sapo: "Sapo.", body: [], publishedAt: date,
            updatedAt: date)
        #expect(article.path == "/2025-mua-lua-boi-thu-1")
        #expect(Article.path(slug: "da-lat", id: 305) == "/da-lat-305")
        #expect(Article.id(fromPathComponent: String(article.path.dropFirst())) == 1)
        #expect(article.commentsOpen)
    }

    @Test("a slug ending in digits still yields the id, not the digits of the slug")
    func slugWithTrailingDigits() {
        let path = Article.path(slug: VietnameseText.slug("Kỳ họp thứ 6"), id: 88)
        #expect(path == "/ky-hop-thu-6-88")
        #expect(Article.id(fromPathComponent: String(path.dropFirst())) == 88)
    }

    @Test("a comment's permalink is the article path with #binh-luan-{id}")
    func permalink() {
        let comment = Comment(
            id: 17, articleID: 1, author: "Hà", body: "Hay.", status: .published, createdAt: Date(timeIntervalSince1970: 0))
        #expect(comment.anchor == "binh-luan-17")
        #expect(Comment.anchor(3) == "binh-luan-3")
        #expect(comment.permalink(articlePath: "/da-lat-305") == "/da-lat-305#binh-luan-17")
    }

    @Test("a draft takes its slug from the title unless one is given")
    func draftSlug() {
        let draft = ArticleDraft(title: "  Đà   Lạt mùa hoa  ", sapo: " Sapo ", body: [])
        #expect(draft.title == "Đà Lạt mùa hoa")
        #expect(draft.sapo == "Sapo")
        #expect(draft.slug == "da-lat-mua-hoa")
        #expect(ArticleDraft(slug: "Tên Riêng", title: "Khác", sapo: "", body: []).slug == "ten-rieng")
    }

    @Test("the moderation mode decides a new comment's status")
    func moderationInitialStatus() {
        #expect(ModerationMode.pre.initialStatus == .pending)
        #expect(ModerationMode.post.initialStatus == .published)
    }

    // MARK: Cursors

    @Test(
        "a cursor prints and parses back to itself",
        arguments: [
            Cursor(id: 345), Cursor(key: 12, id: 345), Cursor(id: 0), Cursor(key: 0, id: 1), Cursor(key: -3, id: 4),
            Cursor(key: Int64.max, id: Int64.max), Cursor(key: 1_700_000_000_123, id: 9),
        ])
    func cursorRoundTrip(cursor: Cursor) throws {
        let parsed = try #require(Cursor(cursor.description))
        #expect(parsed == cursor)
    }

    @Test("a cursor is written {key}.{id}, or {id} alone")
    func cursorDescription() throws {
        #expect(Cursor(key: 12, id: 345).description == "12.345")
        #expect(Cursor(id: 345).description == "345")
        let parsed = try #require(Cursor("12.345"))
        #expect(parsed.key == 12)
        #expect(parsed.id == 345)
        let bare = try #require(Cursor("345"))
        #expect(bare.key == nil)
        #expect(bare.id == 345)
    }

    @Test(
        "anything Newsroom did not write is refused",
        arguments: [
            "a", "1.2.3", "-1", "", ".", "1.", ".1", "1.-2", "1.a", "a.1", " 1", "1 ", "1,2", "0x10",
            "99999999999999999999", "1..2",
        ])
    func cursorRejects(text: String) {
        #expect(Cursor(text) == nil)
    }
}
