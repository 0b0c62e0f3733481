import ArgumentParser
import Foundation
import Logging
import NewsroomCore
import NewsroomStorage
import NewsroomWeb

/// `newsroom import [--format …] FILE...`: articles from text or Markdown files, a WordPress export (WXR), a Disqus
/// export, or a whole-site export (JSON Lines). The format is guessed from each file when not given.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập bài viết (văn bản, Markdown), bản xuất WordPress (WXR), bản xuất Disqus, hoặc bản xuất toàn trang (JSON Lines).",
        discussion: """
            In ra ID<TAB>ĐƯỜNG_DẪN<TAB>TIÊU_ĐỀ cho mỗi bài viết (wxr, text, markdown); số bản ghi đã nhập ra đầu ra lỗi. \
            Nhập lại cùng một tệp chỉ cập nhật, không tạo bản trùng. --format json chỉ nạp vào một trang trống.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, wxr, disqus, json
    }

    @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).") var database: String?
    @Option(help: "text, markdown, wxr, disqus hoặc json (mặc định: đoán theo tệp).") var format: Format?
    @Option(
        help:
            "Thư mục ảnh của trang (NEWSROOM_MEDIA_DIR, mặc định media): markdown chép ảnh theo đường dẫn tương đối vào đây; json kiểm tra đã chép đủ ảnh chưa."
    )
    var mediaDir: String?
    @Argument(help: "Các tệp cần nhập; - là đầu vào chuẩn (cần --format).") var files: [String]

    func run() async throws {
        let logger = Settings.commandLogger()
        try await CommandFailure.reporting {
            let formats = try files.map { file in (file, try format ?? Self.guess(file)) }
            let articleFiles = formats.filter { [.text, .markdown].contains($0.1) }.map(\.0)
            if !articleFiles.isEmpty { try await importArticles(articleFiles, logger: logger) }
            for (file, format) in formats where ![.text, .markdown].contains(format) {
                switch format {
                case .json: try await importSite(file, logger: logger)
                case .wxr, .disqus: try await MoveIn.run(file, format: format, database: database, logger: logger)
                case .text, .markdown: break
                }
            }
        }
    }

    /// The format of a file: by its extension, and for XML and JSON by how it begins.
    static func guess(_ file: String) throws -> Format {
        guard file != "-" else { throw ValidationError("đọc từ đầu vào chuẩn (-) cần chỉ rõ --format") }
        let lower = file.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        guard let handle = FileHandle(forReadingAtPath: file) else { throw ValidationError("không đọc được tệp \(file)") }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        if head.hasPrefix("{\"type\":\"newsroom\"") { return .json }
        if head.contains("<rss"), head.contains("wordpress.org/export") { return .wxr }
        if head.contains("<disqus") { return .disqus }
        if lower.hasSuffix(".xml") {
            throw ValidationError("\(file): không nhận ra tệp XML (cần bản xuất WordPress hoặc Disqus); chỉ rõ bằng --format")
        }
        return .text
    }

    private func importArticles(_ files: [String], logger: Logger) async throws {
        // Read every file first: a file that cannot be read stops nothing else and leaves nothing behind.
        var drafts: [ArticleDraft] = []
        var failures = 0
        let photos = PhotoImporter(mediaDirectory: Settings.value(mediaDir, variable: "NEWSROOM_MEDIA_DIR") ?? "media")
        for file in files {
            do {
                var draft = try ArticleFile.read(path: file)
                if let markdown = draft.markdown {
                    // Photos beside the file go into the media folder; the body is rendered with their sizes.
                    let directory = (file as NSString).deletingLastPathComponent
                    do {
                        let adopted = try await photos.adopt(markdown, from: directory.isEmpty ? "." : directory)
                        draft.markdown = adopted.markdown
                        draft.body = photos.body(adopted.markdown)
                    } catch let failure as PhotoImporter.Failure {
                        throw ArticleFile.ImportError(file: file, message: failure.description)
                    }
                }
                drafts.append(draft)
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

    /// A whole-site export into an empty site (the schema is created first on a new database).
    private func importSite(_ file: String, logger: Logger) async throws {
        let reader = file == "-" ? LineReader(handle: FileHandle.standardInput) : try LineReader(path: file)
        let store = try await SiteOpening.open(try Settings.database(database), migrations: .apply, longRunning: true, logger: logger)
        do {
            let media = Settings.value(mediaDir, variable: "NEWSROOM_MEDIA_DIR") ?? "media"
            var counts = try await SiteImport.load(store, mediaDirectory: media) { try reader.next() }
            await store.close()
            let missing = counts.removeValue(forKey: "mediaMissing") ?? 0
            let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("Đã nhập \(file): \(summary)\n".utf8))
            if missing > 0 {
                FileHandle.standardError.write(
                    Data(
                        "Cảnh báo: \(missing) tệp ảnh các bài viết dùng chưa có (hoặc khác) trong thư mục \(media): chép thư mục media của trang cũ sang (docs/export-format.md).\n"
                            .utf8))
            }
        } catch {
            await store.close()
            throw error
        }
    }
}
