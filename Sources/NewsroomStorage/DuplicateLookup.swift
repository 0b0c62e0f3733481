import SQLKit

/// How comments with a given body are found, for the duplicate check, in a way the database answers from its index.
protocol DuplicateLookup: Sendable {
    /// `body = ?`, as the database's index can answer it.
    func sameBody(_ body: String) -> SQLQueryString
}
