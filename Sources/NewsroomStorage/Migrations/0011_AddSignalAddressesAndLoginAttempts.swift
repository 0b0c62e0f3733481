/// Reader signals bound to the client's address as well as its cookie (likes and reports are limited per address,
/// and a report threshold counts distinct addresses); reports a moderator has answered by approving stop counting;
/// login failures are recorded before the password is checked, tagged by attempt so a success can take its own back;
/// sessions name their staff member, so a password change can end them.
struct AddSignalAddressesAndLoginAttempts: Migration {
    let version = 11
    let name = "AddSignalAddressesAndLoginAttempts"

    func statements(for dialect: DatabaseDialect) -> [String] {
        [
            "ALTER TABLE comment_likes ADD COLUMN address TEXT",
            "CREATE INDEX comment_likes_by_address ON comment_likes (comment_id, address, created_at)",
            "ALTER TABLE comment_reports ADD COLUMN address TEXT",
            "ALTER TABLE comment_reports ADD COLUMN cleared INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX comment_reports_by_address ON comment_reports (comment_id, cleared, address)",
            "ALTER TABLE comments ADD COLUMN reports_cleared INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE login_failures ADD COLUMN attempt TEXT",
            "CREATE INDEX login_failures_by_attempt ON login_failures (attempt)",
            "ALTER TABLE sessions ADD COLUMN staff_id BIGINT",
            "CREATE INDEX sessions_by_staff ON sessions (staff_id)",
        ]
    }
}
