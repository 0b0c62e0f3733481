import Foundation
import Logging
import NIOCore
import NewsroomCore
import NewsroomStorage
import ServiceLifecycle
import Synchronization

/// One Server-Sent Event, as written on the wire.
struct LiveMessage: Sendable {
    var id: ArticleEvent.ID?
    var event: String?
    var data: String?

    /// A comment line that keeps idle connections (and the proxies between) open.
    static let heartbeat = LiveMessage(id: nil, event: nil, data: nil)

    var text: String {
        guard let data else { return ": ping\n\n" }
        var text = ""
        if let event { text += "event: \(event)\n" }
        if let id { text += "id: \(id)\n" }
        // `data` is one line of JSON (JSONEncoder escapes newlines inside strings).
        return text + "data: \(data)\n\n"
    }
}

/// Follows the event log the database keeps (`article_events`) and hands each new event to the readers of its
/// article connected to this instance. The log is the truth: the store's change feed wakes this follower when events
/// may have been committed (with a database file, this process's own writes; with a shared database server, any
/// instance's), and a poll at the feed's interval finds whatever no wake-up announced. Each event also drops this
/// instance's cached page of the article, so pages never wait out their recheck interval after a change made
/// elsewhere.
public final class LiveEvents: Service, Sendable {
    private struct State {
        var subscribers: [Article.ID: [UUID: AsyncStream<LiveMessage>.Continuation]] = [:]
        var closed = false
    }

    private let state = Mutex(State())
    private let services: Services
    private let logger: Logger
    private let pollInterval: Duration
    private let heartbeatInterval: Duration

    init(services: Services, logger: Logger, heartbeatInterval: Duration = .seconds(20)) {
        self.services = services
        self.logger = logger
        self.pollInterval = services.store.changes.pollInterval
        self.heartbeatInterval = heartbeatInterval
    }

    /// Whether any reader is streaming from this instance.
    var hasSubscribers: Bool { state.withLock { !$0.subscribers.isEmpty } }

