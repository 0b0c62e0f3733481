import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit

/// What a SQLite site's files must be before `serve` opens them. A site is created only where nothing of one exists
/// (neither the database nor its key file); anything else that is not a sound, writable database is refused with a
/// message that names the path, the cause and the fix, instead of silently becoming an empty (or demo) site.
public enum SQLiteSite {
    /// How thoroughly the file is checked at start: `quick` (`PRAGMA quick_check`, the default), `full`
    /// (`integrity_check`, reads every page) or `off`.
    public enum Check: String, Sendable, CaseIterable { case quick, full, off }

    /// The key file that lives beside a database.
    public static func keyPath(for path: String) -> String { path + ".key" }

    /// Checks the files at `path` and returns whether this is a new site. `usesKeyFile` is false when the secret
    /// comes from the environment instead.
    public static func inspect(path given: String, usesKeyFile: Bool, check: Check, logger: Logger) async throws -> Bool {
        let files = FileManager.default
        // Messages name the absolute path: the operator may not know which directory the service started in.
        let path = given.hasPrefix("/") ? given : files.currentDirectoryPath + "/" + given
        let keyPath = keyPath(for: path)
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if usesKeyFile, files.fileExists(atPath: keyPath) {
                throw refusal(
                    path,
                    "không có tệp cơ sở dữ liệu nhưng tệp khóa \(keyPath) của trang vẫn còn: tệp dữ liệu đã bị xóa, đổi tên, hoặc đường dẫn bị gõ sai",
                    fix:
                        "kiểm tra lại --database; khôi phục bản sao lưu gần nhất bằng `newsroom restore BẢN_SAO_LƯU --database sqlite://\(path)`; chỉ khi thật sự muốn bắt đầu một trang mới mới xóa tệp khóa"
                )
            }
            // SQLite would replay a journal left by a site that was here into the new file.
            if let journal = ["-wal", "-journal"].map({ path + $0 }).first(where: files.fileExists(atPath:)) {
                throw refusal(
                    path, "không có tệp cơ sở dữ liệu nhưng còn tệp nhật ký \(journal) của một trang đã ở đây",
                    fix:
                        "khôi phục bản sao lưu bằng `newsroom restore BẢN_SAO_LƯU --database sqlite://\(path)`, hoặc, nếu thật sự muốn bắt đầu một trang mới, dời tệp \(journal) đi"
                )
            }
            guard access(directory, W_OK) == 0 else {
                throw refusal(
                    path, "không tạo được trang mới: thư mục \(directory) không ghi được",
                    fix: "cấp quyền ghi cho thư mục hoặc chọn đường dẫn khác")
            }
            logger.notice("Không có trang nào tại \(path): tạo trang mới (tệp cơ sở dữ liệu và tệp khóa).")
            // A mistyped path looks like a new site; other sites beside it suggest that it may be one.
            let siblings = ((try? files.contentsOfDirectory(atPath: directory)) ?? [])
                .filter {
                    $0.hasSuffix(".key") && files.fileExists(atPath: (directory as NSString).appendingPathComponent(String($0.dropLast(4))))
                }
                .map { String($0.dropLast(4)) }
            if !siblings.isEmpty {
                logger.warning(
                    "Trang mới \(path) nằm cạnh trang đã có (\(siblings.sorted().joined(separator: ", "))): nếu --database bị gõ sai, dừng lại và sửa đường dẫn."
                )
            }
            return true
        }
        guard !isDirectory.boolValue else {
            throw refusal(
                path, "đây là một thư mục, không phải tệp cơ sở dữ liệu",
                fix: "chỉ --database tới một tệp, ví dụ sqlite://\(path)/newsroom.sqlite")
        }
        let restore = "khôi phục bản sao lưu gần nhất bằng `newsroom restore BẢN_SAO_LƯU --database sqlite://\(path) --force`"
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw refusal(path, "không đọc được tệp (quyền truy cập)", fix: "cấp quyền đọc và ghi tệp cho người dùng chạy Newsroom")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty {
            throw refusal(path, "tệp rỗng (0 byte): dữ liệu của trang đã mất, có thể do ổ đĩa đầy hoặc một lệnh ghi đè", fix: restore)
        }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw refusal(
                path, "tệp không phải cơ sở dữ liệu SQLite (phần đầu tệp không đúng)", fix: "kiểm tra lại --database, hoặc \(restore)")
        }
        guard access(path, W_OK) == 0, access(directory, W_OK) == 0 else {
            throw refusal(
                path, "tệp hoặc thư mục chứa nó chỉ đọc: trang sẽ không lưu được bình luận nào",
                fix: "cấp quyền ghi cho người dùng chạy Newsroom (tệp, thư mục và hệ thống tệp), rồi chạy lại")
        }
        if check != .off, let problem = await integrityProblem(path: path, full: check == .full, logger: logger) {
            throw refusal(path, "tệp bị hỏng (\(check == .full ? "integrity_check" : "quick_check"): \(problem))", fix: restore)
        }
        return false
    }

    /// What SQLite's own check finds wrong in the file at `path`, or nil when it says "ok".
    static func integrityProblem(path: String, full: Bool, logger: Logger) async -> String? {
        do {
            let rows = try await SQLiteBackup.withConnection(path, logger: logger) { connection in
                try await connection.query(full ? "PRAGMA integrity_check" : "PRAGMA quick_check")
            }
            let lines = rows.compactMap { $0.columns.first?.data.string }.flatMap { $0.split(separator: "\n") }.map(String.init)
            return lines == ["ok"] ? nil : lines.prefix(3).joined(separator: "; ") + (lines.count > 3 ? "; …" : "")
        } catch {
            return "\(error)"
        }
    }

    private static func refusal(_ path: String, _ cause: String, fix: String) -> ConfigurationError {
        ConfigurationError(setting: "--database", message: "không mở trang tại \(path): \(cause). Cách khắc phục: \(fix).")
    }
}
