import Logging

/// How a serving process learns that events were added to the log the comment triggers write (`article_events`), so
/// that it reads the log soon after rather than only on its next poll.
public protocol ChangeFeed: Sendable {
    /// How often to read the log when nothing has woken the reader: often where wake-ups come only from this
    /// process's own writes (the command line writes a database file too, unannounced); seldom, as a safety net, where
    /// every instance's writes wake every instance.
    var pollInterval: Duration { get }

    /// Calls `wake` whenever events may have been committed, until the task is cancelled. Where wake-ups come only
    /// from this process's own commits, each asks `wanted` first: the process knows what it changed itself, so only
    /// readers waiting for news need it.
    func follow(logger: Logger, wanted: @escaping @Sendable () -> Bool, wake: @escaping @Sendable () -> Void) async
}

extension ChangeFeed {
    /// Waits until the task is cancelled.
    func untilCancelled() async {
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
    }
}
