import Logging
import Metrics
import PostgresKit
import PostgresNIO
import SQLKit
import Synchronization

/// PostgreSQL as several instances share it: reads and writes from a pool of connections, each write in a
/// transaction of its own (the server orders concurrent ones; there is no writer to batch behind), and a separate
/// connection that LISTENs for what other instances announce (`listenForEvents`).
///
/// Every wait is bounded, so a request gets an answer whatever the server does: a connection from the pool within
/// `acquireTimeout`, a statement's answer within the statement timeout and a second. Once the server is found
/// unreachable the store is *out*: every call fails at once with `StorageFailure` (503) instead of queueing, while
/// a watcher tries a fresh connection ten times a second; when one answers, the pool is replaced (the old one may be
/// backing off for up to a minute) and service resumes.
public final class PostgresStore: Database {
    public let dialect = DatabaseDialect.postgres
    public let settings: PostgresSettings
    private let logger: Logger
    private let pool: Mutex<Pool>
    private let health = Mutex(Health())
    private let watcher = Mutex<Task<Void, Never>?>(nil)
    /// The watcher's own connection, kept open between its questions; none is kept once the store is closing.
    private let heartbeat = Mutex<(connection: PostgresConnection?, closing: Bool)>((nil, false))
    /// Every operation in flight, failed at once when the store goes out.
    private let inFlight = Abandonment()

    private struct Pool {
        var client: PostgresClient
        var run: Task<Void, Never>

        init(settings: PostgresSettings, logger: Logger) {
            let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
            self.client = client
            self.run = Task { await client.run() }
        }
    }

    private struct Health {
        /// Why the store is out; nil while it serves.
        var outage: StorageFailure?
        /// A wait for the pool ran out: the watcher checks the server at its next turn.
        var suspect = false
        /// What must hold before the store serves again (pending migrations, say).
        var admission: (@Sendable (any Database) async throws -> Void)?
    }

    private let waits = Metrics.Timer(label: "newsroom_database_wait_seconds")
    private let inUse = Meter(label: "newsroom_database_connections_in_use")

    private init(settings: PostgresSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
        self.pool = Mutex(Pool(settings: settings, logger: logger))
    }

    /// Opens a pool on the server. A server that refuses the site (a wrong password, a database that does not exist)
    /// is an error; one that cannot be reached yet is not: the store starts out and serves once it can.
    public static func open(settings: PostgresSettings, logger: Logger) async throws -> PostgresStore {
        let store = PostgresStore(settings: settings, logger: logger)
        if let failure = await store.probe() {
            if failure.reason == "database_refused" {
                await store.close()
                throw ConfigurationError(
                    setting: "NEWSROOM_DATABASE_URL", message: "\(failure.detail); kiểm tra tên người dùng, mật khẩu và tên cơ sở dữ liệu")
            }
            logger.warning(
                "Chưa kết nối được PostgreSQL tại \(settings.host):\(settings.port) (\(failure.detail)); trang trả lời 503 và thử lại liên tục."
            )
            store.health.withLock { $0.outage = failure }
        }
        store.watcher.withLock { $0 = Task { await store.watch() } }
        return store
    }

    /// Whether the server answers `SELECT 1` on the watcher's own connection (not the pool's, opened first if need be)
    /// within the heartbeat timeout: nil when it does. A server that answers with an error (too many connections, say)
    /// is alive; one that refuses the site is not.
    private func probe() async -> StorageFailure? {
        do {
            let connection = try await heartbeatConnection()
            try await withDeadline(settings.heartbeatTimeout) { _ in _ = try await connection.sql().raw("SELECT 1 AS one").first() }
            return nil
        } catch {
            Self.discard(
                heartbeat.withLock { slot in
                    defer { slot.connection = nil }
                    return slot.connection
                })
            let failure = StorageFailure.classify(error) ?? .unreachable("không nhận được câu trả lời (\(type(of: error)))")
            if let error = error as? PSQLError, error.code == .server, failure.reason != "database_refused" { return nil }
            return failure
        }
    }

    /// The watcher's connection: the one kept, or a new one, kept unless the store is closing meanwhile.
    private func heartbeatConnection() async throws -> PostgresConnection {
        if let kept = heartbeat.withLock({ $0.connection }) { return kept }
        let connection = try await dedicatedConnection(logger: logger)
        let closing = heartbeat.withLock { slot in
            if !slot.closing { slot.connection = connection }
            return slot.closing
        }
        if closing {
            Self.discard(connection)
            throw CancellationError()
        }
        return connection
    }

