import Foundation
import NewsroomCore
import SQLKit

/// The comment limits kept in the database, so that every instance counts the same events: a reader cannot get
/// three times the limit by landing on three instances. Each attempt is one write transaction, under a lock per key
/// (`WriteLocks`) where writers run side by side, so concurrent attempts for one reader take turns.
public struct SQLRateLimiter: RateLimitStore {
    let database: any Database
    let locks: any WriteLocks
    public let limits: [RateLimit]
    private let longest: TimeInterval

    public init(database: any Database, limits: [RateLimit]) {
        self.init(database: database, locks: DatabaseCapabilities(database).locks, limits: limits)
    }

    init(database: any Database, locks: any WriteLocks, limits: [RateLimit]) {
        self.database = database
        self.locks = locks
        self.limits = limits
        self.longest = limits.map(\.seconds).max() ?? 0
    }

    public func acquire(keys: [String], now: Date) async throws -> Int? {
        let keys = Array(Set(keys)).sorted()
        let limits = limits
        let horizon = Timestamp(now.addingTimeInterval(-longest))
        return try await database.write { [locks] db in
            try await locks.serialise(on: keys.map { "rate:" + $0 }, db)
            // Events that have left every window are swept away hourly (`sweep`), not on this path.
            let rows = try await db.raw("SELECT key, at FROM rate_events WHERE key IN (\(binds: keys)) AND at > \(bind: horizon)").all()
            var events: [String: [Date]] = Dictionary(uniqueKeysWithValues: keys.map { ($0, []) })
            for row in rows {
                let key = try row.decode(column: "key", as: String.self)
                events[key, default: []].append(try row.decode(column: "at", as: Timestamp.self).date)
            }
            if let wait = RateLimit.wait(limits, events: events, now: now) { return wait }
            let at = Timestamp(now)
            var insert = db.insert(into: "rate_events").columns("key", "at")
            for key in keys { insert = insert.values(SQLBind(key), SQLBind(at)) }
            try await insert.run()
            return nil
        }
    }

    /// Forgets events older than every window, for keys that never came back.
    public func sweep(now: Date) async throws {
        let horizon = Timestamp(now.addingTimeInterval(-longest))
        try await database.write { db in try await db.raw("DELETE FROM rate_events WHERE at <= \(bind: horizon)").run() }
    }
}
