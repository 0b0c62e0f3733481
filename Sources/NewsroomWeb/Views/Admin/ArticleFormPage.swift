import Foundation
import NewsroomCore

/// The article form: title, sapo, slug, the Markdown body with a preview, topics, cover, status and publication
/// time, comments; beside it, the article's revisions.
struct ArticleFormPage {
    struct Model {
        var staff: StaffMember
        var csrf: String
        var article: Article?
        var form: ArticleForm
        var error: NewsroomError?
        var preview: ArticleDraft?
        var notice: String?
        var revisions: [ArticleRevision]
        var categories: [Topic]
        var tags: [Topic]
        var authors: [Topic]
        var siteModeration: ModerationMode
        /// The related articles readers see now.
        var related: [ArticleLink] = []
    }

    let model: Model

    func render() -> Node {
        let form = model.form
        let title = model.article.map { "Sửa bài: \($0.title)" } ?? "Viết bài mới"
        let action = model.article.map { SiteRoute.editArticle($0.id).path } ?? SiteRoute.newArticle.path
        return AdminLayout.page(title: title, staff: model.staff, csrf: model.csrf) {
            el("p", .class("breadcrumb")) { el("a", .href(SiteRoute.articleList(.init(), page: 1))) { "← Danh sách bài viết" } }
            el("h1", .class("section-title")) { title }
            if let article = model.article {
                el("p", .class("muted")) {
                    el("span", .class("status status-\(article.status.rawValue)")) { article.status.label }
                    if article.status == .published {
                        " · "
                        el("a", .href(article.path)) { "Xem trên trang" }
                    }
                    if article.status == .scheduled {
                        " · Sẽ tự đăng lúc \(VietnameseFormat.shortDateTime(article.publishedAt))"
                    }
                }
            }
            if let notice = model.notice { el("p", .class("notice"), Attribute("role", "status")) { notice } }
            if let error = model.error {
                el("div", .class("form-error"), Attribute("role", "alert"), .id("loi-bieu-mau")) {
                    el("p") { error.message }
                    if let field = error.field { el("p") { el("a", .href("#truong-\(field)")) { "Đến trường cần sửa" } } }
                }
            }
            el("div", .class("editor-layout")) {
                el(
                    "form", .method("post"), .action(action), Attribute("enctype", "multipart/form-data"), .class("article-form")
                ) {
                    void("input", .type("hidden"), .name(CSRF.field), .value(model.csrf))
                    field("title", "Tiêu đề") {
                        void("input", .id("truong-title"), .name("title"), .type("text"), .value(form.title), .required(), invalid("title"))
                    }
                    field("sapo", "Sapo (đoạn mở đầu)") {
                        el("textarea", .id("truong-sapo"), .name("sapo"), Attribute("rows", "3"), invalid("sapo")) { form.sapo }
                    }
                    field("slug", "Đường dẫn", hint: "Để trống để tạo từ tiêu đề. Đổi đường dẫn thì địa chỉ cũ vẫn chuyển về bài.") {
                        void(
                            "input", .id("truong-slug"), .name("slug"), .type("text"), .value(form.slug),
                            .placeholder("vi-du-duong-dan"), invalid("slug"))
                    }
                    field(
                        "markdown", "Nội dung (Markdown)", hint: "## Tiêu đề phụ, **đậm**, *nghiêng*, [liên kết](https://…), - danh sách."
                    ) {
                        el(
                            "textarea", .id("truong-markdown"), .name("markdown"), Attribute("rows", "18"), .class("markdown-input"),
                            invalid("markdown")
                        ) { form.markdown }
                        missingAlt()
                    }
                    photoUpload()
                    el("div", .class("field-row")) {
                        field("category", "Chuyên mục") {
                            void(
                                "input", .id("truong-category"), .name("category"), .type("text"), .value(form.category),
                                Attribute("list", "ds-chuyen-muc"))
                            datalist("ds-chuyen-muc", model.categories)
                        }
                        field("tags", "Chủ đề (cách nhau bởi dấu phẩy)") {
                            void("input", .id("truong-tags"), .name("tags"), .type("text"), .value(form.tags))
                        }
                        field("authors", "Tác giả (cách nhau bởi dấu phẩy)") {
                            void(
                                "input", .id("truong-authors"), .name("authors"), .type("text"), .value(form.authors),
                                Attribute("list", "ds-tac-gia"))
                            datalist("ds-tac-gia", model.authors)
                        }
                    }
                    field("cover", "Ảnh bìa", hint: "JPEG, PNG, WebP hoặc GIF, tối đa 5 MB.") {
                        if let cover = form.coverImage {
                            void("img", Attribute("src", cover), Attribute("alt", "Ảnh bìa hiện tại"), .class("cover-thumb"))
                            void("input", .type("hidden"), .name("cover_current"), .value(cover))
                            el("label", .class("checkbox")) {
                                void("input", .type("checkbox"), .name("cover_remove"), .value("1"))
                                " Bỏ ảnh bìa"
                            }
                        }
                        void(
                            "input", .id("truong-cover"), .name("cover"), .type("file"),
                            Attribute("accept", "image/jpeg,image/png,image/webp,image/gif"), invalid("cover"))
                    }
                    relatedField()
                    el("div", .class("field-row")) {
                        field("status", "Trạng thái") {
                            el("select", .id("truong-status"), .name("status")) {
                                for status in ArticleStatus.allCases {
                                    el("option", .value(status.rawValue), Attribute(boolean: "selected", status == form.status)) {
                                        status.label
                                    }
                                }
                            }
                        }
                        field("publish_at", "Giờ đăng (giờ Việt Nam)", hint: "Bắt buộc với bài hẹn giờ; để trống khi đăng ngay.") {
                            void(
                                "input", .id("truong-publish_at"), .name("publish_at"), .type("datetime-local"), Attribute("step", "1"),
                                .value(form.publishAt), invalid("publish_at"))
                        }
                    }
                    el("fieldset", .class("field")) {
                        el("legend") { "Bình luận" }
                        el("label", .class("checkbox")) {
                            void(
                                "input", .type("checkbox"), .name("comments_open"), .value("1"),
                                Attribute(boolean: "checked", form.commentsOpen))
                            " Cho phép bình luận"
                        }
                        el("label", .for("truong-moderation")) { "Kiểm duyệt" }
                        el("select", .id("truong-moderation"), .name("moderation")) {
                            el("option", .value(""), Attribute(boolean: "selected", form.moderation == nil)) {
                                "Theo cài đặt chung (\(Self.label(model.siteModeration)))"
                            }
                            for mode in ModerationMode.allCases {
                                el("option", .value(mode.rawValue), Attribute(boolean: "selected", form.moderation == mode)) {
                                    Self.label(mode)
                                }
                            }
                        }
                    }
                    el("label", .class("checkbox")) {
                        void("input", .type("checkbox"), .name("featured"), .value("1"), Attribute(boolean: "checked", form.featured))
                        " Bài nổi bật (đưa lên đầu trang chủ)"
                    }
                    el("div", .class("form-actions")) {
                        el("button", .type("submit"), .name("action"), .value("save"), .class("button-primary")) { "Lưu" }
                        el("button", .type("submit"), .name("action"), .value("preview"), .class("button-secondary")) { "Xem trước" }
                    }
                }
                if !model.revisions.isEmpty, let article = model.article {
                    el("aside", .class("revisions"), .ariaLabel("Các phiên bản")) {
                        el("h2") { "Phiên bản" }
                        el("ol", .class("revision-list")) {
                            for revision in model.revisions {
                                el("li") {
                                    el("a", .href(SiteRoute.revision(article.id, revision.id).path)) {
                                        "#\(revision.id) · \(VietnameseFormat.shortDateTime(revision.createdAt))"
                                    }
                                    el("span", .class("muted")) { " \(revision.editor)" }
                                }
                            }
                        }
                    }
                }
            }
            if let preview = model.preview {
                el("section", .class("preview"), .ariaLabel("Xem trước"), .id("xem-truoc")) {
                    el("h2", .class("preview-label")) { "Xem trước" }
                    ArticleBody(draft: preview).render()
                }
            }
        }
    }

