import Foundation
import Logging
import NewsroomCore
import NewsroomStorage
import SQLKit

// The search benchmark: builds a corpus of synthetic Vietnamese articles in a new database, times the index build
// (`newsroom reindex`'s work), then runs a fixed query mix and prints p50 and p99 of the search call (the query, and the
// snippets of the page of results, as the API makes them).
//
//   swift run -c release SearchBenchmark [--articles 100000] [--rounds 20] [--database sqlite:///tmp/x.sqlite] [--reindex]
//
// Without --database it uses a new SQLite file in a temporary folder. A database that already holds the corpus is
// searched as it is (its index rebuilt only with --reindex).

let queryMix = [
    "bo ngoai giao", "Bộ Ngoại giao", "da lat", "Đà Lạt", "ngoaij giao", "Vieejt Nam", "Vie65t Nam", "gia xang", "giá vàng",
    "\"xuất khẩu gạo\"", "bàn ghế", "ban ket", "học bổng", "lu mien trung", "thành phố hồ chí minh", "chung khoan",
    "mùa hoa dã quỳ", "Nguyễn Văn Minh", "phu quoc", "tuyen sinh dai hoc", "cảng biển", "!!!",
]
let filteredQueries: [(String, SearchFilter)] = [
    ("ha noi", SearchFilter(category: "thoi-su")), ("gia vang", SearchFilter(category: "kinh-te")),
]

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

let count = Int(option("--articles") ?? "100000") ?? 100_000
let rounds = Int(option("--rounds") ?? "20") ?? 20
let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "newsroom-search-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let url = try DatabaseURL(parsing: option("--database") ?? "sqlite://\(folder.path)/search.sqlite")
var logger = Logger(label: "search-benchmark")
logger.logLevel = .warning
let store = try await Store.open(url, migrations: .apply, logger: logger)
let database = store.database
print("database: \(url)")

// 1. The corpus, written straight into the tables (the index is built afterwards, and timed).
let clock = ContinuousClock()
var started = clock.now
let existing = try await store.articles.count()
let generate = existing == 0
var corpus = Corpus()
let now = Int64(Date().timeIntervalSince1970 * 1000)
let categories =
    !generate
    ? [:]
    : try await database.write { db -> [String: Int64] in
        var ids: [String: Int64] = [:]
        for topic in Corpus.topics {
            let slug = VietnameseText.slug(topic.category)
            let row = try await db.raw(
                "INSERT INTO topics (kind, slug, name) VALUES ('category', \(bind: slug), \(bind: topic.category)) RETURNING id"
            ).first()
            ids[topic.category] = try row!.decode(column: "id", as: Int64.self)
        }
        return ids
    }
let batch = 1000
var bytes = 0
for start in stride(from: 0, to: generate ? count : 0, by: batch) {
    var rows: [(slug: String, title: String, sapo: String, body: String, publishedAt: Int64, category: Int64)] = []
    for index in start..<min(count, start + batch) {
        let article = corpus.article(index)
        let body = String(decoding: try JSONEncoder().encode(article.paragraphs.map(ArticleBlock.paragraph)), as: UTF8.self)
        bytes += article.title.utf8.count + article.sapo.utf8.count + article.paragraphs.reduce(0) { $0 + $1.utf8.count }
        rows.append(
            ("bai-\(index)", article.title, article.sapo, body, now - Int64(count - index) * 600_000, categories[article.category]!))
    }
    try await database.write { [rows] db in
        for row in rows {
            let inserted = try await db.raw(
                """
                INSERT INTO articles (slug, title, sapo, body, comments_open, published_at, updated_at)
                VALUES (\(bind: row.slug), \(bind: row.title), \(bind: row.sapo), \(bind: row.body), \(bind: true),
                    \(bind: row.publishedAt), \(bind: row.publishedAt)) RETURNING id
                """
            ).first()
            let id = try inserted!.decode(column: "id", as: Int64.self)
            try await db.raw("INSERT INTO article_topics (article_id, topic_id, position) VALUES (\(bind: id), \(bind: row.category), 0)")
                .run()
        }
    }
}
if generate {
    print(
        String(
            format: "corpus: %d articles, %.0f MB of text, written in %.1f s", count, Double(bytes) / 1e6,
            milliseconds(clock.now - started) / 1000))
} else {
    print("corpus: \(existing) articles already there")
}

