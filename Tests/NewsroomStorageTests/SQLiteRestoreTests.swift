import Foundation
import NewsroomCore
import NewsroomTestSupport
import Synchronization
import Testing

@testable import NewsroomStorage

/// Restoring a backup never replaces a site by accident, and a backup taken while the site serves holds every write
/// acknowledged before it began.
@Suite struct SQLiteRestoreTests {
    static let key = SQLiteBackupTests.key

    func counts(_ path: String) async throws -> (articles: Int, comments: Int) {
        let store = try await Store.open(.sqlite(path: path), logger: SiteFiles.logger)
        let counts = (try await store.articles.count(), try await store.comments.list(status: nil).count)
        await store.close()
        return counts
    }

    @Test func restoreRefusesASiteWithDataUnlessForced() async throws {
        try await SQLiteBackupTests.withBackup(articles: 3, comments: 5) { _, backup, _ in
            let directory = (backup as NSString).deletingLastPathComponent
            let target = directory + "/dang-chay.sqlite"
            try await SiteFiles.populate(target, articles: 7, comments: 2)
            let before = try SiteFiles.bytes(target)
            let error = await #expect(throws: BackupError.self) {
                _ = try await SQLiteBackup.restore(backup, to: target, force: false, logger: SiteFiles.logger)
            }
            #expect(error?.description.contains("--force") == true)
            #expect(try SiteFiles.bytes(target) == before)
            #expect(!FileManager.default.fileExists(atPath: SQLiteSite.keyPath(for: target)))

            let summary = try await SQLiteBackup.restore(backup, to: target, force: true, logger: SiteFiles.logger)
            #expect(summary.rows(of: "articles") == 3)
            #expect(summary.rows(of: "comments") == 5)
            let keyPath = SQLiteSite.keyPath(for: target)
            #expect(try SiteFiles.bytes(keyPath) == Self.key)
            #expect(SiteFiles.permissions(keyPath) == 0o600)
            #expect(SiteFiles.permissions(target) == 0o600)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(!names.contains { $0.contains(".restoring-") })
            // The restored site is the backup's, opens as a site would, and is no longer a backup.
            #expect(try await SQLiteSite.inspect(path: target, usesKeyFile: true, check: .full, logger: SiteFiles.logger) == false)
            #expect(try await counts(target) == (3, 5))
            await #expect(throws: (any Error).self) { _ = try await SQLiteBackup.verify(target, logger: SiteFiles.logger) }
            // The backup itself is untouched.
            #expect(try await SQLiteBackup.verify(backup, logger: SiteFiles.logger).key == Self.key)
        }
    }

    @Test func restoreNeedsNoForceWhereThereIsNoSiteOrAnEmptyOne() async throws {
        try await SQLiteBackupTests.withBackup(articles: 2, comments: 1) { _, backup, _ in
            let directory = (backup as NSString).deletingLastPathComponent
            let fresh = directory + "/moi.sqlite"
            _ = try await SQLiteBackup.restore(backup, to: fresh, force: false, logger: SiteFiles.logger)
            #expect(try await counts(fresh) == (2, 1))
            #expect(try SiteFiles.bytes(SQLiteSite.keyPath(for: fresh)) == Self.key)

            let empty = directory + "/trong.sqlite"
            try await SiteFiles.populate(empty, articles: 0, comments: 0)
            _ = try await SQLiteBackup.restore(backup, to: empty, force: false, logger: SiteFiles.logger)
            #expect(try await counts(empty) == (2, 1))
        }
    }

    @Test func aDamagedBackupIsNeverRestored() async throws {
        try await SQLiteBackupTests.withBackup { _, backup, _ in
            let target = (backup as NSString).deletingLastPathComponent + "/dang-chay.sqlite"
            try await SiteFiles.populate(target, articles: 4, comments: 0)
            let before = try SiteFiles.bytes(target)
            try SiteFiles.flip(backup, at: SiteFiles.size(backup) / 2)
            await #expect(throws: BackupError.self) {
                _ = try await SQLiteBackup.restore(backup, to: target, force: true, logger: SiteFiles.logger)
            }
            #expect(try SiteFiles.bytes(target) == before)
            #expect(!FileManager.default.fileExists(atPath: SQLiteSite.keyPath(for: target)))
        }
    }

    /// Comments keep arriving while the backup is taken: every one acknowledged before `take` began is in it, and
    /// nothing that was never written.
    @Test func aBackupTakenWhileWritesContinueHoldsEveryAcknowledgedComment() async throws {
        try await TestStore.withSQLite { store, path in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            let writes = Writes()
            let writers = (0..<3).map { writer in
                Task {
                    var index = 0
                    while !writes.stopped {
                        let body = "Người viết \(writer), ý kiến số \(index)"
                        writes.attempt(body)
                        _ = try await store.comments.insert(Fixtures.comment(article: article.id, body: body))
                        writes.acknowledge(body)
                        index += 1
                    }
                }
            }
            while writes.acknowledged.count < 60 { try await Task.sleep(for: .milliseconds(5)) }
            let before = Set(writes.acknowledged)
            let backup = path + ".backup"
            let summary = try await store.backup(to: backup, key: Self.key, logger: SiteFiles.logger)
            let during = writes.acknowledged.count
            try await Task.sleep(for: .milliseconds(50))
            writes.stop()
            for writer in writers { try await writer.value }
            #expect(writes.acknowledged.count > during, "the writers went on while the backup was taken")

            let restored = path + ".restored"
            _ = try await SQLiteBackup.restore(backup, to: restored, force: false, logger: SiteFiles.logger)
            let copy = try await Store.open(.sqlite(path: restored), logger: SiteFiles.logger)
            let inBackup = Set(try await copy.comments.list(status: nil).map(\.body))
            await copy.close()
            #expect(before.isSubset(of: inBackup), "missing: \(before.subtracting(inBackup).sorted().prefix(5))")
            #expect(inBackup.isSubset(of: writes.attempted))
            #expect(summary.rows(of: "comments") == inBackup.count)
            #expect(try await store.comments.list(status: nil).count == writes.acknowledged.count)
        }
    }

    /// What the writers did, shared with the test.
    final class Writes: Sendable {
        private let state = Mutex<(attempted: Set<String>, acknowledged: [String], stopped: Bool)>(([], [], false))

        var attempted: Set<String> { state.withLock { $0.attempted } }
        var acknowledged: [String] { state.withLock { $0.acknowledged } }
        var stopped: Bool { state.withLock { $0.stopped } }

        func attempt(_ body: String) { state.withLock { _ = $0.attempted.insert(body) } }
        func acknowledge(_ body: String) { state.withLock { $0.acknowledged.append(body) } }
        func stop() { state.withLock { $0.stopped = true } }
    }
}
