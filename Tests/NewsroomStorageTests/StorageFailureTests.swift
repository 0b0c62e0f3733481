import Foundation
import Logging
import NIOPosix
import NewsroomCore
import NewsroomTestSupport
import Testing

@testable import NewsroomStorage
@testable import PostgresNIO
@testable import SQLiteNIO

/// Which errors are the database's own trouble (answered 503 or 507 with Retry-After) and which keep their meaning.
@Suite struct StorageFailureTests {
    struct Unrelated: Error {}

    func sqlite(_ reason: SQLiteError.Reason) -> StorageFailure? {
        StorageFailure.classify(SQLiteError(reason: reason, message: "thử"))
    }

    func postgres(state: String) -> StorageFailure? {
        StorageFailure.classify(PSQLError.server(.init(fields: [.sqlState: state, .message: "thông báo \(state)"])))
    }

    @Test func sqliteReasonsMapToFullOrUnavailable() {
        #expect(sqlite(.full)?.kind == .full)
        #expect(sqlite(.full)?.reason == "storage_full")
        #expect(sqlite(.full)?.detail.contains("thử") == true)
        let expected: [(SQLiteError.Reason, String)] = [
            (.readOnly, "database_read_only"), (.readonlyBackingMoved, "database_read_only"), (.permission, "database_read_only"),
            (.readonlyDirectory, "database_read_only"), (.corrupt, "database_corrupt"), (.notADatabase, "database_corrupt"),
            (.corruptIndex, "database_corrupt"), (.busy, "database_io"), (.locked, "database_io"), (.cantOpen, "database_io"),
            (.ioError, "database_io"), (.ioErrorFailedWrite, "database_io"), (.ioErrorFailedSync, "database_io"),
            (.ioErrorCorruptedFilesystem, "database_io"), (.noMemory, "database_io"),
        ]
        for (reason, name) in expected {
            #expect(sqlite(reason)?.kind == .unavailable, "\(reason)")
            #expect(sqlite(reason)?.reason == name, "\(reason)")
        }
    }

    @Test func theRequestsOwnSQLiteErrorsKeepTheirMeaning() {
        for reason: SQLiteError.Reason in [.constraint, .constraintUniqueFailed, .error, .mismatch, .tooBig, .range, .misuse] {
            #expect(sqlite(reason) == nil, "\(reason)")
        }
    }

    /// Every I/O error SQLite reports (extended result codes are on in sqlite-nio) is the disk's trouble, not the
    /// request's: a reader should get 503 with Retry-After, not 500.
    @Test func everySQLiteIOErrorIsUnavailable() {
        let ioErrors: [SQLiteError.Reason] = [
            .ioError, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync,
            .ioErrorFailedTruncate, .ioErrorFailedStat, .ioErrorFailedUnlock, .ioErrorFailedReadLock, .ioErrorFailedDelete,
            .ioErrorNoMemory, .ioErrorFailedAccess, .ioErrorFailedLockCheck, .ioErrorFailedAdvisoryLock, .ioErrorFailedClose,
            .ioErrorFailedSharedMemOpen, .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap, .ioErrorFailedDeleteNonexistent,
            .ioErrorFailedMemoryMap, .ioErrorCantFindTempdir, .ioErrorBadDataChecksum, .ioErrorCorruptedFilesystem,
        ]
        let unclassified = ioErrors.filter { sqlite($0)?.kind != .unavailable }
        #expect(unclassified.isEmpty, "answered 500 instead of 503: \(unclassified)")
    }

