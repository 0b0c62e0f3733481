import Foundation
import Testing

@testable import NewsroomCore

@Suite("WordPress content to HTML")
struct WordPressContentTests {
    static func content(_ id: Int64) throws -> String {
        let export = try WordPressExport.parse(ImportFixture.data("wordpress-export.xml"))
        return try #require(export.items.first { $0.postID == id }).content
    }

    // MARK: Whole posts

    @Test("a classic-editor post gets paragraphs, line breaks, a figure, and loses its shortcodes and marker")
    func classicPost() throws {
        let html = WordPressContent.html(try Self.content(101))
        let expected = """
            <p>Tối 1/3, hàng nghìn người dân và du khách đổ về hai bờ sông Hàn xem đêm khai mạc lễ hội pháo hoa quốc tế. \
            Năm nay lễ hội kéo dài trọn một tuần, lần đầu tiên có sáu đội tham gia.</p>
            <figure><a href="https://baocu.example.vn/wp-content/uploads/2024/03/phao-hoa-song-han.jpg">\
            <img class="size-large wp-image-1201" src="https://baocu.example.vn/wp-content/uploads/2024/03/phao-hoa-song-han-800x533.jpg" \
            alt="Pháo hoa trên sông Hàn" width="800" height="533" /></a>\
            <figcaption>Pháo hoa rực sáng trên sông Hàn tối 1/3. Ảnh: <em>Minh Tâm</em></figcaption></figure>
            <p><strong>Phân luồng giao thông từ 17h</strong></p>
            <p>Từ 17h đến 23h, các tuyến Bạch Đằng và Trần Hưng Đạo cấm phương tiện cơ giới.<br>
            Người dân được khuyến cáo gửi xe tại các bãi đỗ tạm quanh cầu Rồng.</p>
            <h2>Lịch thi đấu các đêm tiếp theo</h2>
            <ul>
            <li>Đêm 2/3: đội Việt Nam và Phần Lan</li>
            <li>Đêm 3/3: đội Ý và Nhật Bản</li>
            </ul>
            <p>[Cập nhật 22h] Lượng khách về khu vực trung tâm vượt dự kiến của ban tổ chức [1].</p>
            <blockquote><p>Chúng tôi bố trí hơn 2.000 tình nguyện viên hỗ trợ du khách suốt tuần lễ hội.</p></blockquote>
            <p>Bạn đọc có ảnh đẹp về lễ hội xin gửi về toasoan@baocu.example.vn.</p>
            <p><em>[1] Số liệu của Sở Du lịch lúc 22h.</em></p>
            """
        #expect(html == expected)
    }

    @Test("a block-editor post comes out as stored, without its comments")
    func gutenbergPost() throws {
        let html = WordPressContent.html(try Self.content(102))
        let expected = """
            <p>Chiều 5/3, UBND thành phố công bố kế hoạch mở rộng mạng lưới xe buýt điện ra các huyện ngoại thành.</p>

            <h2 class="wp-block-heading">Mười tuyến mới trong năm 2024</h2>

            <figure class="wp-block-image size-large"><img src="https://baocu.example.vn/wp-content/uploads/2024/03/xe-buyt-dien-1024x683.jpg" \
            alt="Xe buýt điện" class="wp-image-1310"/><figcaption class="wp-element-caption">Xe buýt điện chạy thử trên đường Nguyễn Văn Linh.\
            </figcaption></figure>

            <ul class="wp-block-list">
            <li>Tuyến 01: Bến xe Trung tâm – Hòa Vang</li>

            <li>Tuyến 02: Cầu Rồng – Ngũ Hành Sơn</li>
            </ul>

            <blockquote class="wp-block-quote">
            <p>Giá vé giữ nguyên 7.000 đồng mỗi lượt.</p>
            <cite>Sở Giao thông vận tải</cite></blockquote>

            <p>Người dân có thể góp ý về lộ trình đến hết ngày 20/3 [Cập nhật].</p>
            """
        #expect(html == expected)
        #expect(!html.contains("<p></p>") && !html.contains("<p><p"))
    }

