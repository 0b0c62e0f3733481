import Foundation
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

@testable import NewsroomWeb

/// Scheduled backups: each run is taken, verified, recorded for the desk and `/metrics`, and only the newest stay.
@Suite struct BackupServiceTests {
    func service(_ store: Store, directory: String, keep: Int) -> BackupService {
        BackupService(
            store: store, schedule: BackupSchedule(directory: directory, every: 3600, keep: keep), key: testSecret,
            logger: CapturedLog().logger)
    }

    func backups(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".backup") }.sorted()
    }

    @Test func aRunIsVerifiedRecordedAndOnlyTheNewestAreKept() async throws {
        try await TestStore.withSQLite { store, path in
            let article = try await store.article()
            _ = try await store.comments.insert(Fixtures.comment(article: article.id))
            let directory = path + "-sao-luu"
            let service = service(store, directory: directory, keep: 2)
            var runs: [BackupRun] = []
            for _ in 0..<3 {
                runs.append(await service.backUp())
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(runs.allSatisfy { $0.succeeded })
            #expect(runs.last?.message == "1 bài viết, 1 bình luận")
            #expect(try backups(in: directory) == runs.suffix(2).map { ($0.path as NSString).lastPathComponent })
            let last = try #require(runs.last)
            #expect(last.bytes == (try FileManager.default.attributesOfItem(atPath: last.path)[.size] as? NSNumber)?.int64Value)
            #expect(try await SQLiteBackup.verify(last.path, logger: CapturedLog().logger).key == testSecret)
            let recorded = try await store.site.lastBackups()
            #expect(recorded.last?.path == last.path)
            #expect(recorded.lastGood?.path == last.path)
            #expect(recorded.last?.succeeded == true)
        }
    }

    @Test func aFailedRunIsRecordedAndKeepsTheBackupsThereAre() async throws {
        try await TestStore.withSQLite { store, path in
            let directory = path + "-sao-luu"
            let good = await service(store, directory: directory, keep: 1).backUp()
            #expect(good.succeeded)
            // A directory that is a file: the next backup cannot be written.
            let blocked = path + "-khong-phai-thu-muc"
            #expect(FileManager.default.createFile(atPath: blocked, contents: Data("x".utf8)))
            let failed = await service(store, directory: blocked, keep: 1).backUp()
            #expect(!failed.succeeded)
            #expect(!failed.message.isEmpty)
            #expect(try backups(in: directory) == [(good.path as NSString).lastPathComponent])
            let recorded = try await store.site.lastBackups()
            #expect(recorded.last?.succeeded == false)
            #expect(recorded.lastGood?.path == good.path)
        }
    }

    @Test func theKeyFingerprintTellsKeysApartAndRevealsNothing() {
        let fingerprint = SiteKey.fingerprint(testSecret)
        #expect(fingerprint.count == 32)
        #expect(fingerprint.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(SiteKey.fingerprint(testSecret) == fingerprint)
        #expect(SiteKey.fingerprint(Array("another-secret-another-secret-!!".utf8)) != fingerprint)
        #expect(!fingerprint.contains(String(decoding: testSecret.prefix(8), as: UTF8.self)))
    }
}
