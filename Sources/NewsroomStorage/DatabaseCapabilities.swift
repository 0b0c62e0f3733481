/// What differs between the databases, each a protocol with one implementation per database, in a file named for it.
/// Chosen here, once, when a store is opened: no repository, and nothing above storage, asks which database it runs on.
struct DatabaseCapabilities: Sendable {
    let search: any SearchEngine
    let locks: any WriteLocks
    let duplicates: any DuplicateLookup
    let rateLimits: any RateLimitPlacement
    let changes: any ChangeFeed
    let backups: any SiteBackups

    init(_ database: any Database) {
        switch database.dialect {
        case .sqlite:
            // A store this process opened itself; nil for a wrapper (tests), which then polls and takes no backups.
            let store = database as? SQLiteStore
            search = SQLiteSearchEngine()
            locks = SQLiteWriteLocks()
            duplicates = SQLiteDuplicateLookup()
            rateLimits = SQLiteRateLimitPlacement()
            changes = SQLiteChangeFeed(store: store)
            backups = SQLiteSiteBackups(path: store?.path)
        case .postgres:
            let locks = PostgresWriteLocks()
            search = PostgresSearchEngine()
            self.locks = locks
            duplicates = PostgresDuplicateLookup()
            rateLimits = PostgresRateLimitPlacement(database: database, locks: locks)
            changes = PostgresChangeFeed(store: database as? PostgresStore)
            backups = PostgresSiteBackups()
        }
    }
}
