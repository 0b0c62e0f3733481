import Foundation
import Logging
import NewsroomCore
import NewsroomStorage

/// A store on a temporary SQLite file of its own (sqlite-nio has no shared cache, so `:memory:` would give
/// every pooled connection a different, empty database).
public enum TestStore {
    /// Opens a new store, runs `body`, then closes the store and deletes its files.
    public static func with<T>(_ body: (Store, String) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("test.sqlite").path
        var logger = Logger(label: "newsroom-tests")
        logger.logLevel = .warning
        let store = try await Store.open(.sqlite(path: path), logger: logger)
        do {
            let result = try await body(store, path)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Fixed data for tests.
public enum Fixtures {
    /// A fixed "now": Sunday 29 November 2026, 09:00 UTC (16:00 in Hà Nội).
    public static let now = Date(timeIntervalSince1970: 1_795_942_800)

    public static func draft(title: String = "Phố cổ Hà Nội đón mùa lễ hội", slug: String? = nil) -> ArticleDraft {
        ArticleDraft(
            slug: slug, title: title, sapo: "Những con phố nhỏ rực rỡ đèn lồng suốt tuần này.",
            body: [
                .paragraph("Từ sáng sớm, người dân đã treo cờ hoa."), .subheading("Lịch trình các ngày"),
                .paragraph("Chương trình kéo dài đến cuối tuần."),
            ])
    }

    public static func comment(
        article: Article.ID, author: String = "Minh Thư", body: String = "Bài viết hay quá!", status: CommentStatus = .published,
        parent: Comment.ID? = nil, replyTo: Comment.ID? = nil, likes: Int = 0, at date: Date = now, client: String = "client-1"
    ) -> NewComment {
        NewComment(
            articleID: article, parentID: parent, replyToID: replyTo ?? parent, author: author, email: nil, body: body, status: status,
            clientFingerprint: client, createdAt: date, likes: likes)
    }

    /// The seed article page, read at test time (its text is input, not project content): `NEWSROOM_SEED` when
    /// set, else `../shared/seed/` beside the package, where the newsroom's shared folder lives.
    public static var seedURL: URL {
        if let path = ProcessInfo.processInfo.environment["NEWSROOM_SEED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seed/000_380a24cf614cbcf5.txt")
    }

    public static func seedText() throws -> String { try String(contentsOf: seedURL, encoding: .utf8) }
}
