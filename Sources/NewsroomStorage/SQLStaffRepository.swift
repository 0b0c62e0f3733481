import Foundation
import NewsroomCore
import SQLKit

/// Staff accounts over SQLKit.
public struct SQLStaffRepository: StaffRepository {
    let database: any Database

    public func add(email: String, role: StaffRole, passwordHash: String, at date: Date) async throws -> StaffMember {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM staff WHERE email = \(bind: email)").first() == nil else {
                throw StaffError.exists
            }
            let row = try await db.insert(into: "staff")
                .columns("email", "role", "password_hash", "disabled", "created_at")
                .values(SQLBind(email), SQLBind(role.rawValue), SQLBind(passwordHash), SQLBind(false), SQLBind(Timestamp(date)))
                .returning("id")
                .first()
            guard let id = try row?.decode(column: "id", as: StaffMember.ID.self) else { throw StorageError.noRowReturned }
            return StaffMember(id: id, email: email, role: role, createdAt: date)
        }
    }

    public func credentials(email: String) async throws -> (member: StaffMember, passwordHash: String)? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM staff WHERE email = \(bind: email)").first() else { return nil }
            return (try Self.member(from: row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    public func member(id: StaffMember.ID) async throws -> StaffMember? {
        try await database.read { db in
            try await db.raw("SELECT * FROM staff WHERE id = \(bind: id)").first().map(Self.member(from:))
        }
    }

    public func all() async throws -> [StaffMember] {
        try await database.read { db in
            try await db.raw("SELECT * FROM staff ORDER BY id").all().map(Self.member(from:))
        }
    }

    public func setDisabled(_ disabled: Bool, email: String) async throws -> Bool {
        try await database.write { db in
            try await db.raw("UPDATE staff SET disabled = \(bind: disabled) WHERE email = \(bind: email) RETURNING id").first() != nil
        }
    }

    public func setPasswordHash(_ hash: String, email: String) async throws -> Bool {
        try await database.write { db in
            guard
                let id = try await db.raw("UPDATE staff SET password_hash = \(bind: hash) WHERE email = \(bind: email) RETURNING id")
                    .first()?.decode(column: "id", as: StaffMember.ID.self)
            else { return false }
            // Whoever knew the old password may be signed in with it: every session of the account ends.
            // Sessions made before sessions named their staff (migration 11) cannot be told apart: they end too.
            try await db.raw("DELETE FROM sessions WHERE staff_id = \(bind: id) OR staff_id IS NULL").run()
            return true
        }
    }

    static func member(from row: any SQLRow) throws -> StaffMember {
        StaffMember(
            id: try row.decode(column: "id", as: StaffMember.ID.self),
            email: try row.decode(column: "email", as: String.self),
            role: StaffRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .moderator,
            disabled: try row.decode(column: "disabled", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Timestamp.self).date)
    }
}

/// Failed logins over SQLKit: one row per failure, so every instance counts the same ones.
public struct SQLLoginAttempts: LoginAttemptRepository {
    let database: any Database
    let locks: any WriteLocks

    public func begin(
        keys: [String], since: Date, at date: Date, refusing: @escaping @Sendable ([Int]) -> Bool
    ) async throws -> LoginAttempt {
        let attempt = UUID().uuidString
        return try await database.write { [locks] db in
            // Counted and recorded in one transaction (under a lock per key where writers run side by side), so
            // attempts sent in parallel each see the ones before them.
            try await locks.serialise(on: keys.map { "login:\($0)" }, db)
            var counts: [Int] = []
            for key in keys {
                counts.append(
                    try await db.raw(
                        "SELECT COUNT(*) AS n FROM login_failures WHERE key = \(bind: key) AND failed_at >= \(bind: Timestamp(since))"
                    ).first()?.decode(column: "n", as: Int.self) ?? 0)
            }
            // A flood of refused guesses costs reads only: nothing to write, nothing to take back.
            guard !refusing(counts) else { return LoginAttempt(id: attempt, failuresBefore: counts, recorded: false) }
            for key in keys {
                try await db.insert(into: "login_failures").columns("key", "failed_at", "attempt")
                    .values(SQLBind(key), SQLBind(Timestamp(date)), SQLBind(attempt)).run()
            }
            return LoginAttempt(id: attempt, failuresBefore: counts)
        }
    }

    public func forget(_ attempt: LoginAttempt) async throws {
        try await database.write { db in try await db.raw("DELETE FROM login_failures WHERE attempt = \(bind: attempt.id)").run() }
    }

    public func failures(key: String, since date: Date) async throws -> Int {
        try await database.read { db in
            try await db.raw(
                "SELECT COUNT(*) AS n FROM login_failures WHERE key = \(bind: key) AND failed_at >= \(bind: Timestamp(date))"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func recordFailure(key: String, at date: Date) async throws {
        try await database.write { db in
            try await db.insert(into: "login_failures").columns("key", "failed_at").values(SQLBind(key), SQLBind(Timestamp(date))).run()
            // Old rows are of no use to any limit; keep the table small.
            try await db.raw("DELETE FROM login_failures WHERE failed_at < \(bind: Timestamp(date.addingTimeInterval(-86_400)))").run()
        }
    }

    public func clear(key: String) async throws {
        try await database.write { db in try await db.raw("DELETE FROM login_failures WHERE key = \(bind: key)").run() }
    }
}

/// Key/value rows for sessions. Keys arrive already hashed (the web layer never hands over a cookie).
public struct SQLSessionStore: SessionRepository {
    let database: any Database

    /// The value stored under `keyHash`, unless it has expired.
    public func get(keyHash: String, now: Date) async throws -> String? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT value, expires_at FROM sessions WHERE key_hash = \(bind: keyHash)").first() else {
                return nil
            }
            if let expires = try row.decode(column: "expires_at", as: Timestamp?.self), expires.date <= now { return nil }
            return try row.decode(column: "value", as: String.self)
        }
    }

    /// Stores `value` under `keyHash` (replacing any), expiring at `expires` when given; `staffID` names whose
    /// session it is, so a password change can end it.
    public func set(keyHash: String, value: String, expires: Date?, staffID: Int64?) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE key_hash = \(bind: keyHash)").run()
            try await db.insert(into: "sessions").columns("key_hash", "value", "expires_at", "staff_id")
                .values(SQLBind(keyHash), SQLBind(value), SQLBind(expires.map(Timestamp.init)), SQLBind(staffID)).run()
        }
    }

    public func remove(keyHash: String) async throws {
        try await database.write { db in try await db.raw("DELETE FROM sessions WHERE key_hash = \(bind: keyHash)").run() }
    }

    /// Deletes expired sessions; returns nothing, run it now and then.
    public func purge(now: Date) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= \(bind: Timestamp(now))").run()
        }
    }
}
