import Foundation

/// An article as the boxes beside articles name it ("Đọc nhiều", "Bàn luận sôi nổi", "Tin liên quan"): its title and
/// address, and what ranked it.
public struct ArticleLink: Sendable, Equatable {
    public var id: Article.ID
    public var slug: String
    public var title: String
    /// The views or comments that ranked it; for a related article, its score.
    public var count: Int
    /// A related article the editor chose rather than one computed.
    public var pinned: Bool

    public init(id: Article.ID, slug: String, title: String, count: Int = 0, pinned: Bool = false) {
        self.id = id
        self.slug = slug
        self.title = title
        self.count = count
        self.pinned = pinned
    }

    public var path: String { Article.path(slug: slug, id: id) }
}

/// What readers make of the articles: views counted per hour, the most read and most discussed, and each article's
/// related articles (computed when the article is saved, `ArticleRepository`).
public protocol HighlightRepository: Sendable {
    /// Adds views counted in memory since the last flush, in one transaction; views of articles that no longer exist
    /// are dropped.
    func recordViews(_ views: [Article.ID: Int], at date: Date) async throws

    /// Listed articles with the most views since `date`, optionally only those of a topic, most first.
    func mostRead(since date: Date, topic: Topic?, limit: Int) async throws -> [ArticleLink]

    /// Listed articles with the most comments published since `date`, optionally only those of a topic, most first.
    func mostDiscussed(since date: Date, topic: Topic?, limit: Int) async throws -> [ArticleLink]

    /// The published related articles of an article: the editor's pinned ones first, then the computed ones.
    func related(to article: Article.ID, limit: Int) async throws -> [ArticleLink]

    /// The related articles the editor pinned, in any status, for the desk's form.
    func pinnedRelated(to article: Article.ID) async throws -> [ArticleLink]

    /// Forgets views counted before `date`.
    func deleteViews(before date: Date) async throws
}