// 2. The index build.
if CommandLine.arguments.contains("--optimize") {
    started = clock.now
    try await database.write { db in try await db.raw("INSERT INTO article_search (article_search) VALUES ('optimize')").run() }
    print(String(format: "optimize: %.1f s", milliseconds(clock.now - started) / 1000))
}
if generate || CommandLine.arguments.contains("--reindex") {
    started = clock.now
    let indexed = try await store.search.rebuild()
    print(String(format: "index build: %d articles in %.1f s", indexed, milliseconds(clock.now - started) / 1000))
}

if let text = option("--explain") {
    let query = SearchQuery(text)
    let match = FTS5Expression.of(query)
    print("match: \(match)")
    for (label, sql) in [
        ("count", "SELECT COUNT(*) AS n FROM article_search WHERE article_search MATCH ?"),
        ("rowid top 30", "SELECT rowid AS id FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT 30"),
        (
            "bm25 top 30",
            "SELECT rowid AS id FROM article_search WHERE article_search MATCH ? ORDER BY bm25(article_search, 10.0, 4.0, 1.0, 10.0, 4.0, 1.0) LIMIT 30"
        ),
        ("rank top 30", "SELECT rowid AS id FROM article_search WHERE article_search MATCH ? ORDER BY rank LIMIT 30"),
    ] {
        for _ in 0..<2 {
            let begin = clock.now
            _ = try await database.read { db in
                try await db.raw(
                    SQLQueryString(
                        stringLiteral: sql.replacingOccurrences(of: "?", with: "'\(match.replacingOccurrences(of: "'", with: "''"))'"))
                ).all()
            }
            print(String(format: "  %@: %.2f ms", label, milliseconds(clock.now - begin)))
        }
    }
    exit(0)
}

// 3. The query mix: one warm-up round, then `rounds` rounds.
func search(_ text: String, _ filter: SearchFilter) async throws -> (Double, Int) {
    let begin = clock.now
    let query = SearchQuery(text)
    let results = try await store.search.search(query, filter: filter, limit: 10, offset: 0)
    for article in results.articles {
        _ = SearchSnippet(([article.sapo] + article.body.map(\.plainText)).joined(separator: " "), query: query)
        _ = SearchSnippet.whole(article.title, query: query)
    }
    return (milliseconds(clock.now - begin), results.total)
}
let mix = queryMix.map { ($0, SearchFilter()) } + filteredQueries
var totals: [String: Int] = [:]
for (text, filter) in mix {
    let (elapsed, total) = try await search(text, filter)
    totals[text] = total
    print(String(format: "  warm-up %-28@ %7d matches %8.2f ms", text as NSString, total, elapsed))
}
var samples: [Double] = []
var perQuery: [String: [Double]] = [:]
for _ in 0..<rounds {
    for (text, filter) in mix {
        let (elapsed, _) = try await search(text, filter)
        samples.append(elapsed)
        perQuery[text, default: []].append(elapsed)
    }
}
samples.sort()
for (text, _) in mix {
    let times = perQuery[text]!.sorted()
    print(
        String(
            format: "  %-28@ %7d matches  p50 %6.2f ms  max %6.2f ms", text as NSString, totals[text]!, percentile(times, 0.5), times.last!)
    )
}
print(
    String(
        format: "search over %d queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms", samples.count, percentile(samples, 0.5),
        percentile(samples, 0.99), samples.last!))
await store.close()
