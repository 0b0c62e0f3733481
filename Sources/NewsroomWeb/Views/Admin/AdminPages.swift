import Foundation
import Hummingbird
import NewsroomCore

/// The login page and the moderation log.
enum AdminPages {
    /// The login form; `next` is where to go once signed in (an `/admin` path only).
    static func login(next: String, message: String?, email: String, token: String) -> Node {
        AdminLayout.page(title: "Đăng nhập", staff: nil, csrf: nil) {
            el("section", .class("login")) {
                el("h1") { "Đăng nhập bàn làm việc" }
                if let message { el("p", .class("form-error"), Attribute("role", "alert")) { message } }
                el("form", .method("post"), .action(SiteRoute.login.path), .class("comment-form")) {
                    void("input", .type("hidden"), .name("next"), .value(next))
                    void("input", .type("hidden"), .name("formToken"), .value(token))
                    el("div", .class("field")) {
                        el("label", .for("dang-nhap-email")) { "E-mail" }
                        void(
                            "input", .id("dang-nhap-email"), .name("email"), .type("email"), .value(email), .autocomplete("username"),
                            .required())
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

    static func loginPage(services: Services, next: String, message: String?, status: HTTPResponse.Status, email: String) -> Response {
        let token = services.tokens.issue(article: 0, at: services.now())
        var response = Responses.html(login(next: next, message: message, email: email, token: token), status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func log(staff: StaffMember, csrf: String, counts: [ModerationQueue: Int], entries: [ModerationLogEntry]) -> Node {
        AdminLayout.page(title: "Nhật ký kiểm duyệt", staff: staff, csrf: csrf, counts: counts) {
            el("h1", .class("section-title")) { "Nhật ký kiểm duyệt" }
            if entries.isEmpty {
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
                        for entry in entries {
                            el("tr", Attribute("data-action", entry.action.rawValue)) {
                                el("td") {
                                    el("time", .datetime(VietnameseFormat.iso8601(entry.createdAt))) {
                                        VietnameseFormat.shortDateTime(entry.createdAt)
                                    }
                                }
                                el("td") { entry.staffEmail }
                                el("td") { entry.action.label }
                                el("td") { "#\(entry.commentID)" }
                                el("td", .class("log-text")) { displayed(entry.before) }
                                el("td", .class("log-text")) { displayed(entry.after) }
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
