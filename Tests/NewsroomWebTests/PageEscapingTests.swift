import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Reader text on every page that shows it (comment text and author names, titles and sapos, search snippets, feeds,
/// JSON-LD) parsed by a real HTML parser (html5lib, through Tests/Security/check_html.py): no event handler, no
/// script URL, no inline script but JSON data.
@Suite struct PageEscapingTests {
    static let security = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Security")
        .standardizedFileURL

    /// A sample of the corpus: every 8th vector, so the test stays quick; the sanitiser's own test takes them all.
    static func vectors() throws -> [String] {
        let text = try String(contentsOf: security.appendingPathComponent("xss-corpus.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.replacingOccurrences(of: "\\n", with: "\n") }
        return lines.enumerated().filter { $0.offset % 8 == 0 }.map(\.element)
            + ["</script><script>alert(1)</script>", "\"\u{301} onfocus=alert(1) autofocus x=\"", "]]><script>alert(1)</script>"]
    }

    @Test func readerTextOnEveryPageTypeParsesSafe() async throws {
        let vectors = try Self.vectors()
        let pages = try await withApp { client, store in
            var draft = Fixtures.draft(title: "Hà Nội " + vectors[1].prefix(150))
            draft.sapo = "Sapo " + String(vectors[2].prefix(200))
            draft.tags = [String(vectors[3].prefix(40))]
            let article = try await store.article(draft)
            for (index, vector) in vectors.enumerated() {
                _ = try await store.comments.insert(
                    Fixtures.comment(article: article.id, author: String(vector.prefix(50)), body: "Hà Nội \(index) " + vector))
            }
            var pages: [(String, String)] = []
            for uri in [
                article.path, article.path + "?sort=oldest", "/", "/tim-kiem?q=ha+noi", "/rss.xml", "/atom.xml", "/sitemap.xml",
                "/api/v1/articles/\(article.id)/comments?limit=100",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    pages.append((uri, response.body.text))
                }
            }
            return pages
        }
        var lines = Data()
        for (uri, html) in pages where !uri.hasPrefix("/api/") {
            lines.append(try JSONSerialization.data(withJSONObject: ["id": uri, "html": html, "context": "document"]))
            lines.append(0x0A)
        }
        // The API's JSON carries reader text as data (the page script inserts it as text); it must still be JSON.
        let api = try #require(pages.first { $0.0.hasPrefix("/api/") }?.1)
        #expect((try? JSONSerialization.jsonObject(with: Data(api.utf8))) != nil)
        let result = try Self.check(lines)
        if result.status == 2 || result.status == 127 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("html5lib is missing: \(result.output)") }
            return
        }
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    @Test func readerTextOnTheModerationDeskParsesSafe() async throws {
        let vectors = try Self.vectors()
        let pages = try await withStaffApp { client, store in
            try await store.staffMember()
            let article = try await store.article()
            for (index, vector) in vectors.enumerated() {
                var comment = Fixtures.comment(
                    article: article.id, author: String(vector.prefix(50)), body: "Bình luận \(index) " + vector, status: .pending)
                // The desk marks the words a rule matched inside the text: the marking must not open the text up.
                comment.heldReason = "Từ cấm: " + String(vector.prefix(30))
                comment.heldWords = [String(vector.prefix(8)), "script", "onerror"]
                _ = try await store.comments.insert(comment)
            }
            let browser = try await signIn(client)
            var pages: [(String, String)] = []
            for uri in ["/admin/moderation", "/admin/moderation?q=script", "/admin/moderation/nhat-ky"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    if !uri.hasSuffix("nhat-ky") { #expect(response.body.text.contains("Bình luận 1 "), "\(uri)") }
                    pages.append((uri, response.body.text))
                }
            }
            return pages
        }
        var lines = Data()
        for (uri, html) in pages {
            lines.append(try JSONSerialization.data(withJSONObject: ["id": uri, "html": html, "context": "document"]))
            lines.append(0x0A)
        }
        let result = try Self.check(lines)
        if result.status == 2 || result.status == 127 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("html5lib is missing: \(result.output)") }
            return
        }
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    static func check(_ lines: Data) throws -> (status: Int32, output: String) {
        // Files, not pipes: a process another test starts at the same moment could inherit a pipe's write end and
        // keep it open, and reading to its end would then wait for that process.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("cases.jsonl")
        let output = directory.appendingPathComponent("report.txt")
        try lines.write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let inputHandle = try FileHandle(forReadingFrom: input)
        let outputHandle = try FileHandle(forWritingTo: output)
        defer {
            try? inputHandle.close()
            try? outputHandle.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", security.appendingPathComponent("check_html.py").path]
        process.standardInput = inputHandle
        process.standardOutput = outputHandle
        process.standardError = outputHandle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}
