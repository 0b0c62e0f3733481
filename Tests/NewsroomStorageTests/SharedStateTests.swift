import Foundation
import NIOSSL
import NewsroomCore
import NewsroomTestSupport
import Testing

@testable import NewsroomStorage

private typealias Comment = NewsroomCore.Comment

/// What instances sharing one database must agree on: the comment limits and the event log live pages follow.
@Suite struct SharedStateTests {
    @Test func concurrentAttemptsFromOneReaderGetExactlyTheLimit() async throws {
        try await TestStore.with { store in
            let limiter = SQLRateLimiter(database: store.database, limits: [RateLimit(3, per: 60)])
            let waits = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<20 { group.addTask { try await limiter.acquire(keys: ["client:a", "email:a@b.vn"], now: Fixtures.now) } }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(waits.filter { $0 == nil }.count == 3)
            #expect(waits.compactMap { $0 }.allSatisfy { $0 == 60 })
            // Another reader is not affected; the first one is allowed again once the window has passed.
            #expect(try await limiter.acquire(keys: ["client:b"], now: Fixtures.now) == nil)
            #expect(try await limiter.acquire(keys: ["client:a"], now: Fixtures.now.addingTimeInterval(61)) == nil)
        }
    }

    @Test func twoInstancesOnOneDatabaseShareTheCounts() async throws {
        for backend in TestStore.backends {
            try await TestStore.with(backend) { first, location in
                let url: DatabaseURL = backend == .sqlite ? .sqlite(path: location) : .postgres(location)
                let second = try await Store.open(url, logger: .init(label: "second"))
                let limits = [RateLimit(2, per: 60)]
                let a = SQLRateLimiter(database: first.database, limits: limits)
                let b = SQLRateLimiter(database: second.database, limits: limits)
                #expect(try await a.acquire(keys: ["client:x"], now: Fixtures.now) == nil)
                #expect(try await b.acquire(keys: ["client:x"], now: Fixtures.now.addingTimeInterval(1)) == nil)
                #expect(try await a.acquire(keys: ["client:x"], now: Fixtures.now.addingTimeInterval(2)) == 58)
                #expect(try await b.acquire(keys: ["client:x"], now: Fixtures.now.addingTimeInterval(2)) == 58)
                await second.close()
            }
        }
    }

    @Test func everyChangeAPageShowsIsLoggedInOrder() async throws {
        try await TestStore.with { store in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            let start = try await store.events.latestID()
            let published = try await store.comments.insert(Fixtures.comment(article: article.id))
            let pending = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Chờ duyệt", status: .pending))
            _ = try await store.comments.like(comment: published.id, client: "c-2", address: "ip", perAddress: 20, at: Fixtures.now)
            _ = try await store.comments.setStatus(.published, ids: [pending.id])
            let staff = try await store.staff.add(email: "bientap@toasoan.vn", role: .moderator, passwordHash: "x", at: Fixtures.now)
            _ = try await store.moderation.edit(pending.id, body: "Đã sửa chính tả", by: staff, at: Fixtures.now)
            _ = try await store.comments.setStatus(.rejected, ids: [published.id])
            // Nothing a reader sees changes here: a pending comment rejected.
            let hidden = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Ẩn", status: .pending))
            _ = try await store.comments.setStatus(.rejected, ids: [hidden.id])

            let events = try await store.events.events(article: article.id, after: start, limit: 100)
            #expect(events.map(\.kind) == [.comment, .likes, .comment, .edited, .removed])
            #expect(events.map(\.commentID) == [published.id, published.id, pending.id, pending.id, published.id])
            #expect(try await store.events.latestID(article: article.id) == events.last?.id)
            #expect(try await store.events.events(after: events[2].id, limit: 100).map(\.commentID) == [pending.id, published.id])
        }
    }
}

/// What only PostgreSQL has: the pool's settings.
@Suite struct PostgresSettingsTests {
    @Test func theStatementTimeoutAndSchemaApplyToEveryConnection() async throws {
        // Runs wherever PostgreSQL is part of the run (always in CI).
        guard TestStore.backends.contains(.postgres) else { return }
        try await TestStore.with(.postgres) { _, url in
            let store = try await Store.open(
                .postgres(url),
                tune: {
                    $0.poolSize = 2
                    $0.statementTimeoutMilliseconds = 300
                }, logger: .init(label: "test"))
            let settings = try await store.database.read { db in
                try await db.raw("SELECT current_setting('statement_timeout') AS timeout, current_schema() AS schema").first()
            }
            #expect(try settings?.decode(column: "timeout", as: String.self) == "300ms")
            #expect(try settings?.decode(column: "schema", as: String.self).hasPrefix("t_") == true)
            // A statement that runs past the timeout is cancelled by the server, and the pool goes on serving.
            await #expect(throws: (any Error).self) {
                try await store.database.read { db in try await db.raw("SELECT pg_sleep(2)").run() }
            }
            #expect(try await store.articles.count() == 0)
            await store.close()
        }
    }

    @Test func databaseURLsReadTheirOptions() throws {
        let settings = try PostgresSettings(
            url: "postgres://bao:m%E1%BA%ADt@db.toasoan.vn:6543/newsroom?sslmode=require&search_path=site_a")
        #expect(settings.host == "db.toasoan.vn" && settings.port == 6543)
        #expect(settings.username == "bao" && settings.password == "mật")
        #expect(settings.database == "newsroom" && settings.tls == .require && settings.searchPath == "site_a")
        // As libpq: `require` encrypts without checking the certificate; `verify-full` checks it and the host name.
        #expect(settings.tlsConfiguration?.certificateVerification == CertificateVerification.none)
        #expect(
            try PostgresSettings(url: "postgres://h/db?sslmode=verify-full").tlsConfiguration?.certificateVerification == .fullVerification)
        #expect(try PostgresSettings(url: "postgres://h/db?sslmode=disable").tlsConfiguration == nil)
        #expect(throws: ConfigurationError.self) { try PostgresSettings(url: "postgres://h/db?sslmode=sometimes") }
        #expect(throws: ConfigurationError.self) { try PostgresSettings(url: "postgres://h/db?search_path=a;DROP") }
    }
}
