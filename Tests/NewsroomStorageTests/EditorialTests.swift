import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// The editors' desk's storage: statuses, topics, slugs, revisions and scheduled publication, on both databases.
@Suite("Editorial storage")
struct EditorialTests {
    static func draft(
        _ title: String, status: ArticleStatus = .published, at date: Date? = nil, category: String? = "Thời sự",
        tags: [String] = [], authors: [String] = [], slug: String? = nil
    ) -> ArticleDraft {
        ArticleDraft(
            slug: slug, title: title, sapo: "Sapo của bài \(title).", body: [.paragraph("Nội dung \(title).")],
            publishedAt: date, status: status, category: category, tags: tags, authors: authors, markdown: "Nội dung **\(title)**.")
    }

    @Test func onlyPublishedArticlesReachReaders() async throws {
        try await TestStore.with { store in
            let articles = store.articles
            let now = Fixtures.now
            let published = try await articles.edit(nil, Self.draft("Đã đăng"), by: "bt@toasoan.vn", now: now)
            let draft = try await articles.edit(nil, Self.draft("Bản nháp", status: .draft), by: "bt@toasoan.vn", now: now)
            let scheduled = try await articles.edit(
                nil, Self.draft("Hẹn giờ", status: .scheduled, at: now.addingTimeInterval(60)), by: "bt@toasoan.vn", now: now)
            #expect(draft.status == .draft && scheduled.status == .scheduled)
            #expect(try await articles.published(.all, limit: 10, offset: 0).map(\.id) == [published.id])
            #expect(try await articles.publishedCount(.all) == 1)
            #expect(try await articles.pageStamp(id: draft.id) == nil)
            #expect(try await articles.commentPolicy(id: scheduled.id) == nil)
            #expect(try await articles.commentPolicy(id: published.id) == CommentPolicy(open: true))
            #expect(try await articles.desk(.init(), limit: 10, offset: 0).total == 3)
            #expect(try await articles.desk(.init(status: .draft), limit: 10, offset: 0).articles.map(\.id) == [draft.id])
        }
    }

    @Test func scheduledArticlesPublishWhenTheirTimeComes() async throws {
        try await TestStore.with { store in
            let articles = store.articles
            let now = Fixtures.now
            let soon = try await articles.edit(
                nil, Self.draft("Sắp đăng", status: .scheduled, at: now.addingTimeInterval(60)), by: "bt", now: now)
            let later = try await articles.edit(
                nil, Self.draft("Đăng sau", status: .scheduled, at: now.addingTimeInterval(3600)), by: "bt", now: now)
            #expect(try await articles.publishDue(now: now.addingTimeInterval(59)).isEmpty)
            #expect(try await articles.publishDue(now: now.addingTimeInterval(61)) == [soon.id])
            #expect(try await articles.publishDue(now: now.addingTimeInterval(62)).isEmpty)
            let published = try #require(try await articles.article(id: soon.id))
            #expect(published.status == .published)
            // It is published at its scheduled time, not when the check ran.
            #expect(abs(published.publishedAt.timeIntervalSince(now.addingTimeInterval(60))) < 0.01)
            #expect(try await articles.article(id: later.id)?.status == .scheduled)
            #expect(try await articles.published(.all, limit: 10, offset: 0).map(\.id) == [soon.id])
        }
    }

    @Test func topicsAreFoundOrCreatedAndListArticles() async throws {
        try await TestStore.with { store in
            let articles = store.articles
            let now = Fixtures.now
            let first = try await articles.edit(
                nil, Self.draft("Một", at: now, category: "Thể thao", tags: ["Bóng đá", "Hà Nội"], authors: ["Minh Châu"]),
                by: "bt", now: now)
            let second = try await articles.edit(
                nil,
                Self.draft("Hai", at: now.addingTimeInterval(10), category: "thể thao", tags: ["hà nội"], authors: ["Minh Châu", "Lê Vy"]),
                by: "bt", now: now)
            #expect(first.category == Topic(kind: .category, slug: "the-thao", name: "Thể thao"))
            #expect(first.tags.map(\.slug) == ["bong-da", "ha-noi"])
            // The same slug is the same topic, whatever the case typed; it keeps its first name.
            #expect(second.category?.name == "Thể thao")
            #expect(second.authors.map(\.name) == ["Minh Châu", "Lê Vy"])
            #expect(try await articles.topics(.category).map(\.name) == ["Thể thao"])
            #expect(try await articles.topic(.tag, slug: "ha-noi")?.name == "Hà Nội")
            #expect(try await articles.published(.topic(.tag, slug: "ha-noi"), limit: 10, offset: 0).map(\.id) == [second.id, first.id])
            #expect(try await articles.published(.topic(.tag, slug: "bong-da"), limit: 10, offset: 0).map(\.id) == [first.id])
            #expect(try await articles.publishedCount(.topic(.author, slug: "le-vy")) == 1)
            #expect(try await articles.published(.topic(.author, slug: "minh-chau"), limit: 1, offset: 1).map(\.id) == [first.id])
            #expect(try await articles.desk(.init(author: "le-vy"), limit: 10, offset: 0).articles.map(\.id) == [second.id])
        }
    }

    @Test func slugsChangeButStayUniqueAndEverySaveKeepsARevision() async throws {
        try await TestStore.with { store in
            let articles = store.articles
            let now = Fixtures.now
            let article = try await articles.edit(nil, Self.draft("Tên đầu tiên", at: now), by: "a@toasoan.vn", now: now)
            #expect(article.slug == "ten-dau-tien")
            var renamed = Self.draft("Tên thứ hai", slug: "ten-moi")
            renamed.publishedAt = nil
            let saved = try await articles.edit(article.id, renamed, by: "b@toasoan.vn", now: now.addingTimeInterval(60))
            #expect(saved.slug == "ten-moi" && saved.id == article.id)
            // A published article keeps its first publication time when saved again.
            #expect(saved.publishedAt == article.publishedAt)
            let other = try await articles.edit(nil, Self.draft("Bài khác", at: now), by: "a", now: now)
            await #expect(throws: NewsroomError(.slugTaken, field: "slug")) {
                _ = try await articles.edit(other.id, Self.draft("Bài khác", slug: "ten-moi"), by: "a", now: now)
            }
            #expect(try await articles.article(id: other.id)?.slug == "bai-khac")
            let revisions = try await articles.revisions(article: article.id, limit: 10)
            #expect(revisions.map(\.editor) == ["b@toasoan.vn", "a@toasoan.vn"])
            #expect(revisions.last?.draft.title == "Tên đầu tiên")
            #expect(try await articles.revision(id: revisions[1].id)?.draft.slug == "ten-dau-tien")
            await #expect(throws: NewsroomError(.articleNotFound)) {
                _ = try await articles.edit(9999, Self.draft("Không có"), by: "a", now: now)
            }
        }
    }
}
