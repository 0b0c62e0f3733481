import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// Moving in from WordPress and Disqus, on both databases: the right articles, statuses, threads and old addresses,
/// and importing the same export twice changes nothing.
@Suite struct ForeignImportTests {
    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        return try Data(contentsOf: url)
    }

    static func fingerprint(_ address: String) -> String { "hash:" + String(address.reversed()) }

    struct Totals: Equatable {
        var created = 0, updated = 0, unchanged = 0
        var added: [CommentStatus: Int] = [:]
        var commentsUpdated = 0, commentsUnchanged = 0
    }

    static func importWordPress(_ store: Store) async throws -> (WordPressImport, Totals) {
        let plan = WordPressImport(try WordPressExport.parse(try fixture("wordpress-export.xml")), fingerprint: fingerprint)
        let importer = ForeignImport(store: store, source: plan.source)
        var totals = Totals()
        for entry in plan.entries {
            totals.add(try await importer.save(.article(entry.article), comments: entry.comments, now: Fixtures.now))
        }
        return (plan, totals)
    }

    static func importDisqus(_ store: Store) async throws -> Totals {
        let plan = DisqusImport(try DisqusExport.parse(try fixture("disqus-export.xml")), fingerprint: fingerprint)
        let importer = ForeignImport(store: store, source: plan.source)
        var totals = Totals()
        for entry in plan.entries {
            let url = try #require(entry.url)
            let target: ForeignImport.Target =
                if let id = try await importer.existingArticle(url: url) {
                    .existing(id)
                } else {
                    .thread(EmbeddedThread(url: url, site: try #require(EmbeddedThread.origin(of: url))), title: entry.thread.title)
                }
            totals.add(try await importer.save(target, comments: entry.comments, now: Fixtures.now))
        }
        return totals
    }

    @Test func aWordPressExportMovesInOnceWithItsThreadsStatusesAndOldAddresses() async throws {
        try await TestStore.with { store throws in
            let (plan, first) = try await Self.importWordPress(store)
            #expect(plan.skipped == ["page": 1, "attachment": 1, "nav_menu_item": 1, "pingback": 1])
            #expect(first.created == 5)
            #expect(first.added == [.published: 5, .pending: 1, .spam: 1, .rejected: 1])
            let articles = try await store.articles.desk(DeskArticleFilter(), limit: 10, offset: 0).articles
            let byTitle = Dictionary(uniqueKeysWithValues: articles.map { ($0.title, $0) })
            let festival = try #require(byTitle["Lễ hội pháo hoa quốc tế khai mạc: Sông Hàn rực sáng"])
            #expect(festival.status == .published)
            #expect(Set(articles.map(\.status)) == [.published, .draft, .scheduled, .unpublished])
            #expect(festival.category?.name == "Du lịch")
            #expect(!festival.sapo.isEmpty)
            // Old addresses lead to the article's page here; a draft's do not.
            #expect(try await store.articles.redirect(from: "/?p=101") == festival.path)
            #expect(try await store.articles.redirect(from: "/2024/03/le-hoi-phao-hoa-quoc-te-khai-mac") == festival.path)
            #expect(try await store.articles.redirect(from: "/?p=103") == nil)
            // Threads: a reply to a reply to a reply sits under the top-level comment and names the one it answers.
            let comments = try await store.comments.list(status: nil).filter { $0.articleID == festival.id }
            let byAuthor = Dictionary(comments.map { ($0.author, $0) }, uniquingKeysWith: { first, _ in first })
            let top = try #require(byAuthor["Nguyễn Văn An"])
            let deepest = try #require(byAuthor["Hoàng Nhật Linh"])
            #expect(top.parentID == nil)
            #expect(deepest.parentID == top.id)
            #expect(deepest.replyTo?.author == "Lê Minh Tâm")
            #expect(byAuthor["Người qua đường"]?.status == .rejected)
            #expect(byAuthor["Vay tiền nhanh"]?.status == .spam)
            #expect(byAuthor["Khách du lịch"]?.status == .pending)
            let threads = try await store.comments.threads(article: festival.id, sort: .oldest, after: nil, limit: 10, replies: 5)
            #expect(threads.items.map(\.comment.author) == ["Nguyễn Văn An"])
            #expect(threads.items.first?.replies.count == 3)

            let countBefore = try await store.comments.list(status: nil).count
            let revisionsBefore = try await store.articles.revisions(article: festival.id, limit: 50).count
            let (_, second) = try await Self.importWordPress(store)
            #expect(second == Totals(unchanged: 5, commentsUnchanged: 8))
            #expect(try await store.comments.list(status: nil).count == countBefore)
            #expect(try await store.articles.revisions(article: festival.id, limit: 50).count == revisionsBefore)
            #expect(try await store.articles.count() == 5)
        }
    }

    @Test func aDisqusExportFindsItsArticlesOrKeepsAThreadForThePage() async throws {
        try await TestStore.with { store throws in
            _ = try await Self.importWordPress(store)
            let first = try await Self.importDisqus(store)
            #expect(first.created == 1, "only the page of another site becomes a thread of its own")
            #expect(first.unchanged == 2)
            #expect(first.added == [.published: 5, .rejected: 1, .spam: 1])
            let thread = try #require(try await store.articles.article(id: 6))
            #expect(thread.embed == EmbeddedThread(url: "https://blog.example.org/bai-viet", site: "https://blog.example.org"))
            // A thread is a comment section, never an article readers find in listings.
            #expect(try await store.articles.published(.all, limit: 20, offset: 0).allSatisfy { $0.embed == nil })
            #expect(try await store.articles.publishedCount(.all) == 2)
            let second = try await Self.importDisqus(store)
            #expect(second == Totals(unchanged: 3, commentsUnchanged: 7))
            #expect(try await store.articles.count() == 6)
        }
    }
}

extension ForeignImportTests {
    /// Disqus's WordPress plugin exports the comments it synced from WordPress with `wp_id=N`: importing both exports
    /// keeps one copy of such a comment, and only when it is the same text (an id alone could name another comment).
    @Test func aCommentSyncedFromWordPressToDisqusIsKeptOnce() async throws {
        try await TestStore.with { store throws in
            _ = try await Self.importWordPress(store)
            let original = try #require(try await store.comments.list(status: nil).first { $0.author == "Nguyễn Văn An" })
            let importer = ForeignImport(store: store, source: "disqus:baocu")
            func synced(_ id: String, body: String) -> ForeignComment {
                var comment = ForeignComment(
                    externalID: id, parentExternalID: nil, author: original.author, email: nil, authorURL: nil, clientFingerprint: nil,
                    body: body, status: .published, createdAt: original.createdAt)
                comment.wordpressID = "201"
                return comment
            }
            let before = try await store.comments.list(status: nil).count
            let same = try await importer.save(
                .existing(original.articleID), comments: [synced("d-1", body: original.body)], now: Fixtures.now)
            #expect(same.unchanged == 1 && same.added.isEmpty)
            #expect(try await store.comments.list(status: nil).count == before)
            let other = try await importer.save(
                .existing(original.articleID), comments: [synced("d-2", body: "Một ý kiến khác hẳn.")], now: Fixtures.now)
            #expect(other.added == [.published: 1])
            #expect(try await store.comments.list(status: nil).count == before + 1)
        }
    }
}

extension ForeignImportTests.Totals {
    mutating func add(_ outcome: ForeignImport.Outcome) {
        switch outcome.change {
        case .created: created += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
        added.merge(outcome.added, uniquingKeysWith: +)
        commentsUpdated += outcome.updated
        commentsUnchanged += outcome.unchanged
    }
}
