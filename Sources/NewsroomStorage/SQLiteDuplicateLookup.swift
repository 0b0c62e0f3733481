import SQLKit

/// SQLite indexes the comment's text itself (migration 3).
struct SQLiteDuplicateLookup: DuplicateLookup {
    func sameBody(_ body: String) -> SQLQueryString { "body = \(bind: body)" }
}
