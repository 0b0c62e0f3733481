import Foundation
import Logging
import SQLKit

/// One numbered, append-only change to the schema, written for every dialect in the same type.
protocol Migration: Sendable {
    var version: Int { get }
    var name: String { get }
    /// The statements of this change in a dialect, run in one transaction.
    func statements(for dialect: DatabaseDialect) -> [String]
}

/// Every migration, in order. Append only: a released migration is never edited.
enum Migrations {
    static let all: [any Migration] = [
        CreateArticlesAndComments(),
        AddCommentsVersion(),
        IndexDuplicateLookups(),
        CreateStaffAndModerationLog(),
        AddWordRulesAndHeldReasons(),
        AddReportsAndBans(),
        AddSharedLimitsAndEvents(),
        AddEditorialDesk(),
        AddSearchIndex(),
        AddSearchTermCounts(),
        AddSignalAddressesAndLoginAttempts(),
        AddSiteKeyAndBackups(),
        AddImportsAndEmbeds(),
        AddFeaturesViewsAndRelated(),
    ]

    /// Several instances may start together on one PostgreSQL: they take turns through this advisory lock.
    private static func serialise(_ db: any SQLDatabase, _ locks: any WriteLocks) async throws {
        try await locks.serialise(on: ["newsroom-migrations"], db)
    }

    /// Versions not yet applied to this database, in order.
    static func pending(on database: any Database) async throws -> [any Migration] {
        let locks = DatabaseCapabilities(database).locks
        try await database.write { db in
            try await serialise(db, locks)
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
        }
        let applied = try await database.read { db in
            try await db.raw("SELECT version FROM schema_migrations").all().map { try $0.decode(column: "version", as: Int.self) }
        }
        return all.filter { !applied.contains($0.version) }
    }

    /// Applies every pending migration, each in its own transaction; returns how many ran.
    @discardableResult
    static func apply(on database: any Database, logger: Logger) async throws -> Int {
        let pending = try await pending(on: database)
        let capabilities = DatabaseCapabilities(database)
        var reindex = false
        for migration in pending {
            let statements = migration.statements(for: database.dialect)
            let applied = try await database.write { db -> Bool in
                try await serialise(db, capabilities.locks)
                // Another instance may have applied it while this one waited for the lock.
                let done = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                guard done == nil else { return false }
                for statement in statements { try await db.raw("\(unsafeRaw: statement)").run() }
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp(Date())))
                    .run()
                return true
            }
            if applied {
                logger.info("Đã áp dụng migration \(migration.version) \(migration.name)")
                // The counts (SQLite only) are made by a rebuild.
                if migration is AddSearchIndex || (migration is AddSearchTermCounts && database.dialect == .sqlite) { reindex = true }
            }
        }
        // The index is made of text folded in Swift: the articles already published are indexed here, once.
        if reindex {
            let count = try await SearchIndex.rebuild(on: database, engine: capabilities.search)
            logger.info("Đã lập chỉ mục tìm kiếm cho \(count) bài viết")
        }
        return pending.count
    }
}
