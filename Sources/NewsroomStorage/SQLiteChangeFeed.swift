import Logging

/// On SQLite one process writes the file: its own commits wake the reader at once, and the frequent poll finds what
/// the command line wrote.
struct SQLiteChangeFeed: ChangeFeed {
    /// The store whose commits wake; nil when it is not one this process opened itself (a wrapper in tests): the poll
    /// alone then.
    let store: SQLiteStore?

    var pollInterval: Duration { .milliseconds(150) }

    func follow(logger: Logger, wanted: @escaping @Sendable () -> Bool, wake: @escaping @Sendable () -> Void) async {
        let observer = store?.onCommit { if wanted() { wake() } }
        await untilCancelled()
        if let observer { store?.removeCommitObserver(observer) }
    }
}
