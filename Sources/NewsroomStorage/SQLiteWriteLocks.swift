import SQLKit

/// SQLite's writes already run one at a time (one writer connection), so there is nothing to take.
struct SQLiteWriteLocks: WriteLocks {
    func serialise(on keys: [String], _ db: any SQLDatabase) async throws {}
}
