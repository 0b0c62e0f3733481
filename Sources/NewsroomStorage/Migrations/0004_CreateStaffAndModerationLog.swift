/// Staff accounts (bcrypt hashes only), their sessions (keyed by a hash of the cookie, never the cookie itself),
/// failed-login counters shared by every instance, and the moderation log.
struct CreateStaffAndModerationLog: Migration {
    let version = 4
    let name = "CreateStaffAndModerationLog"

    func statements(for dialect: DatabaseDialect) -> [String] {
        let id = dialect.identityPrimaryKey
        let boolean = dialect.boolean
        let falseValue = dialect.literal(false)
        return [
            """
            CREATE TABLE staff (
                id \(id),
                email TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'moderator')),
                password_hash TEXT NOT NULL,
                disabled \(boolean) NOT NULL DEFAULT \(falseValue),
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                key_hash TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                expires_at BIGINT
            )
            """,
            "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
            """
            CREATE TABLE login_failures (
                key TEXT NOT NULL,
                failed_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX login_failures_by_key ON login_failures (key, failed_at)",
            """
            CREATE TABLE moderation_log (
                id \(id),
                staff_id BIGINT NOT NULL REFERENCES staff (id),
                comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
                action TEXT NOT NULL,
                before_text TEXT,
                after_text TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX moderation_log_by_comment ON moderation_log (comment_id, id)",
            "CREATE INDEX comments_by_reports ON comments (status, reports, id)",
        ]
    }
}
