import Foundation
import HTTPTypes
import NewsroomCore
import Synchronization

/// Article views counted on the server, without a cookie or a tracker, and the boxes made from them and from comments:
/// "Đọc nhiều" and "Bàn luận sôi nổi" over the last 24 hours.
///
/// A view is one increment in memory (pages served from the cache and 304s included; bots, prefetches and requests
/// without a User-Agent left out). Every `interval` the counts go to the database in one transaction, adding to what
/// other instances wrote, and the boxes are computed again; when they change, the page cache is emptied so every page
/// shows the new ones. A page that finds the boxes older than `interval` starts that work itself
/// (`version(refreshingIfDue:)`), so it also happens where no background service runs.
final class Readership: Sendable {
    /// The site-wide boxes and a version that changes with them (part of each article page's validator).
    struct Boxes: Sendable, Equatable {
        var mostRead: [ArticleLink] = []
        var mostDiscussed: [ArticleLink] = []
        var version = 0

        /// Whether both boxes name the same articles in the same order with the same titles.
        func sameTitles(as other: Boxes) -> Bool {
            let titles = { (links: [ArticleLink]) in links.map { "\($0.id) \($0.slug) \($0.title)" } }
            return titles(mostRead) == titles(other.mostRead) && titles(mostDiscussed) == titles(other.mostDiscussed)
        }
    }

    /// How many articles each box names.
    static let boxSize = 5
    static let window: TimeInterval = 86_400

    private struct State {
        var views: [Article.ID: Int] = [:]
        var boxes = Boxes()
        var refreshedAt: Date?
        var refreshing: Task<Boxes, Never>?
        /// A page has asked for a refresh that has not begun yet: the pages after it need not ask again.
        var requested = false
        var topics: [String: (boxes: Boxes, at: Date)] = [:]
    }

    private let state = Mutex(State())
    private let highlights: any HighlightRepository
    let interval: TimeInterval
    /// Called when the boxes change: every cached page shows them.
    private let changed: @Sendable () -> Void

    init(highlights: any HighlightRepository, interval: TimeInterval, changed: @escaping @Sendable () -> Void) {
        self.highlights = highlights
        self.interval = interval
        self.changed = changed
    }

    /// Counts a view of an article's page, unless a bot or a prefetch asked for it.
    func count(article: Article.ID, headers: HTTPFields) {
        guard Self.isReader(headers) else { return }
        state.withLock { $0.views[article, default: 0] += 1 }
    }

    /// The boxes as last computed (no query).
    var current: Boxes { state.withLock { $0.boxes } }

    /// The boxes' version, for a page's validator; starts a flush and a new computation when the boxes are older than
    /// `interval`, without waiting for it.
    func version(refreshingIfDue now: Date) -> Int {
        let (version, due) = state.withLock { state in
            let due =
                !state.requested && state.refreshing == nil
                && (state.refreshedAt.map { now.timeIntervalSince($0) >= interval } ?? true)
            if due { state.requested = true }
            return (state.boxes.version, due)
        }
        if due { Task { _ = await refresh(now: now) } }
        return version
    }

    /// The boxes, computed again first when they are older than `interval` (one computation however many ask).
    func boxes(now: Date) async -> Boxes {
        let fresh = state.withLock { state in
            state.refreshedAt.map { now.timeIntervalSince($0) < interval } ?? false ? state.boxes : nil
        }
        if let fresh { return fresh }
        return await refresh(now: now)
    }

    /// Writes the views counted so far and computes the boxes again. A failed write keeps the views for the next try.
    @discardableResult
    func refresh(now: Date) async -> Boxes {
        let task = state.withLock { state -> Task<Boxes, Never> in
            if let running = state.refreshing { return running }
            let views = state.views
            state.views = [:]
            state.requested = false
            let task = Task { await self.compute(flushing: views, now: now) }
            state.refreshing = task
            return task
        }
        return await task.value
    }

