import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// What an article page shows beside the article, on both databases: views and the most read, comments and the most
/// discussed, related articles, and featured comments.
@Suite("Highlights storage")
struct HighlightsTests {
    static func draft(
        _ title: String, category: String? = "Thời sự", tags: [String] = [], status: ArticleStatus = .published,
        at date: Date? = nil
    ) -> ArticleDraft {
        ArticleDraft(
            title: title, sapo: "Sapo của bài \(title).", body: [.paragraph("Nội dung bài \(title).")], publishedAt: date,
            status: status, category: category, tags: tags)
    }

    @Test func viewsAddUpAcrossFlushesAndRankTheLastDay() async throws {
        try await TestStore.with { store in
            let now = Fixtures.now
            let a = try await store.articles.edit(nil, Self.draft("Giá vàng hôm nay"), by: "bt", now: now)
            let b = try await store.articles.edit(nil, Self.draft("Bão số 9 vào đất liền", category: "Thời tiết"), by: "bt", now: now)
            let c = try await store.articles.edit(nil, Self.draft("Lịch thi đấu", category: "Thể thao"), by: "bt", now: now)
            let hidden = try await store.articles.edit(nil, Self.draft("Bản nháp", status: .draft), by: "bt", now: now)
            // Yesterday's views have left the window; two flushes in the last hour add up (several instances do this).
            try await store.highlights.recordViews([c.id: 500], at: now.addingTimeInterval(-26 * 3600))
            try await store.highlights.recordViews([a.id: 3, b.id: 5, hidden.id: 900, 999_999: 7], at: now.addingTimeInterval(-600))
            try await store.highlights.recordViews([a.id: 4, c.id: 1], at: now)
            let since = now.addingTimeInterval(-86_400)
            let read = try await store.highlights.mostRead(since: since, topic: nil, limit: 5)
            #expect(read.map(\.id) == [a.id, b.id, c.id])
            #expect(read.map(\.count) == [7, 5, 1])
            #expect(read[0].path == a.path && read[0].title == "Giá vàng hôm nay")
            let weather = Topic(kind: .category, slug: "thoi-tiet", name: "Thời tiết")
            #expect(try await store.highlights.mostRead(since: since, topic: weather, limit: 5).map(\.id) == [b.id])
            #expect(try await store.highlights.mostRead(since: since, topic: nil, limit: 1).map(\.id) == [a.id])
            // Old views can be forgotten.
            try await store.highlights.deleteViews(before: now.addingTimeInterval(-86_400))
            #expect(try await store.highlights.mostRead(since: .distantPast, topic: nil, limit: 5).first { $0.id == c.id }?.count == 1)
        }
    }

    @Test func publishedCommentsOfTheLastDayRankTheMostDiscussed() async throws {
        try await TestStore.with { store in
            let now = Fixtures.now
            let a = try await store.articles.edit(nil, Self.draft("Học phí đại học"), by: "bt", now: now)
            let b = try await store.articles.edit(nil, Self.draft("Tàu điện Nhổn", category: "Giao thông"), by: "bt", now: now)
            for index in 0..<3 {
                _ = try await store.comments.insert(
                    Fixtures.comment(article: b.id, body: "Ý kiến \(index)", at: now.addingTimeInterval(-60)))
            }
            _ = try await store.comments.insert(Fixtures.comment(article: a.id, body: "Đồng ý", at: now.addingTimeInterval(-60)))
            _ = try await store.comments.insert(Fixtures.comment(article: a.id, body: "Chờ", status: .pending, at: now))
            _ = try await store.comments.insert(Fixtures.comment(article: a.id, body: "Bỏ", status: .rejected, at: now))
            for index in 0..<9 {
                _ = try await store.comments.insert(
                    Fixtures.comment(article: a.id, body: "Cũ \(index)", at: now.addingTimeInterval(-2 * 86_400)))
            }
            let since = now.addingTimeInterval(-86_400)
            let discussed = try await store.highlights.mostDiscussed(since: since, topic: nil, limit: 5)
            #expect(discussed.map(\.id) == [b.id, a.id])
            #expect(discussed.map(\.count) == [3, 1])
            // One more published comment moves the other article up.
            for index in 0..<3 {
                _ = try await store.comments.insert(Fixtures.comment(article: a.id, body: "Mới \(index)", at: now))
            }
            #expect(try await store.highlights.mostDiscussed(since: since, topic: nil, limit: 5).map(\.id) == [a.id, b.id])
            let traffic = Topic(kind: .category, slug: "giao-thong", name: "Giao thông")
            #expect(try await store.highlights.mostDiscussed(since: since, topic: traffic, limit: 5).map(\.id) == [b.id])
        }
    }

