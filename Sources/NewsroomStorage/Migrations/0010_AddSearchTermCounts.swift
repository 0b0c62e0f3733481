/// SQLite's count of indexed articles per key (`SearchTermCounts`), which BM25 reads instead of counting on every
/// query, and `article_search_terms`, FTS5's own view of its vocabulary, from which a rebuild fills it. The index is
/// rebuilt after this migration. PostgreSQL needs neither.
struct AddSearchTermCounts: Migration {
    let version = 10
    let name = "AddSearchTermCounts"

    func statements(for dialect: DatabaseDialect) -> [String] {
        switch dialect {
        case .sqlite:
            [
                "CREATE TABLE search_terms (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID",
                "CREATE VIRTUAL TABLE article_search_terms USING fts5vocab(article_search, row)",
            ]
        case .postgres: []
        }
    }
}
