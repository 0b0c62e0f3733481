import Foundation
import NewsroomCore

/// The search page: the form (words, category, dates) and the results, each with its title and a snippet where the
/// matched words are marked, ten a page.
struct SearchPage {
    struct Result {
        var article: Article
        var title: SearchSnippet
        var snippet: SearchSnippet
    }

    struct Model {
        var text = ""
        var from = ""
        var to = ""
        var category = ""
        var categories: [Topic] = []
        var page = 1
        var total = 0
        var capped = false
        var results: [Result] = []
        var error: String?
    }

    let model: Model

    /// Text with the marked words in `<mark>`, everything escaped.
    static func marked(_ snippet: SearchSnippet) -> [Node] {
        snippet.parts.map { part in part.matched ? el("mark") { part.text } : .text(part.text) }
    }

    func link(page: Int) -> String {
        SiteRoute.search.path(
            (.text, model.text), (.searchCategory, model.category.isEmpty ? nil : model.category),
            (.from, model.from.isEmpty ? nil : model.from), (.to, model.to.isEmpty ? nil : model.to),
            (.page, page > 1 ? String(page) : nil))
    }

    func render() -> Node {
        let title = model.text.isEmpty ? "Tìm kiếm" : "Tìm kiếm: \(model.text)"
        return Layout.page(title: title, head: [void("meta", .name("robots"), .content("noindex"))], sections: model.categories) {
            el("h1", .class("section-title")) { "Tìm kiếm" }
            el("form", .method("get"), .action(SiteRoute.search.path), Attribute("role", "search"), .class("search-form")) {
                el("div", .class("field")) {
                    el("label", .for("tu-khoa")) { "Từ khóa" }
                    void(
                        "input", .id("tu-khoa"), .name(QueryKey.text.rawValue), .type("search"), .value(model.text),
                        .placeholder("Gõ có dấu hay không dấu đều được"))
                }
                el("div", .class("search-filters")) {
                    el("div", .class("field")) {
                        el("label", .for("tk-chuyen-muc")) { "Chuyên mục" }
                        el("select", .id("tk-chuyen-muc"), .name(QueryKey.searchCategory.rawValue)) {
                            el("option", .value("")) { "Tất cả" }
                            for category in model.categories {
                                el("option", .value(category.slug), Attribute(boolean: "selected", category.slug == model.category)) {
                                    category.name
                                }
                            }
                        }
                    }
                    el("div", .class("field")) {
                        el("label", .for("tk-tu-ngay")) { "Từ ngày" }
                        void("input", .id("tk-tu-ngay"), .name(QueryKey.from.rawValue), .type("date"), .value(model.from))
                    }
                    el("div", .class("field")) {
                        el("label", .for("tk-den-ngay")) { "Đến ngày" }
                        void("input", .id("tk-den-ngay"), .name(QueryKey.to.rawValue), .type("date"), .value(model.to))
                    }
                }
                el("button", .type("submit"), .class("button-primary")) { "Tìm" }
            }
            if let error = model.error {
                el("p", .class("form-error"), Attribute("role", "alert")) { error }
            } else if !model.text.isEmpty {
                el("p", .class("search-count"), Attribute("role", "status")) {
                    model.total == 0
                        ? "Không tìm thấy bài viết nào cho «\(model.text)». Thử bớt từ, hoặc bỏ bộ lọc."
                        : model.capped
                            ? "Hơn \(VietnameseFormat.number(model.total)) kết quả cho «\(model.text)», mới nhất trước khi xếp theo mức độ phù hợp"
                            : "\(VietnameseFormat.number(model.total)) kết quả cho «\(model.text)»"
                }
                el("ol", .class("search-results")) {
                    for result in model.results {
                        el("li", .class("search-result")) {
                            if let category = result.article.category {
                                el("p", .class("kicker")) { el("a", .href(category.path)) { category.name } }
                            }
                            el("h2", .class("teaser-title")) { el("a", .href(result.article.path)) { Self.marked(result.title) } }
                            el("p", .class("search-snippet")) { Self.marked(result.snippet) }
                            el("p", .class("teaser-meta")) {
                                el("time", .datetime(VietnameseFormat.iso8601(result.article.publishedAt))) {
                                    VietnameseFormat.dateLine(result.article.publishedAt)
                                }
                            }
                        }
                    }
                }
                Pagination(page: model.page, total: model.total, pageSize: SearchController.pageSize, link: link(page:)).render()
            }
        }
    }
}
