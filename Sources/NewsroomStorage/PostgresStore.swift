import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// How Newsroom reaches a PostgreSQL server, read from `postgres://user:password@host:port/database?...`.
/// Besides libpq's `sslmode` (`disable`, `prefer`, `require`, `verify-ca`, `verify-full`), the query may name a
/// `search_path` (a schema of its own per site or per test).
public struct PostgresSettings: Sendable, Equatable {
    /// libpq's meanings: `prefer` and `require` encrypt without checking the server's certificate (PostgreSQL
    /// packages ship a self-signed one); `verify-ca` checks it against the system's authorities, `verify-full` the
    /// host name too.
    public enum TLSMode: String, Sendable { case disable, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full" }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    public var tls: TLSMode
    public var searchPath: String?
    /// The most connections one instance opens (the pool's size).
    public var poolSize: Int = 10
    /// How long one statement may run before the server cancels it, in milliseconds.
    public var statementTimeoutMilliseconds: Int = 10_000

    public init(url text: String) throws(ConfigurationError) {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            throw ConfigurationError(
                setting: "NEWSROOM_DATABASE_URL", message: "\"\(DatabaseURL.postgres(text))\" thiếu tên máy chủ PostgreSQL")
        }
        self.host = host
        self.port = url.port ?? 5432
        self.username = url.user?.removingPercentEncoding ?? "postgres"
        self.password = url.password?.removingPercentEncoding
        let name = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        self.database = name.isEmpty ? nil : name
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        switch query["sslmode"] ?? query["tlsmode"] ?? "prefer" {
        case "disable", "false": tls = .disable
        case "prefer", "allow", "true": tls = .prefer
        case "require": tls = .require
        case "verify-ca": tls = .verifyCA
        case "verify-full": tls = .verifyFull
        case let other:
            throw ConfigurationError(
                setting: "NEWSROOM_DATABASE_URL",
                message: "sslmode \"\(other)\" không hợp lệ (disable, prefer, require, verify-ca, verify-full)")
        }
        if let path = query["search_path"], !path.isEmpty {
            guard path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw ConfigurationError(setting: "NEWSROOM_DATABASE_URL", message: "search_path \"\(path)\" chỉ được gồm chữ, số và _")
            }
            searchPath = path
        }
    }

    /// What every connection of this site sets when it opens: its schema and the statement timeout.
    var startupParameters: [(String, String)] {
        var parameters = [("statement_timeout", "\(statementTimeoutMilliseconds)")]
        if let searchPath { parameters.append(("search_path", searchPath)) }
        parameters.append(("application_name", "newsroom"))
        return parameters
    }

    /// The TLS settings for this mode (nil: no TLS).
    var tlsConfiguration: TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    var connectionConfiguration: PostgresConnection.Configuration {
        get throws {
            let tls: PostgresConnection.Configuration.TLS =
                if let configuration = tlsConfiguration {
                    self.tls == .prefer
                        ? .prefer(try NIOSSLContext(configuration: configuration))
                        : .require(try NIOSSLContext(configuration: configuration))
                } else {
                    .disable
                }
            var configuration = PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: tls)
            configuration.options.additionalStartupParameters = startupParameters
            return configuration
        }
    }

    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            if let configuration = tlsConfiguration {
                self.tls == .prefer ? .prefer(configuration) : .require(configuration)
            } else {
                .disable
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters
        configuration.options.maximumConnections = max(1, poolSize)
        configuration.options.minimumConnections = 0
        return configuration
    }
}

/// PostgreSQL as several instances share it: reads and writes from a pool of connections, each write in a
/// transaction of its own (the server orders concurrent ones; there is no writer to batch behind), and a separate
/// connection that LISTENs for what other instances announce (`listenForEvents`).
public final class PostgresStore: Database {
    public let dialect = DatabaseDialect.postgres
    public let settings: PostgresSettings
    private let client: PostgresClient
    private let runTask: Task<Void, Never>

    private init(settings: PostgresSettings, client: PostgresClient, runTask: Task<Void, Never>) {
        self.settings = settings
        self.client = client
        self.runTask = runTask
    }

    /// Connects a pool to the server and checks that it answers.
    public static func open(settings: PostgresSettings, logger: Logger) async throws -> PostgresStore {
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        let runTask = Task { await client.run() }
        let store = PostgresStore(settings: settings, client: client, runTask: runTask)
        do {
            // The pool retries a refused connection for a long while; a server that does not answer in ten seconds is
            // reported instead.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await store.read { db in try await db.raw("SELECT 1 AS one").first() } }
                group.addTask {
                    try await Task.sleep(for: .seconds(10))
                    throw CancellationError()
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await store.close()
            let reason = error is CancellationError ? "không trả lời sau 10 giây" : String(reflecting: error)
            throw ConfigurationError(
                setting: "NEWSROOM_DATABASE_URL", message: "không kết nối được PostgreSQL tại \(settings.host):\(settings.port): \(reason)")
        }
        return store
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
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
        try await PostgresConnection.connect(configuration: try settings.connectionConfiguration, id: 0, logger: logger)
    }

    public func close() async {
        runTask.cancel()
        await runTask.value
    }
}
