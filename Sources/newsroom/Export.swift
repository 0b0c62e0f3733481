import ArgumentParser
import Foundation
import NewsroomStorage

/// `newsroom export [--output FILE] [--include-secrets]`: the whole site as JSON Lines (docs/export-format.md), to load
/// into an empty site of either database with `newsroom import --format json`.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Xuất toàn bộ trang thành JSON Lines (bài viết, phiên bản, chuyên mục, bình luận, báo cáo, nhật ký kiểm duyệt, từ khóa, tài khoản).",
        discussion: """
            Không kèm mật khẩu (đã băm) của tài khoản trừ khi có --include-secrets. Nạp vào một trang trống bằng \
            `newsroom import --format json TỆP --database URL`. Tệp ảnh (--media-dir) được chép riêng, xem docs/export-format.md.
            """)

    @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL, mặc định sqlite://newsroom.sqlite).") var database: String?
    @Option(help: "Tệp cần ghi (mặc định: đầu ra chuẩn). Không ghi đè tệp đã có.") var output: String?
    @Flag(help: "Kèm mã băm mật khẩu của tài khoản ban biên tập.") var includeSecrets = false
    @Option(help: "Thư mục ảnh của trang, để ghi kích thước và mã SHA-256 của từng tệp (NEWSROOM_MEDIA_DIR, mặc định media).")
    var mediaDir: String?

    func run() async throws {
        let logger = Settings.commandLogger()
        try await CommandFailure.reporting {
            let handle: FileHandle
            if let output {
                guard !FileManager.default.fileExists(atPath: output) else {
                    throw ValidationError("\(output) đã tồn tại: chọn tên khác hoặc xóa tệp cũ trước")
                }
                let mode: Int = includeSecrets ? 0o600 : 0o644
                guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: mode]),
                    let opened = FileHandle(forWritingAtPath: output)
                else { throw ValidationError("không tạo được tệp \(output)") }
                handle = opened
            } else {
                handle = FileHandle.standardOutput
            }
            let store = try await SiteOpening.open(try Settings.database(database), longRunning: true, logger: logger)
            let writer = LineWriter(handle: handle)
            do {
                let media = Settings.value(mediaDir, variable: "NEWSROOM_MEDIA_DIR") ?? "media"
                let counts = try await SiteExport.write(store, includeSecrets: includeSecrets, mediaDirectory: media) {
                    try writer.write($0)
                }
                try writer.flush()
                await store.close()
                let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                FileHandle.standardError.write(Data("Đã xuất \(summary)\n".utf8))
            } catch {
                await store.close()
                if let output { try? FileManager.default.removeItem(atPath: output) }
                throw error
            }
        }
    }
}
