import SQLKit

/// PostgreSQL's B-tree entries hold less than a long Vietnamese comment, so it indexes a hash of the text (migration 3).
struct PostgresDuplicateLookup: DuplicateLookup {
    func sameBody(_ body: String) -> SQLQueryString { "md5(body) = md5(\(bind: body)) AND body = \(bind: body)" }
}
