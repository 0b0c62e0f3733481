import Foundation
import HummingbirdTesting
import NIOCore
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport
import Testing

/// The `newsroom` command as an editor or moderator runs it.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    func newsroom(_ arguments: [String], database: String, input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = ServerProcess.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["NEWSROOM_DATABASE_URL": "sqlite://\(database)"]) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read standard error on another thread so that neither pipe can fill up and stall the child.
        let errorBox = ErrorBox()
        let reader = Thread { errorBox.bytes = ServerProcess.readAll(error.fileHandleForReading.fileDescriptor) }
        reader.start()
        let outputData = ServerProcess.readAll(output.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        let errorData = errorBox.bytes
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    final class ErrorBox: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    func withDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    @Test func importingTheSeedPrintsItsPathAndImportingAgainUpdatesTheSameArticle() throws {
        try withDirectory { directory in
            let database = directory.appendingPathComponent("cli.sqlite").path
            let first = try newsroom(["import", Fixtures.seedURL.path], database: database)
            #expect(first.status == 0, "\(first.error)")
            let columns = first.output.trimmingCharacters(in: .newlines).components(separatedBy: "\t")
            try #require(columns.count == 3, "\(first.error)")
            #expect(columns[0] == "1")
            let seedTitle = (try Fixtures.seedText()).components(separatedBy: "\n")[0]
            #expect(columns[1] == "/\(VietnameseText.slug(seedTitle))-1")
            #expect(columns[2] == seedTitle)
            let again = try newsroom(["import", Fixtures.seedURL.path], database: database)
            #expect(again.output == first.output)
        }
    }

    @Test func reindexRebuildsTheSearchIndexOfPublishedArticles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let database = directory.appendingPathComponent("cli.sqlite").path
            #expect(try newsroom(["import", Fixtures.seedURL.path], database: database).status == 0)
            let run = try newsroom(["reindex"], database: database)
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output.hasPrefix("Đã lập chỉ mục 1 bài viết và tính lại tin liên quan của 1 bài"))
            let store = try await Store.open(.sqlite(path: database), logger: .init(label: "test"))
            // The seed is about the year of diplomacy: typed without diacritics, it is found.
            let found = try await store.search.search(SearchQuery("ngoai giao"), filter: .init(), limit: 10, offset: 0)
            await store.close()
            let seedTitle = (try Fixtures.seedText()).components(separatedBy: "\n")[0]
            #expect(found.articles.map(\.path) == ["/\(VietnameseText.slug(seedTitle))-1"])
        }
    }

    @Test func importsMarkdownWithFrontMatterAndSanitisesItsHTML() async throws {
        try await TestStore.withSQLite { store, database in
            let directory = URL(fileURLWithPath: database).deletingLastPathComponent()
            let file = directory.appendingPathComponent("bai.md")
            try """
            ---
            title: "Đêm nhạc trịnh bên hồ Xuân Hương"
            sapo: Hàng trăm khán giả ngồi kín bờ hồ.
            slug: dem-nhac-da-lat
            date: 2026-11-20T19:30:00+07:00
            ---
            Đoạn **mở đầu** với [liên kết](https://example.vn) và <script>alert(1)</script>.

            ## Khán giả nói gì

            Một đoạn có [liên kết xấu](javascript:alert(2)).
            """.write(to: file, atomically: true, encoding: .utf8)
            let run = try newsroom(["import", file.path], database: database)
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output.hasPrefix("1\t/dem-nhac-da-lat-1\tĐêm nhạc trịnh bên hồ Xuân Hương"))
            let article = try #require(try await store.articles.article(id: 1))
            #expect(VietnameseFormat.iso8601(article.publishedAt) == "2026-11-20T19:30:00+07:00")
            guard case .html(let html) = article.body.first else {
                Issue.record("expected one HTML block")
                return
            }
            #expect(html.html.contains("<strong>mở đầu</strong>"))
            #expect(html.html.contains("<a href=\"https://example.vn\" rel=\"nofollow noopener\">liên kết</a>"))
            #expect(html.html.contains("<h2>Khán giả nói gì</h2>"))
            #expect(!html.html.contains("<script"))
            #expect(!html.html.contains("javascript:"))
        }
    }

    @Test func aBrokenFileIsNamedAndLeavesNothingBehind() throws {
        try withDirectory { directory in
            let database = directory.appendingPathComponent("cli.sqlite").path
            let empty = directory.appendingPathComponent("trong.txt")
            try "\n\n".write(to: empty, atomically: true, encoding: .utf8)
            let binary = directory.appendingPathComponent("nhi-phan.txt")
            try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
            let run = try newsroom(["import", empty.path, binary.path], database: database)
            #expect(run.status == 1)
            #expect(run.error.contains("trong.txt"))
            #expect(run.error.contains("nhi-phan.txt: tệp không phải văn bản UTF-8"))
            #expect(run.output.isEmpty)
        }
    }

    @Test func moderatorsListApproveAndRejectComments() async throws {
        try await TestStore.withSQLite { store, path in
            let article = try await store.articles.save(Fixtures.draft(), now: Fixtures.now).article
            let first = try await store.comments.insert(
                Fixtures.comment(article: article.id, author: "Lê\tAn", body: "Hai\ndòng", status: .pending))
            let second = try await store.comments.insert(Fixtures.comment(article: article.id, body: "Đã đăng"))

            let pending = try newsroom(["comments", "list", "--pending"], database: path)
            #expect(pending.output == "\(first.id)\t\(article.id)\tpending\tLê An\tHai dòng\n")
            #expect(try newsroom(["comments", "approve", "\(first.id)"], database: path).status == 0)
            #expect(try newsroom(["comments", "reject", "\(second.id)"], database: path).status == 0)
            let all = try newsroom(["comments", "list"], database: path).output.split(separator: "\n").map { $0.split(separator: "\t")[2] }
            #expect(all == ["published", "rejected"])
            let missing = try newsroom(["comments", "approve", "9999"], database: path)
            #expect(missing.status == 1)
            #expect(missing.error.contains("9999"))
        }
    }
}

