import SQLKit

/// PostgreSQL serves many transactions at once, so it takes an advisory lock per key, in key order (two transactions
/// sharing keys then cannot wait on each other), held until the transaction ends.
struct PostgresWriteLocks: WriteLocks {
    func serialise(on keys: [String], _ db: any SQLDatabase) async throws {
        guard !keys.isEmpty else { return }
        // Keyed by schema too: sites in different schemas of one server (or tests) never wait for each other.
        try await db.raw(
            """
            SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':' || k))
            FROM (SELECT unnest(\(bind: keys.sorted())::TEXT[]) AS k ORDER BY k) keys
            """
        ).run()
    }
}
