import ArgumentParser
import Foundation
import Logging
import NewsroomStorage
import NewsroomWeb

/// Opening a site from the command line: a SQLite site's files are checked before anything opens them (nothing is
/// created where a site used to be), and its key is found, created for a new site only, and checked against the
/// fingerprint the database keeps.
enum SiteOpening {
    /// The secret given by flag or environment, if any.
    static func secretText(_ flag: String?) -> String? { Settings.value(flag, variable: "NEWSROOM_SECRET") }

    /// Checks a SQLite site's files (`serve` and every command that opens the site).
    static func inspect(_ url: DatabaseURL, secret: String?, check: SQLiteSite.Check, logger: Logger) async throws {
        guard case .sqlite(let path) = url else { return }
        do {
            _ = try await SQLiteSite.inspect(path: path, usesKeyFile: secret == nil, check: check, logger: logger)
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
    }

    /// Opens the site at `url` for a command, after the file checks.
    static func open(
        _ url: DatabaseURL, migrations: Store.MigrationPolicy = .refusePending, longRunning: Bool = false, logger: Logger
    ) async throws -> Store {
        try await inspect(url, secret: secretText(nil), check: .off, logger: logger)
        // An export or import is one transaction as long as the site is large; a server's statements stay bounded.
        return try await Store.open(
            url, migrations: migrations, tune: { if longRunning { $0.statementTimeoutMilliseconds = 24 * 3600 * 1000 } }, logger: logger)
    }

    /// The site's key: the secret when given, else the key file beside a SQLite database, created only for a site
    /// that has never been served. Refused when it is not the key the database was first served with.
    static func key(_ secret: String?, database: DatabaseURL, store: Store) async throws -> [UInt8] {
        let key: [UInt8]
        if let secret {
            key = try keyBytes(secret)
        } else {
            guard case .sqlite(let path) = database else {
                throw ValidationError("NEWSROOM_SECRET: bắt buộc khi dùng PostgreSQL (mọi máy chủ phải dùng chung)")
            }
            key = try await keyFile(SQLiteSite.keyPath(for: path), databasePath: path, store: store)
        }
        if let postgres = store.database as? PostgresStore, postgres.outage != nil { return key }
        let fingerprint = SiteKey.fingerprint(key)
        guard try await store.site.recordKeyFingerprint(fingerprint) == fingerprint else {
            throw ValidationError(
                "khóa bí mật không khớp với khóa trang này đã dùng (\(database)): mọi mã biểu mẫu đang mở và mã nhận diện bạn đọc sẽ mất hiệu lực. Cách khắc phục: dùng đúng NEWSROOM_SECRET (hoặc tệp khóa) của trang; khi khôi phục, dùng `newsroom restore`, lệnh này đặt lại cả tệp khóa."
            )
        }
        return key
    }

    /// The key a secret names: its UTF-8 bytes, or with `hex:` the bytes written in hex, so that a SQLite site's key
    /// file moves to PostgreSQL with it (`NEWSROOM_SECRET=hex:` and the key file in hex, docs/export-format.md) and every reader's
    /// client hash and open form stays valid.
    static func keyBytes(_ secret: String) throws -> [UInt8] {
        if secret.hasPrefix("hex:") {
            let digits = Array(secret.dropFirst(4).utf8)
            guard digits.count >= 64, digits.count % 2 == 0, let bytes = hexBytes(digits) else {
                throw ValidationError("NEWSROOM_SECRET: sau hex: cần ít nhất 64 chữ số thập lục phân (32 byte)")
            }
            return bytes
        }
        guard secret.utf8.count >= 32 else { throw ValidationError("NEWSROOM_SECRET: cần ít nhất 32 ký tự") }
        return Array(secret.utf8)
    }

    private static func hexBytes(_ digits: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func keyFile(_ keyPath: String, databasePath: String, store: Store) async throws -> [UInt8] {
        if let existing = FileManager.default.contents(atPath: keyPath) {
            guard existing.count >= 32 else {
                throw ValidationError(
                    "tệp khóa \(keyPath) bị hỏng (\(existing.count) byte, cần 32). Cách khắc phục: khôi phục tệp khóa từ bản sao lưu.")
            }
            return Array(existing)
        }
        if try await store.site.keyFingerprint() != nil {
            throw ValidationError(
                "thiếu tệp khóa \(keyPath) của trang \(databasePath): một khóa mới sẽ làm mất hiệu lực mọi biểu mẫu đang mở và đổi mã nhận diện của bạn đọc. Cách khắc phục: chép lại tệp khóa cũ, hoặc khôi phục bằng `newsroom restore BẢN_SAO_LƯU --database sqlite://\(databasePath) --force` (bản sao lưu chứa khóa)."
            )
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard FileManager.default.createFile(atPath: keyPath, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("không tạo được tệp khóa \(keyPath)")
        }
        return key
    }
}
