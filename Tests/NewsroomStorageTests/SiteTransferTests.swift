import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// The whole-site export and its import: every kind of record survives, and a site moved from SQLite to PostgreSQL
/// (or the other way) exports to the very same bytes.
@Suite struct SiteTransferTests {
    /// A site with something in every exported table: articles with topics and revisions, a comment section in every
    /// status with replies, likes and reports, staff with a moderation log and a ban, edited word lists, and text that
    /// needs escaping.
    static func populate(_ store: Store) async throws {
        let now = Fixtures.now
        var first = Fixtures.draft(title: "Hội An lên đèn đêm rằm")
        first.category = "Du lịch"
        first.tags = ["Quảng Nam", "Phố cổ"]
        first.authors = ["Lê Thu Hà"]
        first.markdown = "Đèn lồng \"đỏ\"\tvà\nánh trăng \\ rằm 🏮"
        let article = try await store.articles.edit(nil, first, by: "bientap@toasoan.vn", now: now)
        first.sapo = "Bản sửa: phố cổ đông vui hơn mọi năm."
        _ = try await store.articles.edit(article.id, first, by: "bientap@toasoan.vn", now: now.addingTimeInterval(60))
        var second = Fixtures.draft(title: "Giá lúa gạo tăng nhẹ")
        second.status = .draft
        second.moderation = .post
        let draft = try await store.articles.edit(nil, second, by: "bientap@toasoan.vn", now: now)
        first.relatedPinned = [draft.id]
        _ = try await store.articles.edit(article.id, first, by: "bientap@toasoan.vn", now: now.addingTimeInterval(120))
        try await store.highlights.recordViews([article.id: 3, draft.id: 1], at: now)
        let staff = try await store.staff.add(email: "kiemduyet@toasoan.vn", role: .moderator, passwordHash: "$2b$12$abcdefghijk", at: now)
        let top = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Đẹp quá!\nMong được đến."))
        let reply = try await store.comments.insert(
            Fixtures.comment(article: article.id, author: "Anh Tuấn", body: "Tôi đã đi rồi 😀", parent: top.id, client: "client-2"))
        _ = try await store.comments.insert(
            Fixtures.comment(article: article.id, author: "Bảo", body: "@Anh Tuấn ở đâu?", parent: top.id, replyTo: reply.id))
        let pending = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Chờ duyệt", status: .pending))
        let spam = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Mua ngay!!!", status: .pending))
        _ = try await store.comments.like(comment: top.id, client: "like-1", address: "net-1", perAddress: 20, at: now)
        _ = try await store.comments.like(comment: top.id, client: "like-2", address: "net-2", perAddress: 20, at: now)
        _ = try await store.standing.report(
            comment: reply.id, client: "report-1", address: "net-3", perAddress: 3, reason: .offensive, threshold: 5, at: now)
        _ = try await store.moderation.apply(.spam, to: [spam.id], by: staff, at: now)
        _ = try await store.moderation.apply(.feature, to: [top.id], by: staff, at: now)
        _ = try await store.moderation.edit(pending.id, body: "Chờ duyệt (đã sửa)", by: staff, at: now)
        _ = try await store.standing.ban(comment: spam.id, by: staff, at: now)
        try await store.words.add([WordRule("lừa đảo", .banned)])
        _ = try await store.words.remove(["ngu"])
    }

    static func export(_ store: Store, includeSecrets: Bool = false) async throws -> [String] {
        let lines = Lines()
        try await SiteExport.write(store, includeSecrets: includeSecrets) { lines.append($0) }
        return lines.all
    }

    static func load(_ lines: [String], into store: Store) async throws -> SiteImport.Counts {
        let source = Lines(lines)
        return try await SiteImport.load(store) { source.next() }
    }

    @Test func aSiteMovedToEitherDatabaseExportsTheSameBytes() async throws {
        try await TestStore.with(.sqlite) { source, _ in
            try await Self.populate(source)
            let original = try await Self.export(source)
            #expect(original.first == #"{"type":"newsroom","format":1,"schema":14,"secrets":false}"#)
            for type in [
                "topic", "article", "articleTopic", "revision", "staff", "comment", "like", "report", "moderation", "ban", "wordRule",
                "related", "views",
            ] {
                #expect(original.contains { $0.hasPrefix("{\"type\":\"\(type)\"") }, "no \(type) record")
            }
            #expect(!original.joined().contains("$2b$12$"), "a password hash left the site without --include-secrets")
            for backend in TestStore.backends {
                try await TestStore.with(backend) { target, _ in
                    let counts = try await Self.load(original, into: target)
                    #expect(counts["comment"] == 5)
                    let moved = try await Self.export(target)
                    #expect(moved == original, "[\(backend)] the export of the moved site differs")
                    // The moved site works: its pages, threads and search answer as before, and new ids follow on.
                    let article = try #require(try await target.articles.published(.all, limit: 5, offset: 0).first)
                    #expect(article.title == "Hội An lên đèn đêm rằm")
                    #expect(try await target.comments.publishedCount(article: article.id) == 3)
                    #expect(try await target.search.search(SearchQuery("hoi an"), filter: SearchFilter(), limit: 5, offset: 0).total == 1)
                    let next = try await target.comments.insert(Fixtures.comment(article: article.id, body: "Bình luận mới"))
                    #expect(next.id == 6)
                    #expect(try await target.staff.credentials(email: "kiemduyet@toasoan.vn")?.passwordHash == "!")
                }
            }
        }
    }

