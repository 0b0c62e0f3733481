import Foundation
import NewsroomCore
import SQLKit

/// Reports, bans, trust and retention over SQLKit.
public struct SQLReaderStandingRepository: ReaderStandingRepository {
    let database: any Database
    let locks: any WriteLocks

    public func report(
        comment: Comment.ID, client: String, address: String, perAddress: Int, reason: ReportReason, threshold: Int, at date: Date
    ) async throws -> Int? {
        try await database.write { [locks] db in
            try await locks.serialise(on: ["report:\(comment)"], db)
            guard try await db.raw("SELECT id FROM comments WHERE id = \(bind: comment) AND status = 'published'").first() != nil
            else { return nil }
            // However many cookies one address brings, it files at most `perAddress` reports on a comment a day.
            let fromAddress =
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM comment_reports WHERE comment_id = \(bind: comment) AND address = \(bind: address)
                    AND created_at >= \(bind: Timestamp(date.addingTimeInterval(-86_400)))
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard fromAddress < perAddress else {
                return try await db.raw("SELECT reports FROM comments WHERE id = \(bind: comment)").first()?
                    .decode(column: "reports", as: Int.self) ?? 0
            }
            let inserted = try await db.insert(into: "comment_reports")
                .columns("comment_id", "client", "address", "reason", "created_at")
                .values(SQLBind(comment), SQLBind(client), SQLBind(address), SQLBind(reason.rawValue), SQLBind(Timestamp(date)))
                .ignoringConflicts(with: ["comment_id", "client"])
                .returning("comment_id")
                .first()
            if inserted != nil {
                try await db.raw("UPDATE comments SET reports = reports + 1 WHERE id = \(bind: comment)").run()
            }
            let reports =
                try await db.raw("SELECT reports FROM comments WHERE id = \(bind: comment)").first()?
                .decode(column: "reports", as: Int.self) ?? 0
            // One machine may hold many cookies: the threshold counts distinct addresses, among the reports a
            // moderator has not already answered.
            let addresses =
                try await db.raw(
                    """
                    SELECT COUNT(DISTINCT address) AS n FROM comment_reports
                    WHERE comment_id = \(bind: comment) AND cleared = 0 AND address IS NOT NULL
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            if inserted != nil, threshold > 0, addresses >= threshold {
                // Enough readers object: off the page and back to the moderators.
                try await db.raw(
                    "UPDATE comments SET status = 'pending', held_reason = \(bind: "Bị báo cáo \(reports) lần") WHERE id = \(bind: comment)"
                ).run()
            }
            return reports
        }
    }

    public func ban(comment: Comment.ID, by staff: StaffMember, at date: Date) async throws -> Bool {
        try await database.write { db in
            guard
                let row = try await db.raw("SELECT email, client_fingerprint, status, article_id FROM comments WHERE id = \(bind: comment)")
                    .first()
            else { return false }
            var bans = [("client", try row.decode(column: "client_fingerprint", as: String.self))]
            if let email = try row.decode(column: "email", as: String?.self) { bans.append(("email", email)) }
            for (kind, value) in bans {
                try await db.insert(into: "bans").columns("kind", "value", "staff_id", "created_at")
                    .values(SQLBind(kind), SQLBind(value), SQLBind(staff.id), SQLBind(Timestamp(date)))
                    .ignoringConflicts(with: ["kind", "value"]).run()
            }
            let before = try row.decode(column: "status", as: String.self)
            try await db.raw("UPDATE comments SET status = 'rejected' WHERE id = \(bind: comment)").run()
            try await SQLModerationRepository.record(
                .reject, comment: comment, before: before, after: "rejected", by: staff, at: date, on: db)
            return true
        }
    }

    public func isBanned(email: String?, client: String) async throws -> Bool {
        try await database.read { db in
            // One query, two seeks on the (kind, value) index.
            try await db.raw(
                """
                SELECT id FROM bans WHERE (kind = 'client' AND value = \(bind: client))
                OR (kind = 'email' AND value = \(bind: email ?? "")) LIMIT 1
                """
            ).first() != nil
        }
    }

    public func publishedCount(email: String) async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM comments WHERE email = \(bind: email) AND status = 'published'").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func deleteRejected(before date: Date) async throws -> Int {
        try await database.write { db in
            let doomed = try await db.raw(
                """
                SELECT c.id FROM comments c WHERE c.status IN ('rejected', 'spam') AND c.created_at < \(bind: Timestamp(date))
                AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id)
                """
            ).all().map { try $0.decode(column: "id", as: Comment.ID.self) }
            guard !doomed.isEmpty else { return 0 }
            // Replies elsewhere that answered these keep their place, without the link.
            try await db.raw("UPDATE comments SET reply_to_id = NULL WHERE reply_to_id IN (\(binds: doomed))").run()
            try await db.raw("DELETE FROM comments WHERE id IN (\(binds: doomed))").run()
            return doomed.count
        }
    }
}
