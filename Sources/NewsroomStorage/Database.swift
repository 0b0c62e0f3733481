import Logging
import SQLKit

/// How the repositories reach a database: reads from a pool, writes through transactions that never
/// interleave. The SQLite implementation is `SQLiteStore`; PostgreSQL comes with its own.
public protocol Database: Sendable {
    /// Which SQL dialect the database speaks: what the migrations write, and which implementation of each capability
    /// that differs (`DatabaseCapabilities`) the store is opened with.
    var dialect: DatabaseDialect { get }

    /// Runs read-only work on one of the read connections.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` atomically and returns once its changes are durably committed; when it throws, none of its
    /// changes remain. Concurrent writes may share one transaction (each in its own savepoint), so one commit
    /// and one fsync serve a burst of comments.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// nil when the database answers a trivial query within `limit` and can take writes (SQLite: the file opened is
    /// still at its path and writable); otherwise why not, for `/readyz`.
    func readiness(within limit: Duration) async -> StorageFailure?

    /// Closes every connection.
    func close() async
}