    /// A stream of this article's messages until `unsubscribe` (or shutdown, which finishes every stream).
    func subscribe(article: Article.ID) -> (UUID, AsyncStream<LiveMessage>) {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveMessage.self, bufferingPolicy: .bufferingNewest(500))
        let token = UUID()
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.subscribers[article, default: [:]][token] = continuation
            return true
        }
        if !accepted { continuation.finish() }
        return (token, stream)
    }

    func unsubscribe(article: Article.ID, token: UUID) {
        let continuation = state.withLock { state in
            let continuation = state.subscribers[article]?.removeValue(forKey: token)
            if state.subscribers[article]?.isEmpty == true { state.subscribers[article] = nil }
            return continuation
        }
        continuation?.finish()
    }

    public func run() async throws {
        let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        // Nil while the database cannot say (it may be down at start): the follower starts from the newest event
        // once it can, rather than replaying the whole log.
        let start = try? await services.store.events.latestID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [pollInterval] in
                while !Task.isCancelled {
                    wake.yield()
                    try? await Task.sleep(for: pollInterval)
                }
            }
            group.addTask { [heartbeatInterval] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeatInterval)
                    self.broadcast(.heartbeat)
                }
            }
            group.addTask { [logger, changes = services.store.changes] in
                // This process's own writes wake the follower only when a reader is waiting (the page cache needs no
                // wake: this process invalidates it itself).
                await changes.follow(logger: logger, wanted: { self.hasSubscribers }, wake: { wake.yield() })
            }
            group.addTask {
                var cursor = start.map { EventCursor(start: $0) }
                for await _ in wakes.cancelOnGracefulShutdown() {
                    if cursor == nil, let newest = try? await self.services.store.events.latestID() {
                        cursor = EventCursor(start: newest)
                    }
                    if var current = cursor {
                        await self.catchUp(&current)
                        cursor = current
                    }
                }
            }
            // Ends with the server: the loops stop, and every open stream finishes so its response can end.
            try? await gracefulShutdown()
            group.cancelAll()
            wake.finish()
        }
        let open = state.withLock { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return state.subscribers.values.flatMap(\.values)
        }
        for continuation in open { continuation.finish() }
    }

    /// Reads the events committed since the last look and delivers each once.
    private func catchUp(_ cursor: inout EventCursor) async {
        let batch = 1000
        do {
            var read: Int
            repeat {
                var events = try await services.store.events.events(after: cursor.newest, limit: batch)
                read = events.count
                let gaps = cursor.openGaps
                if !gaps.isEmpty { events += try await services.store.events.events(ids: gaps) }
                for event in cursor.unseen(events, now: Date()) { await deliver(event) }
            } while read == batch
        } catch {
            logger.warning("Không đọc được nhật ký sự kiện bình luận: \(error)")
        }
    }

    private func deliver(_ event: ArticleEvent) async {
        services.pageChanged(article: event.articleID)
        let listening = state.withLock { !($0.subscribers[event.articleID]?.isEmpty ?? true) }
        guard listening, let message = try? await message(for: event) else { return }
        let continuations = state.withLock { Array(($0.subscribers[event.articleID] ?? [:]).values) }
        for continuation in continuations { continuation.yield(message) }
    }

    private func broadcast(_ message: LiveMessage) {
        let continuations = state.withLock { $0.subscribers.values.flatMap(\.values) }
        for continuation in continuations { continuation.yield(message) }
    }

    /// What readers are told about an event: the comment as the API gives it, with the article's comment count.
    func message(for event: ArticleEvent) async throws -> LiveMessage? {
        let store = services.store
        switch event.kind {
        case .comment, .edited:
            // The stamp carries the article's address without its text.
            guard let comment = try await store.comments.comment(id: event.commentID), comment.status == .published,
                let stamp = try await store.articles.pageStamp(id: event.articleID)
            else { return nil }
            let count = try await store.comments.publishedCount(article: event.articleID)
            let path = Article.path(slug: stamp.slug, id: event.articleID)
            return LiveMessage(
                id: event.id, event: event.kind.rawValue,
                data: try Self.json(CommentPayload(comment: APIModels.CommentJSON(comment: comment, articlePath: path), count: count)))
        case .removed:
            let count = try await store.comments.publishedCount(article: event.articleID)
            return LiveMessage(id: event.id, event: "removed", data: try Self.json(Removed(id: event.commentID, count: count)))
        case .likes:
            guard let comment = try await store.comments.comment(id: event.commentID), comment.status == .published else { return nil }
            return LiveMessage(id: event.id, event: "likes", data: try Self.json(Likes(id: comment.id, likes: comment.likes)))
        }
    }

    struct CommentPayload: Encodable {
        var comment: APIModels.CommentJSON
        var count: Int
    }

    struct Removed: Encodable {
        var id: Comment.ID
        var count: Int
    }

    struct Likes: Encodable {
        var id: Comment.ID
        var likes: Int
    }

    struct Ready: Encodable {
        var count: Int
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

/// Which events have been delivered. Where transactions run side by side (a shared database server), numbers are
/// taken when a transaction writes and become visible when it commits, so a smaller number can appear after a larger
/// one. The cursor reads what lies beyond the newest
/// number it has seen, and also asks again for the numbers it skipped over, for a while: a transaction still
/// committing fills its gap; one rolled back never does, and its gap is dropped.
struct EventCursor {
    /// How long a skipped number is asked for again.
    static let gapLifetime: TimeInterval = 10
    /// The most skipped numbers kept (a burst of rolled-back writes must not make every read a long list).
    static let maximumGaps = 1000

    private(set) var newest: ArticleEvent.ID
    private var gaps: [ArticleEvent.ID: Date] = [:]

    /// Events up to `start` are history: readers who want them ask with `Last-Event-ID`.
    init(start: ArticleEvent.ID) { newest = start }

    /// The skipped numbers still worth asking for.
    var openGaps: [ArticleEvent.ID] { gaps.keys.sorted() }

    /// The events not delivered yet, in order; marks them delivered.
    mutating func unseen(_ events: [ArticleEvent], now: Date) -> [ArticleEvent] {
        var fresh: [ArticleEvent] = []
        for event in events.sorted(by: { $0.id < $1.id }) {
            if event.id > newest {
                var skipped = newest + 1
                while skipped < event.id && gaps.count < Self.maximumGaps {
                    gaps[skipped] = now
                    skipped += 1
                }
                newest = event.id
                fresh.append(event)
            } else if gaps.removeValue(forKey: event.id) != nil {
                fresh.append(event)
            }
        }
        gaps = gaps.filter { now.timeIntervalSince($0.value) < Self.gapLifetime }
        return fresh
    }
}
