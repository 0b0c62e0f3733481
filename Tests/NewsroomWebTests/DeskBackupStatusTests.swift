import Foundation
import Hummingbird
import HummingbirdTesting
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Administrators see on the moderation desk whether the scheduled backups work; moderators do not.
@Suite struct DeskBackupStatusTests {
    static let admin = "quantri@toasoan.vn"

    static func run(minutesAgo: Double, succeeded: Bool, message: String) -> BackupRun {
        let finished = Date().addingTimeInterval(-minutesAgo * 60)
        return BackupRun(
            startedAt: finished.addingTimeInterval(-3), finishedAt: finished, path: "/sao-luu/newsroom-\(Int(minutesAgo)).backup",
            bytes: 40_960, succeeded: succeeded, message: message)
    }

    /// The desk's backup line as a signed-in `email` sees it, or nil when there is none.
    func statusLine(_ client: any TestClientProtocol, email: String) async throws -> String? {
        let browser = try await signIn(client, email: email)
        return try await client.execute(uri: "/admin/moderation", method: .get, headers: browser.headers) { response in
            #expect(response.status == .ok)
            let html = response.body.text
            #expect(html.contains("backup-status") == visibleLines(html).contains { $0.contains("Sao lưu") })
            return visibleLines(html).first { $0.contains("Sao lưu") }
        }
    }

    @Test func anAdministratorSeesThatThereIsNoBackupYet() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember(Self.admin, role: .admin)
            let line = try await statusLine(client, email: Self.admin)
            #expect(line == "Sao lưu tự động: chưa có bản nào (bật bằng --backup-dir).")
        }
    }

    @Test func anAdministratorSeesTheLatestVerifiedBackup() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember(Self.admin, role: .admin)
            try await store.site.record(Self.run(minutesAgo: 120, succeeded: true, message: "2 bài viết, 5 bình luận"))
            let latest = Self.run(minutesAgo: 5, succeeded: true, message: "3 bài viết, 9 bình luận")
            try await store.site.record(latest)
            let line = try await statusLine(client, email: Self.admin)
            #expect(
                line
                    == "Sao lưu gần nhất: \(VietnameseFormat.shortDateTime(latest.finishedAt)), đã kiểm tra, 3 bài viết, 9 bình luận.")
        }
    }

    @Test func anAdministratorSeesAFailedBackupAndTheLastGoodOne() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember(Self.admin, role: .admin)
            let good = Self.run(minutesAgo: 300, succeeded: true, message: "1 bài viết, 0 bình luận")
            let failed = Self.run(minutesAgo: 10, succeeded: false, message: "ổ đĩa đầy")
            try await store.site.record(good)
            try await store.site.record(failed)
            let line = try #require(try await statusLine(client, email: Self.admin))
            #expect(line.contains("THẤT BẠI: ổ đĩa đầy."))
            #expect(line.contains(VietnameseFormat.shortDateTime(failed.finishedAt)))
            #expect(line.contains("Bản tốt gần nhất: \(VietnameseFormat.shortDateTime(good.finishedAt))."))
        }
    }

    @Test func aFailureWithNoGoodBackupSaysSo() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember(Self.admin, role: .admin)
            try await store.site.record(Self.run(minutesAgo: 1, succeeded: false, message: "không ghi được"))
            let line = try #require(try await statusLine(client, email: Self.admin))
            #expect(line.hasSuffix("THẤT BẠI: không ghi được. Chưa có bản tốt nào."))
        }
    }

    @Test func aModeratorDoesNotSeeTheBackups() async throws {
        try await withStaffApp { client, store in
            try await store.staffMember()
            try await store.site.record(Self.run(minutesAgo: 10, succeeded: false, message: "ổ đĩa đầy"))
            #expect(try await statusLine(client, email: "kiemduyet@toasoan.vn") == nil)
        }
    }
}
