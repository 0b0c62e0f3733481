import Foundation
import Testing

@testable import NewsroomCore

@Suite("HTML sanitiser")
struct HTMLSanitizerTests {
    static func clean(_ html: String) -> String { HTMLSanitizer.sanitize(html).html }

    // MARK: Photos

    @Test(
        "a photo keeps a safe source, its text alternative and its size, and nothing else",
        arguments: [
            (
                "<img src=\"https://anh.example.vn/cau-rong.jpg\" alt=\"Cầu &quot;Rồng&quot; lúc đêm\" width=\"800\" height=\"533\" onerror=\"x()\" class=\"wp\">",
                "<img src=\"https://anh.example.vn/cau-rong.jpg\" alt=\"Cầu &quot;Rồng&quot; lúc đêm\" width=\"800\" height=\"533\" loading=\"lazy\" decoding=\"async\">"
            ),
            (
                "<img src=\"/media/a.jpg\" width=\"100%\" height=\"1e9\">",
                "<img src=\"/media/a.jpg\" alt=\"\" loading=\"lazy\" decoding=\"async\">"
            ),
            ("<img src=\"javascript:alert(1)\">Chữ", "Chữ"),
            ("<img src=\"//evil.example/x.png\">", ""),
            ("<img src=\"mailto:a@b.vn\"><img>", ""),
        ])
    func photos(input: String, expected: String) {
        #expect(Self.clean(input) == expected)
    }

    // MARK: Dropped elements

    @Test(
        "script and similar elements are removed with their content",
        arguments: [
            ("<p>Xin chào<script>alert(\"x\")</script> bạn</p>", "<p>Xin chào bạn</p>"),
            ("<SCRIPT type=\"text/javascript\">document.cookie</SCRIPT>Còn lại", "Còn lại"),
            ("Trước<script>alert(1)", "Trước"),
            ("<style>p { color: red }</style><p>Chữ</p>", "<p>Chữ</p>"),
            ("<iframe src=\"https://x.example\">khung</iframe>Sau", "Sau"),
            ("<svg onload=alert(1)><circle r=\"1\"/></svg>Hình", "Hình"),
            ("<script>x = \"</p>\"</script><p>Sau</p>", "<p>Sau</p>"),
            ("<noscript><p>Bật JS</p></noscript>Ok", "Ok"),
            ("<script src=\"https://x.example/a.js\"/>Tiếp", "Tiếp"),
        ])
    func dropsWithContent(input: String, expected: String) {
        #expect(Self.clean(input) == expected)
    }

    @Test("text after a script whose code contains '<' survives")
    func scriptWithLessThan() {
        #expect(Self.clean("<script>if (a<b) { go() }</script><p>Đoạn sau.</p>") == "<p>Đoạn sau.</p>")
        #expect(Self.clean("<script>for (i=0;i<n;i++) {}</script>Còn") == "Còn")
    }

    // MARK: Attributes

