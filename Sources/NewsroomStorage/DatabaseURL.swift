import Foundation
import NewsroomCore

/// The one string that names a database: `sqlite://PATH` or `postgres://user:pass@host:port/db`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(String)

    public static let `default` = DatabaseURL.sqlite(path: "newsroom.sqlite")

    /// Reads a database URL; throws a message naming the setting when it is not one.
    public init(parsing text: String) throws(ConfigurationError) {
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw ConfigurationError(setting: "NEWSROOM_DATABASE_URL", message: "thiếu đường dẫn tệp SQLite trong \"\(text)\"")
            }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(text)
        } else {
            throw ConfigurationError(
                setting: "NEWSROOM_DATABASE_URL",
                message: "\"\(text)\" không phải sqlite://ĐƯỜNG_DẪN hay postgres://người_dùng:mật_khẩu@máy:cổng/tên")
        }
    }

    /// The URL with any password hidden, for logs.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite://\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}

/// A setting with a value Newsroom cannot use; the message names the setting so the fix is obvious.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var setting: String
    public var message: String

    public init(setting: String, message: String) {
        self.setting = setting
        self.message = message
    }

    public var description: String { "\(setting): \(message)" }
}
