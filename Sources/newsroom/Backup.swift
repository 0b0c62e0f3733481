import ArgumentParser
import Foundation
import Logging
import NewsroomStorage

/// `newsroom backup FILE`: an online, consistent copy of a SQLite site, with its key, while it serves;
/// `newsroom backup --verify FILE`: checks one and prints what it holds.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sao lưu trang SQLite (kể cả khóa) khi trang đang chạy, hoặc kiểm tra một bản sao lưu (--verify).",
        discussion: "Bản sao lưu chứa khóa bí mật của trang: giữ nó kín như tệp khóa. PostgreSQL: dùng pg_dump (xem README).")

    @Option(help: "sqlite://ĐƯỜNG_DẪN (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).") var database: String?
    @Flag(help: "Kiểm tra bản sao lưu FILE (integrity_check, mã SHA-256 của nội dung) và in số bản ghi.") var verify = false
    @Argument(help: "Tệp sao lưu cần tạo (chưa tồn tại) hoặc cần kiểm tra.") var file: String

    func run() async throws {
        let logger = Settings.commandLogger()
        try await CommandFailure.reporting {
            if verify {
                let summary = try await SQLiteBackup.verify(file, logger: logger).summary
                print("Bản sao lưu \(file) hợp lệ.\n\(summary)")
                return
            }
            let url = try Settings.database(database)
            guard case .sqlite(let path) = url else {
                throw ValidationError("trang chạy trên PostgreSQL: sao lưu bằng pg_dump -Fc như README hướng dẫn")
            }
            try await SiteOpening.inspect(url, secret: SiteOpening.secretText(nil), check: .off, logger: logger)
            let key = try siteKey(path: path)
            let summary = try await SQLiteBackup.take(from: path, to: file, key: key, logger: logger)
            _ = try await SQLiteBackup.verify(file, logger: logger)
            print("Đã sao lưu \(path) vào \(file) và kiểm tra lại.\n\(summary)")
        }
    }

    /// The key a restored site must keep: the secret when one is set, else the key file.
    private func siteKey(path: String) throws -> [UInt8] {
        if let secret = SiteOpening.secretText(nil) { return try SiteOpening.keyBytes(secret) }
        let keyPath = SQLiteSite.keyPath(for: path)
        guard let key = FileManager.default.contents(atPath: keyPath), key.count >= 32 else {
            throw ValidationError("không đọc được tệp khóa \(keyPath); không có nó, trang khôi phục sẽ mất mọi biểu mẫu đang mở")
        }
        return Array(key)
    }
}

/// `newsroom restore FILE`: puts a verified backup in place as the site, key file included.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Khôi phục trang SQLite từ một bản sao lưu (kiểm tra trước, đặt lại cả tệp khóa).",
        discussion: "Dừng newsroom serve trước khi khôi phục. PostgreSQL: dùng pg_restore (xem README).")

    @Option(help: "sqlite://ĐƯỜNG_DẪN (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).") var database: String?
    @Flag(help: "Thay cả một trang đã có bài viết hoặc bình luận.") var force = false
    @Argument(help: "Bản sao lưu (do newsroom backup tạo).") var file: String

    func run() async throws {
        let logger = Settings.commandLogger()
        try await CommandFailure.reporting {
            guard case .sqlite(let path) = try Settings.database(database) else {
                throw ValidationError("trang chạy trên PostgreSQL: khôi phục bằng pg_restore như README hướng dẫn")
            }
            let summary = try await SQLiteBackup.restore(file, to: path, force: force, logger: logger)
            print("Đã khôi phục \(path) (và tệp khóa \(SQLiteSite.keyPath(for: path))) từ \(file).\n\(summary)")
        }
    }
}