    @Test func aRealSQLiteErrorIsClassified() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-not-db-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(String(repeating: "Đây không phải cơ sở dữ liệu.\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        // sqlite-nio reads the header as it opens the file: the open or the first query fails.
        let error = await #expect(throws: SQLiteError.self) {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: .singleton, logger: Logger(label: "test"),
                on: MultiThreadedEventLoopGroup.singleton.any())
            defer { _ = connection.close() }
            _ = try await connection.query("SELECT count(*) FROM sqlite_master")
        }
        let failure = try #require(error.flatMap { StorageFailure.classify($0) })
        #expect(failure.kind == .unavailable)
        #expect(failure.reason == "database_corrupt")
    }

    @Test func postgresConnectionTroubleIsUnreachable() {
        for error: PSQLError in [
            .connectionError(underlying: Unrelated()), .serverClosedConnection(underlying: nil), .clientClosedConnection(underlying: nil),
            .uncleanShutdown, .poolClosed, .sslUnsupported,
        ] {
            #expect(StorageFailure.classify(error)?.reason == "database_unreachable", "\(error.code)")
            #expect(StorageFailure.classify(error)?.kind == .unavailable, "\(error.code)")
        }
        #expect(StorageFailure.classify(PSQLError.queryCancelled)?.reason == "database_timeout")
    }

    @Test func postgresServerStatesMapToTheirReasons() {
        #expect(postgres(state: "53100")?.kind == .full)
        #expect(postgres(state: "53100")?.reason == "storage_full")
        let expected = [
            ("57014", "database_timeout"), ("28P01", "database_refused"), ("28000", "database_refused"), ("3D000", "database_refused"),
            ("25006", "database_read_only"), ("08006", "database_unreachable"), ("57P01", "database_unreachable"),
            ("57P03", "database_unreachable"), ("53300", "database_unreachable"),
        ]
        for (state, reason) in expected {
            #expect(postgres(state: state)?.kind == .unavailable, "\(state)")
            #expect(postgres(state: state)?.reason == reason, "\(state)")
        }
        #expect(postgres(state: "3D000")?.detail.contains("thông báo 3D000") == true)
        // A constraint, a syntax error, a missing table: the request's or the code's, not the database's health.
        for state in ["23505", "23503", "42601", "42P01", "22P02", "40001"] {
            #expect(postgres(state: state) == nil, "\(state)")
        }
        #expect(StorageFailure.classify(PSQLError(code: .tooManyParameters)) == nil)
    }

    @Test func otherErrorsAreNotStorageFailuresAndAStorageFailureStaysItself() {
        #expect(StorageFailure.classify(Unrelated()) == nil)
        #expect(StorageFailure.classify(NewsroomError(.notFound)) == nil)
        #expect(StorageFailure.classify(CancellationError()) == nil)
        let own = StorageFailure(.full, reason: "storage_full", detail: "đầy")
        #expect(StorageFailure.classify(own)?.description == "storage_full: đầy")
        #expect(StorageFailure.classify(StorageFailure.timedOut)?.reason == "database_timeout")
    }

    /// What a real server answers carries what `classify` reads.
    @Test(.enabled(if: TestStore.postgresURL != nil)) func realPostgresRefusalsAreClassified() async throws {
        let logger = Logger(label: "test")
        var settings = try PostgresSettings(url: try #require(TestStore.postgresURL))
        settings.searchPath = nil
        func failure(_ change: (inout PostgresSettings) -> Void, query: String = "SELECT 1") async -> StorageFailure? {
            var changed = settings
            change(&changed)
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: try changed.connectionConfiguration, id: 1, logger: logger)
                defer { Task { try? await connection.close() } }
                _ = try await connection.query(PostgresQuery(unsafeSQL: query), logger: logger).collect()
                return nil
            } catch {
                return StorageFailure.classify(error)
            }
        }
        #expect(await failure({ _ in }) == nil)
        #expect(await failure({ $0.database = "newsroom_khong_co_csdl_nay" })?.reason == "database_refused")
        #expect(await failure({ $0.username = "newsroom_khong_co_vai_tro_nay" })?.reason == "database_refused")
        #expect(await failure({ $0.statementTimeoutMilliseconds = 50 }, query: "SELECT pg_sleep(2)")?.reason == "database_timeout")
        #expect(await failure({ $0.port = try! Self.closedPort() })?.reason == "database_unreachable")
        #expect(await failure({ _ in }, query: "SELECT * FROM bang_khong_ton_tai") == nil)
    }

    /// A loopback port nothing listens on (bound, then released).
    static func closedPort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 1
        try channel.close().wait()
        return port
    }
}
