/// A counter on each article that every change to what its page shows (a published comment, a status change,
/// a like, an edit) increases in the same transaction, so a cached rendering can be checked with one read.
struct AddCommentsVersion: Migration {
    let version = 2
    let name = "AddCommentsVersion"

    func statements(for dialect: DatabaseDialect) -> [String] {
        ["ALTER TABLE articles ADD COLUMN comments_version BIGINT NOT NULL DEFAULT 0"]
    }
}
