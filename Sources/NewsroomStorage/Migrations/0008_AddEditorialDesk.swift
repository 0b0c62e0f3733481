/// The editors' desk: an article's status (draft, scheduled, published, unpublished), its Markdown source, cover,
/// featured flag and moderation mode; categories, tags and authors (topics) with their own pages; and revisions.
struct AddEditorialDesk: Migration {
    let version = 8
    let name = "AddEditorialDesk"

    func statements(for dialect: DatabaseDialect) -> [String] {
        let id = dialect.identityPrimaryKey
        let boolean = dialect.boolean
        return [
            """
            ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
                CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished'))
            """,
            "ALTER TABLE articles ADD COLUMN markdown TEXT",
            "ALTER TABLE articles ADD COLUMN cover_image TEXT",
            "ALTER TABLE articles ADD COLUMN featured \(boolean) NOT NULL DEFAULT \(dialect.literal(false))",
            "ALTER TABLE articles ADD COLUMN moderation TEXT CHECK (moderation IN ('pre', 'post'))",
            "CREATE INDEX articles_by_status ON articles (status, published_at DESC, id DESC)",
            """
            CREATE TABLE topics (
                id \(id),
                kind TEXT NOT NULL CHECK (kind IN ('category', 'tag', 'author')),
                slug TEXT NOT NULL,
                name TEXT NOT NULL,
                UNIQUE (kind, slug)
            )
            """,
            """
            CREATE TABLE article_topics (
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                topic_id BIGINT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                PRIMARY KEY (article_id, topic_id)
            )
            """,
            "CREATE INDEX article_topics_by_topic ON article_topics (topic_id, article_id)",
            """
            CREATE TABLE article_revisions (
                id \(id),
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                editor TEXT NOT NULL,
                draft TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id)",
        ]
    }
}
