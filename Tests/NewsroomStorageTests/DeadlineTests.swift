import Foundation
import Synchronization
import Testing

@testable import NewsroomStorage

/// `withDeadline` answers in time whatever the operation does, and `Abandonment` fails everything in flight at once.
@Suite struct DeadlineTests {
    struct Gone: Error {}
    struct Own: Error {}

    /// Waits `duration` in a way cancellation cannot cut short, as a lease on a pool that keeps reconnecting does.
    @Sendable static func stubbornWait(_ duration: Duration) async {
        _ = await Task.detached { try? await Task.sleep(for: duration) }.value
    }

    /// Runs `body` and returns its result with how long it took.
    static func timed<T>(_ body: () async throws -> T) async -> (Result<T, any Error>, Duration) {
        let start = ContinuousClock.now
        do {
            let value = try await body()
            return (.success(value), start.duration(to: .now))
        } catch {
            return (.failure(error), start.duration(to: .now))
        }
    }

    static func reason(_ result: Result<some Any, any Error>) -> String? {
        guard case .failure(let error) = result else { return nil }
        return (error as? StorageFailure)?.reason
    }

    @Test func anOperationThatIgnoresCancellationStillTimesOutInTime() async {
        let (result, elapsed) = await Self.timed {
            try await withDeadline(.milliseconds(150)) { _ in
                await Self.stubbornWait(.seconds(20))
                return 1
            }
        }
        #expect(Self.reason(result) == "database_timeout")
        #expect(elapsed >= .milliseconds(150))
        #expect(elapsed < .seconds(10))
    }

    @Test func aFastOperationReturnsItsValueAndItsOwnError() async throws {
        #expect(try await withDeadline(.seconds(5)) { _ in 42 } == 42)
        let (result, elapsed) = await Self.timed { try await withDeadline(.seconds(5)) { _ -> Int in throw Own() } }
        guard case .failure(let error) = result else { Issue.record("the operation's error was lost"); return }
        #expect(error is Own)
        #expect(elapsed < .seconds(10))
    }

    @Test func aTimedOutOperationIsCancelled() async throws {
        let sawCancellation = Mutex(false)
        let ended = AsyncStream<Void>.makeStream()
        let (result, _) = await Self.timed {
            try await withDeadline(.milliseconds(100)) { _ in
                do {
                    try await Task.sleep(for: .seconds(10))
                } catch {
                    sawCancellation.withLock { $0 = Task.isCancelled }
                }
                ended.continuation.finish()
                return 0
            }
        }
        #expect(Self.reason(result) == "database_timeout")
        for await _ in ended.stream {}
        #expect(sawCancellation.withLock { $0 })
    }

    @Test func startedSwitchesToTheLimitOnTheWorkItself() async throws {
        // Started at once: the 100 ms wait is over, and the work gets its own 1.5 s.
        let (started, _) = await Self.timed {
            try await withDeadline(.milliseconds(100), afterStart: .milliseconds(1500)) { started in
                started()
                try await Task.sleep(for: .milliseconds(400))
                return 7
            }
        }
        #expect(try started.get() == 7)
        // The same work that never says it started is still waiting past its limit.
        let (waiting, _) = await Self.timed {
            try await withDeadline(.milliseconds(100), afterStart: .milliseconds(1500)) { _ in
                try await Task.sleep(for: .milliseconds(400))
                return 7
            }
        }
        #expect(Self.reason(waiting) == "database_timeout")
        // Started work that runs past both limits is given up after them, not after the work.
        let (slow, elapsed) = await Self.timed {
            try await withDeadline(.milliseconds(100), afterStart: .milliseconds(300)) { started in
                started()
                await Self.stubbornWait(.seconds(20))
                return 7
            }
        }
        #expect(Self.reason(slow) == "database_timeout")
        #expect(elapsed >= .milliseconds(400))
        #expect(elapsed < .seconds(10))
    }

    @Test func theCallersCancellationAnswersAtOnce() async {
        let start = ContinuousClock.now
        let task = Task {
            try await withDeadline(.seconds(30)) { _ in
                await Self.stubbornWait(.seconds(20))
                return 1
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else { Issue.record("a cancelled caller got a value"); return }
        #expect(error is CancellationError)
        #expect(start.duration(to: .now) < .seconds(10))
    }

    @Test func aCallerCancelledBeforeItBeginsIsAnsweredToo() async {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await withDeadline(.seconds(30)) { _ in
                await Self.stubbornWait(.seconds(20))
                return 1
            }
        }
        let (result, elapsed) = await Self.timed { try await task.value }
        guard case .failure(let error) = result else { Issue.record("a cancelled caller got a value"); return }
        #expect(error is CancellationError)
        #expect(elapsed < .seconds(10))
    }

    @Test func abandonAllFailsEveryOperationInFlightAtOnce() async throws {
        let abandonment = Abandonment()
        let running = AsyncStream<Void>.makeStream()
        let start = ContinuousClock.now
        let tasks = (0..<3).map { _ in
            Task {
                try await withDeadline(.seconds(30), abandonment: abandonment) { _ in
                    running.continuation.yield()
                    await Self.stubbornWait(.seconds(20))
                    return 1
                }
            }
        }
        var count = 0
        for await _ in running.stream {
            count += 1
            if count == tasks.count { break }
        }
        // Each registers just after its work begins.
        try await Task.sleep(for: .milliseconds(100))
        abandonment.abandonAll(Gone())
        for task in tasks {
            guard case .failure(let error) = await task.result else { Issue.record("an abandoned operation got a value"); continue }
            #expect(error is Gone)
        }
        #expect(start.duration(to: .now) < .seconds(10))
        // Those are gone from it: a new operation under the same abandonment runs as usual.
        #expect(try await withDeadline(.seconds(5), abandonment: abandonment) { _ in 5 } == 5)
        abandonment.abandonAll(Gone())
    }

    @Test func eachRegisteredFailureIsCalledOnceAndARemovedOneNever() async throws {
        let abandonment = Abandonment()
        #expect(try await withDeadline(.seconds(5), abandonment: abandonment) { _ in "xong" } == "xong")
        let failures = Mutex<[String]>([])
        _ = abandonment.add { _ in failures.withLock { $0.append("giữ") } }
        let removed = abandonment.add { _ in failures.withLock { $0.append("đã bỏ") } }
        abandonment.remove(removed)
        abandonment.abandonAll(Gone())
        abandonment.abandonAll(Gone())
        #expect(failures.withLock { $0 } == ["giữ"])
    }
}