    private func compute(flushing views: [Article.ID: Int], now: Date) async -> Boxes {
        var boxes = current
        do {
            try await highlights.recordViews(views, at: now)
        } catch {
            state.withLock { state in state.views.merge(views, uniquingKeysWith: +) }
        }
        let since = now.addingTimeInterval(-Self.window)
        let mostRead = try? await highlights.mostRead(since: since, topic: nil, limit: Self.boxSize)
        let mostDiscussed = try? await highlights.mostDiscussed(since: since, topic: nil, limit: Self.boxSize)
        let changed = state.withLock { state -> Bool in
            let previous = state.boxes
            // Article pages show the titles only: a new count alone changes the home page, not every cached page.
            let next = Boxes(
                mostRead: mostRead ?? previous.mostRead, mostDiscussed: mostDiscussed ?? previous.mostDiscussed,
                version: previous.version)
            let changed = !next.sameTitles(as: previous)
            boxes = next
            if changed { boxes.version += 1 }
            state.boxes = boxes
            state.refreshedAt = now
            state.refreshing = nil
            if changed { state.topics = [:] }
            return changed
        }
        if changed { self.changed() }
        return boxes
    }

    /// The boxes of one topic's page, computed at most once per `interval` (no views are flushed for them).
    func boxes(topic: Topic, now: Date) async throws -> Boxes {
        let key = "\(topic.kind.rawValue):\(topic.slug)"
        if let kept = state.withLock({ $0.topics[key] }), now.timeIntervalSince(kept.at) < interval { return kept.boxes }
        let since = now.addingTimeInterval(-Self.window)
        let boxes = Boxes(
            mostRead: try await highlights.mostRead(since: since, topic: topic, limit: Self.boxSize),
            mostDiscussed: try await highlights.mostDiscussed(since: since, topic: topic, limit: Self.boxSize))
        state.withLock { state in
            // A site with many topics keeps only the recent ones.
            if state.topics.count > 500 { state.topics = [:] }
            state.topics[key] = (boxes, now)
        }
        return boxes
    }

    static let secPurpose = HTTPField.Name("Sec-Purpose")!
    static let purpose = HTTPField.Name("Purpose")!

    /// Whether a request is a reader's: a User-Agent that names no robot, and not a prefetch.
    static func isReader(_ headers: HTTPFields) -> Bool {
        guard let agent = headers[.userAgent], !agent.isEmpty else { return false }
        if let purpose = headers[secPurpose] ?? headers[purpose], purpose.contains("prefetch") { return false }
        return !RobotAgents.matches(agent)
    }
}

/// The words robots put in their User-Agent, matched without regard to case in one pass over the bytes. Every page
/// view asks, so the words are kept flat (no array per word to retain) and a byte no word starts with is passed over
/// after one table look-up.
enum RobotAgents {
    static let words = [
        "bot", "crawl", "spider", "slurp", "facebookexternalhit", "preview", "headless", "lighthouse", "curl/", "wget",
        "python", "go-http-client", "java/", "okhttp", "httpclient", "monitor", "scrap", "fetch", "archive",
    ]
    /// Every word's bytes, one after the other, and where each starts and ends.
    static let bytes: [UInt8] = words.flatMap { Array($0.utf8) }
    static let bounds: [(start: Int, end: Int)] = {
        var start = 0
        return words.map { word in
            defer { start += word.utf8.count }
            return (start, start + word.utf8.count)
        }
    }()
    /// For each byte, whether a word starts with it.
    static let starts: [Bool] = (0..<256).map { byte in words.contains { $0.utf8.first == UInt8(byte) } }

    static func matches(_ agent: String) -> Bool {
        var agent = agent
        return agent.withUTF8 { text in
            guard text.count >= 3 else { return true }
            return bytes.withUnsafeBufferPointer { bytes in
                bounds.withUnsafeBufferPointer { bounds in
                    starts.withUnsafeBufferPointer { starts in
                        for position in 0..<text.count {
                            let first = lowercased(text[position])
                            guard starts[Int(first)] else { continue }
                            words: for word in bounds where bytes[word.start] == first && position + word.end - word.start <= text.count {
                                for offset in 1..<(word.end - word.start)
                                where lowercased(text[position + offset]) != bytes[word.start + offset] {
                                    continue words
                                }
                                return true
                            }
                        }
                        return false
                    }
                }
            }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
