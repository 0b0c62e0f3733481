import Foundation
import VaporCSQLite

/// `newsroom_bm25(article_search, documents₀, documents₁, …)`: FTS5's `bm25()` as FTS5 computes it (k1 = 1.2,
/// b = 0.75, a weight per column), except that the number of articles holding each phrase of the query comes as an
/// argument, one per phrase in the order FTS5 numbers them. The built-in `bm25()` counts them itself on every query by
/// reading each phrase's whole list of documents: 3 to 4 ms for each common syllable at 100,000 articles, which made
/// most of a search's time. `search_terms` keeps those counts instead (see `SearchTermCounts`).
///
/// The C API is sqlite-nio's own copy of SQLite (`VaporCSQLite`, whose functions carry the `sqlite_nio_` prefix): the
/// function must be registered in the library that opens the connections.
enum SearchRanking {
    static let functionName = "newsroom_bm25"
    /// The weights of `article_search`'s columns: title, lede and body, folded then exact.
    static let weights: [Double] = [10, 4, 1, 10, 4, 1]

    /// Registers the function on every SQLite connection this process opens from now on (once per process).
    static let install: Void = {
        let entryPoint: @convention(c) (OpaquePointer?, OpaquePointer?, OpaquePointer?) -> Int32 = { db, _, _ in
            SearchRanking.register(on: db)
        }
        sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entryPoint, to: (@convention(c) () -> Void).self))
    }()

    /// Finds the connection's FTS5 API (the documented way: `SELECT fts5(?1)` with a bound pointer) and adds the
    /// function to it.
    private static func register(on db: OpaquePointer?) -> Int32 {
        var statement: OpaquePointer?
        var status = sqlite_nio_sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nil)
        guard status == SQLITE_OK else { return status }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        let slot = UnsafeMutablePointer<UnsafeMutablePointer<fts5_api>?>.allocate(capacity: 1)
        slot.initialize(to: nil)
        defer { slot.deallocate() }
        // SQLite keeps the type's address until the statement ends: a static string outlives it.
        let type = UnsafeRawPointer(StaticString("fts5_api_ptr").utf8Start).assumingMemoryBound(to: CChar.self)
        status = sqlite_nio_sqlite3_bind_pointer(statement, 1, slot, type, nil)
        guard status == SQLITE_OK else { return status }
        _ = sqlite_nio_sqlite3_step(statement)
        guard let api = slot.pointee, let create = api.pointee.xCreateFunction else { return SQLITE_ERROR }
        return create(api, functionName, nil, score, nil)
    }

    /// The score of the current row: negative, lower is better, as `bm25()`.
    private static let score: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let fts else { return }
        let k1 = 1.2
        let b = 0.75
        let phrases = Int(api.xPhraseCount(fts))
        var rows: Int64 = 0
        var tokens: Int64 = 0
        var length: Int32 = 0
        var instances: Int32 = 0
        var status = api.xRowCount(fts, &rows)
        if status == SQLITE_OK { status = api.xColumnTotalSize(fts, -1, &tokens) }
        if status == SQLITE_OK { status = api.xColumnSize(fts, -1, &length) }
        if status == SQLITE_OK { status = api.xInstCount(fts, &instances) }
        guard status == SQLITE_OK else { return sqlite_nio_sqlite3_result_error_code(context, status) }
        let total = Double(max(rows, 1))
        let average = Double(tokens) / total
        let score = withUnsafeTemporaryAllocation(of: Double.self, capacity: max(phrases, 1)) { frequency in
            frequency.initialize(repeating: 0)
            for instance in 0..<instances {
                var phrase: Int32 = 0
                var column: Int32 = 0
                var offset: Int32 = 0
                guard api.xInst(fts, instance, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phrases else { continue }
                frequency[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1
            }
            var score = 0.0
            for phrase in 0..<phrases {
                let documents = phrase < Int(count) ? sqlite_nio_sqlite3_value_double(values?[phrase]) : 0
                var idf = log((total - documents + 0.5) / (documents + 0.5))
                if idf <= 0 { idf = 1e-6 }
                let f = frequency[phrase]
                score += idf * (f * (k1 + 1)) / (f + k1 * (1 - b + b * Double(length) / average))
            }
            return score
        }
        sqlite_nio_sqlite3_result_double(context, -score)
    }
}