    static func label(_ mode: ModerationMode) -> String {
        mode == .pre ? "duyệt trước khi đăng" : "đăng ngay, kiểm duyệt sau"
    }

    func invalid(_ field: String) -> Attribute {
        model.error?.field == field ? Attribute("aria-invalid", "true") : Attribute("aria-invalid", nil)
    }

    func field(_ name: String, _ label: String, hint: String? = nil, @HTMLBuilder control: () -> [Node]) -> Node {
        el("div", .class(model.error?.field == name ? "field field-invalid" : "field")) {
            el("label", .for("truong-\(name)")) { label }
            control()
            if let hint { el("p", .class("hint")) { hint } }
            if let error = model.error, error.field == name { el("p", .class("field-error")) { error.message } }
        }
    }

    func datalist(_ id: String, _ topics: [Topic]) -> Node {
        el("datalist", .id(id)) {
            for topic in topics { void("option", .value(topic.name)) }
        }
    }
}

/// An article's text as readers see it, for the preview and a revision.
struct ArticleBody {
    let title: String
    let sapo: String
    let body: [ArticleBlock]
    let cover: String?

    init(draft: ArticleDraft) {
        title = draft.title
        sapo = draft.sapo
        body = draft.body
        cover = draft.coverImage
    }

    func render() -> Node {
        el("article", .class("article")) {
            el("header", .class("article-header")) {
                el("h1", .class("article-title")) { title }
                el("p", .class("sapo")) { sapo }
            }
            if let cover { el("figure", .class("article-cover")) { void("img", Attribute("src", cover), Attribute("alt", "")) } }
            el("div", .class("article-body")) { ArticleBody.blocks(body) }
        }
    }

    static func blocks(_ body: [ArticleBlock]) -> [Node] {
        body.map { block in
            switch block {
            case .paragraph(let text): el("p") { text }
            case .subheading(let text): el("h2") { text }
            case .html(let html): Node.trusted(html)
            }
        }
    }
}
