/// Articles, comments (threads two levels deep, with the comment each reply answers) and likes.
/// Times are milliseconds since 1970 in a BIGINT, which both dialects sort and compare the same way.
struct CreateArticlesAndComments: Migration {
    let version = 1
    let name = "CreateArticlesAndComments"

    func statements(for dialect: DatabaseDialect) -> [String] {
        let id = dialect.identityPrimaryKey
        let boolean = dialect.boolean
        let trueValue = dialect.literal(true)
        return [
            """
            CREATE TABLE articles (
                id \(id),
                slug TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                sapo TEXT NOT NULL,
                body TEXT NOT NULL,
                comments_open \(boolean) NOT NULL DEFAULT \(trueValue),
                published_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX articles_by_published ON articles (published_at DESC, id DESC)",
            """
            CREATE TABLE comments (
                id \(id),
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                parent_id BIGINT REFERENCES comments (id) ON DELETE CASCADE,
                reply_to_id BIGINT REFERENCES comments (id) ON DELETE SET NULL,
                author TEXT NOT NULL,
                email TEXT,
                body TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'spam')),
                likes INTEGER NOT NULL DEFAULT 0,
                reports INTEGER NOT NULL DEFAULT 0,
                client_fingerprint TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX comments_by_article ON comments (article_id, status, parent_id, id)",
            "CREATE INDEX comments_by_thread ON comments (parent_id, status, id)",
            "CREATE INDEX comments_by_status ON comments (status, id)",
            "CREATE INDEX comments_by_client ON comments (article_id, client_fingerprint, created_at)",
            """
            CREATE TABLE comment_likes (
                comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
                client TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (comment_id, client)
            )
            """,
        ]
    }
}
