import Foundation
import NewsroomCore

/// One revision: what was saved, by whom and when, with the button that restores it.
struct ArticleRevisionPage {
    struct Model {
        var staff: StaffMember
        var csrf: String
        var article: Article
        var revision: ArticleRevision
    }

    let model: Model

    func render() -> Node {
        let (csrf, article, revision) = (model.csrf, model.article, model.revision)
        return AdminLayout.page(title: "Phiên bản #\(revision.id)", staff: model.staff, csrf: csrf) {
            el("p", .class("breadcrumb")) { el("a", .href(SiteRoute.editArticle(article.id).path)) { "← Quay lại bài viết" } }
            el("h1", .class("section-title")) { "Phiên bản #\(revision.id)" }
            el("p", .class("muted")) {
                "Lưu lúc \(VietnameseFormat.shortDateTime(revision.createdAt)) bởi \(revision.editor) · đường dẫn /\(revision.draft.slug)"
            }
            el("form", .method("post"), .action(SiteRoute.revision(article.id, revision.id).path)) {
                void("input", .type("hidden"), .name(CSRF.field), .value(csrf))
                el("button", .type("submit"), .class("button-primary")) { "Khôi phục phiên bản này" }
                el("p", .class("hint")) { "Bài giữ nguyên trạng thái và giờ đăng hiện tại; phiên bản đang có vẫn được lưu lại." }
            }
            el("section", .class("preview")) { ArticleBody(draft: revision.draft).render() }
            el("details") {
                el("summary") { "Markdown" }
                el("pre", .class("markdown-source")) { revision.draft.markdown ?? ArticleMarkdown.source(of: revision.draft.body) }
            }
        }
    }
}
