import Foundation
import SQLKit

/// `newsroom import --format json`: loads a whole-site export (docs/export-format.md) into an empty site of either
/// database, in one transaction (all of it or nothing), inserting rows in batches as the lines are read, so memory
/// stays flat however large the site. Ids are kept, so links and permalinks keep working; the search index is rebuilt
/// afterwards. Staff accounts exported without their password hashes get one no password matches: they set a new
/// one with `newsroom user password`.
public enum SiteImport {
    /// A password hash no password matches.
    static let lockedPassword = "!"
    static let batch = 200

    /// What was loaded: records of each type.
    public typealias Counts = [String: Int]

    /// Loads the export whose lines `nextLine` gives one by one (nil at the end). Throws `TransferError` for a malformed
    /// file or a site that is not empty.
    ///
    /// `mediaDirectory` is the new site's media folder, checked against the `media` records: the files missing from it
    /// (or different) are counted as `mediaMissing`, for the command to warn about.
    public static func load(
        _ store: Store, mediaDirectory: String? = nil, nextLine: @escaping @Sendable () throws -> String?
    ) async throws -> Counts {
        let database = store.database
        let dialect = database.dialect
        let counts = try await database.write { db -> Counts in
            try await requireEmpty(db)
            // The migrations' default word lists give way to the site's own.
            try await db.raw("DELETE FROM word_rules").run()
            var loader = Loader(dialect: dialect, mediaDirectory: mediaDirectory)
            var number = 0
            while let line = try nextLine() {
                number += 1
                guard !line.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { continue }
                do {
                    try await loader.take(line, db)
                } catch let error as TransferError {
                    throw TransferError(line: number, error.message)
                } catch let error as DecodingError {
                    throw TransferError(line: number, "không phải một đối tượng JSON hợp lệ (\(error.localizedDescription))")
                }
            }
            guard loader.sawHeader else { throw TransferError("tệp trống, hoặc không phải bản xuất của Newsroom") }
            try await loader.flush(db)
            if dialect == .postgres {
                for table in TransferTables.all where table.hasIdentity {
                    try await db.raw(
                        """
                        SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table.name)', 'id'),
                            COALESCE((SELECT MAX(id) FROM \(unsafeRaw: table.name)), 0) + 1, false)
                        """
                    ).run()
                }
            }
            return loader.counts
        }
        _ = try await store.search.rebuild()
        return counts
    }

    /// Refuses a site that already has content: an import never merges into one.
    private static func requireEmpty(_ db: any SQLDatabase) async throws {
        for table in ["articles", "comments", "staff", "topics"] {
            if try await db.raw("SELECT 1 AS one FROM \(unsafeRaw: table) LIMIT 1").first() != nil {
                throw TransferError(
                    "cơ sở dữ liệu đích đã có dữ liệu (bảng \(table)): chỉ nhập bản xuất vào một trang trống, ví dụ sau `newsroom migrate` trên một cơ sở dữ liệu mới"
                )
            }
        }
    }

    /// Reads records one by one and inserts them a batch at a time, table by table.
    private struct Loader {
        let dialect: DatabaseDialect
        let mediaDirectory: String?
        var sawHeader = false
        var secrets = false
        var counts: Counts = [:]
        var pending: (table: TransferTables.Table, rows: [[TransferValue]])?

        init(dialect: DatabaseDialect, mediaDirectory: String?) {
            self.dialect = dialect
            self.mediaDirectory = mediaDirectory
        }

        mutating func take(_ line: String, _ db: any SQLDatabase) async throws {
            let object = try JSONDecoder().decode([String: TransferValue].self, from: Data(line.utf8))
            guard case .text(let type)? = object["type"] else { throw TransferError("thiếu trường \"type\"") }
            guard sawHeader else {
                try header(type, object)
                return
            }
            if type == "media" {
                // Files, not rows: checked against the new site's media folder.
                counts["media", default: 0] += 1
                if let mediaDirectory, !MediaReferences.check(object, in: mediaDirectory) { counts["mediaMissing", default: 0] += 1 }
                return
            }
            guard let table = TransferTables.table(record: type) else { throw TransferError("loại bản ghi không rõ: \"\(type)\"") }
            if let pending, pending.table.record != type || pending.rows.count >= SiteImport.batch { try await flush(db) }
            var row: [TransferValue] = []
            for column in table.columns {
                row.append(try value(of: column, in: object))
            }
            if pending == nil { pending = (table, []) }
            pending?.rows.append(row)
            counts[type, default: 0] += 1
        }

        private mutating func header(_ type: String, _ object: [String: TransferValue]) throws {
            guard type == "newsroom" else { throw TransferError("dòng đầu không phải phần đầu của bản xuất Newsroom") }
            guard object["format"] == .integer(Int64(SiteExport.format)) else {
                throw TransferError("định dạng bản xuất không được hỗ trợ (cần format \(SiteExport.format))")
            }
            let schema = Int64(Migrations.all.last?.version ?? 0)
            guard object["schema"] == .integer(schema) else {
                throw TransferError(
                    "bản xuất được tạo với lược đồ khác (cần \(schema)): xuất lại bằng cùng phiên bản Newsroom với trang đích")
            }
            secrets = object["secrets"] == .boolean(true)
            sawHeader = true
        }

        private func value(of column: TransferTables.Column, in object: [String: TransferValue]) throws -> TransferValue {
            guard let value = object[column.field] else {
                if column.secret && !secrets { return .text(SiteImport.lockedPassword) }
                throw TransferError("thiếu trường \"\(column.field)\"")
            }
            switch (column.kind, value) {
            case (_, .null) where column.nullable, (.integer, .integer), (.text, .text), (.boolean, .boolean): return value
            default: throw TransferError("trường \"\(column.field)\" có giá trị sai kiểu")
            }
        }

        static func expression(_ value: TransferValue) -> any SQLExpression {
            switch value {
            case .null: SQLLiteral.null
            case .integer(let number): SQLBind(number)
            case .text(let text): SQLBind(text)
            case .boolean(let flag): SQLBind(flag)
            }
        }

        mutating func flush(_ db: any SQLDatabase) async throws {
            guard let pending, !pending.rows.isEmpty else { return }
            self.pending = nil
            // One statement a batch, its rows appended to the builder (joining query strings bind by bind would copy
            // the whole statement at each value).
            let insert = db.insert(into: pending.table.name).columns(pending.table.columns.map(\.name))
            for row in pending.rows { insert.values(row.map(Self.expression)) }
            do {
                try await insert.run()
            } catch {
                throw TransferError(
                    "không nạp được bản ghi \"\(pending.table.record)\" (\(error)): bản xuất không nhất quán, hoặc bị sửa")
            }
        }
    }
}
