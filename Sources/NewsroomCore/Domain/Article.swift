import Foundation

/// An article: what readers see once it is published, and what the editors' desk edits.
public struct Article: Sendable, Equatable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var slug: String
    public var title: String
    public var sapo: String
    public var body: [ArticleBlock]
    /// When it was published, or (scheduled) when it will be.
    public var publishedAt: Date
    public var updatedAt: Date
    /// False when readers may no longer comment ("Bình luận đã đóng").
    public var commentsOpen: Bool
    public var status: ArticleStatus
    /// Its category, tags and authors, each kind in the order the editor gave.
    public var topics: [Topic]
    /// The cover image's path under the media folder's URL (`/media/…`), if any.
    public var coverImage: String?
    /// Shown at the top of the home page.
    public var featured: Bool
    /// How new comments on this article are moderated; nil: the site's setting.
    public var moderation: ModerationMode?
    /// The Markdown the editor wrote; nil for an article imported from the seed's plain-text format.
    public var markdown: String?
    /// Set when this is not an article of the site but the comment section of a page elsewhere (embedded comments,
    /// or a Disqus thread with no article here): never listed, searched or shown as an article.
    public var embed: EmbeddedThread?

    public init(
        id: ID, slug: String, title: String, sapo: String, body: [ArticleBlock], publishedAt: Date,
        updatedAt: Date, commentsOpen: Bool = true, status: ArticleStatus = .published, topics: [Topic] = [],
        coverImage: String? = nil, featured: Bool = false, moderation: ModerationMode? = nil, markdown: String? = nil,
        embed: EmbeddedThread? = nil
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.sapo = sapo
        self.body = body
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.commentsOpen = commentsOpen
        self.status = status
        self.topics = topics
        self.coverImage = coverImage
        self.featured = featured
        self.moderation = moderation
        self.markdown = markdown
        self.embed = embed
    }

    /// Whether readers find it in listings, feeds, sitemaps and search: published, and an article of this site.
    public var isListed: Bool { status == .published && embed == nil }

    /// What represents the article where one picture does (OpenGraph, JSON-LD): its cover, else the first photo of its
    /// body.
    public var leadImage: String? {
        if let coverImage { return coverImage }
        for case .html(let html) in body {
            guard let start = html.html.range(of: "<img src=\"") else { continue }
            let rest = html.html[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            return HTMLSanitizer.decodeBasicEntities(String(rest[..<end]))
        }
        return nil
    }

    public var category: Topic? { topics.first { $0.kind == .category } }
    public var tags: [Topic] { topics.filter { $0.kind == .tag } }
    public var authors: [Topic] { topics.filter { $0.kind == .author } }

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

/// What an importer or an editor hands to storage to create or update an article; a revision keeps one.
public struct ArticleDraft: Sendable, Equatable, Codable {
    public var slug: String
    public var title: String
    public var sapo: String
    public var body: [ArticleBlock]
    /// When the article was (or is to be) published; nil means "now, or when it was first published".
    public var publishedAt: Date?
    public var commentsOpen: Bool
    public var status: ArticleStatus
    /// Category, tags and authors by name; storage finds or creates each.
    public var category: String?
    public var tags: [String]
    public var authors: [String]
    public var coverImage: String?
    public var featured: Bool
    public var moderation: ModerationMode?
    public var markdown: String?
    /// The related articles the editor pinned, in order ("Tin liên quan"); nil leaves the pinned ones as they are.
    public var relatedPinned: [Article.ID]?

    public init(
        slug: String? = nil, title: String, sapo: String, body: [ArticleBlock], publishedAt: Date? = nil,
        commentsOpen: Bool = true, status: ArticleStatus = .published, category: String? = nil, tags: [String] = [],
        authors: [String] = [], coverImage: String? = nil, featured: Bool = false, moderation: ModerationMode? = nil,
        markdown: String? = nil
    ) {
        let title = VietnameseText.cleanedLine(title)
        let slug = slug.map { VietnameseText.slug($0) } ?? ""
        self.slug = slug.isEmpty ? VietnameseText.slug(title) : slug
        self.title = title
        self.sapo = VietnameseText.cleanedLine(sapo)
        self.body = body
        self.publishedAt = publishedAt
        self.commentsOpen = commentsOpen
        self.status = status
        self.category = category.map(VietnameseText.cleanedLine).flatMap { $0.isEmpty ? nil : $0 }
        self.tags = Topic.names(tags)
        self.authors = Topic.names(authors)
        self.coverImage = coverImage
        self.featured = featured
        self.moderation = moderation
        self.markdown = markdown
    }

    /// The topics this draft names, with their slugs.
    public var topics: [(kind: Topic.Kind, name: String)] {
        (category.map { [(Topic.Kind.category, $0)] } ?? []) + tags.map { (.tag, $0) } + authors.map { (.author, $0) }
    }
}

/// Where an article is in its life: written, waiting for its time, in front of readers, or taken down.
public enum ArticleStatus: String, Sendable, Codable, CaseIterable {
    case draft, scheduled, published, unpublished

    /// Vietnamese name of the status, for the desk.
    public var label: String {
        switch self {
        case .draft: "Bản nháp"
        case .scheduled: "Hẹn giờ đăng"
        case .published: "Đã đăng"
        case .unpublished: "Đã gỡ"
        }
    }
}

/// A category, tag or author: a name with a page of its own.
public struct Topic: Sendable, Equatable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case category, tag, author

        /// The first segment of its pages' paths.
        public var pathPrefix: String {
            switch self {
            case .category: "chuyen-muc"
            case .tag: "chu-de"
            case .author: "tac-gia"
            }
        }

        /// Vietnamese name of the kind, for pages.
        public var label: String {
            switch self {
            case .category: "Chuyên mục"
            case .tag: "Chủ đề"
            case .author: "Tác giả"
            }
        }
    }

    public var kind: Kind
    public var slug: String
    public var name: String

    public init(kind: Kind, slug: String, name: String) {
        self.kind = kind
        self.slug = slug
        self.name = name
    }

    /// Its page: `/chuyen-muc/the-thao`, `/chu-de/ha-noi`, `/tac-gia/minh-chau`.

    /// Cleaned names, without empty ones or repeats of the same slug, in the order given.
    public static func names(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map(VietnameseText.cleanedLine).filter {
            !$0.isEmpty && !VietnameseText.slug($0).isEmpty && seen.insert(VietnameseText.slug($0)).inserted
        }
    }

    /// Names from what an editor types: separated by commas.
    public static func names(commaSeparated text: String) -> [String] {
        names(text.split(separator: ",").map(String.init))
    }
}

