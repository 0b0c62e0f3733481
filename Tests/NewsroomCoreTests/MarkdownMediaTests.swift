import Foundation
import Testing

@testable import NewsroomCore

/// Photos and videos read out of Markdown, and the markup the sanitiser lets through for them (nothing more).
@Suite struct MarkdownMediaTests {
    @Test func imagesKeepTheirAltSourceAndCaption() {
        let text = #"Mở ![Cầu \] Rồng](/media/a.jpg "Ảnh: \"Đà Nẵng\"") giữa ![](<anh/b c.png> 'Chú thích') và `![code](x.png)`"#
        let images = MarkdownMedia.images(in: text)
        #expect(images.map(\.alt) == ["Cầu ] Rồng", ""])
        #expect(images.map(\.source) == ["/media/a.jpg", "anh/b c.png"])
        #expect(images.map(\.caption) == ["Ảnh: \"Đà Nẵng\"", "Chú thích"])
        #expect(String(text[images[0].range]) == #"![Cầu \] Rồng](/media/a.jpg "Ảnh: \"Đà Nẵng\"")"#)
        #expect(MarkdownMedia.images(in: "```\n![x](y.png)\n```\n![z](w.png)").map(\.source) == ["w.png"])
        #expect(MarkdownMedia.images(in: "![không đóng](a.png").isEmpty)
        // A description of invisible characters or spaces alone is no description.
        for blank in ["\u{200B}", " \u{00AD} ", "\u{2060}\u{FEFF}", "\u{202E}", "\t"] {
            #expect(MarkdownMedia.images(in: "![\(blank)](a.png \"\u{200B}\")").map(\.alt) == [""], "\(blank.unicodeScalars.map(\.value))")
            #expect(MarkdownMedia.images(in: "![\(blank)](a.png \"\u{200B}\")").first?.caption == nil)
        }
    }

    @Test func aParagraphOfPhotosOnlyIsAFigureOrAGallery() {
        #expect(MarkdownMedia.imageParagraph("![a](1.jpg)\n![b](2.jpg \"c\")")?.count == 2)
        #expect(MarkdownMedia.imageParagraph("  ![a](1.jpg)  ")?.count == 1)
        #expect(MarkdownMedia.imageParagraph("Chữ ![a](1.jpg)") == nil)
        #expect(MarkdownMedia.imageParagraph("![a](1.jpg) chữ") == nil)
        #expect(MarkdownMedia.imageParagraph("") == nil)
    }

    @Test func youtubeAndVimeoLinksNameTheirVideo() {
        let cases: [(String, VideoLink?)] = [
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", VideoLink(site: .youtube, id: "dQw4w9WgXcQ")),
            ("https://youtu.be/dQw4w9WgXcQ?t=90", VideoLink(site: .youtube, id: "dQw4w9WgXcQ", start: 90)),
            ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1h2m3s", VideoLink(site: .youtube, id: "dQw4w9WgXcQ", start: 3723)),
            ("https://www.youtube.com/shorts/dQw4w9WgXcQ", VideoLink(site: .youtube, id: "dQw4w9WgXcQ")),
            ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", VideoLink(site: .youtube, id: "dQw4w9WgXcQ")),
            ("https://vimeo.com/76979871", VideoLink(site: .vimeo, id: "76979871")),
            ("https://player.vimeo.com/video/76979871", VideoLink(site: .vimeo, id: "76979871")),
            ("https://www.youtube.com/watch?v=short", nil),
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>", nil),
            ("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", nil),
            ("javascript:alert(1)//youtu.be/dQw4w9WgXcQ", nil),
            ("https://vimeo.com/abc", nil),
            ("ftp://youtu.be/dQw4w9WgXcQ", nil),
        ]
        for (url, expected) in cases { #expect(VideoLink(url: url) == expected, "\(url)") }
        #expect(
            VideoLink(site: .youtube, id: "dQw4w9WgXcQ", start: 5).playerURL
                == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=5")
        #expect(VideoLink(site: .vimeo, id: "1").playerURL == "https://player.vimeo.com/video/1?autoplay=1&dnt=1")
        #expect(VideoLink.paragraph("[Lễ hội pháo hoa](https://youtu.be/dQw4w9WgXcQ)")?.title == "Lễ hội pháo hoa")
        #expect(VideoLink.paragraph("<https://vimeo.com/76979871>")?.video.id == "76979871")
        #expect(VideoLink.paragraph("Xem https://vimeo.com/76979871") == nil)
    }

    @Test func theSanitiserKeepsPhotoAndVideoMarkupAndNothingElse() {
        let kept = HTMLSanitizer.sanitize(
            #"<div class="gallery"><figure class="photo"><img src="/media/a.jpg" srcset="/media/a-480.jpg 480w, /media/a.jpg 1200w" sizes="(max-width: 46rem) calc(100vw - 2rem), 44rem" alt="x" width="1200" height="800"></figure></div>"#
        ).html
        #expect(kept.contains(#"<div class="gallery"><figure class="photo">"#))
        #expect(kept.contains(#"srcset="/media/a-480.jpg 480w, /media/a.jpg 1200w" sizes="(max-width: 46rem) calc(100vw - 2rem), 44rem""#))
        let video = HTMLSanitizer.sanitize(
            #"<a class="video-link" href="https://vimeo.com/1" data-player="https://player.vimeo.com/video/1?autoplay=1">V</a>"#
        ).html
        #expect(video.contains(#"data-player="https://player.vimeo.com/video/1?autoplay=1""#))
        for hostile in [
            #"<div class="gallery evil"><img src="/a.jpg" srcset="javascript:alert(1) 1w"></div>"#,
            #"<a class="video-link" href="/x" data-player="https://evil.example/embed">x</a>"#,
            #"<a href="/x" data-player="https://www.youtube-nocookie.com.evil.example/x">x</a>"#,
            #"<img src="/a.jpg" srcset="/a.jpg 480w, //evil.example/b.jpg 960w" sizes="x" onerror="alert(1)">"#,
            #"<img src="/a.jpg" srcset="/a.jpg 480w" sizes="expression(alert(1));">"#,
            #"<div style="background:url(x)" class="photo" onclick="x">t</div>"#,
        ] {
            let html = HTMLSanitizer.sanitize(hostile).html
            for banned in ["evil", "javascript", "onerror", "onclick", "style", ";", "class=\"gallery evil\""] {
                #expect(!html.contains(banned), "\(hostile) → \(html)")
            }
        }
        #expect(HTMLSanitizer.sanitize(#"<img src="/a.jpg" srcset="/a.jpg 480w" sizes="expression(alert(1));">"#).html.contains("srcset"))
    }
}
