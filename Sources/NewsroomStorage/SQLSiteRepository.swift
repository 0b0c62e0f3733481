import Foundation
import NewsroomCore
import SQLKit

/// Facts about the site itself and its backup log.
public struct SQLSiteRepository: SiteRepository {
    let database: any Database

    /// The fingerprint of the secret key the site was first served with, if it has been served.
    public func keyFingerprint() async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT value FROM site_facts WHERE name = 'key_fingerprint'").first()?.decode(
                column: "value", as: String.self)
        }
    }

    /// Records the key's fingerprint unless one is recorded; returns the one that holds (instances starting together
    /// on a new database agree on the first).
    public func recordKeyFingerprint(_ fingerprint: String) async throws -> String {
        try await database.write { db in
            try await db.raw(
                "INSERT INTO site_facts (name, value) VALUES ('key_fingerprint', \(bind: fingerprint)) ON CONFLICT (name) DO NOTHING"
            ).run()
            return try await db.raw("SELECT value FROM site_facts WHERE name = 'key_fingerprint'").first()?.decode(
                column: "value", as: String.self) ?? fingerprint
        }
    }

    public func record(_ run: BackupRun) async throws {
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO backup_runs (started_at, finished_at, path, bytes, succeeded, message)
                VALUES (\(bind: Timestamp(run.startedAt).milliseconds), \(bind: Timestamp(run.finishedAt).milliseconds),
                        \(bind: run.path), \(bind: run.bytes), \(bind: run.succeeded ? 1 : 0), \(bind: run.message))
                """
            ).run()
        }
    }

    /// The latest backup run, and the latest that succeeded.
    public func lastBackups() async throws -> (last: BackupRun?, lastGood: BackupRun?) {
        try await database.read { db in
            func run(_ filter: String) async throws -> BackupRun? {
                guard
                    let row = try await db.raw(
                        "SELECT * FROM backup_runs \(unsafeRaw: filter) ORDER BY started_at DESC LIMIT 1"
                    ).first()
                else { return nil }
                return BackupRun(
                    startedAt: Timestamp(milliseconds: try row.decode(column: "started_at", as: Int64.self)).date,
                    finishedAt: Timestamp(milliseconds: try row.decode(column: "finished_at", as: Int64.self)).date,
                    path: try row.decode(column: "path", as: String.self), bytes: try row.decode(column: "bytes", as: Int64.self),
                    succeeded: try row.decode(column: "succeeded", as: Int.self) != 0,
                    message: try row.decode(column: "message", as: String.self))
            }
            return (try await run(""), try await run("WHERE succeeded = 1"))
        }
    }
}
