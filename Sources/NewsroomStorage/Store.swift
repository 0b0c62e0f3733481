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

    public init(database: any Database) {
        self.database = database
        self.articles = SQLArticleRepository(database: database)
        self.comments = SQLCommentRepository(database: database)
        self.staff = SQLStaffRepository(database: database)
        self.moderation = SQLModerationRepository(database: database)
        self.loginAttempts = SQLLoginAttempts(database: database)
        self.sessions = SQLSessionStore(database: database)
        self.words = SQLWordRuleRepository(database: database)
        self.standing = SQLReaderStandingRepository(database: database)
    }

    /// Opens the database named by `url` and brings an embedded SQLite file up to date. PostgreSQL is not
    /// supported by this version yet.
    public static func open(_ url: DatabaseURL, logger: Logger) async throws -> Store {
        switch url {
        case .sqlite(let path):
            let database = try await SQLiteStore.open(path: path, logger: logger)
            do {
                try await Migrations.apply(on: database, logger: logger)
            } catch {
                await database.close()
                throw error
            }
            return Store(database: database)
        case .postgres:
            throw ConfigurationError(
                setting: "NEWSROOM_DATABASE_URL", message: "phiên bản này chưa hỗ trợ PostgreSQL; dùng sqlite://ĐƯỜNG_DẪN")
        }
    }

    public func close() async { await database.close() }
}