    @Test("after the sanitiser: the figure's caption, the paragraphs and the list stay; no shortcode or comment is left")
    func throughTheSanitiser() throws {
        let classic = HTMLSanitizer.sanitize(WordPressContent.html(try Self.content(101))).html
        #expect(classic.contains("<figure><a href=\"https://baocu.example.vn/wp-content/uploads/2024/03/phao-hoa-song-han.jpg\""))
        #expect(classic.contains("<figcaption>Pháo hoa rực sáng trên sông Hàn tối 1/3. Ảnh: <em>Minh Tâm</em></figcaption>"))
        #expect(!classic.contains("[gallery") && !classic.contains("[caption") && !classic.contains("su_note"))
        let blocks = HTMLSanitizer.sanitize(WordPressContent.html(try Self.content(102))).html
        #expect(blocks.contains("<blockquote>\n<p>Giá vé giữ nguyên 7.000 đồng mỗi lượt.</p>"))
        #expect(!blocks.contains("wp:") && !blocks.contains("<!--"))
    }

    // MARK: Paragraphs

    @Test(
        "wpautop: blank lines make paragraphs, single newlines line breaks, blocks stand alone",
        arguments: [
            ("Dòng một\nDòng hai\n\nĐoạn hai", "<p>Dòng một<br>\nDòng hai</p>\n<p>Đoạn hai</p>"),
            ("Có sẵn<br />\nxuống dòng", "<p>Có sẵn<br />\nxuống dòng</p>"),
            ("<h3>Tiêu đề</h3>\nĐoạn ngay sau", "<h3>Tiêu đề</h3>\n<p>Đoạn ngay sau</p>"),
            ("<p>Đã có thẻ p</p>\n<p>Thẻ thứ hai</p>", "<p>Đã có thẻ p</p>\n<p>Thẻ thứ hai</p>"),
            ("<blockquote>Đoạn một\n\nĐoạn hai</blockquote>", "<blockquote><p>Đoạn một</p>\n<p>Đoạn hai</p></blockquote>"),
            ("Chữ <a\nhref=\"/x\">liên kết</a> tiếp", "<p>Chữ <a\nhref=\"/x\">liên kết</a> tiếp</p>"),
            ("Trước\n\n&nbsp;\n\n\u{A0}\n\nSau", "<p>Trước</p>\n<p>Sau</p>"),
            ("Trang một<!--nextpage-->Trang hai", "<p>Trang một</p>\n<p>Trang hai</p>"),
            ("Mở đầu <!--more Đọc tiếp--> phần sau", "<p>Mở đầu</p>\n<p>phần sau</p>"),
            ("A\r\nB\r\n\r\nC", "<p>A<br>\nB</p>\n<p>C</p>"),
            ("<hr>\nSau đường kẻ", "<hr>\n<p>Sau đường kẻ</p>"),
            ("<p>Đoạn bị cắt\n\n</p>", "<p>Đoạn bị cắt</p>"),
            ("Giá 5 < 7\nvà 9 > 8", "<p>Giá 5 < 7<br>\nvà 9 > 8</p>"),
            ("<div class=\"hop\">\n<p>Trong hộp</p>\n</div>", "<div class=\"hop\">\n<p>Trong hộp</p>\n</div>"),
            ("<table>\n<tr>\n<td>Ô một</td>\n</tr>\n</table>", "<table>\n<tr>\n<td>Ô một</td>\n</tr>\n</table>"),
            (
                "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\nDưới video",
                "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n<p>Dưới video</p>"
            ),
            ("", ""),
        ])
    func paragraphs(raw: String, expected: String) {
        #expect(WordPressContent.html(raw) == expected)
    }

