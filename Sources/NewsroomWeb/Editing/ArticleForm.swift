import Foundation
import NewsroomCore

/// What the article form holds, as the editor typed it, and the rules that turn it into a draft to save.
struct ArticleForm: Equatable {
    static let titleMaxLength = 200
    static let sapoMaxLength = 600

    var title = ""
    var sapo = ""
    var slug = ""
    var markdown = ""
    var category = ""
    var tags = ""
    var authors = ""
    var coverImage: String?
    var status: ArticleStatus = .draft
    /// As the `datetime-local` input holds it (GMT+7).
    var publishAt = ""
    var featured = false
    var commentsOpen = true
    var moderation: ModerationMode?
    /// The pinned related articles, as typed.
    var related = ""
    /// The Markdown line of a photo just uploaded without the script, shown to copy.
    var uploadedPhoto: String?

    init() {}

    /// The form filled in from a saved article.
    init(_ article: Article) {
        title = article.title
        sapo = article.sapo
        slug = article.slug
        markdown = article.markdown ?? ArticleMarkdown.source(of: article.body)
        category = article.category?.name ?? ""
        tags = article.tags.map(\.name).joined(separator: ", ")
        authors = article.authors.map(\.name).joined(separator: ", ")
        coverImage = article.coverImage
        status = article.status
        // A draft's time is a placeholder: it gets its real one when it is published or scheduled.
        publishAt = article.status == .draft ? "" : LocalDateTime.format(article.publishedAt)
        featured = article.featured
        commentsOpen = article.commentsOpen
        moderation = article.moderation
    }

    /// The form filled in from a posted body; the cover is handled by the controller (it is a file).
    init(_ form: MultipartForm) throws {
        title = try form.text("title") ?? ""
        sapo = try form.text("sapo") ?? ""
        slug = try form.text("slug") ?? ""
        markdown = VietnameseText.normalized((try form.text("markdown") ?? "").replacingOccurrences(of: "\r\n", with: "\n"))
        category = try form.text("category") ?? ""
        tags = try form.text("tags") ?? ""
        authors = try form.text("authors") ?? ""
        coverImage = try form.text("cover_current").flatMap { MediaStore.isStoredPath($0) ? $0 : nil }
        if try form.text("cover_remove") == "1" { coverImage = nil }
        status = try form.text("status").flatMap(ArticleStatus.init(rawValue:)) ?? .draft
        publishAt = try form.text("publish_at") ?? ""
        featured = try form.text("featured") == "1"
        commentsOpen = try form.text("comments_open") == "1"
        moderation = try form.text("moderation").flatMap(ModerationMode.init(rawValue:))
        related = try form.text("related") ?? ""
    }

    /// The related articles the editor pinned: one per line (or comma), each an article's address or number.
    var relatedPinned: [Article.ID] {
        related.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == " " }).compactMap { entry in
            let path = entry.split(separator: "#")[0].split(separator: "?")[0]
            return path.split(separator: "/").last.flatMap { Article.id(fromPathComponent: String($0)) }
        }
    }

    /// 422 naming the body when its Markdown passes `ArticleLimits.maxMarkdownBytes`; nil when it fits.
    var bodyTooLong: NewsroomError? {
        let bytes = markdown.utf8.count
        guard bytes > ArticleLimits.maxMarkdownBytes else { return nil }
        return NewsroomError(
            .articleInvalid,
            message:
                "Nội dung bài viết dài \(VietnameseFormat.number(bytes / 1024)) KB, tối đa \(VietnameseFormat.number(ArticleLimits.maxMarkdownBytes / 1024)) KB.",
            field: "markdown")
    }

    /// The draft to save, or `article_invalid` naming the first field that is wrong. A published article given a
    /// time still to come is scheduled; a scheduled one needs a time still to come.
    func draft(now: Date, media: MediaStore? = nil) throws -> ArticleDraft {
        let title = VietnameseText.cleanedLine(title)
        let sapo = VietnameseText.cleanedLine(sapo)
        func invalid(_ field: String, _ message: String) -> NewsroomError {
            NewsroomError(.articleInvalid, message: message, field: field)
        }
        // Checked before anything is rendered: rendering is where a huge body would cost time and memory.
        if let tooLong = bodyTooLong { throw tooLong }
        guard !title.isEmpty else { throw invalid("title", "Xin nhập tiêu đề.") }
        guard title.count <= Self.titleMaxLength else {
            throw invalid("title", "Tiêu đề dài \(title.count) ký tự, tối đa \(Self.titleMaxLength) ký tự.")
        }
        guard sapo.count <= Self.sapoMaxLength else {
            throw invalid("sapo", "Sapo dài \(sapo.count) ký tự, tối đa \(Self.sapoMaxLength) ký tự.")
        }
        let typedSlug = slug.trimmingCharacters(in: .whitespaces)
        guard typedSlug.isEmpty || !VietnameseText.slug(typedSlug).isEmpty else {
            throw invalid("slug", "Đường dẫn cần có ít nhất một chữ hoặc số.")
        }
        var status = status
        var publishedAt: Date?
        if !publishAt.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let time = LocalDateTime.parse(publishAt) else {
                throw invalid("publish_at", "Giờ đăng không đúng dạng ngày và giờ.")
            }
            publishedAt = time
        }
        if status == .published, let time = publishedAt, time > now { status = .scheduled }
        if status == .scheduled {
            guard let time = publishedAt else { throw invalid("publish_at", "Xin chọn giờ đăng cho bài hẹn giờ.") }
            guard time > now else { throw invalid("publish_at", "Giờ đăng của bài hẹn giờ phải ở sau thời điểm hiện tại.") }
        }
        if status == .scheduled || status == .published {
            guard !sapo.isEmpty else { throw invalid("sapo", "Xin nhập sapo trước khi đăng bài.") }
            guard !markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw invalid("markdown", "Bài viết chưa có nội dung.")
            }
        }
        // A published article keeps its first publication time unless the editor changed it.
        if status == .published || status == .unpublished || status == .draft, publishedAt != nil {
            publishedAt = publishedAt.flatMap { $0 <= now ? $0 : nil }
        }
        return ArticleDraft(
            slug: typedSlug.isEmpty ? nil : typedSlug, title: title, sapo: sapo,
            body: ArticleMarkdown.body(markdown, media: media), publishedAt: publishedAt, commentsOpen: commentsOpen, status: status,
            category: category, tags: Topic.names(commaSeparated: tags), authors: Topic.names(commaSeparated: authors),
            coverImage: coverImage, featured: featured, moderation: moderation, markdown: markdown)
    }
}
