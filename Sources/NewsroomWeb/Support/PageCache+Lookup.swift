import Foundation
import NIOCore
import NewsroomCore

extension PageCache {
    /// One request's way through the cache, the same for the article page and the JSON comment list: the entry checked
    /// recently (served without a query), else the body kept for the stamp just read, else a new rendering kept if
    /// nothing invalidated the article meanwhile. A nil key (a rendering that is never cached) goes through untouched.
    struct Lookup {
        private let cache: PageCache
        private let key: Key?
        private let article: Article.ID
        private let now: Date
        /// The entry checked against the database less than `recheckInterval` ago: no query needed.
        let recent: Entry?
        /// Taken before the stamp is read, when the recent entry is not served.
        private let generation: Generation?

        fileprivate init(cache: PageCache, key: Key?, article: Article.ID, now: Date, usable: (Entry) -> Bool) {
            self.cache = cache
            self.key = key
            self.article = article
            self.now = now
            let recent = key.flatMap { cache.recent($0, article: article, now: now) }.flatMap { usable($0) ? $0 : nil }
            self.recent = recent
            self.generation = recent == nil ? cache.generation(article: article) : nil
        }

        /// The body kept for this stamp, when it is still fresh.
        func current(_ stamp: PageStamp) -> ByteBuffer? {
            key.flatMap { cache.page($0, article: article, stamp: stamp, now: now) }
        }

        /// Keeps a new rendering for this stamp.
        func keep(_ body: ByteBuffer, stamp: PageStamp) {
            guard let key, let generation else { return }
            cache.store(body, for: key, article: article, stamp: stamp, generation: generation, now: now)
        }
    }

    /// Starts a request's lookup; `usable` may refuse a recent entry (one for another address of the article).
    func lookup(_ key: Key?, article: Article.ID, now: Date, usable: (Entry) -> Bool = { _ in true }) -> Lookup {
        Lookup(cache: self, key: key, article: article, now: now, usable: usable)
    }
}