    @Test("nothing changes inside <pre>, nor inside other comments")
    func preformatted() {
        let raw = "Ví dụ:\n<pre class=\"code\">dòng 1\n\ndòng 3 [gallery ids=\"1\"] <!--more-->\n</pre>\nHết <!-- quảng cáo\n\nở đây -->."
        #expect(
            WordPressContent.html(raw)
                == "<p>Ví dụ:</p>\n<pre class=\"code\">dòng 1\n\ndòng 3 [gallery ids=\"1\"] <!--more-->\n</pre>\n<p>Hết <!-- quảng cáo\n\nở đây -->.</p>"
        )
    }

    @Test("scripts, styles and textareas are left as they are, for the sanitiser to drop")
    func rawElements() {
        let raw = "Trước\n<script>\nvar a = \"[gallery]\";\n\nb();\n</script>\nSau <textarea>x\n\ny</textarea>"
        #expect(
            WordPressContent.html(raw)
                == "<p>Trước</p>\n<script>\nvar a = \"[gallery]\";\n\nb();\n</script>\n<p>Sau <textarea>x\n\ny</textarea></p>")
    }

    @Test("the output is NFC whatever the input")
    func normalisation() {
        let html = WordPressContent.html(nfd("Hội An về đêm\n\n[caption]<img src=\"/a.jpg\"> Phố cổ lên đèn[/caption]"))
        #expect(isNFC(html))
        #expect(html == "<p>Hội An về đêm</p>\n<figure><img src=\"/a.jpg\"><figcaption>Phố cổ lên đèn</figcaption></figure>")
    }

    // MARK: Shortcodes

    @Test(
        "captions become figures, in every form WordPress wrote them",
        arguments: [
            (
                "[caption id=\"attachment_9\" align=\"alignleft\" width=\"300\"]<img src=\"/cau.jpg\" alt=\"\" /> Cầu Rồng[/caption]",
                "<figure><img src=\"/cau.jpg\" alt=\"\" /><figcaption>Cầu Rồng</figcaption></figure>"
            ),
            (
                "[caption id=\"attachment_9\" align=\"alignnone\" width=\"300\" caption=\"Bến Bạch Đằng\"]<img src=\"/ben.jpg\" />[/caption]",
                "<figure><img src=\"/ben.jpg\" /><figcaption>Bến Bạch Đằng</figcaption></figure>"
            ),
            (
                "[caption width=\"300\"] <a href=\"/lon.jpg\"> <img src=\"/nho.jpg\"> </a> Chợ Hàn sáng sớm [/caption]",
                "<figure><a href=\"/lon.jpg\"> <img src=\"/nho.jpg\"> </a><figcaption>Chợ Hàn sáng sớm</figcaption></figure>"
            ),
            (
                "[wp_caption width=\"300\"]<img src=\"/x.jpg\"> Cũ[/wp_caption]",
                "<figure><img src=\"/x.jpg\"><figcaption>Cũ</figcaption></figure>"
            ),
            ("[caption width=\"300\"]<img src=\"/khong-chu-thich.jpg\">[/caption]", "<img src=\"/khong-chu-thich.jpg\">"),
            (
                "Trước ảnh [caption]<img src=\"/g.jpg\"> Giữa đoạn[/caption] sau ảnh",
                "<p>Trước ảnh</p>\n<figure><img src=\"/g.jpg\"><figcaption>Giữa đoạn</figcaption></figure>\n<p>sau ảnh</p>"
            ),
        ])
    func captions(raw: String, expected: String) {
        #expect(WordPressContent.html(raw) == expected)
    }

    @Test(
        "other shortcodes go, their text stays; bracketed words are not shortcodes",
        arguments: [
            ("[gallery ids=\"1,2\"]", ""),
            ("Xem [embed]https://youtu.be/abc[/embed] nhé", "<p>Xem https://youtu.be/abc nhé</p>"),
            ("[vc_row][vc_column width=\"1/2\"][vc_column_text]Nội dung[/vc_column_text][/vc_column][/vc_row]", "<p>Nội dung</p>"),
            ("Văn bản[/vc_column] thừa", "<p>Văn bản thừa</p>"),
            ("Gọi [contact-form-7 id=\"12\" title=\"Liên hệ\"] ngay", "<p>Gọi  ngay</p>"),
            ("Hộp [x key=\"v\"] và [y key='v' /] đi", "<p>Hộp  và  đi</p>"),
            ("[video width=\"640\" mp4=\"/a.mp4\"][/video]Sau video", "<p>Sau video</p>"),
            ("[b]đậm[/b] và [playlist]", "<p>đậm và</p>"),
            ("[Cập nhật] Tin mới [1] và [Video] clip", "<p>[Cập nhật] Tin mới [1] và [Video] clip</p>"),
            ("[Ghi chú: x=5] và [Tin vắn]", "<p>[Ghi chú: x=5] và [Tin vắn]</p>"),
            ("Mảng a[i] và a[0]", "<p>Mảng a[i] và a[0]</p>"),
            ("Viết [[gallery]] hoặc [[caption]chữ[/caption]]", "<p>Viết [gallery] hoặc [caption]chữ[/caption]</p>"),
            ("Dấu [ lẻ và ] lẻ, [gallery chưa đóng", "<p>Dấu [ lẻ và ] lẻ, [gallery chưa đóng</p>"),
        ])
    func shortcodes(raw: String, expected: String) {
        #expect(WordPressContent.html(raw) == expected)
    }
}
