import NewsroomCore

/// The JSON shapes of `/api/v1`: camelCase fields, times in ISO 8601 with the +07:00 offset, e-mails never included.
enum APIModels {
    struct ArticleJSON: Encodable {
        var id: Article.ID
        var slug: String
        var path: String
        var title: String
        var sapo: String
        var body: [Block]
        var publishedAt: String
        var updatedAt: String
        var commentsOpen: Bool
        var commentCount: Int

        struct Block: Encodable {
            var type: String
            var text: String?
            var html: String?
        }

        init(_ article: Article, commentCount: Int) {
            id = article.id
            slug = article.slug
            path = article.path
            title = article.title
            sapo = article.sapo
            body = article.body.map { block in
                switch block {
                case .paragraph(let text): Block(type: "paragraph", text: text)
                case .subheading(let text): Block(type: "subheading", text: text)
                case .html(let html): Block(type: "html", html: html.html)
                }
            }
            publishedAt = VietnameseFormat.iso8601(article.publishedAt)
            updatedAt = VietnameseFormat.iso8601(article.updatedAt)
            commentsOpen = article.commentsOpen
            self.commentCount = commentCount
        }
    }

    struct CommentJSON: Encodable {
        var comment: Comment
        var articlePath: String
        var thread: CommentThread?
        var includeStatus = false

        enum Keys: String, CodingKey {
            case id, articleId, parentId, replyTo, author, verified, featured, body, createdAt, likes, replyCount, replies
            case repliesCursor
            case status, permalink
        }

        enum ReplyToKeys: String, CodingKey { case id, author }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(comment.id, forKey: .id)
            try container.encode(comment.articleID, forKey: .articleId)
            try container.encode(comment.parentID, forKey: .parentId)
            if let replyTo = comment.replyTo {
                var nested = container.nestedContainer(keyedBy: ReplyToKeys.self, forKey: .replyTo)
                try nested.encode(replyTo.id, forKey: .id)
                try nested.encode(replyTo.author, forKey: .author)
            } else {
                try container.encodeNil(forKey: .replyTo)
            }
            try container.encode(comment.author, forKey: .author)
            try container.encode(comment.verified, forKey: .verified)
            try container.encode(comment.featured, forKey: .featured)
            try container.encode(comment.body, forKey: .body)
            try container.encode(VietnameseFormat.iso8601(comment.createdAt), forKey: .createdAt)
            try container.encode(comment.likes, forKey: .likes)
            try container.encode(comment.permalink(articlePath: articlePath), forKey: .permalink)
            if comment.parentID == nil { try container.encode(comment.replyCount, forKey: .replyCount) }
            if let thread {
                try container.encode(
                    thread.replies.map { CommentJSON(comment: $0, articlePath: articlePath) }, forKey: .replies)
                try container.encode(thread.nextRepliesCursor?.description, forKey: .repliesCursor)
            }
            if includeStatus { try container.encode(comment.status.rawValue, forKey: .status) }
        }
    }

    struct CommentPage: Encodable {
        var comments: [CommentJSON]
        var total: Int
        var nextCursor: String?

        enum Keys: String, CodingKey { case comments, total, nextCursor }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(comments, forKey: .comments)
            try container.encode(total, forKey: .total)
            try container.encode(nextCursor, forKey: .nextCursor)
        }
    }

    struct ReplyPage: Encodable {
        var replies: [CommentJSON]
        var nextCursor: String?

        enum Keys: String, CodingKey { case replies, nextCursor }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(replies, forKey: .replies)
            try container.encode(nextCursor, forKey: .nextCursor)
        }
    }

    /// The body of `POST /api/v1/articles/{id}/comments`. Every field is optional here so that a missing one
    /// gets its own message (`author_missing`, `comment_empty`) rather than a generic decoding error.
    struct CreateComment: Decodable {
        var author: String?
        var email: String?
        var body: String?
        var parentId: Comment.ID?
        var website: String?
        var formToken: String?
        /// A sign-in the host site of an embedded section signed (JWT HS256): the comment carries its name, verified.
        var signIn: String?
    }
}
