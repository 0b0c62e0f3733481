import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Photos and videos in article bodies: uploaded from the article form (with the script and without), copied in by
/// `newsroom import`, rendered as figures whose width and height come from the file, with narrower copies in `srcset`
/// where vipsthumbnail is installed (always in CI), and video placeholders that load nothing from the video site.
@Suite struct ArticleMediaTests {
    static func photo(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/photos/\(name)")
        return Array(try Data(contentsOf: url.standardizedFileURL))
    }

    /// CI installs libvips-tools: there, photos must get their copies.
    static var expectsCopies: Bool { Thumbnailer.installed != nil || TestStore.postgresRequired }

    @Test func anUploadedPhotoComesBackAsAMarkdownLineWithItsSizeAndCopies() async throws {
        try await EditorsDeskTests.withDesk { desk in
            let body = MultipartBody(
                fields: [("photo_alt", "Ruộng bậc thang [mùa vàng]"), ("photo_caption", "Ảnh: Minh Anh \"Yên Bái\"")],
                files: [("photo", "ruong.jpg", "image/jpeg", try Self.photo("ruong-1200x800.jpg"))])
            var headers = desk.browser.headers(csrf: true)
            headers[.contentType] = body.headers[.contentType]
            let uploaded = try await desk.client.execute(uri: "/admin/media", method: .post, headers: headers, body: body.buffer) {
                response throws in
                #expect(response.status == .created)
                return try json(response.body)
            }
            #expect(uploaded["width"] as? Int == 1200 && uploaded["height"] as? Int == 800)
            let path = try #require(uploaded["path"] as? String)
            #expect(
                uploaded["markdown"] as? String
                    == "![Ruộng bậc thang [mùa vàng\\]](\(path) \"Ảnh: Minh Anh \\\"Yên Bái\\\"\")")
            let srcset = uploaded["srcset"] as? String
            if Self.expectsCopies {
                let copies = try #require(srcset).split(separator: ",").map { $0.split(separator: " ")[0] }
                #expect(copies.count == 3)
                for (copy, width) in zip(copies, [480, 960, 1200]) {
                    try await desk.client.execute(uri: String(copy), method: .get) { response in
                        #expect(response.status == .ok)
                        #expect(response.headers[.contentType] == "image/jpeg")
                        #expect(ImageHeader(Data(response.body.readableBytesView))?.width == width)
                    }
                }
            } else {
                #expect(srcset == nil)
            }
            // Anything that is not a photo is refused by its bytes.
            let text = MultipartBody(fields: [], files: [("photo", "anh.jpg", "image/jpeg", Array("không phải ảnh".utf8))])
            headers[.contentType] = text.headers[.contentType]
            try await desk.client.execute(uri: "/admin/media", method: .post, headers: headers, body: text.buffer) { response throws in
                #expect(response.status == .unprocessableContent)
                #expect(try errorCode(response.body) == "media_invalid")
            }
        }
    }

    @Test func withoutTheScriptTheFormShowsTheLineToCopyAndSavesNothing() async throws {
        try await EditorsDeskTests.withDesk { desk in
            let fields = EditorsDeskTests.article("Bài có ảnh").map { $0.0 == "action" ? ("action", "upload_photo") : $0 }
            let response = try await desk.post(
                fields + [("photo_alt", "Đồi Mâm Xôi")], files: [("photo", "doi.png", "image/png", try Self.photo("doi-900x1350.png"))])
            #expect(response.status == .ok)
            #expect(response.body.contains("Đã tải ảnh lên"))
            #expect(response.body.contains("value=\"![Đồi Mâm Xôi](/media/"))
            #expect(response.body.contains("Bài có ảnh"), "what was typed is kept")
            #expect(try await desk.store.articles.count() == 0)
        }
    }

    @Test func photosAreFiguresWithTheirSizeCaptionAndLeadImageAndVideosWaitForAClick() async throws {
        try await EditorsDeskTests.withDesk { desk in
            let media = MediaStore(directory: desk.media)
            let wide = try media.store(ByteBuffer(bytes: try Self.photo("ruong-1200x800.jpg")))
            let tall = try media.store(ByteBuffer(bytes: try Self.photo("doi-900x1350.png")))
            let markdown = """
                Đoạn mở đầu.

                ![Ruộng bậc thang](\(wide) "Ảnh: Minh Anh")

                ![](\(tall))
                ![Đồi chè](\(wide))

                [Toàn cảnh mùa vàng](https://youtu.be/dQw4w9WgXcQ?t=1m5s)

                ```
                ![Không phải ảnh](/media/x.jpg)
                ```
                """
            let fields = EditorsDeskTests.article("Mùa vàng").map { $0.0 == "markdown" ? ("markdown", markdown) : $0 }
            let saved = try await desk.post(fields)
            #expect(saved.status == .seeOther)
            let form = try await desk.get(try #require(saved.location), headers: desk.browser.headers)
            #expect(form.body.contains("Ảnh chưa có mô tả (alt)"), "the photo without a description is flagged")
            let article = try #require(try await desk.store.articles.article(id: try desk.savedID(saved.location)))
            let page = try await desk.get(article.path).body
            #expect(
                page.contains(
                    "<figure class=\"photo\"><img src=\"\(wide)\" alt=\"Ruộng bậc thang\" width=\"1200\" height=\"800\""))
            #expect(page.contains("<figcaption>Ảnh: Minh Anh</figcaption></figure>"))
            #expect(
                page.contains("<div class=\"gallery\"><figure class=\"photo\"><img src=\"\(tall)\" alt=\"\" width=\"900\" height=\"1350\""))
            #expect(page.contains("<meta property=\"og:image\" content=\"https://bao.example.vn\(wide)\">"))
            #expect(
                page.contains("\"image\":[\"https:\\/\\/bao.example.vn\\/media\\/")
                    || page.contains("\"image\":[\"https://bao.example.vn/media/"))
            #expect(page.contains("<pre><code>![Không phải ảnh](/media/x.jpg)"))
            // The video: a link to YouTube and the privacy-enhanced player for the script, no frame yet.
            #expect(
                page.contains(
                    "<a class=\"video-link\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=65s\" rel=\"nofollow noopener\" data-player=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=65\">Toàn cảnh mùa vàng</a>"
                ))
            #expect(!page.contains("<iframe"))
            try await desk.client.execute(uri: article.path, method: .get) { response in
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;"))
            }
        }
    }

    @Test func withoutVipsthumbnailTheOriginalIsServedWithItsSize() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-media-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var media = MediaStore(directory: folder)
        media.thumbnailer = nil
        let path = try media.store(ByteBuffer(bytes: try Self.photo("ruong-1200x800.jpg")))
        #expect(await media.makeVariants(of: path) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
        let photo = try #require(media.photo(at: path))
        #expect(photo.width == 1200 && photo.height == 800 && photo.sourceSet == nil)
        guard case .html(let body)? = ArticleMarkdown.body("![Ruộng](\(path))", media: media).first else {
            Issue.record("no body")
            return
        }
        #expect(body.html.contains("<img src=\"\(path)\" alt=\"Ruộng\" width=\"1200\" height=\"800\" loading=\"lazy\""))
        #expect(!body.html.contains("srcset"))
    }

    @Test func importCopiesPhotosBesideTheFileIntoTheMediaFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/anh mua", withIntermediateDirectories: true)
        try Data(try Self.photo("ruong-1200x800.jpg")).write(to: URL(fileURLWithPath: folder + "/anh mua/ruong.jpg"))
        let importer = PhotoImporter(mediaDirectory: folder + "/media")
        let markdown = "Mở đầu.\n\n![Ruộng](anh%20mua/ruong.jpg \"Ảnh: Hà Vy\")\n\n![Web](https://example.vn/a.jpg)"
        let adopted = try await importer.adopt(markdown, from: folder)
        #expect(adopted.copied == 1)
        let path = try #require(MarkdownMedia.images(in: adopted.markdown).first?.source)
        #expect(path.hasPrefix("/media/") && path.hasSuffix(".jpg"))
        #expect(adopted.markdown.hasSuffix("![Web](https://example.vn/a.jpg)"))
        guard case .html(let body)? = importer.body(adopted.markdown).first else { Issue.record("no body"); return }
        #expect(body.html.contains("width=\"1200\" height=\"800\""))
        #expect(body.html.contains("<figcaption>Ảnh: Hà Vy</figcaption>"))
        if Self.expectsCopies { #expect(body.html.contains("-480.jpg 480w")) }
        await #expect(throws: PhotoImporter.Failure.self) { try await importer.adopt("![x](thieu.jpg)", from: folder) }
    }
}
