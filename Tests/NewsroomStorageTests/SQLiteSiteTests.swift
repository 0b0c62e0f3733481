import Foundation
import NewsroomCore
import NewsroomTestSupport
import Testing

@testable import NewsroomStorage

/// What `serve` finds at a SQLite path before it opens it: a site is created only where nothing of one exists, and
/// anything else that is not a sound database is refused with the path, the cause and the fix.
@Suite struct SQLiteSiteTests {
    /// The refusal `inspect` throws for `path`, checked to name the path.
    func refusal(_ path: String, usesKeyFile: Bool = true, check: SQLiteSite.Check = .quick) async throws -> String {
        let error = try await #require(throws: ConfigurationError.self) {
            try await SQLiteSite.inspect(path: path, usesKeyFile: usesKeyFile, check: check, logger: SiteFiles.logger)
        }
        #expect(error.setting == "--database")
        #expect(error.message.contains(path), "\(error.message)")
        return error.message
    }

    func inspect(_ path: String, usesKeyFile: Bool = true, check: SQLiteSite.Check = .quick) async throws -> Bool {
        try await SQLiteSite.inspect(path: path, usesKeyFile: usesKeyFile, check: check, logger: SiteFiles.logger)
    }

    @Test func nothingThereIsANewSite() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/moi.sqlite"
            let new = try await inspect(path)
            #expect(new)
            #expect(!FileManager.default.fileExists(atPath: path), "inspecting must not create the file")
            #expect(SQLiteSite.keyPath(for: path) == path + ".key")
        }
    }

    @Test func aKeyFileWithoutItsDatabaseIsALostSite() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/mat.sqlite"
            try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: SQLiteSite.keyPath(for: path)))
            let message = try await refusal(path)
            #expect(message.contains("newsroom restore"))
            #expect(message.contains(SQLiteSite.keyPath(for: path)))
            // Nothing was created in its place.
            #expect(!FileManager.default.fileExists(atPath: path))
            // A site whose key comes from the environment has no key file to go by: a new site.
            #expect(try await inspect(path, usesKeyFile: false))
        }
    }

    @Test func aJournalLeftWithoutItsDatabaseIsALostSite() async throws {
        try await SiteFiles.withDirectory { directory in
            for journal in ["-wal", "-journal"] {
                let path = directory + "/nhat-ky\(journal).sqlite"
                try Data(repeating: 1, count: 64).write(to: URL(fileURLWithPath: path + journal))
                // Even with the key in the environment: SQLite would replay the old site's journal into a new file.
                let message = try await refusal(path, usesKeyFile: false)
                #expect(message.contains(path + journal))
                #expect(message.contains("newsroom restore"))
                #expect(!FileManager.default.fileExists(atPath: path))
            }
        }
    }

    @Test func aDirectoryIsNotADatabase() async throws {
        try await SiteFiles.withDirectory { directory in
            let message = try await refusal(directory, usesKeyFile: false)
            #expect(message.contains("thư mục"))
        }
    }

    @Test func anEmptyFileIsRefused() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/rong.sqlite"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            for check in SQLiteSite.Check.allCases {
                let message = try await refusal(path, check: check)
                #expect(message.contains("0 byte"))
                #expect(message.contains("newsroom restore"))
            }
            #expect(SiteFiles.size(path) == 0)
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefused() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/van-ban.sqlite"
            let text = Data(String(repeating: "Tin tức hôm nay: trời nắng.\n", count: 300).utf8)
            try text.write(to: URL(fileURLWithPath: path))
            for check in SQLiteSite.Check.allCases {
                let message = try await refusal(path, check: check)
                #expect(message.contains("không phải cơ sở dữ liệu SQLite"))
            }
            // A file shorter than SQLite's header is no database either.
            try Data("SQLite".utf8).write(to: URL(fileURLWithPath: path))
            #expect(try await refusal(path).contains("không phải cơ sở dữ liệu SQLite"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("SQLite".utf8))
        }
    }

    @Test func aHealthySiteIsNotNewAndPassesEveryCheck() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/tot.sqlite"
            try await SiteFiles.populate(path)
            for check in SQLiteSite.Check.allCases {
                #expect(try await inspect(path, check: check) == false, "\(check)")
            }
        }
    }

    @Test func aDatabaseWithOverwrittenMiddlePagesIsRefusedUnlessTheCheckIsOff() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/hong.sqlite"
            try await SiteFiles.populate(path, articles: 80)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal") || SiteFiles.size(path + "-wal") == 0)
            let pages = SiteFiles.size(path) / 4096
            #expect(pages > 20)
            try SiteFiles.overwrite(path, at: (pages / 2 - 2) * 4096, count: 4 * 4096, with: 0xA5)
            let header = try SiteFiles.bytes(path).prefix(16)
            #expect(Array(header) == Array("SQLite format 3\0".utf8), "the header is intact: only the check can tell")
            for check in [SQLiteSite.Check.quick, .full] {
                let message = try await refusal(path, check: check)
                #expect(message.contains(check == .full ? "integrity_check" : "quick_check"))
                #expect(message.contains("tệp bị hỏng"))
                #expect(message.contains("newsroom restore"))
            }
            #expect(try await inspect(path, check: .off) == false)
        }
    }

    @Test func integrityProblemNamesWhatSQLiteFound() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/kiem-tra.sqlite"
            try await SiteFiles.populate(path, articles: 80)
            #expect(await SQLiteSite.integrityProblem(path: path, full: true, logger: SiteFiles.logger) == nil)
            #expect(await SQLiteSite.integrityProblem(path: path, full: false, logger: SiteFiles.logger) == nil)
            let pages = SiteFiles.size(path) / 4096
            try SiteFiles.overwrite(path, at: (pages / 2) * 4096, count: 2 * 4096, with: 0x00)
            let problem = await SQLiteSite.integrityProblem(path: path, full: true, logger: SiteFiles.logger)
            #expect(problem?.isEmpty == false)
            #expect(problem != "ok")
        }
    }

    /// A relative path is named as the absolute one: the operator may not know where the service started.
    @Test func aNewSiteInADirectoryThatCannotBeWrittenIsRefusedByItsAbsolutePath() async throws {
        let relative = "newsroom-khong-co-\(UUID().uuidString)/trang.sqlite"
        let absolute = FileManager.default.currentDirectoryPath + "/" + relative
        let message = try await refusal(absolute)
        #expect(message.contains("không ghi được"))
        let error = try await #require(throws: ConfigurationError.self) { try await inspect(relative) }
        #expect(error.message.contains(absolute))
        #expect(!FileManager.default.fileExists(atPath: absolute))
    }

    /// Permissions do not bind root, so this runs only as another user.
    @Test(.enabled(if: geteuid() != 0)) func aReadOnlyDatabaseIsRefused() async throws {
        try await SiteFiles.withDirectory { directory in
            let path = directory + "/chi-doc.sqlite"
            try await SiteFiles.populate(path, articles: 1, comments: 0)
            chmod(path, 0o444)
            defer { chmod(path, 0o644) }
            #expect(try await refusal(path).contains("chỉ đọc"))
        }
    }
}
