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
    /// How long opening a connection may take before the server counts as unreachable.
    public var connectTimeout: Duration = .seconds(2)
    /// How long a request waits for a connection from the pool before it is answered 503.
    public var acquireTimeout: Duration = .seconds(2)
    /// How long the watcher waits for `SELECT 1` before it counts the server as gone and puts the instance out.
    public var heartbeatTimeout: Duration = .seconds(1)

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
            configuration.options.connectTimeout = TimeAmount.nanoseconds(
                connectTimeout.components.seconds * 1_000_000_000 + connectTimeout.components.attoseconds / 1_000_000_000)
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
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }
}
