import Logging
import SQLKit

/// How the repositories reach a database: reads from a pool, writes through transactions that never
/// interleave. The SQLite implementation is `SQLiteStore`; PostgreSQL comes with its own.
public protocol Database: Sendable {
    /// Which SQL dialect the database speaks, for the few statements that differ.
    var dialect: DatabaseDialect { get }

    /// Runs read-only work on one of the read connections.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` in one transaction: committed (durably) when it returns, rolled back when it throws.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Closes every connection.
    func close() async
}

/// The SQL dialects Newsroom supports.
public enum DatabaseDialect: Sendable {
    case sqlite, postgres
}
