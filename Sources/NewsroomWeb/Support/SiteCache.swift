import Foundation
import NIOCore
import Synchronization

/// Documents built from many articles (sitemaps, feeds): built once per `lifetime` however many ask at once, and
/// dropped when staff change anything here. Changes made elsewhere (another instance, the command line, a scheduled
/// publication) show within `lifetime`.
final class SiteCache: Sendable {
    private struct Entry {
        var body: ByteBuffer
        var builtAt: Date
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var building: [String: (generation: Int, task: Task<ByteBuffer, any Error>)] = [:]
        var generation = 0
    }

    private let state = Mutex(State())
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 60) { self.lifetime = lifetime }

    /// The document under `key`, built by `build` when missing or older than `lifetime`; concurrent callers share one
    /// build.
    func body(for key: String, now: Date, build: @escaping @Sendable () async throws -> ByteBuffer) async throws -> ByteBuffer {
        let (cached, task, started) = state.withLock { state -> (ByteBuffer?, Task<ByteBuffer, any Error>?, Int) in
            if let entry = state.entries[key], now.timeIntervalSince(entry.builtAt) < lifetime, entry.builtAt <= now {
                return (entry.body, nil, state.generation)
            }
            if let building = state.building[key] { return (nil, building.task, building.generation) }
            let task = Task { try await build() }
            state.building[key] = (state.generation, task)
            return (nil, task, state.generation)
        }
        if let cached { return cached }
        guard let task else { return try await build() }
        do {
            let body = try await task.value
            state.withLock { state in
                // Only this build's own record goes: one begun after an invalidation may be under way.
                if state.building[key]?.generation == started { state.building[key] = nil }
                // A build that began before an invalidation may predate the change: served once, not kept.
                if started == state.generation { state.entries[key] = Entry(body: body, builtAt: now) }
            }
            return body
        } catch {
            state.withLock { state in
                if state.building[key]?.generation == started { state.building[key] = nil }
            }
            throw error
        }
    }

    /// Forgets every document.
    func invalidate() {
        state.withLock { state in
            state.entries.removeAll()
            state.building.removeAll()
            state.generation += 1
        }
    }
}
