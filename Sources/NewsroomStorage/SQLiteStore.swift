import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite as DESIGN.md sets it up: WAL journal, `synchronous=FULL` (a comment acknowledged is on disk), foreign
/// keys on. sqlite-nio retries a busy database without sleeping, so writers must never contend: every write goes
/// through the one writer connection, one transaction at a time (`WriteBatcher`), and reads are spread over a few
/// other connections.
public final class SQLiteStore: Database {
    public let dialect = DatabaseDialect.sqlite
    private let writer: SQLiteConnection
    private let writerThread: NIOThreadPool
    private let readers: [SQLiteConnection]
    private let batcher: WriteBatcher
    private let nextReader = Atomic<Int>(0)
    private let logger: Logger
    private let commitObservers = CommitObservers()
    /// The file opened: a write into a file deleted or replaced since would be lost, so it is refused.
    private let file: SQLiteFile

    private init(
        file: SQLiteFile, writer: SQLiteConnection, writerThread: NIOThreadPool, readers: [SQLiteConnection], logger: Logger
    ) {
        self.file = file
        self.writer = writer
        self.writerThread = writerThread
        self.batcher = WriteBatcher(database: writer.sql(queryLogLevel: .trace), afterCommit: commitObservers.notify)
        self.readers = readers
        self.logger = logger
    }

    /// Opens (creating when absent) the database file at `path`.
    public static func open(path: String, readers: Int = 2, logger: Logger) async throws -> SQLiteStore {
        _ = SearchRanking.install
        let threadPool = NIOThreadPool.singleton
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        // The writer has a thread of its own: the one serial path never waits behind reads for a thread.
        let writerThread = NIOThreadPool(numberOfThreads: 1)
        writerThread.start()
        let writer = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: writerThread, logger: logger, on: eventLoop)
        guard let file = SQLiteFile(path: path) else {
            try? await writer.close()
            throw StorageFailure(.unavailable, reason: "database_replaced", detail: "không thấy tệp \(path) vừa mở")
        }
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"] {
            try await writer.sql().raw("\(unsafeRaw: pragma)").run()
        }
        var readerConnections: [SQLiteConnection] = []
        for _ in 0..<max(1, readers) {
            let reader = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop)
            try await reader.sql().raw("PRAGMA foreign_keys = ON").run()
            try await reader.sql().raw("PRAGMA query_only = ON").run()
            readerConnections.append(reader)
        }
        return SQLiteStore(file: file, writer: writer, writerThread: writerThread, readers: readerConnections, logger: logger)
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // The connections are opened in serialised mode, so sharing one between tasks is safe; round-robin
        // spreads the work without a checkout queue.
        let index = nextReader.add(1, ordering: .relaxed).oldValue % readers.count
        do {
            return try await body(readers[index].sql(queryLogLevel: .trace))
        } catch {
            throw StorageFailure.classify(error) ?? error
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let failure = file.failure { throw failure }
        do {
            return try await batcher.write(body)
        } catch {
            throw StorageFailure.classify(error) ?? error
        }
    }

    public func readiness(within limit: Duration) async -> StorageFailure? {
        if let failure = file.failure { return failure }
        do {
            _ = try await withDeadline(limit) { _ in try await self.read { db in try await db.raw("SELECT 1 AS one").first() } }
            return nil
        } catch {
            return StorageFailure.classify(error) ?? StorageFailure(.unavailable, reason: "database_io", detail: "\(error)")
        }
    }

    /// Calls `observer` after each commit of this process's writes (changes made by other processes, such as the
    /// command line, are found by polling), until `removeCommitObserver` is given what this returns.
    @discardableResult
    public func onCommit(_ observer: @escaping @Sendable () -> Void) -> Int {
        commitObservers.add(observer)
    }

    /// Stops calling the observer `onCommit` returned `token` for.
    public func removeCommitObserver(_ token: Int) { commitObservers.remove(token) }

    /// Where the database file is.
    public var path: String { file.path }

    public func close() async {
        for connection in readers + [writer] {
            try? await connection.close()
        }
        try? await writerThread.shutdownGracefully()
    }
}

/// Who wants to know that a write committed.
private final class CommitObservers: Sendable {
    private struct Observers {
        var next = 0
        var all: [(token: Int, observer: @Sendable () -> Void)] = []
    }

    private let observers = Mutex(Observers())

    func add(_ observer: @escaping @Sendable () -> Void) -> Int {
        observers.withLock { observers in
            observers.next += 1
            observers.all.append((observers.next, observer))
            return observers.next
        }
    }

    func remove(_ token: Int) { observers.withLock { $0.all.removeAll { $0.token == token } } }

    @Sendable func notify() {
        for entry in observers.withLock({ $0.all }) { entry.observer() }
    }
}

/// A database file as it was when opened: its device and inode, to tell it from whatever is at its path later.
struct SQLiteFile: Sendable {
    let path: String
    private let device: UInt64
    private let inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.path = path
        self.device = UInt64(status.st_dev)
        self.inode = UInt64(status.st_ino)
    }

    /// Why writes must stop: the file was deleted or replaced, or can no longer be written; nil while it is fine.
    var failure: StorageFailure? {
        var status = stat()
        guard stat(path, &status) == 0, UInt64(status.st_dev) == device, UInt64(status.st_ino) == inode else {
            return StorageFailure(
                .unavailable, reason: "database_replaced",
                detail: "tệp \(path) đã bị xóa hoặc thay thế từ khi trang mở nó; các bài viết và bình luận mới sẽ mất nếu ghi tiếp")
        }
        guard access(path, W_OK) == 0 else {
            return StorageFailure(.unavailable, reason: "database_read_only", detail: "tệp \(path) không ghi được")
        }
        return nil
    }
}