    @Test("event handlers, style and other attributes are dropped")
    func dropsAttributes() {
        #expect(Self.clean("<p onclick=\"alert(1)\" style=\"color:red\" class=\"x\" id=\"y\">Đoạn</p>") == "<p>Đoạn</p>")
        #expect(Self.clean("<strong onmouseover='x()'>Đậm</strong>") == "<strong>Đậm</strong>")
        #expect(
            Self.clean("<a href=\"https://vnexpress.net\" onmouseover=\"x()\" target=\"_blank\">VnExpress</a>")
                == "<a href=\"https://vnexpress.net\" rel=\"nofollow noopener\">VnExpress</a>")
    }

    @Test(
        "links a browser would run, or that leave the site disguised as relative, lose their href",
        arguments: [
            "javascript:alert(1)", " JAVASCRIPT:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x09;ascript:alert(1)",
            "java\tscript:alert(1)", "&#106;avascript:alert(1)", "\njavascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=", " DATA:text/html,<script>", "vbscript:msgbox(1)",
            "//evil.example/x", "/\\evil.example", "/\t/evil.example", "\\\\evil.example", "", "ftp://x.example",
        ])
    func dropsUnsafeHref(href: String) {
        let escapedForAttribute = href.replacingOccurrences(of: "\"", with: "&quot;")
        #expect(Self.clean("<a href=\"\(escapedForAttribute)\">bấm</a>") == "<a>bấm</a>")
    }

    @Test("external links are kept with rel nofollow, trimmed and escaped")
    func keepsExternalLinks() {
        #expect(
            Self.clean("<a href=\"http://baochinhphu.vn/tin-1\">a</a>")
                == "<a href=\"http://baochinhphu.vn/tin-1\" rel=\"nofollow noopener\">a</a>")
        #expect(
            Self.clean("<a href=\"  HTTPS://Example.vn/?q=1&amp;p=2  \">b</a>")
                == "<a href=\"HTTPS://Example.vn/?q=1&amp;p=2\" rel=\"nofollow noopener\">b</a>")
        #expect(
            Self.clean("<a href=\"mailto:toasoan@example.vn\">c</a>")
                == "<a href=\"mailto:toasoan@example.vn\" rel=\"nofollow noopener\">c</a>")
        #expect(
            Self.clean("<a href=https://x.vn/a>d</a>") == "<a href=\"https://x.vn/a\" rel=\"nofollow noopener\">d</a>")
    }

    @Test("an href cannot break out of its attribute")
    func hrefEscaped() {
        #expect(
            Self.clean("<a href='https://x.vn/\"onmouseover=\"alert(1)'>x</a>")
                == "<a href=\"https://x.vn/&quot;onmouseover=&quot;alert(1)\" rel=\"nofollow noopener\">x</a>")
        #expect(
            Self.clean("<a href=\"https://x.vn/?a>b<c\">x</a>")
                == "<a href=\"https://x.vn/?a&gt;b&lt;c\" rel=\"nofollow noopener\">x</a>")
    }

    @Test("links within the site are kept without rel")
    func keepsRelativeLinks() {
        #expect(Self.clean("<a href=\"/the-thao-12\">Thể thao</a>") == "<a href=\"/the-thao-12\">Thể thao</a>")
        #expect(Self.clean("<a href=\"#binh-luan-3\">Bình luận</a>") == "<a href=\"#binh-luan-3\">Bình luận</a>")
    }

    // MARK: Tags and text

    @Test("allowed structure passes through, tag names lowercased")
    func keepsAllowedMarkup() {
        let html = "<h2>Tiêu đề</h2><ul><li>Một</li><li>Hai</li></ul><blockquote><p>Trích</p></blockquote><pre><code>x</code></pre>"
        #expect(Self.clean(html) == html)
        #expect(Self.clean("<P>Đoạn <EM>nghiêng</EM></P>") == "<p>Đoạn <em>nghiêng</em></p>")
        #expect(Self.clean("a<br/>b<hr>c<BR >d</br>") == "a<br>b<hr>c<br>d")
    }

    @Test(
        "unknown tags are stripped, their text kept and escaped",
        arguments: [
            ("<section class=\"x\"><span>Giá: 5 &lt; 7</span></section>", "Giá: 5 &lt; 7"),
            ("<div class=\"x\"><span>Giá: 5 &lt; 7</span></div>", "<div>Giá: 5 &lt; 7</div>"),
            ("<font color=red>\"Chú ý\" > hết</font>", "&quot;Chú ý&quot; &gt; hết"),
            ("<img src=x onerror=alert(1)>Ảnh", "Ảnh"),
            ("<h1>Lớn</h1><h5>Nhỏ</h5>", "LớnNhỏ"),
            ("<form action=\"/x\"><input name=\"a\" value=\"b\">Gửi</form>", "Gửi"),
        ])
    func stripsUnknownTags(input: String, expected: String) {
        #expect(Self.clean(input) == expected)
    }

    @Test("unclosed and mis-nested tags are closed in order, stray end tags dropped")
    func closesTags() {
        #expect(Self.clean("<p>Mở <strong>đậm <em>nghiêng") == "<p>Mở <strong>đậm <em>nghiêng</em></strong></p>")
        #expect(Self.clean("<p><em>a</p>b") == "<p><em>a</em></p>b")
        #expect(Self.clean("</strong>a</p>") == "a")
    }

    @Test(
        "stray '<', '>', '\"' and '&' are escaped",
        arguments: [
            ("1 < 2 & 3 > 0", "1 &lt; 2 &amp; 3 &gt; 0"),
            ("<3 em", "&lt;3 em"),
            ("a <b", "a &lt;b"),
            ("<a href=\"x>y", "&lt;a href=&quot;x&gt;y"),
            ("AT&T", "AT&amp;T"),
            ("&#; &#x; & ; &;", "&amp;#; &amp;#x; &amp; ; &amp;;"),
            ("< p>", "&lt; p&gt;"),
        ])
    func escapesStrayCharacters(input: String, expected: String) {
        #expect(Self.clean(input) == expected)
    }

    @Test(
        "comments are dropped, an unterminated one with the rest",
        arguments: [
            ("<!-- ghi chú -->Còn", "Còn"), ("<p>a<!-- wp:paragraph -->b</p>", "<p>ab</p>"), ("x<!-- <script>", "x"),
        ])
    func dropsComments(input: String, expected: String) {
        #expect(Self.clean(input) == expected)
    }

    @Test(
        "a quote hidden in a grapheme cluster still ends the attribute and is escaped",
        arguments: [
            "<a href='https://e.vn/\"\u{301} autofocus onfocus=alert(1) x='>x</a>",
            "<a href=\"https://e.vn/\"\u{301} autofocus onfocus=alert(1) x=\">x</a>",
            "<a href='https://e.vn/\u{301}\"\u{200D} onmouseover=alert(1)'>x</a>",
            "<a href='https://e.vn/'\u{FE0F} onfocus=alert(1) autofocus>x</a>",
            "<p\u{301} onclick=alert(1)>x</p>",
        ])
    func quoteWithCombiningMark(input: String) {
        let output = Self.clean(input)
        // No quote may reach the output unescaped except those the sanitiser writes around its own attributes.
        let quotes = output.unicodeScalars.filter { $0 == "\"" }.count
        #expect(quotes == 0 || output.unicodeScalars.starts(with: "<a href=\"".unicodeScalars) && quotes == 4, "\(output)")
        // Compared as bytes: `String.contains` compares grapheme clusters, and `&quot;` + U+0301 ends in `;́`.
        func has(_ needle: String) -> Bool { Array(output.utf8).firstRange(of: Array(needle.utf8)) != nil }
        #expect(!has("onfocus=") || has("&quot;"), "\(output)")
        #expect(!has("<a href=\"https://e.vn/\"\u{301}"), "\(output)")
        #expect(Self.clean(output) == output)
    }

    @Test("the issue's vector keeps only a safe href")
    func issueVector() {
        #expect(
            Self.clean("<a href='https://e.vn/\"\u{301} autofocus onfocus=alert(1) x='>x</a>")
                == "<a href=\"https://e.vn/&quot;\u{301} autofocus onfocus=alert(1) x=\" rel=\"nofollow noopener\">x</a>")
        // Ink writes a Markdown link's URL raw between double quotes: the quote then ends the value.
        #expect(
            Self.clean("<a href=\"https://e.vn/\"\u{301} autofocus onfocus=alert(1) x=>x</a>")
                == "<a href=\"https://e.vn/\" rel=\"nofollow noopener\">x</a>")
    }

    @Test(
        "schemes are checked after decoding every form of character reference",
        arguments: [
            "&#106avascript:alert(1)", "&#0000106&#0000097vascript:alert(1)", "&#x6A;avascript:alert(1)",
            "javascript&colon;alert(1)", "java&Tab;script:alert(1)", "java&NewLine;script:alert(1)",
            "\u{200B}javascript:alert(1)", "\u{0}javascript:alert(1)", "&#x2F;&#x2F;evil.example",
        ])
    func decodedSchemes(href: String) {
        #expect(Self.clean("<a href=\"\(href)\">x</a>") == "<a>x</a>")
    }

    @Test("existing entities are preserved")
    func keepsEntities() {
        let text = "&amp; &lt; &gt; &quot; &#39; &#8212; &#x1F600; &nbsp; &eacute;"
        #expect(Self.clean(text) == text)
        #expect(Self.clean("<p>&lt;script&gt;</p>") == "<p>&lt;script&gt;</p>")
    }

    @Test("sanitising twice changes nothing more")
    func idempotent() {
        let inputs = [
            "<p onclick=x>Mở <strong>đậm", "1 < 2 & 3", "<a href=\"javascript:x\">a</a><a href=\"/b\">b</a>",
            "<div>\"trích\"</div><script>x</script>", "&amp;lt; AT&T <3",
        ]
        for input in inputs {
            let once = Self.clean(input)
            #expect(Self.clean(once) == once, "\(input)")
        }
    }

    // MARK: Plain text and storage

    @Test("plainText drops tags and decodes the common entities")
    func plainText() {
        let html = HTMLSanitizer.sanitize("<p>Giá &lt; 5 &amp; còn <strong>rẻ</strong></p><p>Hết &quot;x&quot;</p>")
        #expect(html.plainText == "Giá < 5 & còn rẻ Hết \"x\"")
        #expect(ArticleBlock.html(html).plainText == html.plainText)
        #expect(HTMLSanitizer.sanitize("<p>a&amp;lt;b</p>").plainText == "a&lt;b")
        #expect(HTMLSanitizer.sanitize("<script>x</script>").plainText.isEmpty)
    }

    @Test("decoding stored HTML sanitises it again")
    func decodingSanitises() throws {
        let json = Data(#"["<p onclick=\"x()\">Đoạn</p><script>alert(1)</script>"]"#.utf8)
        let decoded = try JSONDecoder().decode([SanitizedHTML].self, from: json)
        #expect(decoded.first?.html == "<p>Đoạn</p>")
        let encoded = try JSONEncoder().encode(decoded)
        #expect(try JSONDecoder().decode([String].self, from: encoded) == ["<p>Đoạn</p>"])
    }
}
