import Foundation
import NewsroomCore
import Testing

@testable import NewsroomWeb

/// The staff pages rendered from their mock models alone: no database, no session, no router.
@Suite struct AdminViewRenderTests {
    let bus = MockContent.busLine

    @Test func theLoginPageCarriesWhereToGoBackEscaped() {
        let page = rendered(LoginPage(model: .mock).render())
        #expect(page.contains("<title>Đăng nhập – Newsroom</title>"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<h1>Đăng nhập bàn làm việc</h1>"))
        #expect(attributes("action", of: "form", in: page) == [SiteRoute.login.path])
        #expect(page.contains("<input type=\"hidden\" name=\"next\" value=\"/admin/moderation?hang=bi-bao-cao&amp;bai=42\">"))
        #expect(page.contains("<input type=\"hidden\" name=\"formToken\" value=\"mock-login-token\">"))
        // Nobody is signed in: no desk navigation, no desk script.
        #expect(openingTags("nav", withClass: "admin-nav", in: page).isEmpty)
        #expect(!page.contains(SiteRoute.adminScript.path))
        #expect(openingTags("p", withClass: "form-error", in: page).isEmpty)
    }

    @Test func aRefusedLoginSaysWhyAndKeepsTheAddress() {
        let page = rendered(LoginPage(model: .mockRefused).render())
        #expect(page.contains("<p class=\"form-error\" role=\"alert\">E-mail hoặc mật khẩu không đúng.</p>"))
        #expect(attributes("value", of: "input", in: page).contains("hoang.lan@newsroom.vn"))
    }

    @Test func theModerationLogListsWhoDidWhatInVietnamese() {
        let page = rendered(ModerationLogPage(model: .mock).render())
        #expect(page.contains("<title>Nhật ký kiểm duyệt – Newsroom</title>"))
        #expect(page.contains("<meta name=\"csrf-token\" content=\"mock-csrf-token\">"))
        #expect(attributes("data-action", of: "tr", in: page) == ["edit", "reject", "approve"])
        let (inOrder, missing) = appearInOrder(
            [
                "hoang.lan@newsroom.vn", "Sửa nội dung", "#104", "Giá vé 9.000 đồng là hợp lý.", "kiem.duyet@newsroom.vn", "Từ chối",
                "#105", "chờ duyệt", "bị từ chối", "Duyệt", "#101", "chờ duyệt", "đã đăng",
            ], in: visibleLines(page))
        #expect(inOrder, "missing or out of order: \(missing ?? "")")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(visibleLines(rendered(ModerationLogPage(model: .mockEmpty).render())).contains("Chưa có thao tác nào."))
    }

    @Test func theDeskNavigationShowsTheQueueCountsAndRoutes() {
        let page = rendered(ModerationLogPage(model: .mock).render())
        let nav = attributes("href", of: "a", in: page)
        #expect(nav.contains(SiteRoute.deskQueue(.pending, article: nil)))
        #expect(nav.contains(SiteRoute.words.path))
        #expect(page.contains("<span class=\"badge\" data-count=\"pending\">2</span>"))
        #expect(page.contains("<span class=\"badge badge-alert\" data-count=\"reported\">1</span>"))
        #expect(texts(of: "span", withClass: "admin-who", in: page) == ["hoang.lan@newsroom.vn · Quản trị"])
        #expect(attributes("action", of: "form", withClass: "inline-form", in: page) == [SiteRoute.logout.path])
    }

    @Test func theWordListsPutEachPhraseInItsListWithItsRemoveButton() {
        let page = rendered(WordsPage(model: .mock).render())
        #expect(page.contains("<title>Từ cấm và từ cần xem xét – Newsroom</title>"))
        #expect(page.contains("<p class=\"notice\" role=\"status\">Đã thêm «lừa đảo».</p>"))
        let banned = page.range(of: "data-kind=\"banned\"")!.lowerBound
        let suspect = page.range(of: "data-kind=\"suspect\"")!.lowerBound
        let scam = page.range(of: "<span>lừa đảo</span>")!.lowerBound
        #expect(banned < page.range(of: "<span>đồ ngốc</span>")!.lowerBound)
        #expect(suspect < scam)
        #expect(page.contains("<span>vé giá rẻ &lt;b&gt;</span>"))
        #expect(attributes("aria-label", of: "button", in: page).contains("Bỏ lừa đảo"))
        #expect(Set(attributes("action", of: "form", in: page).filter { $0 != SiteRoute.logout.path }) == [SiteRoute.words.path])
        #expect(openingTags("input", in: page).filter { attribute("name", of: $0) == CSRF.field }.count == 5)
    }

