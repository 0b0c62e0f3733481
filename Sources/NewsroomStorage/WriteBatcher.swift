import SQLKit
import Synchronization

/// Serialises every write on one connection and commits concurrent ones together: the writes waiting when a
/// transaction starts run in it one after another, each in its own savepoint (so one that fails is undone alone),
/// and all are answered after the single COMMIT. With `synchronous=FULL` a commit costs an fsync; sharing it is
/// what lets a burst of comments be acknowledged durably at disk speed rather than one fsync each.
final class WriteBatcher: Sendable {
    /// A write waiting its turn. `run` executes it inside the open transaction and returns what to tell its caller
    /// once the commit has (or has not) happened; `fail` answers it when no transaction could be opened.
    struct Job: Sendable {
        /// Runs the write; with `isolated`, inside a savepoint of its own (needed only when it shares the transaction).
        let run: @Sendable (any SQLDatabase, _ isolated: Bool) async -> Outcome
        let fail: @Sendable (any Error) -> Void
    }

    /// What a write left behind: whether it failed (so, alone in its transaction, the transaction must be rolled
    /// back), and what to tell its caller once the transaction has ended.
    struct Outcome: Sendable {
        let failed: Bool
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var queue: [Job] = []
        var isDraining = false
    }

    private let state = Mutex(State())
    private let database: any SQLDatabase
    /// The most writes one transaction takes, so a flood cannot hold the writer (and readers' view) for long.
    private let maxBatch: Int

    /// Called after every successful commit (a live page's follower looks for new events then).
    private let afterCommit: @Sendable () -> Void

    init(database: any SQLDatabase, maxBatch: Int = 256, afterCommit: @escaping @Sendable () -> Void = {}) {
        self.database = database
        self.maxBatch = maxBatch
        self.afterCommit = afterCommit
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { db, isolated in
                    do {
                        if isolated { try await db.raw("SAVEPOINT newsroom_write").run() }
                        let value = try await body(db)
                        if isolated { try await db.raw("RELEASE newsroom_write").run() }
                        return Outcome(failed: false) { commitError in
                            if let commitError { continuation.resume(throwing: commitError) } else { continuation.resume(returning: value) }
                        }
                    } catch {
                        if isolated {
                            try? await db.raw("ROLLBACK TO newsroom_write").run()
                            try? await db.raw("RELEASE newsroom_write").run()
                        }
                        return Outcome(failed: true) { _ in continuation.resume(throwing: error) }
                    }
                }, fail: { continuation.resume(throwing: $0) })
            let startDrain = state.withLock { state -> Bool in
                state.queue.append(job)
                guard !state.isDraining else { return false }
                state.isDraining = true
                return true
            }
            if startDrain { Task { await drain() } }
        }
    }

    /// Runs batches until the queue is empty; only one drain runs at a time, so the connection is never shared.
    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Job] in
                let batch = Array(state.queue.prefix(maxBatch))
                state.queue.removeFirst(batch.count)
                if batch.isEmpty { state.isDraining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try await database.raw("BEGIN IMMEDIATE").run()
            } catch {
                for job in batch { job.fail(error) }
                continue
            }
            var outcomes: [Outcome] = []
            for job in batch { outcomes.append(await job.run(database, batch.count > 1)) }
            var commitError: (any Error)?
            if batch.count == 1 && outcomes[0].failed {
                // Alone, the write ran without a savepoint: undo it with the whole transaction.
                try? await database.raw("ROLLBACK").run()
            } else {
                do {
                    try await database.raw("COMMIT").run()
                    afterCommit()
                } catch {
                    commitError = error
                    try? await database.raw("ROLLBACK").run()
                }
            }
            for outcome in outcomes { outcome.finish(commitError) }
        }
    }
}
