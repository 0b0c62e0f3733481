import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

private typealias Comment = NewsroomCore.Comment

@Suite struct CommentRepositoryTests {
    /// An article with `count` published top-level comments, liked 0, 1, 2, … times; returns their ids in order.
    private func seeded(_ store: Store, count: Int) async throws -> (Article, [Comment.ID]) {
        let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
        var ids: [Comment.ID] = []
        for index in 0..<count {
            let comment = try await store.comments.insert(
                Fixtures.comment(
                    article: article.id, body: "Ý kiến số \(index)", likes: index % 3,
                    at: Fixtures.now.addingTimeInterval(Double(index))))
            ids.append(comment.id)
        }
        return (article, ids)
    }

    @Test func insertsAndReadsBackAComment() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            let comment = try await store.comments.insert(
                NewComment(
                    articleID: article.id, author: "Đặng Thu", email: "thu@example.vn", body: "Dòng một\nDòng hai",
                    status: .pending, clientFingerprint: "abc", createdAt: Fixtures.now))
            #expect(comment.author == "Đặng Thu")
            #expect(comment.email == "thu@example.vn")
            #expect(comment.body == "Dòng một\nDòng hai")
            #expect(comment.status == .pending)
            #expect(comment.createdAt == Fixtures.now)
            #expect(try await store.comments.comment(id: comment.id) == comment)
        }
    }

    @Test func pagesTopLevelCommentsInEachOrderWithoutGapsOrRepeats() async throws {
        try await TestStore.with { store in
            let (article, ids) = try await seeded(store, count: 7)
            for sort in CommentSort.allCases {
                var seen: [Comment.ID] = []
                var cursor: Cursor?
                repeat {
                    let page = try await store.comments.threads(article: article.id, sort: sort, after: cursor, limit: 3, replies: 5)
                    seen += page.items.map(\.comment.id)
                    cursor = page.nextCursor
                } while cursor != nil
                #expect(Set(seen) == Set(ids), "sort \(sort)")
                #expect(seen.count == ids.count, "sort \(sort)")
                switch sort {
                case .newest: #expect(seen == ids.reversed())
                case .oldest: #expect(seen == ids)
                case .top:
                    let likes = try await store.comments.list(status: nil).reduce(into: [:]) { $0[$1.id] = $1.likes }
                    let expected = ids.sorted { (likes[$0]!, $0) > (likes[$1]!, $1) }
                    #expect(seen == expected)
                }
            }
        }
    }

    @Test func threadsCarryTheirFirstFiveRepliesAndACursorForTheRest() async throws {
        try await TestStore.with { store in
            let (article, ids) = try await seeded(store, count: 1)
            let top = ids[0]
            var replies: [Comment.ID] = []
            for index in 0..<8 {
                // The third reply answers the first one: it is still stored under the top-level comment.
                let answered = index == 2 ? replies[0] : top
                replies.append(
                    try await store.comments.insert(
                        Fixtures.comment(
                            article: article.id, author: "Người \(index)", body: "Trả lời \(index)", parent: top, replyTo: answered)
                    ).id)
            }
            _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Chờ duyệt", status: .pending, parent: top))

            let page = try await store.comments.threads(article: article.id, sort: .newest, after: nil, limit: 20, replies: 5)
            let thread = try #require(page.items.first)
            #expect(thread.comment.replyCount == 8)
            #expect(thread.replies.map(\.id) == Array(replies.prefix(5)))
            #expect(thread.replies[2].replyTo == ReplyTarget(id: replies[0], author: "Người 0"))
            #expect(thread.replies[2].parentID == top)
            let cursor = try #require(thread.nextRepliesCursor)
            let rest = try await store.comments.replies(to: top, after: cursor, limit: 2)
            #expect(rest.items.map(\.id) == Array(replies[5..<7]))
            let last = try await store.comments.replies(to: top, after: rest.nextCursor, limit: 2)
            #expect(last.items.map(\.id) == [replies[7]])
            #expect(last.nextCursor == nil)
            #expect(try await store.comments.publishedCount(article: article.id) == 9)
        }
    }

    @Test func pendingAndRejectedCommentsAreNotListedOrCounted() async throws {
        try await TestStore.with { store in
            let (article, ids) = try await seeded(store, count: 2)
            let pending = try await store.comments.insert(Fixtures.comment(article: article.id, status: .pending))
            #expect(try await store.comments.publishedCount(article: article.id) == 2)
            #expect(try await store.comments.setStatus(.rejected, ids: [ids[0], 999_999]) == [ids[0]])
            let page = try await store.comments.threads(article: article.id, sort: .newest, after: nil, limit: 20, replies: 5)
            #expect(page.items.map(\.comment.id) == [ids[1]])
            #expect(try await store.comments.publishedCount(article: article.id) == 1)
            #expect(try await store.comments.list(status: .pending).map(\.id) == [pending.id])
            _ = try await store.comments.setStatus(.published, ids: [pending.id])
            #expect(try await store.comments.publishedCount(article: article.id) == 2)
        }
    }

    @Test func aClientLikesACommentOnce() async throws {
        try await TestStore.with { store in
            let (article, ids) = try await seeded(store, count: 1)
            #expect(try await store.comments.like(comment: ids[0], client: "a", address: "ip", perAddress: 20, at: Fixtures.now) == 1)
            #expect(try await store.comments.like(comment: ids[0], client: "a", address: "ip", perAddress: 20, at: Fixtures.now) == 1)
            #expect(try await store.comments.like(comment: ids[0], client: "b", address: "ip", perAddress: 20, at: Fixtures.now) == 2)
            let pending = try await store.comments.insert(Fixtures.comment(article: article.id, status: .pending))
            #expect(try await store.comments.like(comment: pending.id, client: "a", address: "ip", perAddress: 20, at: Fixtures.now) == nil)
            #expect(try await store.comments.like(comment: 424_242, client: "a", address: "ip", perAddress: 20, at: Fixtures.now) == nil)
        }
    }

    @Test func findsADuplicateFromTheSamePersonWithinTheWindow() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Y hệt", client: "c1"))
            let since = Fixtures.now.addingTimeInterval(-60)
            #expect(try await store.comments.hasDuplicate(article: article.id, body: "Y hệt", email: nil, client: "c1", since: since))
            #expect(try await !store.comments.hasDuplicate(article: article.id, body: "Y hệt", email: nil, client: "c2", since: since))
            #expect(try await !store.comments.hasDuplicate(article: article.id, body: "Khác", email: nil, client: "c1", since: since))
            #expect(
                try await !store.comments.hasDuplicate(
                    article: article.id, body: "Y hệt", email: nil, client: "c1", since: Fixtures.now.addingTimeInterval(1)))
        }
    }

    @Test func concurrentWritersAllCommit() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Song song \(index)"))
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.comments.publishedCount(article: article.id) == 50)
        }
    }
}
