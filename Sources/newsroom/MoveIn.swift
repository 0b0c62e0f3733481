import ArgumentParser
import Foundation
import Logging
import NewsroomCore
import NewsroomStorage
import NewsroomWeb

/// `newsroom import --format wxr|disqus FILE`: moving in from WordPress or Disqus. Prints `ID<TAB>PATH<TAB>TITLE` for
/// each article (or comment thread) and a summary of what was added, changed, kept and skipped on standard error.
enum MoveIn {
    static func run(_ file: String, format: Import.Format, database: String?, logger: Logger) async throws {
        let contents = file == "-" ? try FileHandle.standardInput.readToEnd() : FileManager.default.contents(atPath: file)
        guard let data = contents else { throw ValidationError("không đọc được tệp \(file)") }
        let url = try Settings.database(database)
        let store = try await SiteOpening.open(url, longRunning: true, logger: logger)
        do {
            let key = try await SiteOpening.key(SiteOpening.secretText(nil), database: url, store: store)
            let fingerprint = { (address: String) in ImportedClient.fingerprint(address: address, secret: key) }
            var summary = Summary()
            do {
                switch format {
                case .wxr: try await wordpress(try WordPressExport.parse(data), store: store, fingerprint: fingerprint, summary: &summary)
                case .disqus: try await disqus(try DisqusExport.parse(data), store: store, fingerprint: fingerprint, summary: &summary)
                default: break
                }
            } catch let error as ImportFormatError {
                throw ValidationError("\(file): \(error)")
            }
            await store.close()
            FileHandle.standardError.write(Data("Đã nhập \(file): \(summary.text)\n".utf8))
        } catch {
            await store.close()
            throw error
        }
    }

    private static func wordpress(
        _ export: WordPressExport, store: Store, fingerprint: (String) -> String, summary: inout Summary
    ) async throws {
        let plan = WordPressImport(export, fingerprint: fingerprint)
        let importer = ForeignImport(store: store, source: plan.source)
        summary.skipped = plan.skipped
        for entry in plan.entries {
            let outcome = try await importer.save(.article(entry.article), comments: entry.comments, now: Date())
            summary.add(outcome)
            print("\(outcome.article.id)\t\(outcome.article.path)\t\(outcome.article.title)")
        }
    }

    private static func disqus(
        _ export: DisqusExport, store: Store, fingerprint: (String) -> String, summary: inout Summary
    ) async throws {
        let plan = DisqusImport(export, fingerprint: fingerprint)
        let importer = ForeignImport(store: store, source: plan.source)
        summary.skipped = plan.skipped
        for entry in plan.entries {
            guard let url = entry.url, let site = EmbeddedThread.origin(of: url) else {
                summary.skipped["thread (địa chỉ không hợp lệ)", default: 0] += 1
                continue
            }
            let target: ForeignImport.Target =
                if let id = try await importer.existingArticle(url: url) {
                    .existing(id)
                } else {
                    .thread(EmbeddedThread(url: url, site: site), title: entry.thread.title)
                }
            let outcome = try await importer.save(target, comments: entry.comments, now: Date())
            summary.add(outcome)
            print("\(outcome.article.id)\t\(outcome.article.path)\t\(outcome.article.title)")
        }
    }

    /// Counts for the closing line.
    struct Summary {
        var articles: [ForeignImport.Change: Int] = [:]
        var added: [CommentStatus: Int] = [:]
        var updated = 0
        var unchanged = 0
        var skipped: [String: Int] = [:]

        mutating func add(_ outcome: ForeignImport.Outcome) {
            articles[outcome.change, default: 0] += 1
            added.merge(outcome.added, uniquingKeysWith: +)
            updated += outcome.updated
            unchanged += outcome.unchanged
        }

        var text: String {
            let statuses = CommentStatus.allCases.compactMap { status in added[status].map { "\($0) \(status.rawValue)" } }
            var parts = [
                "bài viết/chủ đề: \(articles[.created, default: 0]) mới, \(articles[.updated, default: 0]) cập nhật, \(articles[.unchanged, default: 0]) không đổi",
                "bình luận: \(added.values.reduce(0, +)) mới" + (statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))")
                    + ", \(updated) cập nhật, \(unchanged) không đổi",
            ]
            if !skipped.isEmpty {
                parts.append("bỏ qua: " + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
            }
            return parts.joined(separator: "; ")
        }
    }
}
