import SQLKit

/// Making transactions that read, decide and write on the same keys (a reader's limits, a comment's likes) take
/// turns, where the database would otherwise run them side by side.
protocol WriteLocks: Sendable {
    /// Makes this transaction and any other that names one of the same keys take turns until they end.
    func serialise(on keys: [String], _ db: any SQLDatabase) async throws
}
