/// The search index of published articles, and the moderators' index of comments (author and text, any status). Both databases index the same text, folded and exact keys made in Swift
/// (`SearchText`): FTS5 on SQLite (ranked with BM25), `tsvector` with the `simple` configuration and GIN on
/// PostgreSQL. Each has three fields, weighted: the title, the lede (sapo and tags), the body.
/// The articles already published are indexed right after this migration (`SearchIndex.rebuild`). Comments are
/// indexed when a moderator searches, from where `search_progress` says the index stopped, so posting a comment
/// does no indexing work.
struct AddSearchIndex: Migration {
    let version = 9
    let name = "AddSearchIndex"

    func statements(for dialect: DatabaseDialect) -> [String] {
        ["CREATE TABLE search_progress (name TEXT PRIMARY KEY, last_id BIGINT NOT NULL)"] + indexes(for: dialect)
    }

    func indexes(for dialect: DatabaseDialect) -> [String] {
        switch dialect {
        case .sqlite:
            [
                """
                CREATE VIRTUAL TABLE article_search USING fts5(
                    title_f, lede_f, body_f, title_e, lede_e, body_e,
                    tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
                )
                """,
                """
                CREATE VIRTUAL TABLE comment_search USING fts5(
                    folded, exact, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
                )
                """,
            ]
        case .postgres:
            [
                """
                CREATE TABLE article_search (
                    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                    folded TSVECTOR NOT NULL,
                    exact TSVECTOR NOT NULL
                )
                """,
                "CREATE INDEX article_search_folded ON article_search USING GIN (folded)",
                """
                CREATE TABLE comment_search (
                    comment_id BIGINT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
                    folded TSVECTOR NOT NULL,
                    exact TSVECTOR NOT NULL
                )
                """,
                "CREATE INDEX comment_search_folded ON comment_search USING GIN (folded)",
            ]
        }
    }
}
