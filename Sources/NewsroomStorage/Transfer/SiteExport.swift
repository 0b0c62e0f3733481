import Foundation
import SQLKit

/// `newsroom export`: the whole site as JSON Lines (docs/export-format.md). The first line says what the file is;
/// then each table's rows in primary-key order, read page by page inside one read-only transaction, so a site of
/// any size is written with flat memory and as one consistent moment even while it serves.
public enum SiteExport {
    /// The export format's version, in the first line.
    public static let format = 1
    static let page = 1000

    /// Writes every line (without its newline) to `emit`; returns how many records of each type were written.
    @discardableResult
    /// `mediaDirectory` is the site's media folder, whose files the `media` records describe (nil: sizes unknown).
    public static func write(
        _ store: Store, includeSecrets: Bool, mediaDirectory: String? = nil, to emit: @escaping @Sendable (String) throws -> Void
    ) async throws -> [String: Int] {
        let database = store.database
        let dialect = database.dialect
        let schema = Migrations.all.last?.version ?? 0
        return try await database.read { db in
            try await db.raw("\(unsafeRaw: dialect.snapshotBegin)").run()
            do {
                try emit(
                    TransferRecord(
                        type: "newsroom",
                        fields: [
                            ("format", .integer(Int64(format))), ("schema", .integer(Int64(schema))), ("secrets", .boolean(includeSecrets)),
                        ]
                    ).line)
                var counts: [String: Int] = [:]
                var media = MediaReferences()
                for table in TransferTables.all {
                    let columns = table.columns.filter { includeSecrets || !$0.secret }
                    counts[table.record] = try await rows(of: table, columns: columns, dialect: dialect, db) { fields in
                        if table.name == "articles" {
                            for case (let name, .text(let text)) in fields where ["body", "markdown", "coverImage"].contains(name) {
                                media.scan(text)
                            }
                        }
                        try emit(TransferRecord(type: table.record, fields: fields).line)
                    }
                }
                let files = media.records(in: mediaDirectory)
                for record in files { try emit(record.line) }
                counts["media"] = files.count
                try await db.raw("COMMIT").run()
                return counts
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Reads a table page by page after the last key seen, handing each row's fields to `each`.
    private static func rows(
        of table: TransferTables.Table, columns: [TransferTables.Column], dialect: DatabaseDialect, _ db: any SQLDatabase,
        each: ([(String, TransferValue)]) throws -> Void
    ) async throws -> Int {
        let keyColumns = table.key.map { key in table.columns.first { $0.name == key }! }
        let ordered = keyColumns.map { dialect.byteOrdered($0) }.joined(separator: ", ")
        let selected = columns.map(\.name).joined(separator: ", ")
        var last: [TransferValue]?
        var count = 0
        while true {
            var query = SQLQueryString("SELECT \(unsafeRaw: selected) FROM \(unsafeRaw: table.name)")
            if let last {
                query = query + " WHERE (\(unsafeRaw: ordered)) > ("
                for (index, value) in last.enumerated() {
                    if index > 0 { query = query + ", " }
                    query = query + bind(value)
                }
                query = query + ")"
            }
            query = query + " ORDER BY \(unsafeRaw: ordered) LIMIT \(unsafeRaw: String(page))"
            let rows = try await db.raw(query).all()
            for row in rows {
                let fields = try columns.map { column in (column.field, try value(of: column, in: row)) }
                try each(fields)
                count += 1
            }
            guard rows.count == page, let row = rows.last else { return count }
            last = try keyColumns.map { try value(of: $0, in: row) }
        }
    }

    static func value(of column: TransferTables.Column, in row: any SQLRow) throws -> TransferValue {
        switch column.kind {
        case .integer:
            return try row.decode(column: column.name, as: Int64?.self).map(TransferValue.integer) ?? .null
        case .text:
            return try row.decode(column: column.name, as: String?.self).map(TransferValue.text) ?? .null
        case .boolean:
            return .boolean(try row.decode(column: column.name, as: Bool.self))
        }
    }

    static func bind(_ value: TransferValue) -> SQLQueryString {
        switch value {
        case .null: "NULL"
        case .integer(let number): "\(bind: number)"
        case .text(let text): "\(bind: text)"
        case .boolean(let flag): "\(bind: flag)"
        }
    }
}