    /// The export lists the media files articles use, with their size and digest, and the import checks the new
    /// site's media folder against them.
    @Test func mediaReferencesTellWhetherTheFolderWasCopied() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("ảnh bìa".utf8).write(to: folder.appendingPathComponent("3f2a.jpg"))
        try await TestStore.with(.sqlite) { source, _ in
            var draft = Fixtures.draft()
            draft.coverImage = "/media/3f2a.jpg"
            draft.body = [.html(HTMLSanitizer.sanitize("<figure><img src=\"/media/9b1c.png\" alt=\"Cầu\"></figure>"))]
            _ = try await source.articles.edit(nil, draft, by: "bientap@toasoan.vn", now: Fixtures.now)
            let lines = Lines()
            try await SiteExport.write(source, includeSecrets: false, mediaDirectory: folder.path) { lines.append($0) }
            let media = lines.all.filter { $0.hasPrefix(#"{"type":"media""#) }
            #expect(
                media == [
                    #"{"type":"media","path":"/media/3f2a.jpg","bytes":10,"sha256":"12c23def6701014011eef44cb442a9b27fa3eb4e21146f92485aaa2b1b0b87b3"}"#,
                    #"{"type":"media","path":"/media/9b1c.png","bytes":null,"sha256":null}"#,
                ])
            for (directory, missing) in [(folder.path, 1), ("/nonexistent-media", 2)] {
                try await TestStore.with(.sqlite) { target, _ in
                    let feed = Lines(lines.all)
                    let counts = try await SiteImport.load(target, mediaDirectory: directory) { feed.next() }
                    #expect(counts["media"] == 2)
                    #expect(counts["mediaMissing"] == missing, "\(directory)")
                }
            }
        }
    }

    @Test func secretsTravelOnlyWhenAskedFor() async throws {
        try await TestStore.with(.sqlite) { source, _ in
            try await Self.populate(source)
            let lines = try await Self.export(source, includeSecrets: true)
            #expect(lines.first?.contains(#""secrets":true"#) == true)
            try await TestStore.with(.sqlite) { target, _ in
                _ = try await Self.load(lines, into: target)
                #expect(try await target.staff.credentials(email: "kiemduyet@toasoan.vn")?.passwordHash == "$2b$12$abcdefghijk")
            }
        }
    }

    @Test func anImportNeverMergesIntoASiteWithContent() async throws {
        try await TestStore.with { store throws in
            try await Self.populate(store)
            let lines = try await Self.export(store)
            await #expect(throws: TransferError.self) { _ = try await Self.load(lines, into: store) }
            #expect(try await store.comments.list(status: nil).count == 5)
        }
    }

    @Test func aDamagedFileIsRefusedWithItsLineAndLeavesNothing() async throws {
        try await TestStore.with(.sqlite) { source, _ in
            try await Self.populate(source)
            var lines = try await Self.export(source)
            let index = try #require(lines.firstIndex { $0.hasPrefix(#"{"type":"comment""#) })
            lines[index] = lines[index].replacingOccurrences(of: #""author":"#, with: #""writer":"#)
            try await TestStore.with { target throws in
                let error = await #expect(throws: TransferError.self) { _ = try await Self.load(lines, into: target) }
                #expect(error?.line == index + 1)
                #expect(error?.description.contains("author") == true)
                #expect(try await target.articles.count() == 0)
            }
            try await TestStore.with(.sqlite) { target, _ in
                await #expect(throws: TransferError.self) { _ = try await Self.load(["{\"type\":\"article\"}"], into: target) }
                await #expect(throws: TransferError.self) { _ = try await Self.load(["không phải JSON"], into: target) }
                await #expect(throws: TransferError.self) { _ = try await Self.load([], into: target) }
            }
        }
    }
}

/// Lines collected by an export, or fed to an import, one task at a time.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    private var position = 0

    init(_ lines: [String] = []) { self.lines = lines }

    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    func next() -> String? {
        lock.withLock {
            guard position < lines.count else { return nil }
            defer { position += 1 }
            return lines[position]
        }
    }
}
