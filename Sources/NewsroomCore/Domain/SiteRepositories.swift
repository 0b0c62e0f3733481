import Foundation

/// The log of what changed in articles' comment sections (`ArticleEvent`), as live pages follow it.
public protocol ArticleEventRepository: Sendable {
    /// Events after `id`, across all articles, oldest first, `limit` at most.
    func events(after id: ArticleEvent.ID, limit: Int) async throws -> [ArticleEvent]

    /// The events with these numbers that exist, oldest first.
    func events(ids: [ArticleEvent.ID]) async throws -> [ArticleEvent]

    /// One article's events after `id`, oldest first, `limit` at most: what a reader who reconnects missed.
    func events(article: Article.ID, after id: ArticleEvent.ID, limit: Int) async throws -> [ArticleEvent]

    /// The newest event's number, for one article or for all when `article` is nil (0 when there is none).
    func latestID(article: Article.ID?) async throws -> ArticleEvent.ID

    /// Deletes events older than `date`.
    func deleteEvents(before date: Date) async throws
}

extension ArticleEventRepository {
    /// The newest event's number across all articles (0 when there is none).
    public func latestID() async throws -> ArticleEvent.ID { try await latestID(article: nil) }
}

/// Facts about the site itself (the key it is served with) and its backup log.
public protocol SiteRepository: Sendable {
    /// The fingerprint of the secret key the site was first served with, or nil when it has not been served.
    func keyFingerprint() async throws -> String?

    /// Records the key's fingerprint unless one is recorded; returns the one that holds (instances starting together
    /// on a new database agree on the first).
    func recordKeyFingerprint(_ fingerprint: String) async throws -> String

    /// Logs one backup run, good or bad.
    func record(_ run: BackupRun) async throws

    /// The latest backup run, and the latest that succeeded (nil when there is none).
    func lastBackups() async throws -> (last: BackupRun?, lastGood: BackupRun?)
}

/// One scheduled backup as the desk shows it.
public struct BackupRun: Sendable, Equatable {
    public var startedAt: Date
    public var finishedAt: Date
    public var path: String
    public var bytes: Int64
    public var succeeded: Bool
    /// What the verification found (counts), or why the backup failed.
    public var message: String

    public init(startedAt: Date, finishedAt: Date, path: String, bytes: Int64, succeeded: Bool, message: String) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.path = path
        self.bytes = bytes
        self.succeeded = succeeded
        self.message = message
    }
}

/// Key/value rows for staff sessions, shared by every instance. Keys arrive already hashed (the web layer never hands
/// over a cookie).
public protocol SessionRepository: Sendable {
    /// The value stored under `keyHash`, or nil when there is none or it has expired by `now`.
    func get(keyHash: String, now: Date) async throws -> String?

    /// Stores `value` under `keyHash` (replacing any), expiring at `expires` when given; `staffID` names whose session
    /// it is, so a password change can end it.
    func set(keyHash: String, value: String, expires: Date?, staffID: Int64?) async throws

    /// Removes the value under `keyHash`, if any.
    func remove(keyHash: String) async throws

    /// Deletes the sessions expired by `now`.
    func purge(now: Date) async throws
}

extension SessionRepository {
    /// Stores `value` under `keyHash` for no one in particular.
    public func set(keyHash: String, value: String, expires: Date?) async throws {
        try await set(keyHash: keyHash, value: value, expires: expires, staffID: nil)
    }
}
