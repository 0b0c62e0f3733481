import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import SQLKit
import Synchronization

@testable import NewsroomWeb

/// A database that is the real one until a test makes its reads or writes fail as a sick database does, and that
/// counts what the site asked of it.
final class ScriptedDatabase: Database {
    private let inner: any Database
    private let state = Mutex<(read: StorageFailure?, write: StorageFailure?, calls: Int)>((nil, nil, 0))

    init(_ inner: any Database) { self.inner = inner }

    var dialect: DatabaseDialect { inner.dialect }

    /// Reads, writes and readiness checks so far.
    var calls: Int { state.withLock { $0.calls } }

    func failReads(_ failure: StorageFailure?) { state.withLock { $0.read = failure } }
    func failWrites(_ failure: StorageFailure?) { state.withLock { $0.write = failure } }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let failure = state.withLock({
            $0.calls += 1; return $0.read
        }) {
            throw failure
        }
        return try await inner.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let failure = state.withLock({
            $0.calls += 1; return $0.write
        }) {
            throw failure
        }
        return try await inner.write(body)
    }

    func readiness(within limit: Duration) async -> StorageFailure? {
        if let failure = state.withLock({
            $0.calls += 1; return $0.read ?? $0.write
        }) {
            return failure
        }
        return await inner.readiness(within: limit)
    }

    func close() async { await inner.close() }
}

/// The router over a scripted database on every backend; the store is the real one's, through the script.
func withScriptedApp<T>(
    moderation: ModerationMode = .post, _ body: @escaping @Sendable (any TestClientProtocol, Store, ScriptedDatabase) async throws -> T
) async throws -> T {
    try await TestStore.with { real in
        let database = ScriptedDatabase(real.database)
        let store = Store(database: database)
        let config = AppConfig(
            moderation: moderation, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, minimumFormSeconds: 0)
        let app = Application(router: buildRouter(config, store: store, now: { Fixtures.now }))
        return try await app.test(.router) { client in try await body(client, store, database) }
    }
}

/// The router over a temporary SQLite site; the third argument is its file's path.
func withSQLiteApp<T>(_ body: @escaping @Sendable (any TestClientProtocol, Store, String) async throws -> T) async throws -> T {
    try await TestStore.withSQLite { store, path in
        let config = AppConfig(moderation: .post, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, minimumFormSeconds: 0)
        let app = Application(router: buildRouter(config, store: store, now: { Fixtures.now }))
        return try await app.test(.router) { client in try await body(client, store, path) }
    }
}
