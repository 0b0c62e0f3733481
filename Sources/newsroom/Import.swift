import ArgumentParser
import Foundation
import Logging
import NewsroomCore
import NewsroomStorage

/// `newsroom import FILE...`: plain-text (seed format) or Markdown articles. Importing a file again updates its
/// article and keeps its first publication time.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập bài viết từ tệp văn bản (định dạng của trang mẫu) hoặc Markdown (.md).",
        discussion: "In ra ID<TAB>ĐƯỜNG_DẪN<TAB>TIÊU_ĐỀ cho mỗi bài viết.")

    @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).") var database: String?
    @Argument(help: "Các tệp cần nhập.") var files: [String]

    func run() async throws {
        let logger = Settings.commandLogger()
        // Read every file first: a file that cannot be read stops nothing else and leaves nothing behind.
        var drafts: [ArticleDraft] = []
        var failures = 0
        for file in files {
            do {
                drafts.append(try ArticleFile.read(path: file))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("lỗi: \(error)\n".utf8))
            }
        }
        let store = try await SiteOpening.open(try Settings.database(database), logger: logger)
        do {
            for draft in drafts {
                let article = try await store.articles.save(draft, now: Date()).article
                print("\(article.id)\t\(article.path)\t\(article.title)")
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        if failures > 0 { throw ExitCode(1) }
    }
}
