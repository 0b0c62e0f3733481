import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// A database that cannot serve gets the reader an honest answer: 503 (507 when the disk is full) with Retry-After,
/// JSON under /api/ and a Vietnamese page elsewhere, and nothing half-done.
@Suite struct DatabaseOutageTests {
    static let full = StorageFailure(.full, reason: "storage_full", detail: "ổ đĩa đầy")
    static let down = StorageFailure(.unavailable, reason: "database_unreachable", detail: "mất kết nối")

    func mapped(_ error: any Error) -> NewsroomError {
        ErrorMiddleware.newsroomError(for: error, logger: CapturedLog().logger)
    }

    @Test func storageFailuresMapToTheirCodesWithRetryAfter() {
        let full = mapped(Self.full)
        #expect(full.code == .storageFull)
        #expect(full.status == 507)
        #expect(full.retryAfter == 60)
        #expect(full.message == Strings.message(for: .storageFull))
        let down = mapped(Self.down)
        #expect(down.code == .databaseUnavailable)
        #expect(down.status == 503)
        #expect(down.retryAfter == 5)
        #expect(mapped(StorageFailure(.unavailable, reason: "database_replaced", detail: "")).code == .databaseUnavailable)
        // What is not the database's trouble keeps its meaning.
        #expect(mapped(NewsroomError(.rateLimited, retryAfter: 9)) == NewsroomError(.rateLimited, retryAfter: 9))
        #expect(mapped(CocoaError(.fileReadNoPermission)).code == .internalError)
        #expect(mapped(CocoaError(.fileReadNoPermission)).retryAfter == nil)
    }

    @Test func theMappingIsLoggedAsAWarningWithTheReason() {
        let log = CapturedLog()
        _ = ErrorMiddleware.newsroomError(for: Self.full, logger: log.logger)
        #expect(log.all.contains { $0.hasPrefix("warning") && $0.contains("storage_full") })
    }

    @Test func theAnswerIsJSONUnderTheAPIAndAPageElsewhere() throws {
        let error = mapped(Self.full)
        let api = ErrorMiddleware.response(for: error, path: "/api/v1/articles/1/comments")
        #expect(api.status.code == 507)
        #expect(api.headers[.retryAfter] == "60")
        #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
        let page = ErrorMiddleware.response(for: mapped(Self.down), path: "/binh-luan")
        #expect(page.status.code == 503)
        #expect(page.headers[.retryAfter] == "5")
        #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
    }

    @Test func aCommentOnADeletedSQLiteFileIs503AndStoresNothing() async throws {
        try await withSQLiteApp { client, store, path in
            let article = try await store.article()
            let token = try await CommentFormTests().token(article, client: client)
            try FileManager.default.removeItem(atPath: path)
            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: reader("a"),
                body: try jsonBody(["author": "Lan", "body": "Gửi khi tệp đã mất"])
            ) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(try errorCode(response.body) == "database_unavailable")
            }
            try await client.execute(
                uri: "/binh-luan", method: .post, headers: formHeaders,
                body: formBody([("articleId", "\(article.id)"), ("formToken", token), ("author", "Lan"), ("body", "Gửi qua biểu mẫu")])
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                // The Vietnamese error page, asking the reader to try again.
                #expect(visibleLines(response.body.text).contains { $0.contains("thử lại") })
            }
            // Readers still get the article from the file that is open; nothing was written.
            try await client.execute(uri: article.path, method: .get) { #expect($0.status == .ok) }
            #expect(try await store.comments.list(status: nil).isEmpty)
        }
    }

    @Test func aFullDiskIs507ForWritesWhileReadsGoOn() async throws {
        try await withScriptedApp { client, store, database in
            let article = try await store.article()
            let token = try await CommentFormTests().token(article, client: client)
            database.failWrites(Self.full)
            try await client.execute(
                uri: "/api/v1/articles/\(article.id)/comments", method: .post, headers: reader("b"),
                body: try jsonBody(["author": "Hùng", "body": "Ổ đĩa đầy rồi"])
            ) { response throws in
                #expect(response.status.code == 507)
                #expect(response.headers[.retryAfter] == "60")
                #expect(try errorCode(response.body) == "storage_full")
            }
            try await client.execute(
                uri: "/binh-luan", method: .post, headers: formHeaders,
                body: formBody([("articleId", "\(article.id)"), ("formToken", token), ("author", "Hùng"), ("body", "Qua biểu mẫu")])
            ) { response in
                #expect(response.status.code == 507)
                #expect(response.headers[.retryAfter] == "60")
                #expect(visibleLines(response.body.text).contains { $0.contains("thử lại") })
            }
            try await client.execute(uri: article.path, method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/articles/\(article.id)/comments", method: .get) { #expect($0.status == .ok) }
            database.failWrites(nil)
            #expect(try await store.comments.list(status: nil).isEmpty)
        }
    }

    @Test func aDatabaseThatCannotBeReadIs503EverywhereButHealthz() async throws {
        try await withScriptedApp { client, store, database in
            let article = try await store.article()
            database.failReads(Self.down)
            try await client.execute(uri: "/api/v1/articles/\(article.id)", method: .get) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(try errorCode(response.body) == "database_unavailable")
            }
            for uri in ["/", article.path, "/tim-kiem?q=ha+noi"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.retryAfter] == "5", "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri)")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }
}
