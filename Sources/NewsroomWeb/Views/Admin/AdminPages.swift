import Foundation
import NewsroomCore

/// The staff login form.
struct LoginPage {
    struct Model {
        /// Where to go once signed in (an `/admin` path only).
        var next: String
        /// Why the last attempt was refused, if it was.
        var message: String?
        /// The e-mail as typed, so a mistyped password does not cost the address too.
        var email: String
        var formToken: String
    }

    let model: Model

    func render() -> Node {
        AdminLayout.page(title: "Đăng nhập", staff: nil, csrf: nil) {
            el("section", .class("login")) {
                el("h1") { "Đăng nhập bàn làm việc" }
                if let message = model.message { el("p", .class("form-error"), Attribute("role", "alert")) { message } }
                el("form", .method("post"), .action(SiteRoute.login.path), .class("comment-form")) {
                    void("input", .type("hidden"), .name("next"), .value(model.next))
                    void("input", .type("hidden"), .name("formToken"), .value(model.formToken))
                    el("div", .class("field")) {
                        el("label", .for("dang-nhap-email")) { "E-mail" }
                        void(
                            "input", .id("dang-nhap-email"), .name("email"), .type("email"), .value(model.email),
                            .autocomplete("username"), .required())
                    }
                    el("div", .class("field")) {
                        el("label", .for("dang-nhap-mat-khau")) { "Mật khẩu" }
                        void(
                            "input", .id("dang-nhap-mat-khau"), .name("password"), .type("password"), .autocomplete("current-password"),
                            .required())
                    }
                    el("button", .type("submit"), .class("button-primary")) { "Đăng nhập" }
                }
            }
        }
    }
}

/// The moderation log: who did what to which comment, newest first.
struct ModerationLogPage {
    struct Model {
        var staff: StaffMember
        var csrf: String
        var counts: [ModerationQueue: Int]
        var entries: [ModerationLogEntry]
    }

    let model: Model

    func render() -> Node {
        AdminLayout.page(title: "Nhật ký kiểm duyệt", staff: model.staff, csrf: model.csrf, counts: model.counts) {
            el("h1", .class("section-title")) { "Nhật ký kiểm duyệt" }
            if model.entries.isEmpty {
                el("p", .class("muted")) { "Chưa có thao tác nào." }
            } else {
                el("table", .class("log")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Lúc" }
                            el("th") { "Người làm" }
                            el("th") { "Thao tác" }
                            el("th") { "Bình luận" }
                            el("th") { "Trước" }
                            el("th") { "Sau" }
                        }
                    }
                    el("tbody") {
                        for entry in model.entries {
                            el("tr", Attribute("data-action", entry.action.rawValue)) {
                                el("td") {
                                    el("time", .datetime(VietnameseFormat.iso8601(entry.createdAt))) {
                                        VietnameseFormat.shortDateTime(entry.createdAt)
                                    }
                                }
                                el("td") { entry.staffEmail }
                                el("td") { entry.action.label }
                                el("td") { "#\(entry.commentID)" }
                                el("td", .class("log-text")) { Self.displayed(entry.before) }
                                el("td", .class("log-text")) { Self.displayed(entry.after) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Statuses are stored as codes; the log shows their Vietnamese names.
    static func displayed(_ text: String?) -> String {
        guard let text else { return "" }
        switch CommentStatus(rawValue: text) {
        case .pending?: return "chờ duyệt"
        case .published?: return "đã đăng"
        case .rejected?: return "bị từ chối"
        case .spam?: return "spam"
        case nil: return text
        }
    }
}