/// `newsroom user …`: staff accounts from the command line, the password from standard input only.
@Suite struct UserCommandTests {
    @Test func addsListsDisablesAndChangesPasswordsWithoutEverKeepingOneInClear() async throws {
        try await TestStore.withSQLite { store, path in
            let cli = CommandLineTests()
            let password = "một-mật-khẩu-đủ-dài"
            let added = try cli.newsroom(
                ["user", "add", "Thu.Ha@ToaSoan.vn", "--role", "moderator"], database: path, input: password + "\n")
            #expect(added.status == 0, "\(added.error)")
            #expect(added.output == "1\tthu.ha@toasoan.vn\tmoderator\n")
            let again = try cli.newsroom(["user", "add", "thu.ha@toasoan.vn", "--role", "admin"], database: path, input: password + "\n")
            #expect(again.status != 0)
            #expect(again.error.contains("đã có tài khoản"))
            let short = try cli.newsroom(["user", "add", "b@toasoan.vn", "--role", "admin"], database: path, input: "ngắn\n")
            #expect(short.status != 0)
            #expect(short.error.contains("ít nhất 10 ký tự"))
            #expect(try cli.newsroom(["user", "disable", "thu.ha@toasoan.vn"], database: path).status == 0)
            #expect(try cli.newsroom(["user", "list"], database: path).output == "1\tthu.ha@toasoan.vn\tmoderator\tdisabled\n")
            let changed = try cli.newsroom(["user", "password", "thu.ha@toasoan.vn"], database: path, input: "mật-khẩu-mới-dài-hơn\n")
            #expect(changed.status == 0, "\(changed.error)")
            let hash = try #require(try await store.staff.credentials(email: "thu.ha@toasoan.vn")?.passwordHash)
            #expect(hash.hasPrefix("$2"))
            let bytes = [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }.reduce(Data(), +)
            for secret in [password, "mật-khẩu-mới-dài-hơn"] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil)
            }
        }
    }
}

/// `newsroom words …`: the word lists from the command line.
@Suite struct WordsCommandTests {
    @Test func addsListsAndRemovesWords() async throws {
        try await TestStore.withSQLite { store, path in
            let cli = CommandLineTests()
            let defaults = try cli.newsroom(["words", "list"], database: path).output.split(separator: "\n")
            #expect(defaults.contains("vcl\tbanned"))
            #expect(defaults.contains("ngu\tsuspect"))
            let added = try cli.newsroom(["words", "add", "--suspect", "Bán Hàng Đa Cấp", "lừa đảo"], database: path)
            #expect(added.output == "bán hàng đa cấp\tsuspect\nlừa đảo\tsuspect\n")
            #expect(try cli.newsroom(["words", "add", "--banned", "--suspect", "x"], database: path).status != 0)
            #expect(try await store.words.all().contains(WordRule("bán hàng đa cấp", .suspect)))
            #expect(try cli.newsroom(["words", "remove", "lừa đảo"], database: path).output == "lừa đảo\tremoved\n")
            let missing = try cli.newsroom(["words", "remove", "không có"], database: path)
            #expect(missing.status == 1)
            #expect(missing.error.contains("không có"))
        }
    }
}

/// `newsroom serve` on an empty database loads the demo articles, unless told not to.
@Suite struct ServeCommandTests {
    func titles(arguments: [String]) async throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite://" + directory.appendingPathComponent("site.sqlite").path
        let server = try ServerProcess(arguments: ["--database", database] + arguments)
        defer { server.kill() }
        let client = TestClient(host: "127.0.0.1", port: server.port)
        client.connect()
        let home = try await client.get("/")
        try await client.shutdown()
        #expect(home.status == .ok)
        let html = home.body.map { String(buffer: $0) } ?? ""
        return html.components(separatedBy: "<h2 class=\"teaser-title\">").dropFirst().map { part in
            let text = part.drop(while: { $0 != ">" }).dropFirst()
            return String(text.prefix(while: { $0 != "<" }))
        }
    }

    @Test func theFirstServeShowsDemoArticlesNewestFirst() async throws {
        let demo = try await titles(arguments: [])
        #expect(demo.count >= 3)
        #expect(Set(demo).count == demo.count)
        #expect(demo.allSatisfy { !$0.isEmpty })
    }

    @Test func noDemoLeavesTheSiteEmpty() async throws {
        #expect(try await titles(arguments: ["--no-demo"]).isEmpty)
    }
}
