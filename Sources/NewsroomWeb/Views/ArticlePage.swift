import Foundation
import NewsroomCore

/// An article and, below it, its comment section: the form first, then the comments (as the seed page shows).
struct ArticlePage {
    struct Model {
        var article: Article
        var threads: [CommentThread]
        /// Published comments, replies included.
        var total: Int
        var sort: CommentSort
        var nextCursor: Cursor?
        /// The thread whose replies are all shown ("Xem thêm trả lời" without JavaScript).
        var expandedThread: Comment.ID?
        /// The comment whose reply form is open (without JavaScript, `?tra-loi=ID`).
        var replyingTo: Comment.ID?
        var form: FormState
        var formToken: String
        /// What happened to the reader's last comment, after a redirect.
        var notice: Notice?
        /// The comment the reader has just reported, to thank them next to it.
        var reported: Comment.ID?
        /// The newest comment-section event the page reflects; its live stream resumes after it (nil: from when the
        /// stream opens).
        var latestEvent: Int64?

        struct FormState: Equatable {
            var author = ""
            var email = ""
            var body = ""
            var parentID: Comment.ID?
            var error: NewsroomError?
        }

        enum Notice: Equatable {
            case pending(Comment.ID)
            case published(Comment.ID)
        }

        var path: String { SiteRoute.article(slug: article.slug, id: article.id).path }

        static let mock = Model(
            article: Article(
                id: 7, slug: "ha-noi-mua-thu", title: "Hà Nội vào thu", sapo: "Gió mùa đầu tiên đã về.",
                body: [.paragraph("Sáng nay trời se lạnh."), .subheading("Người đi đường"), .paragraph("Ai cũng mặc áo khoác.")],
                publishedAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_000_000)),
            threads: [], total: 0, sort: .newest, nextCursor: nil, expandedThread: nil, replyingTo: nil,
            form: FormState(), formToken: "token", notice: nil)
    }

    let model: Model

    func render() -> Node {
        let article = model.article
        return Layout.page(title: article.title, description: article.sapo, canonicalPath: model.path) {
            el("article", .class("article")) {
                el("header", .class("article-header")) {
                    el("p", .class("article-date")) {
                        el("time", .datetime(VietnameseFormat.iso8601(article.publishedAt))) {
                            VietnameseFormat.dateLine(article.publishedAt)
                        }
                    }
                    el("h1", .class("article-title")) { article.title }
                    el("p", .class("sapo")) { article.sapo }
                }
                el("div", .class("article-body")) {
                    for block in article.body {
                        switch block {
                        case .paragraph(let text): el("p") { text }
                        case .subheading(let text): el("h2") { text }
                        case .html(let html): Node.trusted(html)
                        }
                    }
                }
            }
            CommentSection(model: model).render()
        }
    }
}
