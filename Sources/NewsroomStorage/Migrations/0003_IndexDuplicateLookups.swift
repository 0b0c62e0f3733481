/// The duplicate check ("the same text from the same person") as an index seek: by client and by e-mail, each
/// with the body, instead of scanning everything a client ever posted on an article.
struct IndexDuplicateLookups: Migration {
    let version = 3
    let name = "IndexDuplicateLookups"

    func statements(for dialect: DatabaseDialect) -> [String] {
        switch dialect {
        case .sqlite:
            [
                "DROP INDEX comments_by_client",
                "CREATE INDEX comments_by_client_body ON comments (article_id, client_fingerprint, body)",
                "CREATE INDEX comments_by_email_body ON comments (article_id, email, body)",
            ]
        case .postgres:
            // A B-tree entry holds at most about 2.7 kB, less than a long Vietnamese comment: PostgreSQL indexes a
            // hash of the body, and the duplicate query compares `md5(body)` there.
            [
                "DROP INDEX comments_by_client",
                "CREATE INDEX comments_by_client_body ON comments (article_id, client_fingerprint, md5(body))",
                "CREATE INDEX comments_by_email_body ON comments (article_id, email, md5(body))",
            ]
        }
    }
}
