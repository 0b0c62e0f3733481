import SQLKit

/// The store as the admission check sees it while the store is out: the same pool, without the gate.
struct UnguardedPostgresStore: Database {
    let store: PostgresStore
    var dialect: DatabaseDialect { .postgres }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await store.read(guarded: false, body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await store.write(guarded: false, body)
    }

    func readiness(within limit: Duration) async -> StorageFailure? { nil }

    func close() async {}
}
