import Synchronization

/// Runs `operation` and gives up on it after `limit`: the caller then gets `StorageFailure.timedOut` at once, and the
/// operation, cancelled, ends in the background whenever it can. Unlike a task group, this never waits for an
/// operation that ignores cancellation (a lease from a pool that keeps reconnecting, a query on a socket nobody
/// closes), so a request always gets its answer in time.
///
/// `started` switches to the second limit: `limit` bounds the wait before the work begins (for a pooled
/// connection), `afterStart` the work itself. `abandonment` can fail it sooner, with every other operation under it.
/// `discard` gets a value the operation made after the caller stopped waiting (a connection opened too late), which
/// nobody else will release.
func withDeadline<T: Sendable>(
    _ limit: Duration, afterStart: Duration? = nil, abandonment: Abandonment? = nil,
    discard: (@Sendable (T) -> Void)? = nil,
    _ operation: @escaping @Sendable (_ started: @escaping @Sendable () -> Void) async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.begin(continuation)
            let work = Task {
                do {
                    let value = try await operation { race.markStarted() }
                    if !race.finish(.success(value)) { discard?(value) }
                } catch {
                    race.finish(.failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                if let afterStart, race.hasStarted {
                    try? await Task.sleep(for: afterStart)
                }
                if !Task.isCancelled, race.finish(.failure(StorageFailure.timedOut)) { work.cancel() }
            }
            let ticket = abandonment?.add { error in
                if race.finish(.failure(error)) { work.cancel() }
            }
            race.onFinish {
                timer.cancel()
                if let ticket { abandonment?.remove(ticket) }
            }
            race.onCancel { work.cancel() }
        }
    } onCancel: {
        race.cancel()
    }
}

/// Fails at once every operation running under it: when the database is found gone, nothing in flight will get
/// an answer, and its requests should not wait out their deadlines.
final class Abandonment: Sendable {
    private let waiting = Mutex<(next: UInt64, failures: [UInt64: @Sendable (any Error) -> Void])>((0, [:]))

    func add(_ fail: @escaping @Sendable (any Error) -> Void) -> UInt64 {
        waiting.withLock { waiting in
            waiting.next += 1
            waiting.failures[waiting.next] = fail
            return waiting.next
        }
    }

    func remove(_ ticket: UInt64) { _ = waiting.withLock { $0.failures.removeValue(forKey: ticket) } }

    func abandonAll(_ error: any Error) {
        let failures = waiting.withLock { waiting in
            defer { waiting.failures = [:] }
            return waiting.failures
        }
        for fail in failures.values { fail(error) }
    }
}

/// The shared state of one `withDeadline`: the first result wins, later ones are dropped.
private final class DeadlineRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var started = false
        var finished = false
        var cancelled = false
        /// A result that came before the caller's continuation (cancelled before it began).
        var early: Result<T, any Error>?
        var afterFinish: (@Sendable () -> Void)?
        var afterCancel: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func begin(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock { state in
            if state.early == nil { state.continuation = continuation }
            return state.early
        }
        if let early { continuation.resume(with: early) }
    }

    func markStarted() { state.withLock { $0.started = true } }

    var hasStarted: Bool { state.withLock { $0.started } }

    /// Resumes the caller with `result` unless another result came first; true when this one won.
    @discardableResult
    func finish(_ result: Result<T, any Error>) -> Bool {
        let outcome: (won: Bool, CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) = state.withLock { state in
            guard !state.finished else { return (false, nil, nil) }
            state.finished = true
            if state.continuation == nil { state.early = result }
            defer { state.continuation = nil }
            return (true, state.continuation, state.afterFinish)
        }
        outcome.1?.resume(with: result)
        outcome.2?()
        return outcome.won
    }

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let finished = state.withLock { state in
            if !state.finished { state.afterFinish = action }
            return state.finished
        }
        if finished { action() }
    }

    func onCancel(_ action: @escaping @Sendable () -> Void) {
        let cancelled = state.withLock { state in
            if !state.cancelled { state.afterCancel = action }
            return state.cancelled
        }
        if cancelled { action() }
    }

    /// The caller was cancelled: it gets a `CancellationError` and the work is cancelled.
    func cancel() {
        let action = state.withLock { state in
            state.cancelled = true
            return state.afterCancel
        }
        action?()
        finish(.failure(CancellationError()))
    }
}