/// What the reader pages list: every published article, or those of one topic, or the featured ones.
public enum ArticleFilter: Sendable, Equatable {
    case all
    case featured
    case topic(Topic.Kind, slug: String)
}

/// What the desk's list shows: articles in any status, narrowed by status, category or author.
public struct DeskArticleFilter: Sendable, Equatable {
    public var status: ArticleStatus?
    public var category: String?
    public var author: String?

    public init(status: ArticleStatus? = nil, category: String? = nil, author: String? = nil) {
        self.status = status
        self.category = category
        self.author = author
    }
}

/// One saved state of an article, as the editor saved it.
public struct ArticleRevision: Sendable, Equatable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var articleID: Article.ID
    public var createdAt: Date
    /// Who saved it (a staff e-mail, or "import").
    public var editor: String
    public var draft: ArticleDraft

    public init(id: ID, articleID: Article.ID, createdAt: Date, editor: String, draft: ArticleDraft) {
        self.id = id
        self.articleID = articleID
        self.createdAt = createdAt
        self.editor = editor
        self.draft = draft
    }
}

/// Bounds on what an article may hold.
public enum ArticleLimits {
    /// The most Markdown (or imported text) an article body may have, in UTF-8 bytes: 1 MB, ten times the longest
    /// feature a newspaper runs.
    public static let maxMarkdownBytes = 1 << 20
}
