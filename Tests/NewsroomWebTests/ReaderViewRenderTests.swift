import Foundation
import NewsroomCore
import Testing

@testable import NewsroomWeb

/// The home, topic, search, report and error pages rendered from their mock models alone: no database, no router.
@Suite struct ReaderViewRenderTests {
    @Test func theHomePageFeaturesTheBusLineThenListsTheLatestInPages() {
        let page = rendered(HomePage(model: .mock).render())
        #expect(page.contains("<title>Newsroom</title>"))
        #expect(page.contains("<link rel=\"canonical\" href=\"/\">"))
        let (inOrder, missing) = appearInOrder(
            [
                "Nổi bật", MockContent.busLine.title, Strings.homeTitle, MockContent.busLine.title, MockContent.metroTrial.title,
                "Thứ bảy, 08/06/2024, 06:30 (GMT+7) · Minh Châu", "Phố cổ rộn ràng đón Tết Trung thu sớm",
            ], in: visibleLines(page))
        #expect(inOrder, "missing or out of order: \(missing ?? "")")
        #expect(openingTags("header", withClass: "masthead", in: page).count == 1)
        #expect(openingTags("li", withClass: "teaser-lead", in: page).count == 1)
        #expect(
            attributes("href", of: "a", in: page).filter { $0.hasPrefix("/metro") } == [MockContent.metroTrial.path],
            "one link to the metro article, from its title")
        // 45 articles, 20 a page: this page, two more, and the next one built from the home route.
        #expect(page.contains("<span aria-current=\"page\">1</span>"))
        #expect(attributes("href", of: "a", in: page).contains(HomePage.link(page: 3)))
        #expect(page.contains("<a href=\"\(HomePage.link(page: 2))\" rel=\"next\">Trang sau →</a>"))
        #expect(HomePage.link(page: 2) == "/?trang=2")
    }

    @Test func anEmptyHomePageSaysSoWithoutPages() {
        let page = rendered(HomePage(model: .mockEmpty).render())
        #expect(visibleLines(page).contains(Strings.homeEmpty))
        #expect(openingTags("nav", withClass: "pagination", in: page).isEmpty)
        #expect(openingTags("ol", withClass: "article-list", in: page).isEmpty)
    }

    @Test func aCategoryPageOffersItsOwnFeedsAndLinksBackAPage() {
        let page = rendered(TopicPage(model: .mock).render())
        #expect(page.contains("<title>Đô thị – trang 2 – Newsroom</title>"))
        #expect(page.contains("<h1 class=\"section-title\">Đô thị</h1>"))
        let rss = SiteRoute.feed(.rss, category: "do-thi").path
        #expect(page.contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"\(rss)\" title=\"Newsroom – Đô thị\">"))
        #expect(attributes("href", of: "a", in: page).contains(rss))
        #expect(page.contains("<a href=\"\(SiteRoute.topic(.category, slug: "do-thi").path)\" rel=\"prev\">← Trang trước</a>"))
        #expect(page.contains("<link rel=\"canonical\" href=\"/chuyen-muc/do-thi?trang=2\">"))
    }

    @Test func anAuthorPageNamesTheAuthorAndHasNoFeedOfItsOwn() {
        let page = rendered(TopicPage(model: .mockAuthor).render())
        #expect(page.contains("<h1 class=\"section-title\">Bài của Minh Châu</h1>"))
        #expect(openingTags("p", withClass: "topic-feeds", in: page).isEmpty)
        #expect(visibleLines(rendered(TopicPage(model: .mockEmpty).render())).contains("Chưa có bài viết nào."))
    }

    @Test func theSearchPageKeepsTheQueryAndMarksTheMatchedWords() {
        let page = rendered(SearchPage(model: .mock).render())
        #expect(page.contains("<title>Tìm kiếm: xe buýt – Newsroom</title>"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("value=\"xe buýt\""))
        #expect(page.contains("<option value=\"do-thi\" selected>Đô thị</option>"))
        #expect(visibleLines(page).contains("2 kết quả cho «xe buýt»"))
        #expect(page.contains("<mark>xe</mark> <mark>buýt</mark> điện"))
        #expect(
            attributes("href", of: "a", in: page).filter { $0.hasPrefix("/de-xuat") || $0.hasPrefix("/ha-noi-mo") }
                == [MockContent.busLine.path, MockContent.busLaneDraft.path])
        #expect(isNFC(page))
    }

    @Test func aSearchWithoutResultsOrWithABadDateSaysWhatToDo() {
        let none = visibleLines(rendered(SearchPage(model: .mockNoResults).render()))
        #expect(none.contains("Không tìm thấy bài viết nào cho «tàu điện trên không». Thử bớt từ, hoặc bỏ bộ lọc."))
        let invalid = rendered(SearchPage(model: .mockInvalidDate).render())
        #expect(invalid.contains("<p class=\"form-error\" role=\"alert\">Ngày «2024-13-40» không hợp lệ, hãy chọn lại.</p>"))
        #expect(openingTags("ol", withClass: "search-results", in: invalid).isEmpty)
    }

    @Test func theReportPageQuotesTheCommentEscapedAndPostsToItsRoute() {
        let page = rendered(ReportPage(model: .mock).render())
        #expect(page.contains("<title>Báo cáo vi phạm – Newsroom</title>"))
        #expect(visibleLines(page).contains("Bình luận của Lê Quốc Bảo trong bài Hà Nội mở tuyến xe buýt điện nối Long Biên với Mỹ Đình:"))
        #expect(attributes("href", of: "a", in: page).contains(MockContent.busLine.path + "#binh-luan-104"))
        #expect(page.contains("hợp lý &lt;script&gt;alert(1)&lt;/script&gt; lịch chạy"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(attributes("action", of: "form", withClass: "comment-form", in: page) == [SiteRoute.reportComment(104).path])
        let radios = openingTags("input", in: page).filter { attribute("name", of: $0) == "reason" }
        #expect(radios.compactMap { attribute("value", of: $0) } == ReportReason.allCases.map(\.rawValue))
        #expect(radios.map { $0.hasSuffix(" checked>") } == [true, false, false, false])
        #expect(visibleLines(page).contains("Thông tin sai sự thật"))
    }

    @Test func theErrorPageSaysWhatHappenedAndLeadsHome() {
        let notFound = rendered(ErrorPage(model: .mock).render())
        #expect(notFound.contains("<title>Không tìm thấy trang – Newsroom</title>"))
        let (inOrder, missing) = appearInOrder(
            ["404", Strings.notFoundTitle, "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.", Strings.backHome],
            in: visibleLines(notFound))
        #expect(inOrder, "missing or out of order: \(missing ?? "")")
        #expect(notFound.contains("<a href=\"\(SiteRoute.home.path)\">Về trang chủ</a>"))
        #expect(openingTags("header", withClass: "masthead", in: notFound).count == 1)
        let serverError = visibleLines(rendered(ErrorPage(model: .mockServerError).render()))
        #expect(serverError.contains("500"))
        #expect(serverError.contains("Máy chủ gặp sự cố khi xử lý yêu cầu. Xin bạn thử lại sau ít phút."))
    }
}
