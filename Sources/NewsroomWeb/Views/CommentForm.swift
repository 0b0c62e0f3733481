import NewsroomCore

extension CommentSection {
    /// The comment form, or a reply form under the comment it answers. It posts to `/binh-luan` and works
    /// without JavaScript; the textarea has no `maxlength` (browsers count UTF-16 units, not characters).
    func form(parentID: Comment.ID?) -> Node {
        let state = model.form.parentID == parentID ? model.form : ArticlePage.Model.FormState()
        let prefix = parentID.map(PageHooks.replyForm) ?? PageHooks.newComment
        let limitID = "\(prefix)-gioi-han"
        let errorID = "\(prefix)-loi"
        return el(
            "form", .class(parentID == nil ? "comment-form" : "comment-form reply-form"), .id(prefix), .method("post"),
            .action(SiteRoute.postComment.path), Attribute(PageHooks.commentForm, "")
        ) {
            if let error = state.error {
                el("p", .class("form-error"), .id(errorID), Attribute("role", "alert")) { error.message }
            }
            void("input", .type("hidden"), .name("articleId"), .value(String(model.article.id)))
            if let parentID { void("input", .type("hidden"), .name("parentId"), .value(String(parentID))) }
            void("input", .type("hidden"), .name("formToken"), .value(model.formToken))
            el("div", .class("honeypot"), Attribute("aria-hidden", "true")) {
                el("label", .for("\(prefix)-website")) { "Để trống ô này" }
                void("input", .id("\(prefix)-website"), .name("website"), .type("text"), .autocomplete("off"), Attribute("tabindex", "-1"))
            }
            el("div", .class("form-row")) {
                field(
                    prefix: prefix, name: "author", label: Strings.authorLabel, type: "text", value: state.author,
                    autocomplete: "name", required: true, error: state.error, errorID: errorID)
                field(
                    prefix: prefix, name: "email", label: Strings.emailLabel, type: "email", value: state.email,
                    autocomplete: "email", required: false, error: state.error, errorID: errorID)
            }
            el("div", .class("field")) {
                el("label", .for("\(prefix)-body")) { parentID == nil ? Strings.bodyLabel : Strings.reply }
                el(
                    "textarea", .id("\(prefix)-body"), .name("body"), Attribute("rows", parentID == nil ? "5" : "3"),
                    .placeholder(Strings.bodyPlaceholder), .required(),
                    Attribute("aria-describedby", state.error?.field == "body" ? "\(limitID) \(errorID)" : limitID),
                    Attribute("aria-invalid", state.error?.field == "body" ? "true" : nil),
                    Attribute(PageHooks.maxLength, String(CommentLimits.bodyMaxLength))
                ) { state.body }
            }
            el("div", .class("form-footer")) {
                el("p", .class("limit"), .id(limitID)) {
                    el("span") { Strings.maxLength(CommentLimits.bodyMaxLength) }
                    el("span", .class("counter"), Attribute("aria-live", "polite"), Attribute(PageHooks.counter, "")) {}
                }
                el("button", .type("submit"), .class("button-primary")) { parentID == nil ? Strings.submit : Strings.submitReply }
            }
        }
    }

    private func field(
        prefix: String, name: String, label: String, type: String, value: String, autocomplete: String, required: Bool,
        error: NewsroomError?, errorID: String
    ) -> Node {
        let isInvalid = error?.field == name
        return el("div", .class("field")) {
            el("label", .for("\(prefix)-\(name)")) { label }
            void(
                "input", .id("\(prefix)-\(name)"), .name(name), .type(type), .value(value), .autocomplete(autocomplete),
                .required(required), Attribute("aria-invalid", isInvalid ? "true" : nil),
                Attribute("aria-describedby", isInvalid ? errorID : nil))
        }
    }
}