    @Test func relatedArticlesShareTagsPhrasesAndCategoryAndEditorsPinTheirOwn() async throws {
        try await TestStore.with { store in
            let now = Fixtures.now
            var clock = now
            func add(_ draft: ArticleDraft) async throws -> Article {
                clock = clock.addingTimeInterval(60)
                var draft = draft
                draft.publishedAt = clock
                return try await store.articles.edit(nil, draft, by: "bt", now: clock)
            }
            let tagged = try await add(Self.draft("Hội nghị thượng đỉnh khép lại", category: "Thế giới", tags: ["Ngoại giao"]))
            let phrase = try await add(Self.draft("Chính sách ngoại giao cây tre được nhắc lại", category: "Chính trị"))
            let sameCategory = try await add(Self.draft("Tin vắn buổi sáng", category: "Thế giới"))
            let unrelated = try await add(Self.draft("Giá xăng giảm nhẹ", category: "Kinh tế"))
            let draft = try await add(Self.draft("Ngoại giao bản nháp", category: "Thế giới", tags: ["Ngoại giao"], status: .draft))
            let article = try await add(Self.draft("Hội nghị ngoại giao tại Hà Nội bế mạc", category: "Thế giới", tags: ["Ngoại giao"]))
            let related = try await store.highlights.related(to: article.id, limit: 5)
            // Tag (3) + category (1) first, then the title phrase "ngoại giao" (2), then the category alone (1).
            #expect(related.map(\.id) == [tagged.id, phrase.id, sameCategory.id])
            #expect(!related.contains { $0.id == unrelated.id || $0.id == draft.id || $0.id == article.id })
            #expect(related.allSatisfy { !$0.pinned })
            // The editor pins an article the computation would not choose; it comes first and stays on later saves.
            var edited = Self.draft("Hội nghị ngoại giao tại Hà Nội bế mạc", category: "Thế giới", tags: ["Ngoại giao"])
            edited.relatedPinned = [unrelated.id, article.id, unrelated.id]
            _ = try await store.articles.edit(article.id, edited, by: "bt", now: clock)
            #expect(
                try await store.highlights.related(to: article.id, limit: 5).map(\.id) == [
                    unrelated.id, tagged.id, phrase.id, sameCategory.id,
                ])
            #expect(try await store.highlights.pinnedRelated(to: article.id).map(\.id) == [unrelated.id])
            edited.relatedPinned = nil
            edited.sapo = "Sapo mới."
            _ = try await store.articles.edit(article.id, edited, by: "bt", now: clock)
            #expect(try await store.highlights.pinnedRelated(to: article.id).map(\.id) == [unrelated.id])
            // An article taken down leaves the box; a pinned one in any status stays on the desk's list.
            var down = Self.draft("Giá xăng giảm nhẹ", category: "Kinh tế")
            down.status = .unpublished
            _ = try await store.articles.edit(unrelated.id, down, by: "bt", now: clock)
            #expect(try await store.highlights.related(to: article.id, limit: 5).first?.id == tagged.id)
            #expect(try await store.highlights.pinnedRelated(to: article.id).map(\.id) == [unrelated.id])
            edited.relatedPinned = []
            _ = try await store.articles.edit(article.id, edited, by: "bt", now: clock)
            #expect(try await store.highlights.pinnedRelated(to: article.id).isEmpty)
        }
    }

    @Test func anEditorsSaveReachesTheOlderArticlesItIsAboutAndReindexReachesImportedOnes() async throws {
        try await TestStore.with { store in
            let now = Fixtures.now
            let older = try await store.articles.edit(nil, Self.draft("Ngập sâu ở Thủ Đức", tags: ["Triều cường"]), by: "bt", now: now)
            #expect(try await store.highlights.related(to: older.id, limit: 5).isEmpty)
            let newer = try await store.articles.edit(nil, Self.draft("Triều cường đạt đỉnh", tags: ["Triều cường"]), by: "bt", now: now)
            #expect(try await store.highlights.related(to: older.id, limit: 5).map(\.id) == [newer.id])
            // An import of many articles computes only each one's own list; `reindex` computes them all.
            let imported = try await store.articles.save(Self.draft("Người dân kê cao đồ đạc", tags: ["Triều cường"]), now: now).article
            #expect(try await store.highlights.related(to: imported.id, limit: 5).count == 2)
            #expect(!(try await store.highlights.related(to: older.id, limit: 5).contains { $0.id == imported.id }))
            #expect(try await store.search.rebuildRelated() == 3)
            #expect(try await store.highlights.related(to: older.id, limit: 5).contains { $0.id == imported.id })
        }
    }

    @Test func featuredCommentsLeadAndLeaveWhenRejectedAndTheLogRecordsIt() async throws {
        try await TestStore.with { store in
            let now = Fixtures.now
            let article = try await store.articles.edit(nil, Self.draft("Cầu Thăng Long"), by: "bt", now: now)
            let staff = try await store.staff.add(email: "kd@toasoan.vn", role: .moderator, passwordHash: "x", at: now)
            var ids: [NewsroomCore.Comment.ID] = []
            for index in 0..<4 {
                ids.append(try await store.comments.insert(Fixtures.comment(article: article.id, body: "Bình luận \(index)")).id)
            }
            let reply = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Trả lời", parent: ids[0]))
            let pending = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Chờ", status: .pending))
            #expect(try await store.moderation.apply(.feature, to: [ids[2]], by: staff, at: now) == [ids[2]])
            #expect(try await store.moderation.apply(.feature, to: [ids[0]], by: staff, at: now.addingTimeInterval(1)) == [ids[0]])
            #expect(try await store.moderation.apply(.feature, to: [pending.id], by: staff, at: now).isEmpty)
            let featured = try await store.comments.featured(article: article.id, replies: 5)
            #expect(featured.map(\.comment.id) == [ids[0], ids[2]])
            #expect(featured.allSatisfy { $0.comment.featured })
            #expect(featured[0].replies.map(\.id) == [reply.id])
            // The list below leaves them out, in every order.
            for sort in CommentSort.allCases {
                let page = try await store.comments.threads(article: article.id, sort: sort, after: nil, limit: 20, replies: 5)
                #expect(Set(page.items.map(\.comment.id)) == [ids[1], ids[3]])
            }
            #expect(try await store.comments.comment(id: ids[2])?.featured == true)
            // Rejecting takes the mark away; approving again does not bring it back.
            _ = try await store.moderation.apply(.reject, to: [ids[2]], by: staff, at: now)
            _ = try await store.moderation.apply(.approve, to: [ids[2]], by: staff, at: now)
            #expect(try await store.comments.featured(article: article.id, replies: 5).map(\.comment.id) == [ids[0]])
            _ = try await store.moderation.apply(.unfeature, to: [ids[0]], by: staff, at: now)
            #expect(try await store.comments.featured(article: article.id, replies: 5).isEmpty)
            let log = try await store.moderation.log(comment: nil, limit: 20).map { "\($0.action.rawValue):\($0.commentID)" }
            #expect(log.contains("feature:\(ids[0])") && log.contains("unfeature:\(ids[0])") && log.contains("feature:\(ids[2])"))
            // Featuring changes what the page shows: its stamp moves.
            let before = try #require(try await store.articles.pageStamp(id: article.id))
            _ = try await store.moderation.apply(.feature, to: [reply.id], by: staff, at: now)
            #expect(try await store.articles.pageStamp(id: article.id)?.latestEvent != before.latestEvent)
            let featuredReply = try await store.comments.featured(article: article.id, replies: 5)
            #expect(featuredReply.map(\.comment.id) == [reply.id] && featuredReply[0].replies.isEmpty)
        }
    }

    @Test func anArticleKeepsAtMostTenFeaturedComments() async throws {
        try await TestStore.with { store in
            let now = Fixtures.now
            let article = try await store.articles.edit(nil, Self.draft("Mùa hoa tam giác mạch"), by: "bt", now: now)
            let staff = try await store.staff.add(email: "kd@toasoan.vn", role: .moderator, passwordHash: "x", at: now)
            var ids: [NewsroomCore.Comment.ID] = []
            for index in 0..<(CommentLimits.maxFeatured + 2) {
                let id = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Ý kiến số \(index)")).id
                ids.append(id)
                _ = try await store.moderation.apply(.feature, to: [id], by: staff, at: now.addingTimeInterval(Double(index)))
            }
            let featured = try await store.comments.featured(article: article.id, replies: 0).map(\.comment.id)
            #expect(featured == Array(ids.suffix(CommentLimits.maxFeatured).reversed()))
            #expect(try await store.moderation.log(comment: ids[0], limit: 5).map(\.action) == [.unfeature, .feature])
        }
    }
}
