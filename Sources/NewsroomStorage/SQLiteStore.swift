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

    private init(writer: SQLiteConnection, writerThread: NIOThreadPool, readers: [SQLiteConnection], logger: Logger) {
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
        return SQLiteStore(writer: writer, writerThread: writerThread, readers: readerConnections, logger: logger)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // The connections are opened in serialised mode, so sharing one between tasks is safe; round-robin
        // spreads the work without a checkout queue.
        let index = nextReader.add(1, ordering: .relaxed).oldValue % readers.count
        return try await body(readers[index].sql(queryLogLevel: .trace))
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await batcher.write(body)
    }

    /// Calls `observer` after each commit of this process's writes (changes made by other processes, such as the
    /// command line, are found by polling).
    public func onCommit(_ observer: @escaping @Sendable () -> Void) {
        commitObservers.add(observer)
    }

    public func close() async {
        for connection in readers + [writer] {
            try? await connection.close()
        }
        try? await writerThread.shutdownGracefully()
    }
}

/// Who wants to know that a write committed.
private final class CommitObservers: Sendable {
    private let observers = Mutex<[@Sendable () -> Void]>([])

    func add(_ observer: @escaping @Sendable () -> Void) { observers.withLock { $0.append(observer) } }

    @Sendable func notify() {
        for observer in observers.withLock({ $0 }) { observer() }
    }
}