    /// Closes a connection without waiting, keeping it alive until it is closed (PostgresNIO requires that).
    private static func discard(_ connection: PostgresConnection?) {
        guard let connection else { return }
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs while the store is open: asks the server twice a second while it serves (a server that stops answering,
    /// frozen or cut off, puts the store out within a second and a half, its requests in flight answered then), ten
    /// times a second while it is out or a pool wait ran out.
    private func watch() async {
        var reported = false
        while !Task.isCancelled {
            let (outage, suspect) = health.withLock { ($0.outage, $0.suspect) }
            try? await Task.sleep(for: .milliseconds(outage != nil || suspect ? 100 : 500))
            if let failure = await probe() {
                // Closing cancels the probe in flight: that is not the server's failure.
                if Task.isCancelled { return }
                goOut(failure)
                health.withLock { $0.suspect = false }
                if !reported { logger.error("PostgreSQL không trả lời: \(failure.detail)") }
                reported = true
                continue
            }
            guard outage != nil else {
                health.withLock { $0.suspect = false }
                continue
            }
            // The old pool may be backing off between attempts for up to a minute: a new one connects now.
            let old = pool.withLock { pool in
                defer { pool = Pool(settings: settings, logger: logger) }
                return pool.run
            }
            old.cancel()
            if let admission = health.withLock({ $0.admission }) {
                do {
                    try await admission(UnguardedPostgresStore(store: self))
                } catch {
                    health.withLock { $0.outage = StorageFailure(.unavailable, reason: "database_not_ready", detail: "\(error)") }
                    if !reported { logger.error("PostgreSQL đã trả lời nhưng chưa dùng được: \(error)") }
                    reported = true
                    // What is missing (a migration, say) needs an operator: look again in a while, not at once.
                    try? await Task.sleep(for: .seconds(2))
                    continue
                }
            }
            health.withLock { $0 = Health(admission: $0.admission) }
            logger.info("Đã kết nối lại PostgreSQL tại \(settings.host):\(settings.port).")
            reported = false
        }
    }

    /// The server is gone: every call fails at once from now on, and so does every one in flight (its connection
    /// died with the server, or will only time out). A false alarm costs a few 503s: the watcher finds the server
    /// answering within a tenth of a second and the store serves again.
    private func goOut(_ failure: StorageFailure) {
        let first = health.withLock { health in
            defer { health.outage = health.outage ?? failure }
            return health.outage == nil
        }
        if first { inFlight.abandonAll(failure) }
    }

    /// Sets what must hold before an out store serves again; while it throws, the store stays out with its message.
    public func admit(when check: @escaping @Sendable (any Database) async throws -> Void) {
        health.withLock { $0.admission = check }
    }

    /// Whether the store is serving.
    public var outage: StorageFailure? { health.withLock { $0.outage } }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await read(guarded: true, body)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await write(guarded: true, body)
    }

    func read<T: Sendable>(guarded: Bool, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection(guarded: guarded) { connection in try await body(connection.sql(queryLogLevel: .trace)) }
    }

    func write<T: Sendable>(guarded: Bool, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection(guarded: guarded) { connection in
            let db = connection.sql(queryLogLevel: .trace)
            try await db.raw("BEGIN").run()
            do {
                let value = try await body(db)
                let announce =
                    try await db.raw("SELECT current_setting('newsroom.events_written', true) AS flag").first()?
                    .decode(column: "flag", as: String?.self) == "on"
                try await db.raw("COMMIT").run()
                if announce { await Self.announce(on: db) }
                return value
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// A pooled connection for `body`, within the bounds; a failure that means the server is gone puts the store out.
    private func withConnection<T: Sendable>(
        guarded: Bool, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        if guarded, let outage { throw outage }
        let client = pool.withLock { $0.client }
        let asked = ContinuousClock.now
        let statementLimit = Duration.milliseconds(settings.statementTimeoutMilliseconds) + .seconds(1)
        do {
            return try await withDeadline(settings.acquireTimeout, afterStart: statementLimit, abandonment: inFlight) { started in
                try await client.withConnection { connection in
                    started()
                    self.waits.record(duration: asked.duration(to: .now))
                    self.inUse.increment()
                    defer { self.inUse.decrement() }
                    return try await body(connection)
                }
            }
        } catch let failure as StorageFailure where failure.reason == StorageFailure.timedOut.reason {
            // No connection in time, or no answer past the server's own statement timeout: the watcher looks.
            health.withLock { $0.suspect = true }
            throw failure
        } catch {
            guard let failure = StorageFailure.classify(error) else { throw error }
            if failure.reason == "database_unreachable" { goOut(failure) }
            throw failure
        }
    }

    public func readiness(within limit: Duration) async -> StorageFailure? {
        if let outage { return outage }
        do {
            _ = try await withDeadline(limit) { _ in try await self.read { db in try await db.raw("SELECT 1 AS one").first() } }
            return nil
        } catch {
            return StorageFailure.classify(error) ?? .unreachable(String(describing: error))
        }
    }

    /// Wakes every instance's `LiveEvents` (one channel per schema, so sites or tests sharing a server do not hear
    /// each other). Sent after the commit, in a transaction of its own that does not wait for the disk: it carries
    /// nothing to keep (the events are in the table; a lost wake-up is caught by the instances' slower poll), and
    /// PostgreSQL lets one notifying transaction commit at a time.
    private static func announce(on db: any SQLDatabase) async {
        try? await db.raw(
            """
            DO $$ BEGIN
                PERFORM set_config('synchronous_commit', 'off', true);
                PERFORM pg_notify('newsroom_' || current_schema(), '');
            END $$
            """
        ).run()
    }

    /// A connection outside the pool, for LISTEN: a pooled one would go back to the pool still listening.
    func dedicatedConnection(logger: Logger) async throws -> PostgresConnection {
        try await withDeadline(settings.connectTimeout + .seconds(1), discard: { Self.discard($0) }) { [settings] _ in
            try await PostgresConnection.connect(configuration: try settings.connectionConfiguration, id: 0, logger: logger)
        }
    }

    /// Stops the watcher and the pool; waits at most two seconds for the pool to let go.
    public func close() async {
        watcher.withLock { $0?.cancel() }
        Self.discard(
            heartbeat.withLock { slot in
                defer { slot = (nil, true) }
                return slot.connection
            })
        let run = pool.withLock { $0.run }
        run.cancel()
        _ = try? await withDeadline(.seconds(2)) { _ in await run.value }
    }
}
