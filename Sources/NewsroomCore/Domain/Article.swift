import Foundation

/// A published article as readers see it.
public struct Article: Sendable, Equatable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var slug: String
    public var title: String
    public var sapo: String
    public var body: [ArticleBlock]
    public var publishedAt: Date
    public var updatedAt: Date
    /// False when readers may no longer comment ("Bình luận đã đóng").
    public var commentsOpen: Bool

    public init(
        id: ID, slug: String, title: String, sapo: String, body: [ArticleBlock], publishedAt: Date,
        updatedAt: Date, commentsOpen: Bool = true
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.sapo = sapo
        self.body = body
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.commentsOpen = commentsOpen
    }

    /// The article's page: `/{slug}-{id}`.
    public var path: String { Article.path(slug: slug, id: id) }

    public static func path(slug: String, id: ID) -> String { "/\(slug)-\(id)" }

    /// Reads the id from the last path component of an article page (`2023-nam-ngoai-giao-1` → 1), nil when
    /// the component is not an article path.
    public static func id(fromPathComponent component: String) -> ID? {
        guard let dash = component.lastIndex(of: "-") else { return ID(component).flatMap { $0 > 0 ? $0 : nil } }
        let digits = component[component.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let id = ID(digits), id > 0 else { return nil }
        return id
    }
}

/// One block of an article's body.
public enum ArticleBlock: Sendable, Equatable, Codable {
    case paragraph(String)
    case subheading(String)
    /// Markdown rendered to HTML and passed through the sanitiser's allowlist.
    case html(SanitizedHTML)

    /// The block's text without markup, for search and previews.
    public var plainText: String {
        switch self {
        case .paragraph(let text), .subheading(let text): return text
        case .html(let html): return html.plainText
        }
    }
}

/// What an importer or an editor hands to storage to create or update an article.
public struct ArticleDraft: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var sapo: String
    public var body: [ArticleBlock]
    /// When the article was (or is to be) published; nil means "at its first import".
    public var publishedAt: Date?
    public var commentsOpen: Bool

    public init(
        slug: String? = nil, title: String, sapo: String, body: [ArticleBlock], publishedAt: Date? = nil,
        commentsOpen: Bool = true
    ) {
        let title = VietnameseText.cleanedLine(title)
        self.slug = slug.map { VietnameseText.slug($0) } ?? VietnameseText.slug(title)
        self.title = title
        self.sapo = VietnameseText.cleanedLine(sapo)
        self.body = body
        self.publishedAt = publishedAt
        self.commentsOpen = commentsOpen
    }
}
