import Foundation
import Logging
import NewsroomCore

/// The storage a running Newsroom uses: one database and the repositories over it.
public struct Store: Sendable {
    public let database: any Database
    public let articles: any ArticleRepository
    public let comments: any CommentRepository
    public let staff: any StaffRepository
    public let moderation: any ModerationRepository
    public let loginAttempts: any LoginAttemptRepository
    public let sessions: any SessionRepository
    public let words: any WordRuleRepository
    public let standing: any ReaderStandingRepository
    public let events: any ArticleEventRepository
    public let search: any SearchRepository
    public let site: any SiteRepository
    public let highlights: any HighlightRepository
    /// How this process learns of events committed to the log, by itself or by other instances.
    public let changes: any ChangeFeed
    private let capabilities: DatabaseCapabilities

    public init(database: any Database) {
        self.database = database
        self.capabilities = DatabaseCapabilities(database)
        self.changes = capabilities.changes
        self.articles = SQLArticleRepository(database: database, searchEngine: capabilities.search)
        self.search = SQLSearchRepository(database: database, engine: capabilities.search)
        self.comments = SQLCommentRepository(database: database, locks: capabilities.locks, duplicates: capabilities.duplicates)
        self.staff = SQLStaffRepository(database: database)
        self.moderation = SQLModerationRepository(database: database, engine: capabilities.search)
        self.loginAttempts = SQLLoginAttempts(database: database, locks: capabilities.locks)
        self.sessions = SQLSessionStore(database: database)
        self.words = SQLWordRuleRepository(database: database)
        self.standing = SQLReaderStandingRepository(database: database, locks: capabilities.locks)
        self.events = SQLArticleEventRepository(database: database)
        self.site = SQLSiteRepository(database: database)
        self.highlights = SQLHighlightRepository(database: database)
    }

    /// What opening does about migrations not yet applied.
    public enum MigrationPolicy: Sendable {
        /// Apply them (SQLite always does: one process owns the file).
        case apply
        /// Refuse to open PostgreSQL while any are pending, naming them: several instances share it, and
        /// changing its schema is the operator's decision (`--migrate`, `newsroom migrate`).
        case refusePending
        /// Open as it is (to list what is pending).
        case leave
    }

    /// Opens the database named by `url`, handling pending migrations as `migrations` says; `tune` changes the
    /// PostgreSQL pool's size and waits from their defaults.
    public static func open(
        _ url: DatabaseURL, migrations: MigrationPolicy = .refusePending, tune: (inout PostgresSettings) -> Void = { _ in },
        logger: Logger
    ) async throws -> Store {
        let database: any Database
        switch url {
        case .sqlite(let path):
            database = try await SQLiteStore.open(path: path, logger: logger)
        case .postgres(let text):
            var settings = try PostgresSettings(url: text)
            tune(&settings)
            database = try await PostgresStore.open(settings: settings, logger: logger)
        }
        let prepare: @Sendable (any Database) async throws -> Void = { database in
            if migrations == .apply || (database.dialect == .sqlite && migrations != .leave) {
                try await Migrations.apply(on: database, logger: logger)
            } else if migrations == .refusePending {
                let pending = try await Migrations.pending(on: database)
                if !pending.isEmpty {
                    throw ConfigurationError(
                        setting: "--migrate",
                        message:
                            "cơ sở dữ liệu còn \(pending.count) migration chưa áp dụng (\(pending.map { "\($0.version) \($0.name)" }.joined(separator: ", "))); chạy `newsroom migrate` hoặc thêm --migrate"
                    )
                }
            }
        }
        if let postgres = database as? PostgresStore, postgres.outage != nil {
            // Not reachable yet: the schema is checked when it is, before the store serves.
            postgres.admit(when: prepare)
            return Store(database: database)
        }
        do {
            try await prepare(database)
        } catch {
            await database.close()
            throw error
        }
        return Store(database: database)
    }

    /// Migrations not yet applied to this store's database.
    public func pendingMigrations() async throws -> [(version: Int, name: String)] {
        try await Migrations.pending(on: database).map { ($0.version, $0.name) }
    }

    /// Applies pending migrations; returns how many ran.
    @discardableResult
    public func migrate(logger: Logger) async throws -> Int { try await Migrations.apply(on: database, logger: logger) }

    /// Takes a verified-on-read backup of the site into the new file `destination`, with its key; throws
    /// `BackupError` where the database is backed up with its own tools (see the README).
    public func backup(to destination: String, key: [UInt8], logger: Logger) async throws -> BackupSummary {
        try await capabilities.backups.take(to: destination, key: key, logger: logger)
    }

    /// Reads the backup at `path` back and checks it whole; returns what it holds, or throws `BackupError`.
    public func verifyBackup(_ path: String, logger: Logger) async throws -> BackupSummary {
        try await capabilities.backups.verify(path, logger: logger)
    }

    /// Where the comment limits count, chosen for the database (nil without limits): in the database where several
    /// instances share it, so they share the counts; in memory where one process serves the site.
    public func commentLimiter(_ limits: [RateLimit]) -> (any RateLimitStore)? {
        limits.isEmpty ? nil : capabilities.rateLimits.limiter(limits)
    }

    /// Forgets the comment-limit events kept in the database that have left every window of `limits`.
    public func forgetLimitEvents(limits: [RateLimit], now: Date) async throws {
        try await SQLRateLimiter(database: database, locks: capabilities.locks, limits: limits).sweep(now: now)
    }

    public func close() async { await database.close() }
}
