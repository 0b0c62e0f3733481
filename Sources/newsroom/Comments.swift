import ArgumentParser
import Foundation
import Logging
import NewsroomCore
import NewsroomStorage

/// `newsroom comments list|approve|reject`: moderation from the command line until the desk exists.
struct Comments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xem và duyệt bình luận.", subcommands: [List.self, Approve.self, Reject.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "In ID<TAB>ID_BÀI<TAB>TRẠNG_THÁI<TAB>TÁC_GIẢ<TAB>NỘI_DUNG, mỗi bình luận một dòng.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Flag(help: "Chỉ những bình luận đang chờ duyệt.") var pending = false

        func run() async throws {
            let store = try await Comments.open(database)
            let comments = try await store.comments.list(status: pending ? .pending : nil)
            await store.close()
            for comment in comments {
                print(
                    [
                        String(comment.id), String(comment.articleID), comment.status.rawValue, Comments.oneLine(comment.author),
                        Comments.oneLine(comment.body),
                    ].joined(separator: "\t"))
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đăng các bình luận có ID đã cho.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Argument(help: "ID bình luận.") var ids: [Int64]

        func run() async throws { try await Comments.setStatus(.published, ids: ids, database: database) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Từ chối các bình luận có ID đã cho (gỡ cả bình luận đã đăng).")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Argument(help: "ID bình luận.") var ids: [Int64]

        func run() async throws { try await Comments.setStatus(.rejected, ids: ids, database: database) }
    }

    static func open(_ database: String?) async throws -> Store {
        let logger = Settings.commandLogger()
        return try await SiteOpening.open(try Settings.database(database), logger: logger)
    }

    static func setStatus(_ status: CommentStatus, ids: [Int64], database: String?) async throws {
        let store = try await open(database)
        let changed: [Comment.ID]
        do {
            changed = try await store.comments.setStatus(status, ids: ids)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        for id in changed { print("\(id)\t\(status.rawValue)") }
        let missing = Set(ids).subtracting(changed).sorted()
        if !missing.isEmpty {
            FileHandle.standardError.write(Data("lỗi: không có bình luận \(missing.map(String.init).joined(separator: ", "))\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Tabs and line breaks become spaces so that one comment is one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
