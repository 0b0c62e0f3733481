import NewsroomCore

/// The word lists in the desk: add a banned or suspect word or phrase, remove one.
enum WordsPage {
    static func render(staff: StaffMember, csrf: String, counts: [ModerationQueue: Int], rules: [WordRule], notice: String?) -> Node {
        AdminLayout.page(title: "Từ cấm và từ cần xem xét", staff: staff, csrf: csrf, counts: counts) {
            el("h1", .class("section-title")) { "Từ cấm và từ cần xem xét" }
            el("p", .class("muted")) {
                "Từ cấm: bình luận bị từ chối. Từ cần xem xét: bình luận được giữ lại chờ duyệt. "
                    + "So khớp cả khi viết không dấu, tách chữ (v.c.l), lặp chữ hay thay chữ bằng số."
            }
            if let notice { el("p", .class("notice"), Attribute("role", "status")) { notice } }
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
                    for rule in rules where rule.kind == kind {
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
