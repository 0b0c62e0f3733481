import Foundation
import NewsroomCore
import Testing

@testable import NewsroomWeb

/// The article page rendered from its mock models alone: no database, no router.
@Suite struct ViewRenderTests {
    let bus = MockContent.busLine

    @Test func theArticlePageShowsTheArticleThenItsThreadsInOrder() {
        let page = rendered(ArticlePage(model: .mock).render())
        #expect(page.contains("<title>Hà Nội mở tuyến xe buýt điện nối Long Biên với Mỹ Đình – Newsroom</title>"))
        let (inOrder, missing) = appearInOrder(
            [
                "Newsroom", "Đô thị", "Văn hóa", "Thể thao", "Thứ hai, 10/06/2024, 08:30 (GMT+7)",
                "Hà Nội mở tuyến xe buýt điện nối Long Biên với Mỹ Đình", bus.sapo, "Nối hai đầu thành phố",
                "Giờ chạy và giá vé", "Minh Châu, Quang Huy", "Xe buýt", "Hà Nội", Strings.commentsHeading, "Tối đa: 1500 ký tự",
                Strings.submit, "6 bình luận", "Trần Thị Mai10:30 10/06/2024", "Nguyễn Văn Hùng11:00 10/06/2024",
                "Trả lời @Nguyễn Văn Hùng", "Có anh ạ, cửa giữa có bệ nâng, tài xế còn xuống đỡ rất nhiệt tình.", Strings.more,
            ], in: visibleLines(page))
        #expect(inOrder, "missing or out of order: \(missing ?? "")")
        // Newest thread first; replies oldest first under their thread.
        #expect(
            texts(of: "strong", withClass: "comment-author", in: page) == [
                "Lê Quốc Bảo", "Trần Thị Mai", "Nguyễn Văn Hùng", "Trần Thị Mai",
            ])
        #expect(!page.contains(Strings.empty))
    }

    @Test func theArticlePageHasTheLandmarksOfEveryReaderPage() {
        let page = rendered(ArticlePage(model: .mock).render())
        #expect(page.hasPrefix("<!DOCTYPE html><html lang=\"vi\">"))
        #expect(openingTags("header", withClass: "masthead", in: page).count == 1)
        #expect(attributes("href", of: "a", withClass: "masthead-name", in: page) == [SiteRoute.home.path])
        #expect(openingTags("main", in: page) == ["<main id=\"noi-dung\" class=\"page\">"])
        #expect(openingTags("footer", withClass: "site-footer", in: page).count == 1)
        #expect(attributes("action", of: "form", withClass: "masthead-search", in: page) == [SiteRoute.search.path])
        #expect(page.contains("<link rel=\"canonical\" href=\"https://newsroom.example.vn\(bus.path)\">"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://newsroom.example.vn/media/2024/06/xe-buyt-dien-e10.jpg\">"))
    }

    @Test func theCommentFormPostsToItsRouteWithTheArticleAndToken() {
        let page = rendered(ArticlePage(model: .mock).render())
        let forms = openingTags("form", withClass: "comment-form", in: page)
        #expect(forms.count == 1)
        #expect(forms.first.flatMap { attribute("id", of: $0) } == "binh-luan-moi")
        #expect(forms.first.flatMap { attribute("action", of: $0) } == SiteRoute.postComment.path)
        #expect(page.contains("<input type=\"hidden\" name=\"articleId\" value=\"42\">"))
        #expect(page.contains("<input type=\"hidden\" name=\"formToken\" value=\"mock-form-token\">"))
        #expect(attributes("data-max-length", of: "textarea", in: page) == ["1500"])
    }

    @Test func readerTextIsEscapedNeverRaw() {
        let page = rendered(ArticlePage(model: .mock).render())
        #expect(page.contains("Giá vé 9.000 đồng là hợp lý &lt;script&gt;alert(1)&lt;/script&gt; lịch chạy xem ở "))
        #expect(!page.contains("<script>alert(1)"))
        // The address becomes a link readers' search engines do not credit; the sentence's full stop stays outside.
        #expect(page.contains("<a href=\"https://vantai.example.vn/e10\" rel=\"ugc nofollow noopener\">https://vantai.example.vn/e10</a>."))
    }

    @Test func everyLinkOfTheCommentsComesFromTheRouteTable() {
        let page = rendered(ArticlePage(model: .mock).render())
        let ids: [Comment.ID] = [104, 101, 102, 103]
        #expect(SiteRoute.likeComment(101).path == "/binh-luan/101/thich")
        #expect(attributes("action", of: "form", withClass: "like-form", in: page) == ids.map { SiteRoute.likeComment($0).path })
        #expect(attributes("href", of: "a", withClass: "report-link", in: page) == ids.map { SiteRoute.reportComment($0).path })
        #expect(
            attributes("href", of: "a", withClass: "reply-link", in: page)
                == ids.map { SiteRoute.article(slug: bus.slug, id: bus.id).path((.replyTo, String($0))) + "#tra-loi-\($0)" })
        #expect(attributes("id", of: "article", withClass: "comment", in: page) == ids.map(Comment.anchor))
        let more = SiteRoute.article(slug: bus.slug, id: bus.id).path((.cursor, "97")) + "#danh-sach-binh-luan"
        #expect(attributes("href", of: "a", withClass: "button-secondary", in: page) == [more])
        #expect(
            attributes("data-events", of: "section", withClass: "comments", in: page)
                == [SiteRoute.apiArticleEvents(bus.id).path((.lastEventID, "318"))])
    }

    @Test func vietnameseTextStaysComposedNFC() {
        let page = rendered(ArticlePage(model: .mock).render())
        #expect(isNFC(page))
        #expect(containsBytes(page, "<strong class=\"comment-author\">Trần Thị Mai</strong>"))
        // The check can fail: the same name with its marks as separate scalars is not NFC.
        let decomposed = "Trần Thị Mai".decomposedStringWithCanonicalMapping
        #expect(!isNFC(decomposed))
        #expect(!Array(page.utf8).starts(with: Array(decomposed.utf8)))
    }

    @Test func anArticleWithoutCommentsInvitesTheFirstOne() {
        let page = rendered(ArticlePage(model: .mockEmpty).render())
        let lines = visibleLines(page)
        #expect(lines.contains("Hiện chưa có bình luận nào, hãy là người đầu tiên bình luận"))
        #expect(lines.contains("Tối đa: 1500 ký tự"))
        #expect(openingTags("div", withClass: "comment-list", in: page).isEmpty)
        #expect(openingTags("article", withClass: "comment", in: page).isEmpty)
    }

    @Test func aCommentWaitingForAModeratorIsAnnounced() {
        let page = rendered(ArticlePage(model: .mockPending).render())
        #expect(page.contains("<p class=\"notice notice-pending\" id=\"binh-luan-105\" role=\"status\">\(Strings.pendingNotice)</p>"))
        #expect(!rendered(ArticlePage(model: .mock).render()).contains(Strings.pendingNotice))
    }

    @Test func aReplyThatCameBackTooLongKeepsTheReaderTextUnderItsComment() {
        let page = rendered(ArticlePage(model: .mockReplyTooLong).render())
        #expect(attributes("id", of: "form", withClass: "comment-form", in: page) == ["binh-luan-moi", "tra-loi-101"])
        #expect(page.contains("<input type=\"hidden\" name=\"parentId\" value=\"101\">"))
        #expect(
            page.contains(
                "<p class=\"form-error\" id=\"tra-loi-101-loi\" role=\"alert\">Bình luận dài 1.612 ký tự, tối đa 1.500 ký tự.</p>"))
        #expect(page.contains("Tôi đồng ý với chị Mai…</textarea>"))
        #expect(attributes("value", of: "input", in: page).contains("Phạm Thu Hà"))
        // Only the reply form holds the error; the main form is empty.
        #expect(!page.contains("id=\"binh-luan-moi-loi\""))
        let (inOrder, missing) = appearInOrder(
            [MockContent.maiFirstRide.body, Strings.submitReply, MockContent.hungWheelchair.body], in: visibleLines(page))
        #expect(inOrder, "missing or out of order: \(missing ?? "")")
    }

    @Test func closedCommentsKeepWhatWasSaidButOfferNoForm() {
        let page = rendered(ArticlePage(model: .mockClosed).render())
        #expect(visibleLines(page).contains(Strings.commentsClosedNotice))
        #expect(openingTags("form", withClass: "comment-form", in: page).isEmpty)
        #expect(openingTags("a", withClass: "reply-link", in: page).isEmpty)
        #expect(openingTags("form", withClass: "like-form", in: page).count == 4)
    }
}
