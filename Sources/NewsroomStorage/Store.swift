import Logging

/// The storage a running Newsroom uses: one database and the repositories over it.
public struct Store: Sendable {
    public let database: any Database
    public let articles: SQLArticleRepository
    public let comments: SQLCommentRepository
    public let staff: SQLStaffRepository
    public let moderation: SQLModerationRepository
    public let loginAttempts: SQLLoginAttempts
    public let sessions: SQLSessionStore
    public let words: SQLWordRuleRepository
    public let standing: SQLReaderStandingRepository
    public let events: SQLArticleEventRepository
    public let search: SQLSearchRepository
    public let site: SQLSiteRepository

    public init(database: any Database) {
        self.database = database
        self.articles = SQLArticleRepository(database: database)
        self.search = SQLSearchRepository(database: database)
        self.comments = SQLCommentRepository(database: database)
        self.staff = SQLStaffRepository(database: database)
        self.moderation = SQLModerationRepository(database: database)
        self.loginAttempts = SQLLoginAttempts(database: database)
        self.sessions = SQLSessionStore(database: database)
        self.words = SQLWordRuleRepository(database: database)
        self.standing = SQLReaderStandingRepository(database: database)
        self.events = SQLArticleEventRepository(database: database)
        self.site = SQLSiteRepository(database: database)
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

    /// Takes a verified-on-read backup of the site into the new file `destination`, with its key (SQLite only:
    /// PostgreSQL is backed up with `pg_dump`, see the README).
    public func backup(to destination: String, key: [UInt8], logger: Logger) async throws -> SQLiteBackup.Summary {
        guard let sqlite = database as? SQLiteStore else {
            throw BackupError("trang chạy trên PostgreSQL: sao lưu bằng pg_dump như README hướng dẫn")
        }
        return try await SQLiteBackup.take(from: sqlite.path, to: destination, key: key, logger: logger)
    }

    public func close() async { await database.close() }
}
