import Foundation
import NewsroomCore
import Testing

@testable import NewsroomWeb

/// The route table: one case per URL, its pattern and its links from the same text, and the OpenAPI document
/// describing exactly the API routes the table has.
@Suite struct RouteTableTests {
    /// Every case, with placeholder values where the pattern has a parameter.
    static let every: [SiteRoute] =
        [
            .home, .search, .postComment, .embedScript, .embedFrame, .embedThread, .sitemap, .newsSitemap, .robots, .healthz, .readyz,
            .metrics, .openAPI, .apiSearch,
            .apiModerationComments, .apiModerationCounts, .apiModerationLog, .apiModerationBulk, .login, .logout, .desk, .act,
            .log, .words, .articles, .newArticle, .article(slug: "", id: 0), .likeComment(0), .reportComment(0), .asset(""),
            .media(""), .apiArticle(0), .apiArticleComments(0), .apiArticleEvents(0), .apiReplies(0), .apiLikes(0),
            .apiReports(0), .apiModerationComment(0), .apiModerationBan(0), .apiModerationAction(0, action: ""), .edit(0),
            .editArticle(0), .revision(0, 0), .feed(.rss, category: nil), .feed(.atom, category: nil), .feed(.rss, category: ""),
            .feed(.atom, category: ""),
        ] + Topic.Kind.allCases.map { .topic($0, slug: "") }

    @Test func everyRouteHasATemplateOfItsOwn() {
        let templates = Self.every.map(\.template)
        #expect(Set(templates).count == templates.count, "\(templates.sorted())")
        #expect(templates.allSatisfy { $0.hasPrefix("/") && !$0.contains("//") })
    }

    @Test func aLinkIsItsTemplateFilledIn() {
        #expect(SiteRoute.likeComment(42).path == "/binh-luan/42/thich")
        #expect(SiteRoute.template(SiteRoute.likeComment) == "/binh-luan/{id}/thich")
        #expect(SiteRoute.article(slug: "xe-buyt-dien", id: 7).path == "/xe-buyt-dien-7")
        #expect(SiteRoute.pattern(SiteRoute.article).description == "/{slugAndID}")
        #expect(SiteRoute.revision(3, 9).path == "/admin/articles/3/phien-ban/9")
        #expect(SiteRoute.feed(.atom, category: "giao-thong").path == "/chuyen-muc/giao-thong/atom.xml")
        #expect(SiteRoute.topic(.tag, slug: "xe-dien").path((.page, "2")) == "/chu-de/xe-dien?trang=2")
        #expect(SiteRoute.search.path((.text, "đường sắt"), (.from, nil)) == "/tim-kiem?q=%C4%91%C6%B0%E1%BB%9Dng%20s%E1%BA%AFt")
        #expect(SiteRoute.deskQueue(.reported, article: nil) == "/admin/moderation?hang=bi-bao-cao")
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheAPIRoutes() throws {
        let document = try JSONSerialization.jsonObject(with: Data(Assets.openAPI)) as? [String: Any]
        let described = Set(try #require(document?["paths"] as? [String: Any]).keys)
        // The moderation actions are one route, `{action}`, documented action by action.
        let actions = ModerationAction.allCases.filter { $0 != .edit }.map {
            SiteRoute.apiModerationAction(0, action: $0.rawValue).path.replacingOccurrences(of: "/0/", with: "/{id}/")
        }
        let routes = Set(
            Self.every.map(\.template).filter { $0.hasPrefix(SiteRoute.apiPrefix) && !$0.hasSuffix("{action}") } + actions
                + [SiteRoute.readyz.template])
        #expect(described == routes)
    }
}
