import Foundation
import Hummingbird
import NIOCore
import NewsroomCore

/// Search: the page `/tim-kiem?q=` and `GET /api/v1/search?q=&page=`, both with the filters `category` (a category's
/// slug), `from` and `to` (days, `2026-11-29`, in Vietnam's time).
struct SearchController {
    let search: any SearchRepository
    let articles: any ArticleRepository
    static let pageSize = 10

    /// A search as a request asks for it.
    struct Request: Equatable {
        var text: String
        var query: SearchQuery
        var filter: SearchFilter
        var page: Int
        /// The filter as typed, to put back in the form.
        var from: String
        var to: String

        /// Reads `q`, `page` (or `trang`), `category` (or `chuyen-muc`), `from`, `to`; throws `invalid_field` naming the
        /// parameter that is wrong.
        init(_ parameters: [String: String]) throws {
            text = VietnameseText.cleanedLine(parameters[.text] ?? "")
            query = SearchQuery(text)
            let pageText = parameters[.apiPage] ?? parameters[.page] ?? "1"
            guard let page = Int(pageText), (1...1000).contains(page) else {
                throw NewsroomError(.invalidField, message: "Số trang phải từ 1 đến 1000.", field: "page")
            }
            self.page = page
            from = parameters[.from] ?? ""
            to = parameters[.to] ?? ""
            filter = SearchFilter(category: (parameters[.searchCategory] ?? parameters[.category]).flatMap { $0.isEmpty ? nil : $0 })
            if !from.isEmpty {
                guard let day = Self.day(from) else {
                    throw NewsroomError(.invalidField, message: "Ngày bắt đầu phải có dạng 2026-11-29.", field: "from")
                }
                filter.from = day
            }
            if !to.isEmpty {
                guard let day = Self.day(to) else {
                    throw NewsroomError(.invalidField, message: "Ngày kết thúc phải có dạng 2026-11-29.", field: "to")
                }
                // The whole of that day.
                filter.to = day.addingTimeInterval(86_400 - 0.001)
            }
        }

        /// The start of a day (`2026-11-29`) in Vietnam's time.
        static func day(_ text: String) -> Date? {
            LocalDateTime.parse(text.trimmingCharacters(in: .whitespaces) + "T00:00")
        }
    }

    func register(on router: Router<NewsroomRequestContext>) {
        router.get(SiteRoute.search.pattern, use: page)
        router.get(SiteRoute.apiSearch.pattern, use: api)
    }

    static func parameters(_ request: HummingbirdCore.Request) throws -> [String: String] {
        try RequestBody.query(of: request)
    }

    func results(_ search: Request) async throws -> SearchResults {
        try await self.search.search(
            search.query, filter: search.filter, limit: Self.pageSize, offset: (search.page - 1) * Self.pageSize)
    }

    /// The text a snippet is cut from: the sapo, then the body.
    static func snippet(_ article: Article, _ query: SearchQuery) -> SearchSnippet {
        SearchSnippet(([article.sapo] + article.body.map(\.plainText)).joined(separator: " "), query: query)
    }

    @Sendable func page(_ request: HummingbirdCore.Request, context: NewsroomRequestContext) async throws -> Response {
        let parameters = try Self.parameters(request)
        var model = SearchPage.Model(
            text: VietnameseText.cleanedLine(parameters[.text] ?? ""), from: parameters[.from] ?? "", to: parameters[.to] ?? "",
            category: parameters[.searchCategory] ?? "", categories: try await articles.topics(.category))
        do {
            let search = try Request(parameters)
            model.page = search.page
            if !search.query.isEmpty {
                let results = try await results(search)
                model.total = results.total
                model.capped = results.capped
                model.results = results.articles.map { article in
                    SearchPage.Result(
                        article: article, title: SearchSnippet.whole(article.title, query: search.query),
                        snippet: Self.snippet(article, search.query))
                }
            }
        } catch let error as NewsroomError where error.code == .invalidField {
            model.error = error.message
        }
        var response = Responses.html(SearchPage(model: model).render(), status: model.error == nil ? .ok : .badRequest)
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    struct APIResults: Encodable {
        struct Result: Encodable {
            var id: Article.ID
            var title: String
            var path: String
            /// Escaped HTML: the snippet's text with the matched words in `<mark>`.
            var snippet: String
            var publishedAt: String
        }

        var results: [Result]
        /// How many articles match, counted up to 1,000.
        var total: Int
        /// Whether more than `total` match (search ranks the newest 1,000 matches).
        var capped: Bool
        var page: Int
    }

    @Sendable func api(_ request: HummingbirdCore.Request, context: NewsroomRequestContext) async throws -> Response {
        let search = try Request(Self.parameters(request))
        let results = search.query.isEmpty ? SearchResults(articles: [], total: 0) : try await results(search)
        return try Responses.json(
            APIResults(
                results: results.articles.map { article in
                    .init(
                        id: article.id, title: article.title, path: article.path,
                        snippet: String(
                            decoding: Node.fragment(SearchPage.marked(Self.snippet(article, search.query))).render(), as: UTF8.self),
                        publishedAt: VietnameseFormat.iso8601(article.publishedAt))
                }, total: results.total, capped: results.capped, page: search.page))
    }
}
