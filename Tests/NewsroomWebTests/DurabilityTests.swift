import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NewsroomCore
import NewsroomStorage
import Testing

/// A comment acknowledged with 201 is on disk: the server is killed with SIGKILL right after the answer, and the
/// comment is read back from the database file by a new process.
@Suite struct DurabilityTests {
    @Test(.timeLimit(.minutes(2))) func commentsAnswered201SurviveSIGKILL() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = String(repeating: "k", count: 40)

        let path = directory.appendingPathComponent("kill.sqlite").path
        let setup = try await Store.open(.sqlite(path: path), logger: Logger(label: "test"))
        let article = try await setup.articles.save(
            ArticleDraft(title: "Bài thử độ bền", sapo: "Sapo.", body: [.paragraph("Nội dung.")]), now: Date()
        ).article
        await setup.close()

        var acknowledged: [String] = []
        for round in 0..<3 {
            let server = try ServerProcess(arguments: [
                "--database", "sqlite://\(path)", "--moderation", "post", "--no-demo", "--comment-limits", "off", "--secret", secret,
            ])
            let client = TestClient(host: "127.0.0.1", port: server.port)
            client.connect()
            for index in 0..<5 {
                let body = "Bình luận vòng \(round) số \(index) – đã được xác nhận"
                let response = try await client.post(
                    "/api/v1/articles/\(article.id)/comments", headers: [.contentType: "application/json"],
                    body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["author": "Kiểm thử", "body": body])))
                #expect(response.status == .created)
                if response.status == .created { acknowledged.append(body) }
            }
            // No graceful anything: the process dies the instant the last 201 has arrived.
            server.kill()
            try? await client.shutdown()
        }

        let store = try await Store.open(.sqlite(path: path), logger: Logger(label: "test"))
        let stored = Set(try await store.comments.list(status: nil).map(\.body))
        await store.close()
        #expect(acknowledged.count == 15)
        #expect(Set(acknowledged).isSubset(of: stored))
    }
}
