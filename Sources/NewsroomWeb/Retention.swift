import Foundation
import Logging
import NewsroomStorage
import ServiceLifecycle

/// Deletes rejected and spam comments older than the retention setting, at start and then every hour, so what a
/// newspaper refused is not kept for ever.
public struct RetentionService: Service {
    let store: Store
    let days: Int
    let logger: Logger

    public init(store: Store, days: Int, logger: Logger) {
        self.store = store
        self.days = days
        self.logger = logger
    }

    public func run() async throws {
        // A service that returns would stop the server: wait for shutdown, sweeping every hour meanwhile.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if days > 0 { await sweep() }
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }

    func sweep() async {
        do {
            let deleted = try await store.standing.deleteRejected(before: Date().addingTimeInterval(-Double(days) * 86_400))
            if deleted > 0 { logger.info("Đã xóa \(deleted) bình luận bị từ chối quá \(days) ngày.") }
        } catch {
            logger.error("Không xóa được bình luận cũ: \(error)")
        }
    }
}
