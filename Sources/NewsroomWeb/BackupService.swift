import Foundation
import Logging
import NewsroomCore
import NewsroomStorage
import ServiceLifecycle

/// Scheduled backups of a site on a database file: every `every` seconds a consistent copy (with the key) goes into the backup
/// directory, is verified by reading it back, and only the newest `keep` copies stay. Each run, good or bad, is
/// recorded for the desk and `/metrics`; a failure is logged as an error.
struct BackupService: Service {
    let store: Store
    let schedule: BackupSchedule
    let key: [UInt8]
    let logger: Logger

    static let prefix = "newsroom-"
    static let suffix = ".backup"

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            // The first backup is due one period after the last good one (at once when there is none).
            let last = try? await store.site.lastBackups().lastGood?.finishedAt
            var wait = last.map { max(5, schedule.every - Date().timeIntervalSince($0)) } ?? 5
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(Int(min(wait, 86_400 * 366) * 1000)))
                await backUp()
                wait = schedule.every
            }
        }
    }

    /// Takes, verifies and records one backup, then removes the oldest beyond `keep`.
    @discardableResult
    func backUp() async -> BackupRun {
        let started = Date()
        let stamp = ISO8601DateFormatter.string(
            from: started, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate, .withFullTime, .withFractionalSeconds])
        let name = Self.prefix + stamp.replacingOccurrences(of: ":", with: "") + Self.suffix
        let path = (schedule.directory as NSString).appendingPathComponent(name)
        var run = BackupRun(startedAt: started, finishedAt: started, path: path, bytes: 0, succeeded: false, message: "")
        do {
            try FileManager.default.createDirectory(atPath: schedule.directory, withIntermediateDirectories: true)
            _ = try await store.backup(to: path, key: key, logger: logger)
            let verified = try await store.verifyBackup(path, logger: logger)
            run.succeeded = true
            run.bytes = verified.bytes
            run.message = "\(verified.rows(of: "articles") ?? 0) bài viết, \(verified.rows(of: "comments") ?? 0) bình luận"
            logger.info("Đã sao lưu và kiểm tra \(path) (\(run.message)).")
            prune()
        } catch {
            run.message = "\(error)"
            logger.error("Sao lưu vào \(path) thất bại: \(error)")
        }
        run.finishedAt = Date()
        do {
            try await store.site.record(run)
        } catch {
            logger.error("Không ghi được kết quả sao lưu: \(error)")
        }
        return run
    }

    /// Removes the oldest backups beyond `keep` (names sort by time).
    private func prune() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: schedule.directory)) ?? []
        let backups = names.filter { $0.hasPrefix(Self.prefix) && $0.hasSuffix(Self.suffix) }.sorted()
        for name in backups.dropLast(schedule.keep) {
            try? FileManager.default.removeItem(atPath: (schedule.directory as NSString).appendingPathComponent(name))
        }
    }
}
