import ArgumentParser
import Foundation
import NewsroomCore
import NewsroomStorage

/// `newsroom words add|list|remove`: the banned and suspect word lists.
struct Words: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Danh sách từ cấm (từ chối bình luận) và từ cần xem xét (giữ lại chờ duyệt).",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm từ hoặc cụm từ.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Flag(help: "Từ cấm: bình luận bị từ chối.") var banned = false
        @Flag(help: "Từ cần xem xét: bình luận được giữ lại chờ duyệt.") var suspect = false
        @Argument(help: "Các từ hoặc cụm từ (đặt cụm từ trong ngoặc kép).") var words: [String]

        func validate() throws {
            guard banned != suspect else { throw ValidationError("chọn một trong --banned hoặc --suspect") }
        }

        func run() async throws {
            let store = try await Comments.open(database)
            let rules = words.map { WordRule($0, banned ? .banned : .suspect) }
            try await store.words.add(rules)
            await store.close()
            for rule in rules { print("\(rule.phrase)\t\(rule.kind.rawValue)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "In TỪ<TAB>LOẠI (banned|suspect).")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?

        func run() async throws {
            let store = try await Comments.open(database)
            let rules = try await store.words.all()
            await store.close()
            for rule in rules { print("\(rule.phrase)\t\(rule.kind.rawValue)") }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bỏ từ khỏi danh sách.")
        @Option(help: "sqlite://ĐƯỜNG_DẪN hoặc postgres://… (NEWSROOM_DATABASE_URL).") var database: String?
        @Argument(help: "Các từ hoặc cụm từ.") var words: [String]

        func run() async throws {
            let store = try await Comments.open(database)
            let removed = try await store.words.remove(words)
            await store.close()
            for phrase in removed { print("\(phrase)\tremoved") }
            let missing = Set(words.map { WordRule($0, .banned).phrase }).subtracting(removed)
            if !missing.isEmpty {
                FileHandle.standardError.write(Data("lỗi: không có trong danh sách: \(missing.sorted().joined(separator: ", "))\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
