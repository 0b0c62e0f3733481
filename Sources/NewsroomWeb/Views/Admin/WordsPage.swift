import NewsroomCore

/// The word lists in the desk: add a banned or suspect word or phrase, remove one.
struct WordsPage {
    struct Model {
        var staff: StaffMember
        var csrf: String
        var counts: [ModerationQueue: Int]
        /// Both lists, banned and suspect, in the order they are shown.
        var rules: [WordRule]
        /// What the last change did ("Đã thêm «…»."), after its redirect.
        var notice: String?
    }

    let model: Model

    func render() -> Node {
        let csrf = model.csrf
        return AdminLayout.page(title: "Từ cấm và từ cần xem xét", staff: model.staff, csrf: csrf, counts: model.counts) {
            el("h1", .class("section-title")) { "Từ cấm và từ cần xem xét" }
            el("p", .class("muted")) {
                "Từ cấm: bình luận bị từ chối. Từ cần xem xét: bình luận được giữ lại chờ duyệt. "
                    + "So khớp cả khi viết không dấu, tách chữ (v.c.l), lặp chữ hay thay chữ bằng số."
            }
            if let notice = model.notice { el("p", .class("notice"), Attribute("role", "status")) { notice } }
            el("form", .method("post"), .action(SiteRoute.words.path), .class("comment-form words-form")) {
                void("input", .type("hidden"), .name(CSRF.field), .value(csrf))
                el("div", .class("field")) {
                    el("label", .for("tu-moi")) { "Từ hoặc cụm từ" }
                    void("input", .id("tu-moi"), .name("phrase"), .type("text"), .required())
                }
                el("fieldset", .class("word-kind")) {
                    el("legend") { "Loại" }
                    el("label") {
                        void("input", .type("radio"), .name("kind"), .value(WordKind.banned.rawValue), Attribute(boolean: "checked", true))
                        " Từ cấm"
                    }
                    el("label") {
                        void("input", .type("radio"), .name("kind"), .value(WordKind.suspect.rawValue))
                        " Cần xem xét"
                    }
                }
                el("button", .type("submit"), .name("action"), .value("add"), .class("button-primary")) { "Thêm" }
            }
            for kind in WordKind.allCases {
                el("h2") { kind == .banned ? "Từ cấm" : "Từ cần xem xét" }
                el("ul", .class("word-list"), Attribute("data-kind", kind.rawValue)) {
                    for rule in model.rules where rule.kind == kind {
                        el("li") {
                            el("span") { rule.phrase }
                            el("form", .method("post"), .action(SiteRoute.words.path), .class("inline-form")) {
                                void("input", .type("hidden"), .name(CSRF.field), .value(csrf))
                                void("input", .type("hidden"), .name("phrase"), .value(rule.phrase))
                                el(
                                    "button", .type("submit"), .name("action"), .value("remove"), .class("link-button"),
                                    .ariaLabel("Bỏ \(rule.phrase)")
                                ) { "Bỏ" }
                            }
                        }
                    }
                }
            }
        }
    }
}
