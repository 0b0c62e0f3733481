/// Reader reports (one per client and comment, with a reason) and bans of an e-mail or a client.
struct AddReportsAndBans: Migration {
    let version = 6
    let name = "AddReportsAndBans"

    func statements(for dialect: DatabaseDialect) -> [String] {
        let id = dialect.identityPrimaryKey
        return [
            """
            CREATE TABLE comment_reports (
                comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
                client TEXT NOT NULL,
                reason TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (comment_id, client)
            )
            """,
            """
            CREATE TABLE bans (
                id \(id),
                kind TEXT NOT NULL CHECK (kind IN ('email', 'client')),
                value TEXT NOT NULL,
                staff_id BIGINT REFERENCES staff (id),
                created_at BIGINT NOT NULL,
                UNIQUE (kind, value)
            )
            """,
            "CREATE INDEX comments_by_email_status ON comments (email, status)",
            "CREATE INDEX comments_by_status_created ON comments (status, created_at)",
        ]
    }
}
