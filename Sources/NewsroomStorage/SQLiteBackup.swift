import Crypto
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit

/// Backups of a SQLite site that prove themselves. A backup is one SQLite file: a consistent copy taken while the
/// site serves (`VACUUM INTO` reads one snapshot, so every write acknowledged before it began is in it), plus a
/// `newsroom_backup` table holding the site's key (so a restored site keeps its client hashes and form tokens) and a
/// SHA-256 of the whole file. That digest is computed with its own slot holding a placeholder and then written into
/// the slot in place, so `verify` can recompute it: any changed byte anywhere in the file is caught, not only what
/// `integrity_check` notices. The key makes a backup as secret as the key file: it is written readable by its owner
/// only.
public enum SQLiteBackup {
    /// What a backup holds, as `backup --verify` prints it.
    public typealias Summary = BackupSummary

    /// The tables whose counts a summary lists.
    static let countedTables = ["articles", "comments", "comment_reports", "staff", "moderation_log", "word_rules", "topics"]

    /// Copies the site at `source` into a new file `destination` with `key` inside; returns what it holds.
    public static func take(from source: String, to destination: String, key: [UInt8], logger: Logger) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: source) else {
            throw BackupError("không có tệp cơ sở dữ liệu \(source)")
        }
        guard !FileManager.default.fileExists(atPath: destination) else { throw BackupError("tệp \(destination) đã có; chọn tên khác") }
        let partial = destination + ".partial-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: partial) }
        // Created empty first, owner-only, so the copy is never readable by others even for a moment.
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BackupError("không tạo được tệp \(partial)")
        }
        try FileManager.default.removeItem(atPath: partial)
        let takenAt = Date()
        try await withConnection(source, logger: logger) { connection in
            _ = try await connection.query("VACUUM INTO ?", [.text(partial)])
        }
        chmod(partial, 0o600)
        let nonce = UUID().uuidString
        let summary = try await withConnection(partial, logger: logger) { connection in
            _ = try await connection.query("PRAGMA journal_mode = DELETE")
            let counts = try await count(connection)
            _ = try await connection.query("CREATE TABLE newsroom_backup (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
            let facts: [(String, SQLiteData)] = [
                ("key", .blob(ByteBuffer(bytes: key))), ("taken_at", .integer(SQLiteInt64(takenAt.timeIntervalSince1970))),
                ("nonce", .text(nonce)), ("digest", .text(placeholder(nonce))), ("format", .integer(1)),
            ]
            for (name, value) in facts {
                _ = try await connection.query("INSERT INTO newsroom_backup (name, value) VALUES (?, ?)", [.text(name), value])
            }
            return Summary(takenAt: takenAt, counts: counts, bytes: 0)
        }
        // The file is final now; its digest goes into the slot that held the placeholder.
        let file = FileSlotDigest(path: partial)
        let slot = Array(placeholder(nonce).utf8)
        guard let offset = try file.uniqueOffset(of: slot) else { throw BackupError("không đặt được mã kiểm tra vào \(partial)") }
        try file.write(Array(try file.digest(replacing: offset, with: slot).utf8), at: offset)
        try syncFile(partial)
        try FileManager.default.moveItem(atPath: partial, toPath: destination)
        var result = summary
        result.bytes = fileSize(destination)
        return result
    }

    /// Checks a backup: SQLite's integrity check, its manifest, and the digest of its content. Returns what it holds
    /// and the key inside it; throws what is wrong.
    public static func verify(_ path: String, logger: Logger) async throws -> (summary: Summary, key: [UInt8]) {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError("không có tệp \(path)") }
        guard fileSize(path) > 0 else { throw BackupError("tệp \(path) rỗng") }
        if let problem = await SQLiteSite.integrityProblem(path: path, full: true, logger: logger) {
            throw BackupError("bản sao lưu \(path) bị hỏng: \(problem)")
        }
        let (facts, counts) = try await withConnection(path, logger: logger) {
            connection -> ([String: SQLiteData], [(table: String, rows: Int)]) in
            var values: [String: SQLiteData] = [:]
            let hasManifest =
                try await connection.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'newsroom_backup'"
                ).isEmpty == false
            guard hasManifest else { return (values, []) }
            for row in try await connection.query("SELECT name, value FROM newsroom_backup") {
                guard let name = row.column("name")?.string, let value = row.column("value") else { continue }
                values[name] = value
            }
            return (values, try await count(connection))
        }
        guard case .blob(var keyBuffer) = facts["key"], let key = keyBuffer.readBytes(length: keyBuffer.readableBytes), key.count >= 32,
            let takenAt = facts["taken_at"]?.integer, let nonce = facts["nonce"]?.string, let digest = facts["digest"]?.string
        else { throw BackupError("\(path) không phải bản sao lưu của Newsroom (thiếu bảng newsroom_backup hoặc khóa)") }
        let file = FileSlotDigest(path: path)
        guard let offset = try file.uniqueOffset(of: Array(digest.utf8)) else {
            throw BackupError("bản sao lưu \(path) bị hỏng: không thấy mã kiểm tra SHA-256")
        }
        guard try file.digest(replacing: offset, with: Array(placeholder(nonce).utf8)) == digest else {
            throw BackupError("bản sao lưu \(path) bị hỏng: nội dung tệp không khớp mã kiểm tra SHA-256 lúc sao lưu")
        }
        let summary = Summary(takenAt: Date(timeIntervalSince1970: TimeInterval(takenAt)), counts: counts, bytes: fileSize(path))
        return (summary, key)
    }

    /// What the digest's slot holds while the digest is computed: as long as a digest, and derived from a nonce kept
    /// beside it.
    private static func placeholder(_ nonce: String) -> String { hex(SHA256.hash(data: Data("slot:\(nonce)".utf8))) }

    private static func hex(_ digest: some Sequence<UInt8>) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    /// Puts the backup at `backup` in place as the site at `path` with its key file, after verifying it. Refuses to
    /// replace a site that has articles or comments unless `force`.
    public static func restore(_ backup: String, to path: String, force: Bool, logger: Logger) async throws -> Summary {
        let (summary, key) = try await verify(backup, logger: logger)
        if FileManager.default.fileExists(atPath: path), fileSize(path) > 0, !force {
            let existing = try? await withConnection(path, logger: logger) { try await count($0) }
            let rows = existing?.filter { ["articles", "comments"].contains($0.table) }.reduce(0) { $0 + $1.rows } ?? 1
            if rows > 0 {
                throw BackupError(
                    "tại \(path) đã có một trang có dữ liệu; thêm --force để thay nó bằng bản sao lưu (nên sao lưu trang hiện tại trước)")
            }
        }
        let directory = (path as NSString).deletingLastPathComponent
        guard access(directory.isEmpty ? "." : directory, W_OK) == 0 else {
            throw BackupError(
                "thư mục \(directory.isEmpty ? "." : directory) không có hoặc không ghi được: tạo nó, hoặc chọn đường dẫn khác")
        }
        let partial = path + ".restoring-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: partial) }
        try FileManager.default.copyItem(atPath: backup, toPath: partial)
        chmod(partial, 0o600)
        try await withConnection(partial, logger: logger) { connection in
            _ = try await connection.query("DROP TABLE newsroom_backup")
            _ = try await connection.query("PRAGMA journal_mode = WAL")
        }
        try syncFile(partial)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        let keyPath = SQLiteSite.keyPath(for: path)
        try? FileManager.default.removeItem(atPath: keyPath)
        guard FileManager.default.createFile(atPath: keyPath, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
            throw BackupError("không ghi được tệp khóa \(keyPath)")
        }
        return summary
    }

    private static func count(_ connection: SQLiteConnection) async throws -> [(table: String, rows: Int)] {
        var counts: [(table: String, rows: Int)] = []
        for table in countedTables {
            let rows = try await connection.query("SELECT count(*) AS n FROM \(table)")
            counts.append((table, rows.first?.column("n")?.integer ?? 0))
        }
        return counts
    }

    /// A connection of its own to the file at `path` for `body`, closed after it whatever happens (also for the
    /// start-up check of `SQLiteSite`).
    static func withConnection<T: Sendable>(
        _ path: String, logger: Logger, _ body: (SQLiteConnection) async throws -> T
    ) async throws -> T {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: NIOThreadPool.singleton, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any())
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw BackupError("không mở được \(path) để ghi xuống đĩa") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BackupError("không ghi được \(path) xuống đĩa (fsync)") }
    }
}

/// A backup or restore that cannot go on, with a Vietnamese message.
public struct BackupError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
