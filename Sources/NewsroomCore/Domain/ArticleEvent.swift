import Foundation

/// Something that changed in an article's comment section, as live pages learn it: recorded in the database in the
/// transaction that made the change, numbered in order, so a reader who reconnects asks for what came after the last
/// number it saw.
public struct ArticleEvent: Sendable, Equatable {
    public typealias ID = Int64

    public enum Kind: String, Sendable {
        /// A comment was published (posted under post-moderation, approved, or restored).
        case comment
        /// A published comment was taken down (rejected, banned, sent back to the queue by reports).
        case removed
        /// A moderator corrected a published comment.
        case edited
        /// A published comment's like count changed.
        case likes
    }

    public var id: ID
    public var articleID: Article.ID
    public var kind: Kind
    public var commentID: Comment.ID
    public var createdAt: Date

    public init(id: ID, articleID: Article.ID, kind: Kind, commentID: Comment.ID, createdAt: Date) {
        self.id = id
        self.articleID = articleID
        self.kind = kind
        self.commentID = commentID
        self.createdAt = createdAt
    }
}
