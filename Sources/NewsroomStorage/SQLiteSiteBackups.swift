import Logging

/// Backups of a SQLite site, through `SQLiteBackup`.
struct SQLiteSiteBackups: SiteBackups {
    /// The database file; nil when the store is not one this process opened itself (a wrapper in tests).
    let path: String?

    func take(to destination: String, key: [UInt8], logger: Logger) async throws -> BackupSummary {
        guard let path else { throw BackupError("không biết tệp cơ sở dữ liệu của trang để sao lưu") }
        return try await SQLiteBackup.take(from: path, to: destination, key: key, logger: logger)
    }

    func verify(_ path: String, logger: Logger) async throws -> BackupSummary {
        try await SQLiteBackup.verify(path, logger: logger).summary
    }
}
