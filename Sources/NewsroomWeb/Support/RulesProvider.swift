import Foundation
import NewsroomCore
import NewsroomStorage
import Synchronization

/// The comment rules in force: the word lists read from the database, kept for a few seconds, so an edit made in
/// the desk, on the command line or on another instance applies to the next comments without a query per comment.
final class RulesProvider: Sendable {
    private struct Cached {
        var rules: CommentRules
        var loadedAt: Date
    }

    private let cached = Mutex<Cached?>(nil)
    let store: Store
    let config: AppConfig
    let now: @Sendable () -> Date
    let lifetime: TimeInterval

    init(store: Store, config: AppConfig, now: @escaping @Sendable () -> Date, lifetime: TimeInterval = 5) {
        self.store = store
        self.config = config
        self.now = now
        self.lifetime = lifetime
    }

    func rules() async throws -> CommentRules {
        let now = now()
        if let cached = cached.withLock({ $0 }), now.timeIntervalSince(cached.loadedAt) < lifetime, now >= cached.loadedAt {
            return cached.rules
        }
        let rules = CommentRules(
            words: try await store.words.all(), maxLinks: config.maxLinks, holdAllCaps: config.holdAllCaps,
            holdWithoutDiacritics: config.holdWithoutDiacritics)
        cached.withLock { $0 = Cached(rules: rules, loadedAt: now) }
        return rules
    }

    /// Forgets the lists after an edit made here.
    func invalidate() { cached.withLock { $0 = nil } }
}
