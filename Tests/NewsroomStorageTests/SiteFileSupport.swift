import Foundation
import Logging
import NewsroomCore
import NewsroomStorage
import NewsroomTestSupport

/// Files of SQLite sites for the start-up, identity and backup tests: each test gets a directory of its own.
enum SiteFiles {
    static var logger: Logger {
        var logger = Logger(label: "newsroom-site-tests")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` with a new, empty temporary directory, removed afterwards.
    static func withDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-site-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try await body(directory)
    }

    /// Creates a site at `path` with `articles` articles and `comments` comments on the first, and closes it (so
    /// its WAL is checkpointed into the file).
    @discardableResult
    static func populate(_ path: String, articles: Int = 40, comments: Int = 25) async throws -> (articles: Int, comments: Int) {
        let store = try await Store.open(.sqlite(path: path), logger: logger)
        do {
            var first: Article?
            for index in 0..<articles {
                let draft = Fixtures.draft(title: "Bài số \(index): \(String(repeating: "Hà Nội mùa thu ", count: 20))")
                let article = try await store.articles.save(draft, now: Fixtures.now).article
                first = first ?? article
            }
            if let first {
                for index in 0..<comments {
                    _ = try await store.comments.insert(Fixtures.comment(article: first.id, body: "Ý kiến số \(index)"))
                }
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        return (articles, comments)
    }

    /// The file's bytes.
    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Overwrites `count` bytes at `offset` with `byte`.
    static func overwrite(_ path: String, at offset: Int, count: Int, with byte: UInt8) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: [UInt8](repeating: byte, count: count))
    }

    /// Flips the lowest bit of the byte at `offset`.
    static func flip(_ path: String, at offset: Int) throws {
        var bytes = try bytes(path)
        bytes[offset] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func permissions(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }
}
