import Foundation
import NewsroomCore
import NewsroomTestSupport
import Testing

@testable import NewsroomStorage

/// Backups that prove themselves: what was stored comes back with the key, and any changed byte is caught.
@Suite struct SQLiteBackupTests {
    static let key = (0..<48).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    /// A site with `articles` articles and `comments` comments, backed up into `backup` in the same directory.
    static func withBackup<T>(
        articles: Int = 12, comments: Int = 30, _ body: (_ site: String, _ backup: String, SQLiteBackup.Summary) async throws -> T
    ) async throws -> T {
        try await SiteFiles.withDirectory { directory in
            let site = directory + "/trang.sqlite"
            try await SiteFiles.populate(site, articles: articles, comments: comments)
            let backup = directory + "/ban-sao.backup"
            let summary = try await SQLiteBackup.take(from: site, to: backup, key: key, logger: SiteFiles.logger)
            return try await body(site, backup, summary)
        }
    }

    @Test func aBackupHoldsWhatWasStoredAndTheKeyGiven() async throws {
        let before = Date()
        try await Self.withBackup(articles: 12, comments: 30) { site, backup, summary in
            #expect(summary.rows(of: "articles") == 12)
            #expect(summary.rows(of: "comments") == 30)
            #expect(summary.rows(of: "staff") == 0)
            #expect(summary.rows(of: "newsroom_backup") == nil)
            #expect(summary.bytes == Int64(SiteFiles.size(backup)))
            #expect(summary.bytes > 0)
            #expect(summary.takenAt >= before.addingTimeInterval(-1))
            #expect(SiteFiles.permissions(backup) == 0o600)
            // No partial file is left beside it.
            let names = try FileManager.default.contentsOfDirectory(atPath: (backup as NSString).deletingLastPathComponent)
            #expect(!names.contains { $0.contains(".partial-") })

            let (verified, key) = try await SQLiteBackup.verify(backup, logger: SiteFiles.logger)
            #expect(key == Self.key)
            #expect(verified.counts.map(\.table) == summary.counts.map(\.table))
            #expect(verified.counts.map(\.rows) == summary.counts.map(\.rows))
            #expect(verified.bytes == summary.bytes)
            #expect(abs(verified.takenAt.timeIntervalSince(summary.takenAt)) < 1)
            #expect(verified.description.contains("articles: 12"))
            #expect(verified.description.contains("comments: 30"))
            // Verifying reads only: a second verification still holds.
            _ = try await SQLiteBackup.verify(backup, logger: SiteFiles.logger)
        }
    }

    @Test func aBackupIsTakenThroughTheStoreToo() async throws {
        try await TestStore.withSQLite { store, path in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            _ = try await store.comments.insert(Fixtures.comment(article: article.id))
            let destination = path + ".backup"
            let summary = try await store.backup(to: destination, key: Self.key, logger: SiteFiles.logger)
            #expect(summary.rows(of: "articles") == 1)
            #expect(summary.rows(of: "comments") == 1)
            #expect(try await SQLiteBackup.verify(destination, logger: SiteFiles.logger).key == Self.key)
            // The site itself goes on.
            _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Sau khi sao lưu"))
        }
    }

    @Test(.enabled(if: TestStore.backends.contains(.postgres))) func aPostgreSQLSiteIsNotBackedUpThisWay() async throws {
        try await TestStore.with(.postgres) { store, _ in
            let destination = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-pg-\(UUID().uuidString)").path
            let error = await #expect(throws: BackupError.self) {
                _ = try await store.backup(to: destination, key: Self.key, logger: SiteFiles.logger)
            }
            #expect(error?.description.contains("pg_dump") == true)
            #expect(!FileManager.default.fileExists(atPath: destination))
        }
    }

    @Test func takeRefusesAnExistingDestinationAndAMissingSource() async throws {
        try await Self.withBackup { site, backup, _ in
            let before = try SiteFiles.bytes(backup)
            await #expect(throws: BackupError.self) {
                _ = try await SQLiteBackup.take(from: site, to: backup, key: Self.key, logger: SiteFiles.logger)
            }
            #expect(try SiteFiles.bytes(backup) == before)
            await #expect(throws: BackupError.self) {
                _ = try await SQLiteBackup.take(from: site + ".khong-co", to: backup + "2", key: Self.key, logger: SiteFiles.logger)
            }
            #expect(!FileManager.default.fileExists(atPath: backup + "2"))
        }
    }

    /// One changed bit anywhere: the header, the first page, the middle, the last page, and a byte of every page.
    @Test func aFlippedByteAnywhereIsCaught() async throws {
        try await Self.withBackup(articles: 20, comments: 40) { _, backup, _ in
            let size = SiteFiles.size(backup)
            let pages = size / 4096
            #expect(pages > 8)
            var offsets = [
                0, 17, 18, 60, 100, 2000, 4095, size / 2, size / 2 + 1, (pages - 1) * 4096 + 8, size - 4097, size - 100, size - 1,
            ]
            offsets += (0..<pages).map { $0 * 4096 + ($0 * 977) % 4096 }
            let copy = backup + ".sua"
            for offset in Set(offsets).sorted() {
                try? FileManager.default.removeItem(atPath: copy)
                try FileManager.default.copyItem(atPath: backup, toPath: copy)
                try SiteFiles.flip(copy, at: offset)
                await #expect(throws: BackupError.self, "offset \(offset) of \(size)") {
                    _ = try await SQLiteBackup.verify(copy, logger: SiteFiles.logger)
                }
            }
            // The original is untouched and still verifies.
            _ = try await SQLiteBackup.verify(backup, logger: SiteFiles.logger)
        }
    }

    @Test func aChangeInTheDigestOrTheKeyIsCaught() async throws {
        try await Self.withBackup { _, backup, _ in
            let bytes = try SiteFiles.bytes(backup)
            let copy = backup + ".sua"
            // Somewhere in the file is the digest's hex text, and the key itself.
            let keyOffset = try #require(bytes.firstRange(of: Self.key)?.lowerBound)
            for offset in [keyOffset, keyOffset + Self.key.count - 1] {
                try? FileManager.default.removeItem(atPath: copy)
                try FileManager.default.copyItem(atPath: backup, toPath: copy)
                try SiteFiles.flip(copy, at: offset)
                await #expect(throws: BackupError.self) { _ = try await SQLiteBackup.verify(copy, logger: SiteFiles.logger) }
            }
        }
    }

    @Test func aTruncatedEmptyOrMissingFileIsNotABackup() async throws {
        try await Self.withBackup { _, backup, _ in
            let truncated = backup + ".cat"
            try Data(try SiteFiles.bytes(backup).prefix(SiteFiles.size(backup) - 4096)).write(to: URL(fileURLWithPath: truncated))
            let empty = backup + ".rong"
            #expect(FileManager.default.createFile(atPath: empty, contents: nil))
            for path in [truncated, empty, backup + ".khong-co"] {
                await #expect(throws: BackupError.self, "\(path)") { _ = try await SQLiteBackup.verify(path, logger: SiteFiles.logger) }
            }
        }
    }

    /// A sound SQLite database that is a site, not a backup (the operator gave the wrong file): refused with the
    /// message that says so, as `newsroom backup --verify` and `newsroom restore` print it, not SQLite's own English.
    @Test func aSiteIsNotABackup() async throws {
        try await Self.withBackup { site, _, _ in
            let error = await #expect(throws: BackupError.self) { _ = try await SQLiteBackup.verify(site, logger: SiteFiles.logger) }
            #expect(error?.description.contains("không phải bản sao lưu của Newsroom") == true)
        }
    }
}
