import ArgumentParser
import Foundation
import Logging
import NewsroomStorage

/// `newsroom reindex`: rebuilds the search index from every published article (after a restore, or to pick up a
/// change in how text is folded), then every article's related articles, which are found through it (and which an
/// import of many articles leaves to this command). The site keeps serving meanwhile; searches see the index fill up
/// again.
struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lập lại chỉ mục tìm kiếm và tin liên quan từ mọi bài đã đăng.")

    @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).")
    var database: String?

    func run() async throws {
        let logger = Settings.commandLogger()
        let store = try await SiteOpening.open(try Settings.database(database), migrations: .refusePending, logger: logger)
        do {
            let started = ContinuousClock.now
            let count = try await store.search.rebuild()
            let related = try await store.search.rebuildRelated()
            let seconds = (ContinuousClock.now - started) / .milliseconds(1) / 1000
            print(
                "Đã lập chỉ mục \(count) bài viết và tính lại tin liên quan của \(related) bài trong \(String(format: "%.1f", seconds)) giây."
            )
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
