import Logging

/// PostgreSQL is backed up with `pg_dump`, as the README says: the site takes no backups of its own there.
struct PostgresSiteBackups: SiteBackups {
    static let refusal = BackupError("trang chạy trên PostgreSQL: sao lưu bằng pg_dump như README hướng dẫn")

    func take(to destination: String, key: [UInt8], logger: Logger) async throws -> BackupSummary { throw Self.refusal }

    func verify(_ path: String, logger: Logger) async throws -> BackupSummary { throw Self.refusal }
}
