import Foundation
import NIOCore
import NewsroomCore
import Synchronization

/// Rendered article pages and comment lists, kept while their article's `PageStamp` is unchanged.
///
/// Changes made through this process (a comment posted or liked here) invalidate an article's entries at once.
/// Changes made elsewhere (the command line, another instance) are caught by comparing the stamp, read from the
/// database (one indexed row), at most `recheckInterval` after the last check; an entry also expires after
/// `lifetime`, so the form token inside a page stays fresh. A rendering begun before its article was invalidated is
/// not kept: it may predate the change (`generation`).
///
/// The cache is bounded twice: by articles (`capacity`) and by the bytes of all bodies (`maxBytes`); past either,
/// the article rendered longest ago goes. Callers key entries only by canonical parameters (a sort order, a clamped
/// limit), never by text a client chose, so a client cannot fill it with variants.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        /// "page:newest", "json:top:20:" …: which rendering of the article.
        var variant: String
    }

    struct Entry: Sendable {
        var stamp: PageStamp
        var body: ByteBuffer
        var renderedAt: Date
        var checkedAt: Date
    }

    /// Which invalidations a rendering has seen: the count of `invalidateAll` and of its article's `invalidate`.
    struct Generation: Equatable, Sendable {
        var all: UInt64
        var article: UInt64
    }

    private struct State {
        var entries: [Article.ID: [Key: Entry]] = [:]
        var invalidations: [Article.ID: UInt64] = [:]
        var allInvalidations: UInt64 = 0
        var bytes = 0
    }

    private let state = Mutex(State())
    let lifetime: TimeInterval
    let recheckInterval: TimeInterval
    let capacity: Int
    let maxBytes: Int

    init(lifetime: TimeInterval = 600, recheckInterval: TimeInterval = 1, capacity: Int = 2000, maxBytes: Int = 64 << 20) {
        self.lifetime = lifetime
        self.recheckInterval = recheckInterval
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    /// The bytes of every body kept.
    var bytes: Int { state.withLock { $0.bytes } }

    /// The entry when it was checked against the database less than `recheckInterval` ago: no query needed.
    func recent(_ key: Key, article: Article.ID, now: Date) -> Entry? {
        let entry: Entry? = state.withLock { state in
            guard let entry = state.entries[article]?[key], now.timeIntervalSince(entry.checkedAt) < recheckInterval,
                now.timeIntervalSince(entry.renderedAt) < lifetime
            else { return nil }
            return entry
        }
        if entry != nil { Telemetry.cacheHits.increment() }
        return entry
    }

    /// The body when it was rendered for this stamp and is still fresh; marks it checked.
    func page(_ key: Key, article: Article.ID, stamp: PageStamp, now: Date) -> ByteBuffer? {
        state.withLock { state in
            guard var entry = state.entries[article]?[key], entry.stamp == stamp, now.timeIntervalSince(entry.renderedAt) < lifetime
            else {
                return nil
            }
            entry.checkedAt = now
            state.entries[article]?[key] = entry
            Telemetry.cacheHits.increment()
            return entry.body
        }
    }

    /// Taken before reading the stamp and rendering; `store` keeps the rendering only if nothing invalidated the
    /// article since.
    func generation(article: Article.ID) -> Generation {
        state.withLock { Generation(all: $0.allInvalidations, article: $0.invalidations[article] ?? 0) }
    }

    func store(_ body: ByteBuffer, for key: Key, article: Article.ID, stamp: PageStamp, generation: Generation, now: Date) {
        Telemetry.cacheMisses.increment()
        guard body.readableBytes <= maxBytes / 4 else { return }
        state.withLock { state in
            guard generation == Generation(all: state.allInvalidations, article: state.invalidations[article] ?? 0) else { return }
            if let previous = state.entries[article]?[key] { state.bytes -= previous.body.readableBytes }
            state.entries[article, default: [:]][key] = Entry(stamp: stamp, body: body, renderedAt: now, checkedAt: now)
            state.bytes += body.readableBytes
            while state.entries.count > capacity || state.bytes > maxBytes {
                // Full: drop the article rendered longest ago (stale entries are the oldest), never the one just kept.
                guard
                    let oldest = state.entries.filter({ $0.key != article }).min(by: {
                        ($0.value.values.map(\.renderedAt).max() ?? .distantPast)
                            < ($1.value.values.map(\.renderedAt).max() ?? .distantPast)
                    })
                else { break }
                Self.remove(article: oldest.key, from: &state)
            }
        }
    }

    private static func remove(article: Article.ID, from state: inout State) {
        guard let entries = state.entries.removeValue(forKey: article) else { return }
        state.bytes -= entries.values.reduce(0) { $0 + $1.body.readableBytes }
    }

    /// Forgets everything (after a moderator's action, rare enough not to track which articles it touched).
    func invalidateAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.bytes = 0
            state.allInvalidations += 1
        }
    }

    /// Forgets every rendering of an article, after a change made through this process.
    func invalidate(article: Article.ID) {
        state.withLock { state in
            Self.remove(article: article, from: &state)
            state.invalidations[article, default: 0] += 1
        }
    }
}
