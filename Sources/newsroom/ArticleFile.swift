import Foundation
import Ink
import NewsroomCore
import Yams

/// Reads one file to import: the seed's plain-text format, or Markdown (`.md`) with YAML front matter
/// (`title`, `sapo`, `slug`, `date`, `comments: closed`, `category`, `tags`, `authors`, `featured`).
enum ArticleFile {
    struct ImportError: Error, CustomStringConvertible {
        var file: String
        var message: String
        var description: String { "\(file): \(message)" }
    }

    static func read(path: String) throws -> ArticleDraft {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: path, message: "không đọc được tệp")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ImportError(file: path, message: "tệp không phải văn bản UTF-8")
        }
        do {
            if path.lowercased().hasSuffix(".md") || path.lowercased().hasSuffix(".markdown") {
                return try markdown(text)
            }
            return try PlainTextArticle.parse(text)
        } catch {
            throw ImportError(file: path, message: error.description)
        }
    }

    static func markdown(_ text: String) throws(PlainTextArticle.ParseError) -> ArticleDraft {
        let normalized = VietnameseText.normalized(text.replacingOccurrences(of: "\r\n", with: "\n"))
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        var meta: [String: Any] = [:]
        var bodyStartLine = 1
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") {
            let yaml = lines[1..<end].joined(separator: "\n")
            do {
                meta = (try Yams.load(yaml: yaml) as? [String: Any]) ?? [:]
            } catch {
                throw PlainTextArticle.ParseError(line: nil, message: "phần đầu YAML không hợp lệ: \(error)")
            }
            lines = Array(lines[(end + 1)...])
            bodyStartLine = end + 2
        }
        var title = (meta["title"] as? String) ?? ""
        if title.isEmpty, let index = lines.firstIndex(where: { $0.hasPrefix("# ") }) {
            title = String(lines[index].dropFirst(2))
            lines.remove(at: index)
        }
        guard !VietnameseText.cleanedLine(title).isEmpty else {
            throw PlainTextArticle.ParseError(line: bodyStartLine, message: "thiếu tiêu đề (title trong phần đầu, hoặc dòng \"# …\")")
        }
        let body = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw PlainTextArticle.ParseError(line: nil, message: "bài viết không có nội dung") }
        guard body.utf8.count <= ArticleLimits.maxMarkdownBytes else {
            throw PlainTextArticle.ParseError(line: nil, message: "nội dung dài hơn \(ArticleLimits.maxMarkdownBytes / 1024) KB")
        }
        let html = HTMLSanitizer.sanitize(MarkdownParser().html(from: body))
        let sapo = (meta["sapo"] as? String) ?? (meta["description"] as? String) ?? ""
        guard !VietnameseText.cleanedLine(sapo).isEmpty else {
            throw PlainTextArticle.ParseError(line: 1, message: "thiếu sapo (khóa sapo trong phần đầu)")
        }
        var publishedAt: Date?
        if let date = meta["date"] as? Date {
            publishedAt = date
        } else if let raw = meta["date"] {
            throw PlainTextArticle.ParseError(
                line: nil, message: "ngày \"\(raw)\" không đúng dạng 2026-11-29 hay 2026-11-29T08:00:00+07:00")
        }
        let commentsOpen = (meta["comments"] as? String).map { $0.lowercased() != "closed" } ?? (meta["comments"] as? Bool ?? true)
        return ArticleDraft(
            slug: meta["slug"].map { "\($0)" }, title: title, sapo: sapo, body: [.html(html)], publishedAt: publishedAt,
            commentsOpen: commentsOpen, category: meta["category"].map { "\($0)" }, tags: names(meta["tags"]),
            authors: names(meta["authors"] ?? meta["author"]), featured: meta["featured"] as? Bool ?? false, markdown: body)
    }

    /// A front matter list (`[a, b]`) or a comma-separated string, as names.
    static func names(_ value: Any?) -> [String] {
        if let list = value as? [Any] { return Topic.names(list.map { "\($0)" }) }
        return value.map { Topic.names(commaSeparated: "\($0)") } ?? []
    }
}
