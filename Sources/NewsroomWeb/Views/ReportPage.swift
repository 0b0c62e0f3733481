import NewsroomCore

/// The report form of one comment ("Báo cáo vi phạm"): the comment, the reasons, a button.
struct ReportPage {
    struct Model {
        /// The published comment being reported.
        var comment: Comment
        /// Its article, for the link back to the comment.
        var article: Article
    }

    let model: Model

    func render() -> Node {
        let comment = model.comment
        let article = model.article
        return Layout.page(title: Strings.reportAction) {
            el("section", .class("report-page")) {
                el("h1", .class("section-title")) { Strings.reportAction }
                el("p") {
                    "Bình luận của "
                    el("strong") { comment.author }
                    " trong bài "
                    el("a", .href(comment.permalink(articlePath: article.path))) { article.title }
                    ":"
                }
                el("blockquote", .class("desk-context")) { el("p", .class("comment-body")) { comment.body } }
                el("form", .method("post"), .action(SiteRoute.reportComment(comment.id).path), .class("comment-form")) {
                    el("fieldset", .class("report-reasons")) {
                        el("legend") { "Lý do" }
                        for (index, reason) in ReportReason.allCases.enumerated() {
                            el("label") {
                                void(
                                    "input", .type("radio"), .name("reason"), .value(reason.rawValue),
                                    Attribute(boolean: "checked", index == 0))
                                " \(reason.label)"
                            }
                        }
                    }
                    el("button", .type("submit"), .class("button-primary")) { Strings.reportSubmit }
                }
            }
        }
    }
}
