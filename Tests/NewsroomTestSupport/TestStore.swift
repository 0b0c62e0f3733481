import Foundation
import Logging
import NewsroomCore
import NewsroomStorage

/// The databases the storage and web tests run against: a temporary SQLite file each (sqlite-nio has no shared
/// cache, so `:memory:` would give every pooled connection a different, empty database) and, when
/// `NEWSROOM_TEST_POSTGRES_URL` names a server, a new schema of their own on it. Under `CI=true` the PostgreSQL
/// URL is required: a missing server fails the run rather than skipping half the suite.
public enum TestStore {
    public enum Backend: String, Sendable, CaseIterable {
        case sqlite, postgres
    }

    /// The PostgreSQL server the tests may use, if any.
    public static var postgresURL: String? {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["NEWSROOM_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        return nil
    }

    /// Whether a missing PostgreSQL server is a failure (in CI) rather than a reason to test SQLite alone.
    public static var postgresRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The backends this run covers.
    public static var backends: [Backend] { postgresURL != nil || postgresRequired ? [.sqlite, .postgres] : [.sqlite] }

    /// Runs `body` against a new, migrated store on every backend in turn; each store is dropped afterwards.
    public static func with<T>(_ body: (Store) async throws -> T) async throws -> T {
        var result: T?
        for backend in backends {
            do {
                result = try await with(backend) { store, _ in try await body(store) }
            } catch {
                throw BackendFailure(backend: backend, error: error)
            }
        }
        return result!
    }

    /// Runs `body` on a temporary SQLite file, for what only SQLite has (a file beside the database, WAL); the second
    /// argument is the file's path.
    public static func withSQLite<T>(_ body: (Store, String) async throws -> T) async throws -> T {
        try await with(.sqlite, body)
    }

    /// Runs `body` on one backend; the second argument is the database URL (`sqlite://PATH` or `postgres://...`
    /// with the test's own `search_path`) for a process of its own, or the SQLite file's path.
    public static func with<T>(_ backend: Backend, _ body: (Store, String) async throws -> T) async throws -> T {
        var logger = Logger(label: "newsroom-tests")
        logger.logLevel = .warning
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("test.sqlite").path
            let store = try await Store.open(.sqlite(path: path), logger: logger)
            return try await run(body, store: store, argument: path)
        case .postgres:
            guard let url = postgresURL else {
                throw TestSetupError(
                    message: "CI=true but NEWSROOM_TEST_POSTGRES_URL is not set: the PostgreSQL half of the suite cannot run")
            }
            return try await PostgresSchemas.withSchema(serverURL: url, logger: logger) { schemaURL in
                let store = try await Store.open(.postgres(schemaURL), migrations: .apply, tune: relaxed, logger: logger)
                return try await run(body, store: store, argument: schemaURL)
            }
        }
    }

    /// A small pool with generous waits: the whole suite runs in parallel on a machine of two cores, where a second
    /// without an answer means a busy machine, not a lost server (the fault tests run the defaults).
    static func relaxed(_ settings: inout PostgresSettings) {
        settings.poolSize = 4
        settings.connectTimeout = .seconds(15)
        settings.acquireTimeout = .seconds(15)
        settings.heartbeatTimeout = .seconds(10)
    }

    private static func run<T>(_ body: (Store, String) async throws -> T, store: Store, argument: String) async throws -> T {
        do {
            let result = try await body(store, argument)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A test failed on one backend; the message says which.
public struct BackendFailure: Error, CustomStringConvertible {
    public var backend: TestStore.Backend
    public var error: any Error
    public var description: String { "[\(backend.rawValue)] \(String(reflecting: error))" }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Schemas of their own for tests on one PostgreSQL server, created before and dropped after each test.
public enum PostgresSchemas {
    /// Tests run in parallel; a limit on how many hold a schema at once keeps the connections under the server's
    /// maximum.
    static let gate = Gate(limit: 6)

    /// Creates a schema, runs `body` with the server URL pointed at it, then drops the schema and all in it.
    public static func withSchema<T>(serverURL: String, logger: Logger, _ body: (String) async throws -> T) async throws -> T {
        await gate.acquire()
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var settings = try PostgresSettings(url: serverURL)
        TestStore.relaxed(&settings)
        settings.poolSize = 1
        let admin: PostgresStore
        do {
            admin = try await PostgresStore.open(settings: settings, logger: logger)
        } catch {
            await gate.release()
            throw error
        }
        let drop = {
            try? await admin.write { db in try await db.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
            await admin.close()
            await gate.release()
        }
        do {
            try await admin.write { db in try await db.raw("CREATE SCHEMA \(ident: schema)").run() }
            let separator = serverURL.contains("?") ? "&" : "?"
            let result = try await body(serverURL + separator + "search_path=" + schema)
            await drop()
            return result
        } catch {
            await drop()
            throw error
        }
    }

    /// At most `limit` holders at a time; the others wait their turn in order.
    actor Gate {
        private let limit: Int
        private var inUse = 0
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(limit: Int) { self.limit = limit }

        func acquire() async {
            if inUse < limit {
                inUse += 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty { inUse -= 1 } else { waiting.removeFirst().resume() }
        }
    }
}

/// Fixed data for tests.
public enum Fixtures {
    /// A fixed "now": Sunday 29 November 2026, 09:00 UTC (16:00 in Hà Nội).
    public static let now = Date(timeIntervalSince1970: 1_795_942_800)

    public static func draft(title: String = "Phố cổ Hà Nội đón mùa lễ hội", slug: String? = nil) -> ArticleDraft {
        ArticleDraft(
            slug: slug, title: title, sapo: "Những con phố nhỏ rực rỡ đèn lồng suốt tuần này.",
            body: [
                .paragraph("Từ sáng sớm, người dân đã treo cờ hoa."), .subheading("Lịch trình các ngày"),
                .paragraph("Chương trình kéo dài đến cuối tuần."),
            ])
    }

    public static func comment(
        article: Article.ID, author: String = "Minh Thư", body: String = "Bài viết hay quá!", status: CommentStatus = .published,
        parent: Comment.ID? = nil, replyTo: Comment.ID? = nil, likes: Int = 0, at date: Date = now, client: String = "client-1"
    ) -> NewComment {
        NewComment(
            articleID: article, parentID: parent, replyToID: replyTo ?? parent, author: author, email: nil, body: body, status: status,
            clientFingerprint: client, createdAt: date, likes: likes)
    }

    /// The seed article page, read at test time (its text is input, not project content): `NEWSROOM_SEED` when
    /// set, else `../shared/seed/` beside the package, where the newsroom's shared folder lives.
    public static var seedURL: URL {
        if let path = ProcessInfo.processInfo.environment["NEWSROOM_SEED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seed/000_380a24cf614cbcf5.txt")
    }

    public static func seedText() throws -> String { try String(contentsOf: seedURL, encoding: .utf8) }
}
