/// Facts about the site itself (the fingerprint of its secret key, so a copy started with another key is refused
/// instead of silently invalidating every client hash and form token) and the log of scheduled backups the desk shows.
struct AddSiteKeyAndBackups: Migration {
    let version = 12
    let name = "AddSiteKeyAndBackups"

    func statements(for dialect: DatabaseDialect) -> [String] {
        [
            "CREATE TABLE site_facts (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE backup_runs (
                started_at BIGINT PRIMARY KEY,
                finished_at BIGINT NOT NULL,
                path TEXT NOT NULL,
                bytes BIGINT NOT NULL,
                succeeded INTEGER NOT NULL,
                message TEXT NOT NULL
            )
            """,
        ]
    }
}