    @Test func theDeskShowsHeldCommentsWithTheirContextAndRoutes() {
        let page = rendered(DeskPage(model: .mock).render())
        #expect(page.contains("<title>Kiểm duyệt bình luận – Newsroom</title>"))
        #expect(attributes("aria-current", of: "a", in: page) == ["page"])
        #expect(
            page.contains(
                "<a href=\"\(SiteRoute.deskQueue(.pending, article: nil).replacingOccurrences(of: "&", with: "&amp;"))\" aria-current=\"page\">"
            ))
        #expect(attributes("action", of: "form", withClass: "desk-search", in: page) == [SiteRoute.desk.path])
        #expect(page.contains("name=\"\(QueryKey.deskSearch.rawValue)\""))
        #expect(attributes("data-comment-id", of: "li", withClass: "desk-item", in: page) == ["105", "104"])
        #expect(page.contains("không phải <mark>lừa đảo</mark> đâu nhé."))
        #expect(visibleLines(page).contains("Trả lời Trần Thị Mai:"))
        #expect(page.contains("hợp lý &lt;script&gt;alert(1)&lt;/script&gt; lịch chạy"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(attributes("action", of: "form", in: page).contains(SiteRoute.act.path))
        #expect(attributes("action", of: "form", in: page).filter { $0.hasSuffix("/sua") } == [105, 104].map { SiteRoute.edit($0).path })
        #expect(
            attributes("href", of: "a", withClass: "button-secondary", in: page) == [
                SiteRoute.deskQueue(.pending, article: nil, after: Cursor(id: 99))
            ])
        #expect(visibleLines(page).contains("Sao lưu gần nhất: 02:36 10/06/2024, đã kiểm tra, 312 bài viết, 9.814 bình luận."))
        #expect(isNFC(page))
    }

    @Test func anEmptyQueueNarrowedToOneArticleSaysSo() {
        let page = rendered(DeskPage(model: .mockEmpty).render())
        #expect(visibleLines(page).contains("Không có bình luận nào trong hàng này."))
        #expect(visibleLines(page).contains("Chỉ bài: \(bus.title) · Xem mọi bài"))
        #expect(openingTags("form", in: page).allSatisfy { attribute("id", of: $0) != "desk-form" })
    }

    @Test func theArticleListLinksEachArticleToItsForm() {
        let page = rendered(ArticleListPage(model: .mock).render())
        #expect(page.contains("<title>Bài viết – Newsroom</title>"))
        #expect(attributes("data-article-id", of: "tr", in: page) == ["44", "43", "42"])
        let edits = attributes("href", of: "a", in: page).filter { $0.hasPrefix(SiteRoute.articles.path + "/") }
        #expect(edits.filter { $0 != SiteRoute.newArticle.path } == [44, 43, 42].map { SiteRoute.editArticle($0).path })
        // Only the published article has a reader's page to show.
        #expect(page.components(separatedBy: "(xem)").count == 2)
        #expect(page.contains("<a class=\"muted\" href=\"\(bus.path)\">(xem)</a>"))
        #expect(page.contains("<span class=\"status status-scheduled\">Hẹn giờ đăng</span>"))
        #expect(visibleLines(page).contains("3 bài viết"))
        // An editor may not moderate: no queues in the navigation.
        #expect(!page.contains("data-count=\"pending\""))
    }

    @Test func anEmptyArticleListKeepsItsFilter() {
        let page = rendered(ArticleListPage(model: .mockEmpty).render())
        #expect(visibleLines(page).contains("Không có bài viết nào."))
        #expect(page.contains("<option value=\"unpublished\" selected>Đã gỡ</option>"))
        #expect(page.contains("<option value=\"the-thao\" selected>Thể thao</option>"))
    }

    @Test func theArticleFormEditsTheBusLineWithItsRevisions() {
        let page = rendered(ArticleFormPage(model: .mock).render())
        #expect(page.contains("<title>Sửa bài: \(bus.title) – Newsroom</title>"))
        #expect(attributes("action", of: "form", withClass: "article-form", in: page) == [SiteRoute.editArticle(42).path])
        #expect(page.contains("name=\"title\" type=\"text\" value=\"\(bus.title)\""))
        #expect(page.contains("<p class=\"notice\" role=\"status\">Đã lưu bài viết.</p>"))
        #expect(page.contains("<a href=\"\(bus.path)\">Xem trên trang</a>"))
        #expect(page.contains("Theo cài đặt chung (duyệt trước khi đăng)"))
        let revisions = attributes("href", of: "a", in: page).filter { $0.contains("/phien-ban/") }
        #expect(revisions == [SiteRoute.revision(42, 3).path, SiteRoute.revision(42, 2).path])
        #expect(page.contains("Nối hai đầu thành phố"))
    }

    @Test func aNewArticleWithoutTitlePointsAtTheField() {
        let page = rendered(ArticleFormPage(model: .mockNewWithError).render())
        #expect(page.contains("<h1 class=\"section-title\">Viết bài mới</h1>"))
        #expect(attributes("action", of: "form", withClass: "article-form", in: page) == [SiteRoute.newArticle.path])
        #expect(visibleLines(page).contains("Bài viết cần có tiêu đề."))
        #expect(page.contains("<a href=\"#truong-title\">Đến trường cần sửa</a>"))
        #expect(
            openingTags("input", in: page).first { attribute("id", of: $0) == "truong-title" }?.contains("aria-invalid=\"true\"") == true)
        #expect(page.contains("<h1 class=\"article-title\">Bản xem trước</h1>"))
        #expect(page.contains("Theo cài đặt chung (đăng ngay, kiểm duyệt sau)"))
    }

    @Test func aRevisionShowsWhatWasSavedAndRestoresThroughItsRoute() {
        let page = rendered(ArticleRevisionPage(model: .mock).render())
        #expect(page.contains("<title>Phiên bản #2 – Newsroom</title>"))
        #expect(page.contains("<a href=\"\(SiteRoute.editArticle(42).path)\">← Quay lại bài viết</a>"))
        #expect(attributes("action", of: "form", in: page).contains(SiteRoute.revision(42, 2).path))
        #expect(visibleLines(page).contains("Lưu lúc 08:30 10/06/2024 bởi minh.chau@newsroom.vn · đường dẫn /\(bus.slug)"))
        #expect(page.contains("<h1 class=\"article-title\">Hà Nội mở tuyến buýt điện E10</h1>"))
        #expect(page.contains("<pre class=\"markdown-source\">## Nối hai đầu thành phố\n\nXe đi qua cầu Chương Dương.</pre>"))
    }
}
