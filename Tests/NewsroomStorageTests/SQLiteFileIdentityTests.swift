import Foundation
import NewsroomCore
import NewsroomTestSupport
import Testing

@testable import NewsroomStorage

/// A write into a database file deleted or replaced since it was opened would be lost: it is refused, readiness says
/// why, and what the open file holds can still be read.
@Suite struct SQLiteFileIdentityTests {
    /// Opens a site, saves an article, lets `change` do something to the file at its path, and checks the store.
    func expectReplaced(_ change: (String) throws -> Void) async throws {
        try await TestStore.withSQLite { store, path in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            #expect(await store.database.readiness(within: .seconds(1)) == nil)
            try change(path)

            let error = await #expect(throws: StorageFailure.self) {
                _ = try await store.comments.insert(Fixtures.comment(article: article.id))
            }
            #expect(error?.reason == "database_replaced")
            #expect(error?.kind == .unavailable)
            #expect(error?.detail.contains(path) == true)
            let raw = await #expect(throws: StorageFailure.self) {
                try await store.database.write { db in try await db.raw("SELECT 1").run() }
            }
            #expect(raw?.reason == "database_replaced")

            let ready = await store.database.readiness(within: .seconds(1))
            #expect(ready?.reason == "database_replaced")
            #expect(ready?.kind == .unavailable)

            // Reads go on from the file that is still open.
            #expect(try await store.articles.count() == 1)
            #expect(try await store.articles.article(id: article.id)?.title == article.title)
            #expect(try await store.comments.list(status: nil).isEmpty)
        }
    }

    @Test func aRenamedFileRefusesWrites() async throws {
        try await expectReplaced { path in try FileManager.default.moveItem(atPath: path, toPath: path + ".doi-ten") }
    }

    @Test func aDeletedFileRefusesWrites() async throws {
        try await expectReplaced { path in try FileManager.default.removeItem(atPath: path) }
    }

    @Test func aFileReplacedByACopyRefusesWrites() async throws {
        try await expectReplaced { path in
            try FileManager.default.copyItem(atPath: path, toPath: path + ".ban-sao")
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: path + ".ban-sao", toPath: path)
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func theFileMovedBackIsWritableAgain() async throws {
        try await TestStore.withSQLite { store, path in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            try FileManager.default.moveItem(atPath: path, toPath: path + ".tam")
            #expect(await store.database.readiness(within: .seconds(1))?.reason == "database_replaced")
            try FileManager.default.moveItem(atPath: path + ".tam", toPath: path)
            #expect(await store.database.readiness(within: .seconds(1)) == nil)
            _ = try await store.comments.insert(Fixtures.comment(article: article.id))
            #expect(try await store.comments.list(status: nil).count == 1)
        }
    }

    /// Permissions do not bind root, so this runs only as another user.
    @Test(.enabled(if: geteuid() != 0)) func aFileMadeReadOnlyRefusesWritesAndIsNotReady() async throws {
        try await TestStore.withSQLite { store, path in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            chmod(path, 0o444)
            defer { chmod(path, 0o644) }
            let error = await #expect(throws: StorageFailure.self) {
                _ = try await store.comments.insert(Fixtures.comment(article: article.id))
            }
            #expect(error?.reason == "database_read_only")
            #expect(await store.database.readiness(within: .seconds(1))?.reason == "database_read_only")
            #expect(try await store.articles.count() == 1)
        }
    }

    @Test func openingAPathThatCannotBeCreatedFails() async throws {
        _ = try await SiteFiles.withDirectory { directory in
            await #expect(throws: (any Error).self) {
                _ = try await SQLiteStore.open(path: directory + "/khong-co/thu-muc/nay.sqlite", logger: SiteFiles.logger)
            }
        }
    }
}
