import Foundation
import NewsroomCore

/// The frame of the staff pages: the site's masthead with the desk's navigation, the counts at a glance.
enum AdminLayout {
    static func page(
        title: String, staff: StaffMember?, csrf: String?, counts: [ModerationQueue: Int]? = nil,
        @HTMLBuilder main: () -> [Node]
    ) -> Node {
        var head = [void("meta", .name("robots"), .content("noindex"))]
        if let csrf { head.append(void("meta", .name(DeskHooks.csrfMeta), .content(csrf))) }
        return Layout.document(
            title: title, bodyClass: "admin", head: head,
            body: [
                el("header", .class("masthead admin-masthead")) {
                    el("div", .class("masthead-inner admin-bar")) {
                        el("a", .class("masthead-name"), .href(SiteRoute.home.path)) { Strings.siteName }
                        if let staff { navigation(staff: staff, csrf: csrf, counts: counts) }
                    }
                },
                el("main", .id("noi-dung"), .class("page page-wide")) { main() },
                staff == nil ? .empty : el("script", Attribute("src", SiteRoute.adminScript.path), Attribute(boolean: "defer", true)) {},
            ])
    }

    static func navigation(staff: StaffMember, csrf: String?, counts: [ModerationQueue: Int]?) -> Node {
        el("nav", .class("admin-nav"), .ariaLabel("Bàn làm việc")) {
            if staff.role.canEdit {
                el("a", .href(SiteRoute.articleList(.init(), page: 1))) { "Bài viết" }
                el("a", .href(SiteRoute.newArticle.path)) { "Viết bài" }
            }
            if staff.role.canModerate {
                // Both counts are always there, so the refresh can show a first report as well as the last approval.
                el("a", .href(SiteRoute.deskQueue(.pending, article: nil))) {
                    "Chờ duyệt "
                    el("span", .class("badge"), Attribute(DeskHooks.count, ModerationQueue.pending.rawValue)) {
                        String(counts?[.pending] ?? 0)
                    }
                }
                el("a", .href(SiteRoute.deskQueue(.reported, article: nil))) {
                    "Bị báo cáo "
                    el("span", .class("badge badge-alert"), Attribute("data-count", "reported")) { String(counts?[.reported] ?? 0) }
                }
                el("a", .href(SiteRoute.log.path)) { "Nhật ký" }
                el("a", .href(SiteRoute.words.path)) { "Từ khóa" }
            }
            el("span", .class("admin-who")) { "\(staff.email) · \(staff.role.label)" }
            el("form", .method("post"), .action(SiteRoute.logout.path), .class("inline-form")) {
                if let csrf { void("input", .type("hidden"), .name(CSRF.field), .value(csrf)) }
                el("button", .type("submit"), .class("link-button")) { "Đăng xuất" }
            }
        }
    }
}

/// The staff URLs.
/// A query string from name/value pairs, leaving out the nil ones: `?a=1&b=x%20y`, or "" when none is left.
struct Query {
    var pairs: [(QueryKey, String?)]

    init(_ pairs: [(QueryKey, String?)]) { self.pairs = pairs }

    var string: String {
        let present = pairs.compactMap { key, value in value.map { "\(key.rawValue)=\(Query.encode($0))" } }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
