import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// One corpus and one list of queries with their expected top results, run on SQLite and on PostgreSQL: the same
/// answers on both (as sets for the top results; BM25 and `ts_rank` may order the rest differently).
@Suite("Vietnamese search on both databases")
struct SearchTests {
    /// The corpus: key, title, sapo, body, category, hours before `Fixtures.now`.
    static let corpus: [(key: String, title: String, sapo: String, body: String, category: String, hoursAgo: Double)] = [
        (
            "ngoai-giao", "Bộ Ngoại giao lên tiếng về tàu cá bị giữ", "Người phát ngôn trả lời báo chí chiều thứ Năm.",
            "Bộ Ngoại giao đề nghị phía bạn thả ngay thuyền viên và trả lại tài sản.", "Thời sự", 5
        ),
        (
            "da-lat", "Đà Lạt vào mùa hoa dã quỳ", "Những cung đường vàng rực thu hút du khách.",
            "Hoa nở dọc đèo Prenn và quanh hồ Tuyền Lâm, đẹp nhất vào buổi sáng.", "Du lịch", 10
        ),
        (
            "da-nang", "Đà Nẵng đón năm mới bằng pháo hoa", "Thành phố biển tổ chức ba điểm bắn pháo hoa.",
            "Người dân được khuyên đi xe buýt để tránh ùn tắc.", "Thời sự", 2
        ),
        (
            "ban-ghe", "Giá bàn ghế gỗ tăng mạnh cuối năm", "Các xưởng mộc nhận đơn kín lịch.",
            "Một bộ bàn ăn gỗ sồi có giá gần 20 triệu đồng.", "Kinh tế", 20
        ),
        (
            "ban-lua", "Nông dân miền Tây bán lúa được giá", "Thương lái đến tận ruộng thu mua.",
            "Nhiều hộ bán hết lúa ngay khi gặt.", "Kinh tế", 30
        ),
        (
            "ban-ket", "Việt Nam thắng Thái Lan ở bán kết", "Hai bàn thắng đến trong hiệp hai.",
            "Đội tuyển Việt Nam sẽ gặp Indonesia ở trận chung kết.", "Thể thao", 1
        ),
        (
            "giao-hang", "Ngoài giờ làm, anh giao hàng để trang trải", "Một kỹ sư trẻ kể chuyện làm thêm.",
            "Mỗi tối anh chạy gần 40 km, giao hàng khắp nội thành.", "Đời sống", 8
        ),
        (
            "hoa-nhac", "Đêm hoà nhạc mừng hòa bình", "Dàn nhạc giao hưởng biểu diễn trước nhà hát.",
            "Khán giả đứng kín quảng trường để nghe nhạc.", "Văn hóa", 40
        ),
        (
            "nguyen", "Nhà văn Nguyễn Ngọc Tư ra mắt tập truyện mới", "Những câu chuyện miền sông nước.",
            "Tập truyện gồm mười hai truyện ngắn viết trong hai năm.", "Văn hóa", 50
        ),
        (
            "duong", "Đường lên Sa Pa được mở rộng", "Dự án giúp giảm tai nạn trên đèo.",
            "Người dân địa phương mong đường xong trước Tết.", "Thời sự", 60
        ),
    ]

    /// Saves the corpus; returns each article's id by its key.
    static func load(_ store: Store) async throws -> [String: Article.ID] {
        var ids: [String: Article.ID] = [:]
        for item in corpus {
            let draft = ArticleDraft(
                slug: item.key, title: item.title, sapo: item.sapo, body: [.paragraph(item.body)],
                publishedAt: Fixtures.now.addingTimeInterval(-item.hoursAgo * 3600), category: item.category)
            ids[item.key] = try await store.articles.save(draft, now: Fixtures.now).article.id
        }
        return ids
    }

    static func keys(_ results: SearchResults, _ ids: [String: Article.ID]) -> [String] {
        results.articles.map { article in ids.first { $0.value == article.id }?.key ?? "?" }
    }

    /// Each query and the articles expected first, as a set (in any order), then whether more may follow.
    static let queries: [(query: String, top: Set<String>, only: Bool)] = [
        ("bo ngoai giao", ["ngoai-giao"], false),
        ("Bộ Ngoại giao", ["ngoai-giao"], false),
        ("BỘ NGOẠI GIAO", ["ngoai-giao"], false),
        ("Bộ Ngoại giao".decomposedStringWithCanonicalMapping, ["ngoai-giao"], false),
        ("\"ngoai giao\"", ["ngoai-giao"], true),
        ("ngoaij giao", ["ngoai-giao"], false),
        ("ngoa5i giao", ["ngoai-giao"], false),
        ("da lat", ["da-lat"], true),
        ("Đà Lạt", ["da-lat"], true),
        ("đà", ["da-lat", "da-nang"], false),
        // "viết … năm" in another article matches too, below the exact "Việt Nam".
        ("Vieejt Nam", ["ban-ket"], false),
        ("Vie65t Nam", ["ban-ket"], false),
        ("viet nam thai lan", ["ban-ket"], true),
        ("nguyễn", ["nguyen"], true),
        ("Nguye64n", ["nguyen"], true),
        ("nguyen ngoc tu", ["nguyen"], true),
        ("dduwowngf", ["duong"], false),
        ("hòa", ["hoa-nhac"], false),
        ("hoà nhạc", ["hoa-nhac"], true),
        ("\"hoa binh\"", ["hoa-nhac"], true),
        ("pháo hoa", ["da-nang"], true),
        ("gia lua", ["ban-lua"], true),
    ]

