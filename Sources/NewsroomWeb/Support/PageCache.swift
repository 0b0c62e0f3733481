import Foundation
import NIOCore
import NewsroomCore
import Synchronization

/// Rendered article pages and comment lists, kept while their article's `PageStamp` is unchanged.
///
/// Changes made through this process (a comment posted or liked here) invalidate an article's entries at once.
/// Changes made elsewhere (the command line, another instance) are caught by comparing the stamp, read from the
/// database (one indexed row), at most `recheckInterval` after the last check; an entry also expires after
/// `lifetime`, so the form token inside a page stays fresh.
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

    private let entries = Mutex<[Article.ID: [Key: Entry]]>([:])
    let lifetime: TimeInterval
    let recheckInterval: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval = 600, recheckInterval: TimeInterval = 1, capacity: Int = 2000) {
        self.lifetime = lifetime
        self.recheckInterval = recheckInterval
        self.capacity = capacity
    }

    /// The entry when it was checked against the database less than `recheckInterval` ago: no query needed.
    func recent(_ key: Key, article: Article.ID, now: Date) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[article]?[key], now.timeIntervalSince(entry.checkedAt) < recheckInterval,
                now.timeIntervalSince(entry.renderedAt) < lifetime
            else { return nil }
            return entry
        }
    }

    /// The body when it was rendered for this stamp and is still fresh; marks it checked.
    func page(_ key: Key, article: Article.ID, stamp: PageStamp, now: Date) -> ByteBuffer? {
        entries.withLock { entries in
            guard var entry = entries[article]?[key], entry.stamp == stamp, now.timeIntervalSince(entry.renderedAt) < lifetime else {
                return nil
            }
            entry.checkedAt = now
            entries[article]?[key] = entry
            return entry.body
        }
    }

    func store(_ body: ByteBuffer, for key: Key, article: Article.ID, stamp: PageStamp, now: Date) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[article] == nil {
                // Full: drop what is stale, else the article rendered longest ago.
                entries = entries.filter { $0.value.values.contains { now.timeIntervalSince($0.renderedAt) < lifetime } }
                if entries.count >= capacity,
                    let oldest = entries.min(by: {
                        ($0.value.values.map(\.renderedAt).max() ?? .distantPast)
                            < ($1.value.values.map(\.renderedAt).max() ?? .distantPast)
                    })
                {
                    entries[oldest.key] = nil
                }
            }
            entries[article, default: [:]][key] = Entry(stamp: stamp, body: body, renderedAt: now, checkedAt: now)
        }
    }

    /// Forgets everything (after a moderator's action, rare enough not to track which articles it touched).
    func invalidateAll() {
        entries.withLock { $0.removeAll() }
    }

    /// Forgets every rendering of an article, after a change made through this process.
    func invalidate(article: Article.ID) {
        _ = entries.withLock { $0.removeValue(forKey: article) }
    }
}
