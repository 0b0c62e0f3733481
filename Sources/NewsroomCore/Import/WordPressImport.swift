import Foundation

/// What a WordPress export (WXR) becomes here: its posts as articles, their comments threaded, their old addresses as
/// redirects. Pages, attachments, menus and revisions are not articles; pingbacks and trackbacks are not reader
/// comments: they are counted as skipped.
public struct WordPressImport: Sendable {
    public struct Entry: Sendable {
        public var article: ForeignArticle
        public var comments: [ForeignComment]
    }

    /// Keys every id of this export: `wordpress:` and the site's address.
    public var source: String
    public var entries: [Entry]
    /// What was left out, by kind (`page`, `attachment`, `pingback`, …), for the summary.
    public var skipped: [String: Int]

    /// Maps an export; `fingerprint` turns a commenter's address into the keyed hash kept instead of it.
    public init(_ export: WordPressExport, fingerprint: (String) -> String) {
        source = "wordpress:" + (EmbeddedThread.canonicalURL(export.siteURL) ?? export.siteURL)
        let authors = Dictionary(export.authors.map { ($0.login, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        var skipped: [String: Int] = [:]
        for item in export.items {
            guard item.postType == "post" else {
                skipped[item.postType, default: 0] += 1
                continue
            }
            guard let status = Self.status(item.status) else {
                skipped["post (\(item.status))", default: 0] += 1
                continue
            }
            var comments: [ForeignComment] = []
            for comment in item.comments {
                guard comment.type.isEmpty || comment.type == "comment" else {
                    skipped[comment.type, default: 0] += 1
                    continue
                }
                comments.append(Self.comment(comment, fingerprint: fingerprint, fallbackDate: item.date))
            }
            let article = ForeignArticle(
                externalID: String(item.postID), draft: Self.draft(item, status: status, authors: authors),
                oldPaths: Self.oldPaths(item, siteURL: export.siteURL))
            entries.append(Entry(article: article, comments: ForeignComment.parentsFirst(comments)))
        }
        self.entries = entries
        self.skipped = skipped
    }

    static func status(_ wordpress: String) -> ArticleStatus? {
        switch wordpress {
        case "publish": .published
        case "future": .scheduled
        case "draft", "pending", "auto-draft": .draft
        case "private": .unpublished
        default: nil
        }
    }

    static func draft(_ item: WordPressExport.Item, status: ArticleStatus, authors: [String: String]) -> ArticleDraft {
        var html = HTMLSanitizer.sanitize(WordPressContent.html(item.content)).html
        var sapo = ForeignText.plain(fromHTML: item.excerpt)
        if sapo.isEmpty {
            // The first paragraph becomes the sapo, and leaves the body so that it is not shown twice.
            if let range = html.range(of: "<p>"), let end = html.range(of: "</p>", range: range.upperBound..<html.endIndex),
                html[..<range.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                sapo = ForeignText.plain(fromHTML: String(html[range.lowerBound..<end.upperBound]))
                html = String(html[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                sapo = String(ForeignText.plain(fromHTML: html).prefix(300))
            }
        }
        let title = VietnameseText.cleanedLine(ForeignText.plain(fromHTML: item.title))
        let categories = item.categories.filter { !["uncategorized", "chưa phân loại", "chua-phan-loai"].contains($0.lowercased()) }
        return ArticleDraft(
            slug: item.slug, title: title.isEmpty ? "Bài viết \(item.postID)" : title, sapo: sapo,
            body: html.isEmpty ? [] : [.html(HTMLSanitizer.sanitize(html))], publishedAt: item.date,
            commentsOpen: item.commentStatus != "closed", status: status, category: categories.first,
            tags: Array(categories.dropFirst()) + item.tags, authors: item.creator.map { [authors[$0] ?? $0] } ?? [])
    }

    /// `/?p=ID` (WordPress's own short address) and the path of the permalink, as redirect keys.
    static func oldPaths(_ item: WordPressExport.Item, siteURL: String) -> [String] {
        var paths = ["/?p=\(item.postID)"]
        if let link = URLComponents(string: item.link), !link.percentEncodedPath.isEmpty {
            let key = ForeignArticle.redirectKey(path: link.percentEncodedPath, query: link.percentEncodedQuery)
            if key != "/", !paths.contains(key) { paths.append(key) }
        }
        return paths
    }

    static func comment(_ comment: WordPressExport.Comment, fingerprint: (String) -> String, fallbackDate: Date?) -> ForeignComment {
        let status: CommentStatus =
            switch comment.approved {
            case "1", "approve": .published
            case "spam": .spam
            case "trash", "post-trashed": .rejected
            default: .pending
            }
        let author = VietnameseText.cleanedLine(comment.author)
        let email = comment.email.map { VietnameseText.cleanedLine($0).lowercased() }.flatMap { $0.contains("@") ? $0 : nil }
        let url = comment.url.map(VietnameseText.cleanedLine).flatMap { $0.isEmpty || $0 == "http://" ? nil : $0 }
        let body = ForeignText.plain(fromHTML: comment.content)
        return ForeignComment(
            externalID: String(comment.id), parentExternalID: comment.parent.map(String.init),
            author: author.isEmpty ? "Khách" : String(author.prefix(CommentLimits.authorMaxLength)), email: email,
            authorURL: url, clientFingerprint: comment.ip.flatMap { $0.isEmpty ? nil : fingerprint($0) },
            body: body.isEmpty ? "(bình luận trống)" : body, status: status,
            createdAt: comment.date ?? fallbackDate ?? Date(timeIntervalSince1970: 0))
    }
}
