import Foundation
import Logging

/// Backups the site takes of itself: a verified copy of the embedded database, key included. A database server is
/// backed up with its own tools instead (see the README), so there the site refuses, saying so.
protocol SiteBackups: Sendable {
    /// Copies the site into the new file `destination` with `key` inside; returns what the copy holds.
    func take(to destination: String, key: [UInt8], logger: Logger) async throws -> BackupSummary

    /// Reads the backup at `path` back and checks it whole; returns what it holds, or throws `BackupError`.
    func verify(_ path: String, logger: Logger) async throws -> BackupSummary
}

/// What a backup holds, as `backup --verify` prints it.
public struct BackupSummary: Sendable, CustomStringConvertible {
    public var takenAt: Date
    public var counts: [(table: String, rows: Int)]
    public var bytes: Int64

    public var description: String {
        let when = ISO8601DateFormatter().string(from: takenAt)
        return (["chụp lúc \(when), \(bytes) byte"] + counts.map { "\($0.table): \($0.rows)" }).joined(separator: "\n")
    }

    public func rows(of table: String) -> Int? { counts.first { $0.table == table }?.rows }
}
