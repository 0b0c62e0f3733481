import Foundation
import Logging
import NewsroomCore
import NewsroomStorage
import ServiceLifecycle

/// At start and then every hour: deletes rejected and spam comments older than the retention setting, so what a
/// newspaper refused is not kept for ever, and forgets rate-limit events and live events nobody needs any more.
public struct RetentionService: Service {
    let store: Store
    let days: Int
    let commentLimits: [RateLimit]
    let logger: Logger

    public init(store: Store, config: AppConfig, logger: Logger) {
        self.store = store
        self.days = config.retentionDays
        self.commentLimits = config.commentLimits
        self.logger = logger
    }

    public func run() async throws {
        // A service that returns would stop the server: wait for shutdown, sweeping every hour meanwhile.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if days > 0 { await sweep() }
                await forgetOldEvents()
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }

    func forgetOldEvents() async {
        do {
            let now = Date()
            try await store.forgetLimitEvents(limits: commentLimits, now: now)
            // A reader who reconnects comes back within seconds; a day of events is ample.
            try await store.events.deleteEvents(before: now.addingTimeInterval(-86_400))
            // The boxes look back a day; a month of views is kept for the newsroom's own questions.
            try await store.highlights.deleteViews(before: now.addingTimeInterval(-30 * 86_400))
        } catch {
            logger.error("Không dọn được sự kiện cũ: \(error)")
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

/// Publishes scheduled articles when their time comes: every `publishInterval` seconds it asks the database for the
/// ones due. Every instance may run it; the database's update decides which publishes each article.
struct SchedulePublisher: Service {
    let services: Services
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await publishDue()
                try await Task.sleep(for: .milliseconds(Int(services.config.publishInterval * 1000)))
            }
        }
    }

    /// Publishes what is due; returns the articles published.
    @discardableResult
    func publishDue() async -> [Article.ID] {
        do {
            let published = try await services.store.articles.publishDue(now: services.now())
            if !published.isEmpty {
                services.moderated()
                logger.info("Đã đăng bài hẹn giờ", metadata: ["bai": .array(published.map { .stringConvertible($0) })])
            }
            return published
        } catch {
            logger.error("Không đăng được bài hẹn giờ: \(error)")
            return []
        }
    }
}

/// Writes the views counted in memory every `viewsFlushInterval` and computes the boxes again (`Readership`), and
/// writes the last ones when the server stops.
struct ReadershipService: Service {
    let services: Services

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await services.readership.refresh(now: services.now())
                try await Task.sleep(for: .milliseconds(Int(services.config.viewsFlushInterval * 1000)))
            }
        }
        await services.readership.refresh(now: services.now())
    }
}
