/// What moving in and embedding need: the ids an article or comment had where it came from (so importing the same
/// export again updates instead of duplicating), the old addresses that answer 301 to an article, comment threads
/// for pages of another site (an article row that is only a comment section, named by the page's canonical URL),
/// and on comments the commenter's own web address and whether the host site vouched for the name.
struct AddImportsAndEmbeds: Migration {
    let version = 13
    let name = "AddImportsAndEmbeds"

    func statements(for dialect: DatabaseDialect) -> [String] {
        let boolean = dialect.boolean
        return [
            "ALTER TABLE articles ADD COLUMN embed_url TEXT",
            "ALTER TABLE articles ADD COLUMN embed_site TEXT",
            "CREATE UNIQUE INDEX articles_by_embed_url ON articles (embed_url)",
            "ALTER TABLE comments ADD COLUMN author_url TEXT",
            "ALTER TABLE comments ADD COLUMN verified \(boolean) NOT NULL DEFAULT \(dialect.literal(false))",
            """
            CREATE TABLE import_keys (
                source TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('article', 'comment')),
                external_id TEXT NOT NULL,
                local_id BIGINT NOT NULL,
                PRIMARY KEY (source, kind, external_id)
            )
            """,
            """
            CREATE TABLE redirects (
                path TEXT PRIMARY KEY,
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX redirects_by_article ON redirects (article_id)",
        ]
    }
}
