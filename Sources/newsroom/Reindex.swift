import ArgumentParser
import Foundation
import Logging
import NewsroomStorage

/// `newsroom reindex`: rebuilds the search index from every published article (after a restore, or to pick up a
/// change in how text is folded). The site keeps serving meanwhile; searches see the index fill up again.
struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lập lại chỉ mục tìm kiếm từ mọi bài đã đăng.")

    @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).")
    var database: String?

    func run() async throws {
        let logger = Settings.commandLogger()
        let store = try await SiteOpening.open(try Settings.database(database), migrations: .refusePending, logger: logger)
        do {
            let started = ContinuousClock.now
            let count = try await store.search.rebuild()
            let seconds = (ContinuousClock.now - started) / .milliseconds(1) / 1000
            print("Đã lập chỉ mục \(count) bài viết trong \(String(format: "%.1f", seconds)) giây.")
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
