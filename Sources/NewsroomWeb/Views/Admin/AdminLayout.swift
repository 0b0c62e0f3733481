import Foundation
import NewsroomCore

/// The frame of the staff pages: the site's masthead with the desk's navigation, the counts at a glance.
enum AdminLayout {
    static func page(
        title: String, staff: StaffMember?, csrf: String?, counts: [ModerationQueue: Int]? = nil,
        @HTMLBuilder main: () -> [Node]
    ) -> Node {
        var head = [void("meta", .name("robots"), .content("noindex"))]
        if let csrf { head.append(void("meta", .name("csrf-token"), .content(csrf))) }
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
                el("a", .href(AdminRoute.articles(.init(), page: 1).path)) { "Bài viết" }
                el("a", .href(AdminRoute.newArticle.path)) { "Viết bài" }
            }
            if staff.role.canModerate {
                // Both counts are always there, so the refresh can show a first report as well as the last approval.
                el("a", .href(AdminRoute.desk(queue: .pending, article: nil).path)) {
                    "Chờ duyệt "
                    el("span", .class("badge"), Attribute("data-count", "pending")) { String(counts?[.pending] ?? 0) }
                }
                el("a", .href(AdminRoute.desk(queue: .reported, article: nil).path)) {
                    "Bị báo cáo "
                    el("span", .class("badge badge-alert"), Attribute("data-count", "reported")) { String(counts?[.reported] ?? 0) }
                }
                el("a", .href(AdminRoute.log.path)) { "Nhật ký" }
                el("a", .href(AdminRoute.words.path)) { "Từ khóa" }
            }
            el("span", .class("admin-who")) { "\(staff.email) · \(staff.role.label)" }
            el("form", .method("post"), .action(AdminRoute.logout.path), .class("inline-form")) {
                if let csrf { void("input", .type("hidden"), .name(CSRF.field), .value(csrf)) }
                el("button", .type("submit"), .class("link-button")) { "Đăng xuất" }
            }
        }
    }
}

/// The staff URLs.
enum AdminRoute: Equatable {
    case login
    case logout
    case desk(queue: ModerationQueue, article: Article.ID?)
    case act
    case edit(Comment.ID)
    case log
    case words
    case articles(DeskArticleFilter, page: Int)
    case newArticle
    case editArticle(Article.ID)
    case revision(Article.ID, ArticleRevision.ID)

    var path: String {
        switch self {
        case .login: "/admin/login"
        case .logout: "/admin/logout"
        case .desk(let queue, let article): "/admin/moderation?hang=\(queue.slug)" + (article.map { "&bai=\($0)" } ?? "")
        case .act: "/admin/moderation/hanh-dong"
        case .edit(let id): "/admin/moderation/\(id)/sua"
        case .log: "/admin/moderation/nhat-ky"
        case .words: "/admin/moderation/tu-khoa"
        case .articles(let filter, let page):
            "/admin/articles"
                + Query([
                    ("trang-thai", filter.status?.rawValue), ("chuyen-muc", filter.category), ("tac-gia", filter.author),
                    ("trang", page > 1 ? String(page) : nil),
                ]).string
        case .newArticle: "/admin/articles/moi"
        case .editArticle(let id): "/admin/articles/\(id)"
        case .revision(let article, let revision): "/admin/articles/\(article)/phien-ban/\(revision)"
        }
    }
}

/// A query string from name/value pairs, leaving out the nil ones: `?a=1&b=x%20y`, or "" when none is left.
struct Query {
    var pairs: [(String, String?)]

    init(_ pairs: [(String, String?)]) { self.pairs = pairs }

    var string: String {
        let present = pairs.compactMap { name, value in value.map { "\(name)=\(Query.encode($0))" } }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
