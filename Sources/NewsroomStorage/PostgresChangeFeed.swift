import Logging
import PostgresNIO
import SQLKit

/// On PostgreSQL several instances write: every instance LISTENs on the site's channel, so an event committed on any
/// of them wakes all at once, and a slow poll stays as a safety net for a lost notification.
struct PostgresChangeFeed: ChangeFeed {
    /// The store to listen through; nil when it is not one this process opened itself (a wrapper in tests): the poll
    /// alone then.
    let store: PostgresStore?

    var pollInterval: Duration { .seconds(2) }

    func follow(logger: Logger, wanted: @escaping @Sendable () -> Bool, wake: @escaping @Sendable () -> Void) async {
        guard let store else { return await untilCancelled() }
        await store.listenForEvents(logger: logger, onEvents: wake)
    }
}

extension PostgresStore {
    /// Calls `onEvents` each time a transaction that logged events commits on this site's schema, on any instance,
    /// until the task is cancelled. A dropped connection is opened again after a pause, and `onEvents` is called then
    /// too, since some may have been missed meanwhile.
    func listenForEvents(logger: Logger, onEvents: @escaping @Sendable () -> Void) async {
        while !Task.isCancelled {
            var open: PostgresConnection?
            do {
                let connection = try await dedicatedConnection(logger: logger)
                open = connection
                let schema = try await connection.sql().raw("SELECT current_schema() AS name").first()?.decode(
                    column: "name", as: String.self)
                let channel = "newsroom_" + (schema ?? "public")
                try await withTaskCancellationHandler {
                    try await connection.listen(on: channel) { notifications in
                        onEvents()
                        for try await _ in notifications { onEvents() }
                    }
                } onCancel: {
                    connection.close().whenComplete { _ in }
                }
                try? await connection.close()
            } catch {
                // Whatever failed, the connection goes: one is opened again below.
                if let open { try? await open.close() }
                if Task.isCancelled { return }
                logger.warning(
                    "Mất kết nối LISTEN tới PostgreSQL, thử lại sau 1 giây: \(StorageFailure.classify(error)?.detail ?? "\(error)")")
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
