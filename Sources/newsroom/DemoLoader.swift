import Foundation
import NewsroomCore
import NewsroomStorage

/// Loads `DemoContent` into an empty database: articles published some minutes ago, with published comments.
enum DemoLoader {
    /// Returns how many articles were loaded.
    static func load(into store: Store, now: Date) async throws -> Int {
        for demo in DemoContent.articles {
            var draft = try PlainTextArticle.parse(demo.text)
            let publishedAt = now.addingTimeInterval(-Double(demo.publishedMinutesAgo) * 60)
            draft.publishedAt = publishedAt
            draft.category = demo.category
            draft.tags = demo.tags
            draft.authors = [demo.author]
            draft.featured = demo.featured
            let article = try await store.articles.save(draft, now: now).article
            var stored: [Comment] = []
            for (index, comment) in demo.comments.enumerated() {
                let answered = comment.replyTo.map { stored[$0] }
                // Comments arrive in order over the time since publication.
                let offset = Double(index + 1) / Double(demo.comments.count + 1) * Double(demo.publishedMinutesAgo) * 60
                stored.append(
                    try await store.comments.insert(
                        NewComment(
                            articleID: article.id, parentID: answered.map { $0.parentID ?? $0.id }, replyToID: answered?.id,
                            author: VietnameseText.cleanedLine(comment.author), body: VietnameseText.cleanedMultiline(comment.body),
                            status: .published, clientFingerprint: "demo", createdAt: publishedAt.addingTimeInterval(offset),
                            likes: comment.likes)))
            }
        }
        return DemoContent.articles.count
    }
}
