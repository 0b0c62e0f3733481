import Foundation
import NIOCore
import NewsroomCore
import Synchronization

/// Rendered article pages, kept while the article's `PageStamp` is unchanged. The stamp is read from the database
/// on every request (one indexed row), so a comment published, approved or liked through any process (another
/// instance, the command line) invalidates the page precisely; an entry also expires after `lifetime` so the form
/// token inside it stays fresh.
final class PageCache: Sendable {
    struct Key: Hashable {
        var article: Article.ID
        var sort: CommentSort
    }

    private struct Entry {
        var stamp: PageStamp
        var body: ByteBuffer
        var renderedAt: Date
    }

    private let entries = Mutex<[Key: Entry]>([:])
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval = 600, capacity: Int = 2000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached page for `key` when it was rendered for this stamp and is still fresh.
    func page(_ key: Key, stamp: PageStamp, now: Date) -> ByteBuffer? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.stamp == stamp, now.timeIntervalSince(entry.renderedAt) < lifetime else {
                return nil
            }
            return entry.body
        }
    }

    func store(_ body: ByteBuffer, for key: Key, stamp: PageStamp, now: Date) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil {
                // Full: drop what is stale, else the oldest rendering.
                entries = entries.filter { now.timeIntervalSince($0.value.renderedAt) < lifetime }
                if entries.count >= capacity, let oldest = entries.min(by: { $0.value.renderedAt < $1.value.renderedAt }) {
                    entries[oldest.key] = nil
                }
            }
            entries[key] = Entry(stamp: stamp, body: body, renderedAt: now)
        }
    }
}
