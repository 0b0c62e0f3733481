import Foundation
import NewsroomCore

/// The desk's list of articles: filters by status, category and author, and pages of 30.
struct ArticleListPage {
    struct Model {
        var staff: StaffMember
        var csrf: String
        var filter: DeskArticleFilter
        var page: Int
        var pageSize: Int
        var articles: [Article]
        var total: Int
        var categories: [Topic]
        var authors: [Topic]
        var notice: String?
    }

    let model: Model

    func render() -> Node {
        AdminLayout.page(title: "Bài viết", staff: model.staff, csrf: model.csrf) {
            el("div", .class("desk-title-row")) {
                el("h1", .class("section-title")) { "Bài viết" }
                el("a", .class("button-primary"), .href(SiteRoute.newArticle.path)) { "Viết bài mới" }
            }
            if let notice = model.notice { el("p", .class("notice"), Attribute("role", "status")) { notice } }
            el("form", .method("get"), .action(SiteRoute.articleList(.init(), page: 1)), .class("article-filters")) {
                select(
                    id: "loc-trang-thai", name: QueryKey.status.rawValue, label: "Trạng thái", selected: model.filter.status?.rawValue,
                    options: ArticleStatus.allCases.map { ($0.rawValue, $0.label) })
                select(
                    id: "loc-chuyen-muc", name: QueryKey.category.rawValue, label: "Chuyên mục", selected: model.filter.category,
                    options: model.categories.map { ($0.slug, $0.name) })
                select(
                    id: "loc-tac-gia", name: QueryKey.author.rawValue, label: "Tác giả", selected: model.filter.author,
                    options: model.authors.map { ($0.slug, $0.name) })
                el("button", .type("submit"), .class("button-small")) { "Lọc" }
            }
            el("p", .class("muted")) { "\(model.total) bài viết" }
            if model.articles.isEmpty {
                el("p", .class("muted")) { "Không có bài viết nào." }
            } else {
                el("table", .class("article-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { "Tiêu đề" }
                            el("th", Attribute("scope", "col")) { "Trạng thái" }
                            el("th", Attribute("scope", "col")) { "Chuyên mục" }
                            el("th", Attribute("scope", "col")) { "Tác giả" }
                            el("th", Attribute("scope", "col")) { "Giờ đăng" }
                        }
                    }
                    el("tbody") {
                        for article in model.articles {
                            el("tr", Attribute("data-article-id", String(article.id))) {
                                el("td") {
                                    el("a", .href(SiteRoute.editArticle(article.id).path)) { article.title }
                                    if article.status == .published {
                                        " "
                                        el("a", .class("muted"), .href(article.path)) { "(xem)" }
                                    }
                                }
                                el("td") { el("span", .class("status status-\(article.status.rawValue)")) { article.status.label } }
                                el("td") { article.category?.name ?? "—" }
                                el("td") { article.authors.map(\.name).joined(separator: ", ") }
                                el("td") {
                                    article.status == .draft
                                        ? "—"
                                        : VietnameseFormat.shortDateTime(article.publishedAt)
                                }
                            }
                        }
                    }
                }
            }
            Pagination(page: model.page, total: model.total, pageSize: model.pageSize) { SiteRoute.articleList(model.filter, page: $0) }
                .render()
        }
    }

    func select(id: String, name: String, label: String, selected: String?, options: [(String, String)]) -> Node {
        el("div", .class("field field-inline")) {
            el("label", .for(id)) { label }
            el("select", .id(id), .name(name)) {
                el("option", .value("")) { "Tất cả" }
                for (value, text) in options {
                    el("option", .value(value), Attribute(boolean: "selected", value == selected)) { text }
                }
            }
        }
    }
}

/// Links to the pages of a long list: previous, numbers around the current one, next.
struct Pagination {
    let page: Int
    let total: Int
    let pageSize: Int
    let link: (Int) -> String

    var pages: Int { max(1, (total + pageSize - 1) / pageSize) }

    func render() -> Node {
        guard pages > 1 else { return .empty }
        return el("nav", .class("pagination"), .ariaLabel("Phân trang")) {
            if page > 1 { el("a", .href(link(page - 1)), .rel("prev")) { "← Trang trước" } }
            for number in max(1, page - 2)...min(pages, page + 2) {
                if number == page {
                    el("span", Attribute("aria-current", "page")) { String(number) }
                } else {
                    el("a", .href(link(number))) { String(number) }
                }
            }
            if page < pages { el("a", .href(link(page + 1)), .rel("next")) { "Trang sau →" } }
        }
    }
}