    @Test func queriesFindTheirArticlesOnBothDatabases() async throws {
        try await TestStore.with { store in
            let ids = try await Self.load(store)
            for (text, top, only) in Self.queries {
                let results = try await store.search.search(SearchQuery(text), filter: .init(), limit: 10, offset: 0)
                let keys = Self.keys(results, ids)
                #expect(Set(keys.prefix(top.count)) == top, "\(store.database.dialect) «\(text)» → \(keys)")
                if only { #expect(keys.count == top.count && results.total == top.count, "\(store.database.dialect) «\(text)» → \(keys)") }
                #expect(results.total >= keys.count)
            }
        }
    }

    @Test func exactDiacriticsRankAboveFoldedMatches() async throws {
        try await TestStore.with { store in
            let ids = try await Self.load(store)
            let search = { (text: String) in
                Self.keys(try await store.search.search(SearchQuery(text), filter: .init(), limit: 10, offset: 0), ids)
            }
            // "bàn" is in ban-ghe (title) and ban-ket (sapo); "bán" in ban-lua and ban-ket (title); "bạn" and "bắn" fold
            // to "ban" as well (ngoai-giao, da-nang).
            let ban = try await search("bàn")
            #expect(Set(ban.prefix(2)) == ["ban-ghe", "ban-ket"], "\(ban)")
            #expect(Set(ban) == ["ban-ghe", "ban-ket", "ban-lua", "ngoai-giao", "da-nang"], "\(ban)")
            let sold = try await search("bán")
            #expect(Set(sold.prefix(2)) == ["ban-lua", "ban-ket"], "\(sold)")
            // Telex reads as the word it spells, and ranks like it: "banf" is bàn, "bans" bán.
            #expect(Set(try await search("banf").prefix(2)) == ["ban-ghe", "ban-ket"])
            #expect(Set(try await search("bans").prefix(2)) == ["ban-lua", "ban-ket"])
            // Without diacritics every reading counts; recency breaks the tie of equal matches.
            #expect(Set(try await search("ban")) == ["ban-ghe", "ban-ket", "ban-lua", "ngoai-giao", "da-nang"])
        }
    }

    @Test func punctuationAndSearchSyntaxNeverFail() async throws {
        try await TestStore.with { store in
            _ = try await Self.load(store)
            for text in [
                "", "   ", "!!!", "\"", "\"\"", "*", "bàn\" OR \"*", "NEAR(bàn ghế)", "ban*", "-ban", "ban:", "{title_f}: ban",
                "'; DROP TABLE articles; --", "a & b | !c <-> d", "\\", "((((", "%_%", "bàn AND", "😀", "ﬁ",
            ] {
                let results = try await store.search.search(SearchQuery(text), filter: .init(), limit: 10, offset: 0)
                #expect(results.total >= 0, "«\(text)»")
            }
            #expect(try await store.search.search(SearchQuery("!!! ???"), filter: .init(), limit: 10, offset: 0).total == 0)
            #expect(try await store.articles.count() == Self.corpus.count)
        }
    }

    @Test func filtersNarrowByCategoryAndDate() async throws {
        try await TestStore.with { store in
            let ids = try await Self.load(store)
            let query = SearchQuery("người")
            let all = Self.keys(try await store.search.search(query, filter: .init(), limit: 10, offset: 0), ids)
            #expect(Set(all) == ["ngoai-giao", "da-nang", "duong"], "\(all)")
            let news = try await store.search.search(query, filter: .init(category: "thoi-su"), limit: 10, offset: 0)
            #expect(news.total == 3)
            // "hoa" is in three categories.
            for (category, expected) in [("thoi-su", ["da-nang"]), ("du-lich", ["da-lat"]), ("the-thao", []), ("khong-co", [])] {
                let found = try await store.search.search(SearchQuery("hoa"), filter: .init(category: category), limit: 10, offset: 0)
                #expect(Self.keys(found, ids) == expected && found.total == expected.count, "\(category)")
            }
            let recent = try await store.search.search(
                query, filter: .init(from: Fixtures.now.addingTimeInterval(-6 * 3600)), limit: 10, offset: 0)
            #expect(Set(Self.keys(recent, ids)) == ["ngoai-giao", "da-nang"])
            let older = try await store.search.search(
                query, filter: .init(to: Fixtures.now.addingTimeInterval(-6 * 3600)), limit: 10, offset: 0)
            #expect(Self.keys(older, ids) == ["duong"])
            let paged = try await store.search.search(query, filter: .init(), limit: 2, offset: 2)
            #expect(paged.articles.count == 1 && paged.total == 3)
        }
    }

    @Test func theIndexFollowsEditsUnpublishingAndScheduling() async throws {
        try await TestStore.with { store in
            let ids = try await Self.load(store)
            let count = { (text: String) in
                try await store.search.search(SearchQuery(text), filter: .init(), limit: 10, offset: 0).total
            }
            let id = try #require(ids["da-lat"])
            var draft = ArticleDraft(
                slug: "da-lat", title: "Đà Lạt mùa mai anh đào", sapo: "Sắc hồng phủ kín đồi.", body: [.paragraph("Mai anh đào nở.")])
            _ = try await store.articles.edit(id, draft, by: "bt", now: Fixtures.now)
            #expect(try await count("anh đào") == 1)
            #expect(try await count("dã quỳ") == 0)
            draft.status = .unpublished
            _ = try await store.articles.edit(id, draft, by: "bt", now: Fixtures.now)
            #expect(try await count("anh đào") == 0)
            draft.status = .scheduled
            draft.publishedAt = Fixtures.now.addingTimeInterval(60)
            _ = try await store.articles.edit(id, draft, by: "bt", now: Fixtures.now)
            #expect(try await count("anh đào") == 0)
            _ = try await store.articles.publishDue(now: Fixtures.now.addingTimeInterval(61))
            #expect(try await count("anh đào") == 1)
            // Tags are searched too.
            draft.tags = ["Lâm Đồng"]
            draft.status = .published
            _ = try await store.articles.edit(id, draft, by: "bt", now: Fixtures.now)
            #expect(try await count("lam dong") == 1)
            // Rebuilding gives the same answers.
            #expect(try await store.search.rebuild() == Self.corpus.count)
            #expect(try await count("lam dong") == 1)
            #expect(try await count("bo ngoai giao") >= 1)
        }
    }

    @Test func equalMatchesGoNewestFirst() async throws {
        try await TestStore.with { store in
            // The older article is imported last (a higher id): publication time decides, not the order of import.
            let new = try await store.articles.save(
                ArticleDraft(
                    slug: "moi", title: "Lễ hội hoa Đà Lạt", sapo: "Sapo.", body: [.paragraph("Nội dung.")], publishedAt: Fixtures.now),
                now: Fixtures.now
            ).article
            let old = try await store.articles.save(
                ArticleDraft(
                    slug: "cu", title: "Lễ hội hoa Đà Lạt", sapo: "Sapo.", body: [.paragraph("Nội dung.")],
                    publishedAt: Fixtures.now.addingTimeInterval(-86_400 * 365)),
                now: Fixtures.now
            ).article
            let results = try await store.search.search(SearchQuery("le hoi hoa"), filter: .init(), limit: 10, offset: 0)
            #expect(results.articles.map(\.id) == [new.id, old.id])
            let second = try await store.search.search(SearchQuery("le hoi hoa"), filter: .init(), limit: 1, offset: 1)
            #expect(second.articles.map(\.id) == [old.id] && second.total == 2)
        }
    }

    @Test func moderatorsFindCommentsOfEveryStatusByTextOrAuthor() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            func add(_ author: String, _ body: String, _ status: CommentStatus) async throws -> NewsroomCore.Comment.ID {
                try await store.comments.insert(
                    NewComment(
                        articleID: article.id, parentID: nil, replyToID: nil, author: author, email: nil, body: body, status: status,
                        clientFingerprint: "c", createdAt: Fixtures.now)
                ).id
            }
            let spam = try await add("Khách lạ", "Mua hàng giảm giá tại đây", .spam)
            let held = try await add("Trần Thị Mai", "Bài viết thiếu thông tin về giá vé", .pending)
            let shown = try await add("Lê Văn Đức", "Cảm ơn tòa soạn", .published)
            let search = { (text: String) in try await store.moderation.search(SearchQuery(text), limit: 10).map(\.comment.id) }
            #expect(try await search("giam gia") == [spam])
            #expect(Set(try await search("gia")) == [held, spam])
            #expect(try await search("le van duc") == [shown])
            #expect(try await search("mai") == [held])
            #expect(try await search("!!!").isEmpty)
            let staff = try await store.staff.add(email: "kd@toasoan.vn", role: .moderator, passwordHash: "x", at: Fixtures.now)
            _ = try await store.moderation.edit(held, body: "Bài viết hay", by: staff, at: Fixtures.now)
            #expect(try await search("gia ve").isEmpty)
            #expect(try await search("bai viet hay") == [held])
        }
    }
}
