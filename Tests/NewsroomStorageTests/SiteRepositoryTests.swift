import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// The facts a site keeps about itself: the fingerprint of the key it was first served with, and its backup log.
@Suite struct SiteRepositoryTests {
    static func run(at seconds: TimeInterval, succeeded: Bool, bytes: Int64 = 123_456, message: String = "") -> BackupRun {
        let start = Fixtures.now.addingTimeInterval(seconds)
        return BackupRun(
            startedAt: start, finishedAt: start.addingTimeInterval(2.5), path: "/sao-luu/newsroom-\(Int(seconds)).backup", bytes: bytes,
            succeeded: succeeded, message: message.isEmpty ? (succeeded ? "3 bài viết, 9 bình luận" : "ổ đĩa đầy") : message)
    }

    @Test func theFirstKeyFingerprintRecordedHolds() async throws {
        try await TestStore.with { store throws in
            #expect(try await store.site.keyFingerprint() == nil)
            #expect(try await store.site.recordKeyFingerprint("3f2a9c") == "3f2a9c")
            #expect(try await store.site.keyFingerprint() == "3f2a9c")
            // Another key later does not replace it: the caller learns which one the site has.
            #expect(try await store.site.recordKeyFingerprint("b71e00") == "3f2a9c")
            #expect(try await store.site.recordKeyFingerprint("3f2a9c") == "3f2a9c")
            #expect(try await store.site.keyFingerprint() == "3f2a9c")
        }
    }

    /// Instances sharing one PostgreSQL database start together, each recording its key's fingerprint: the first
    /// record must hold and every other one be told it, not fail on the unique key (rounds make the race likely).
    @Test func concurrentFirstRecordsAgreeOnOneFingerprint() async throws {
        try await TestStore.with { store in
            for round in 0..<20 {
                try await store.database.write { db in try await db.raw("DELETE FROM site_facts").run() }
                let answers = try await withThrowingTaskGroup(of: String.self) { group in
                    for index in 0..<8 { group.addTask { try await store.site.recordKeyFingerprint("khoa-\(round)-\(index)") } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                let kept = try #require(try await store.site.keyFingerprint())
                #expect(answers.allSatisfy { $0 == kept }, "round \(round)")
            }
        }
    }

    @Test func lastBackupsGivesTheLatestRunAndTheLatestGoodOne() async throws {
        try await TestStore.with { store in
            let none = try await store.site.lastBackups()
            #expect(none.last == nil)
            #expect(none.lastGood == nil)

            let firstGood = Self.run(at: 0, succeeded: true, bytes: 5_000_000_000)
            try await store.site.record(firstGood)
            var backups = try await store.site.lastBackups()
            #expect(backups.last == firstGood)
            #expect(backups.lastGood == firstGood)

            let failed = Self.run(at: 3600, succeeded: false, message: "không ghi được: ổ đĩa đầy (SQLITE_FULL)")
            try await store.site.record(failed)
            backups = try await store.site.lastBackups()
            #expect(backups.last == failed)
            #expect(backups.lastGood == firstGood)

            // Recorded out of order (a slow run that finished late): the latest started wins.
            let secondGood = Self.run(at: 7200, succeeded: true)
            try await store.site.record(secondGood)
            try await store.site.record(Self.run(at: 1800, succeeded: true))
            backups = try await store.site.lastBackups()
            #expect(backups.last == secondGood)
            #expect(backups.lastGood == secondGood)
        }
    }

    @Test func aFailedRunFirstLeavesNoGoodOne() async throws {
        try await TestStore.with { store in
            let failed = Self.run(at: 60, succeeded: false, bytes: 0)
            try await store.site.record(failed)
            let backups = try await store.site.lastBackups()
            #expect(backups.last == failed)
            #expect(backups.last?.succeeded == false)
            #expect(backups.lastGood == nil)
        }
    }
}
