import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A `multipart/form-data` body as a browser sends the article form.
struct MultipartBody {
    static let boundary = "----NewsroomTest7MA4YWxkTrZu0gW"
    var fields: [(String, String)]
    var files: [(name: String, filename: String, type: String, bytes: [UInt8])] = []

    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(Self.boundary)"] }

    var buffer: ByteBuffer {
        var buffer = ByteBuffer()
        for (name, value) in fields {
            buffer.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            buffer.writeString(
                "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
                    + "Content-Type: \(file.type)\r\n\r\n")
            buffer.writeBytes(file.bytes)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(Self.boundary)--\r\n")
        return buffer
    }
}

/// What the editors' desk tests share: a signed-in editor on the whole application with a clock and a media folder.
extension EditorsDeskTests {
    static let editor = "bientap@toasoan.vn"
    /// A 1×1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    struct Desk {
        var client: any TestClientProtocol
        var store: Store
        var browser: StaffBrowser
        var clock: TestClock
        var publisher: SchedulePublisher
        var media: String

        /// Posts the article form (new, or article `id`) and returns the response's status, `Location` and body.
        func post(
            _ fields: [(String, String)], to id: Article.ID? = nil, files: [(String, String, String, [UInt8])] = []
        )
            async throws -> (status: HTTPResponse.Status, location: String?, body: String)
        {
            let body = MultipartBody(fields: [(CSRF.field, browser.csrf)] + fields, files: files.map { ($0.0, $0.1, $0.2, $0.3) })
            var headers = body.headers
            headers[.cookie] = browser.cookie
            return try await client.execute(
                uri: id.map { "/admin/articles/\($0)" } ?? "/admin/articles/moi", method: .post, headers: headers, body: body.buffer
            ) { response in (response.status, response.headers[.location], response.body.text) }
        }

        func get(_ path: String, headers: HTTPFields = [:]) async throws -> (status: HTTPResponse.Status, location: String?, body: String) {
            try await client.execute(uri: path, method: .get, headers: headers) { response in
                (response.status, response.headers[.location], response.body.text)
            }
        }

        /// The id in a `/admin/articles/{id}?da-luu=1` redirect.
        func savedID(_ location: String?) throws -> Article.ID {
            let path = try #require(location?.split(separator: "?").first)
            return try #require(Article.ID(path.split(separator: "/").last ?? ""))
        }
    }

    static func withDesk(_ body: @escaping @Sendable (Desk) async throws -> Void) async throws {
        try await TestStore.with { store in
            let media = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-media-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: media) }
            var config = AppConfig(moderation: .pre, commentLimits: [], secret: testSecret, pageRecheckInterval: 0, bcryptCost: 4)
            config.mediaDirectory = media
            config.publicURL = "https://bao.example.vn"
            config.minimumFormSeconds = 0
            let clock = TestClock(Date())
            let site = buildSite(config, store: store, logger: CapturedLog().logger, now: { clock.now })
            let publisher = site.publisher
            try await store.staffMember(Self.editor, role: .editor)
            let app = Application(router: site.router)
            try await app.test(.router) { client in
                let browser = try await signIn(client, email: Self.editor, desk: "/admin/articles")
                try await body(
                    Desk(client: client, store: store, browser: browser, clock: clock, publisher: publisher, media: media))
            }
        }
    }

    static func article(
        _ title: String, status: ArticleStatus = .published, publishAt: String = "", slug: String = "", extra: [(String, String)] = []
    ) -> [(String, String)] {
        [
            ("title", title), ("sapo", "Sapo: \(title)."), ("slug", slug),
            ("markdown", "Đoạn đầu có **chữ đậm** và [một liên kết](https://example.vn).\n\n## Tiêu đề phụ\n\nĐoạn hai."),
            ("category", "Thời sự"), ("tags", "Hà Nội, Giao thông"), ("authors", "Minh Châu, Lê Vy"),
            ("status", status.rawValue), ("publish_at", publishAt), ("comments_open", "1"), ("action", "save"),
        ] + extra
    }
}
