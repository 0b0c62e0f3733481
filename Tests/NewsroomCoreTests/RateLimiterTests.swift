import Foundation
import Testing

@testable import NewsroomCore

@Suite("Rate limiter")
struct RateLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_795_945_265)

    @Test("the third event in the window waits; the wait is the window left")
    func limitsWithinWindow() async {
        let limiter = RateLimiter(limit: 2, window: 10)
        #expect(await limiter.acquire(key: "client-a", now: Self.start) == nil)
        #expect(await limiter.acquire(key: "client-a", now: Self.start) == nil)
        let wait = await limiter.acquire(key: "client-a", now: Self.start)
        #expect(wait == 10)
        #expect((wait ?? 0) > 0)
    }

    @Test("the wait shrinks as the window slides, never below one second")
    func waitShrinks() async {
        let limiter = RateLimiter(limit: 2, window: 10)
        _ = await limiter.acquire(key: "k", now: Self.start)
        _ = await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(4))
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(6)) == 4)
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(9.5)) == 1)
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(9.999)) == 1)
    }

    @Test("once the window has passed, events are allowed again")
    func allowsAfterWindow() async {
        let limiter = RateLimiter(limit: 2, window: 10)
        _ = await limiter.acquire(key: "k", now: Self.start)
        _ = await limiter.acquire(key: "k", now: Self.start)
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(9)) != nil)
        let later = Self.start.addingTimeInterval(10.5)
        #expect(await limiter.acquire(key: "k", now: later) == nil)
        #expect(await limiter.acquire(key: "k", now: later) == nil)
        #expect(await limiter.acquire(key: "k", now: later) != nil)
    }

    @Test("refused attempts do not count against the client")
    func refusedAttemptsNotRecorded() async {
        let limiter = RateLimiter(limit: 2, window: 10)
        _ = await limiter.acquire(key: "k", now: Self.start)
        _ = await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(1))
        for second in 2...9 {
            #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(Double(second))) != nil)
        }
        // Only the first event has left the window at 10.5 s; the refused ones never entered it.
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(10.5)) == nil)
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(11.5)) == nil)
    }

    @Test("different keys are limited independently")
    func keysAreIndependent() async {
        let limiter = RateLimiter(limit: 2, window: 10)
        _ = await limiter.acquire(key: "client-a", now: Self.start)
        _ = await limiter.acquire(key: "client-a", now: Self.start)
        #expect(await limiter.acquire(key: "client-a", now: Self.start) != nil)
        #expect(await limiter.acquire(key: "client-b", now: Self.start) == nil)
        #expect(await limiter.acquire(key: "client-b", now: Self.start) == nil)
        #expect(await limiter.acquire(key: "client-b", now: Self.start) != nil)
        #expect(await limiter.acquire(key: "client-c", now: Self.start) == nil)
    }

    @Test("a limit of one allows one event per window")
    func limitOfOne() async {
        let limiter = RateLimiter(limit: 1, window: 30)
        #expect(await limiter.acquire(key: "k", now: Self.start) == nil)
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(29.2)) == 1)
        #expect(await limiter.acquire(key: "k", now: Self.start.addingTimeInterval(30.1)) == nil)
    }

    @Test("a flood from ever new keys within one window keeps memory bounded, the newest keys remembered")
    func boundedKeys() async {
        let limiter = RateLimiter(limits: [RateLimit(1, per: 3600)], maxKeys: 100)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for index in 0..<1_000 {
            #expect(await limiter.acquire(key: "may-\(index)", now: start.addingTimeInterval(Double(index))) == nil)
            #expect(await limiter.keyCount <= 100)
        }
        // The latest client is still limited.
        #expect(await limiter.acquire(key: "may-999", now: start.addingTimeInterval(1_000)) != nil)
    }
}
