import NewsroomCore

/// A query's terms, engine-neutral: the required ones (each a folded word with its readings as alternatives, or a
/// phrase) and the exact keys that only raise the score. Every alternative and every boost is a phrase: one word, or
/// words that must follow each other.
struct MatchTerms {
    var required: [[[String]]] = []
    var boosts: [[String]] = []

    init(_ query: SearchQuery, exactPrefix: String = "") {
        for term in query.terms {
            switch term {
            case .word(let readings):
                required.append(readings.map { [$0.folded] })
                boosts += readings.filter(\.hasMarks).map { [exactPrefix + $0.exact] }
            case .phrase(let words):
                required.append([words.map(\.folded)])
                if words.contains(where: \.hasMarks) { boosts.append(words.map { exactPrefix + $0.exact }) }
            }
        }
    }
}

/// A query as an FTS5 MATCH expression. Every token is a run of letters and digits in double quotes, so nothing the
/// reader typed is read as FTS5 syntax.
struct FTS5Query {
    /// Written before every exact key in the index, so exact keys and folded words never share a token: no query
    /// needs a column filter (which FTS5 applies position by position, the slow path on long doclists).
    static let exactPrefix = "0"

    let expression: String
    /// The expression's phrases in the order FTS5 numbers them (the order they are written), each as its words.
    let phrases: [[String]]

    init(_ query: SearchQuery) {
        let terms = MatchTerms(query, exactPrefix: Self.exactPrefix)
        let required = terms.required.map { "(" + $0.map(Self.phrase).joined(separator: " OR ") + ")" }
        // The boosts are optional: OR-ed with the first required term, which every match has anyway, so they add to
        // the score only where they match.
        let all = required.joined(separator: " AND ")
        if terms.boosts.isEmpty {
            expression = all
            phrases = terms.required.flatMap { $0 }
        } else {
            let optional = terms.boosts.map(Self.phrase) + [required[0]]
            expression = "\(all) AND (\(optional.joined(separator: " OR ")))"
            phrases = terms.required.flatMap { $0 } + terms.boosts + terms.required[0]
        }
    }

    static func phrase(_ words: [String]) -> String {
        "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "") + "\""
    }
}

/// A query as PostgreSQL `to_tsquery` text: the required terms (folded), and the exact keys that raise the rank.
struct TSQuery {
    let folded: String
    let exact: String?

    init(_ query: SearchQuery) {
        let terms = MatchTerms(query)
        folded = terms.required.map { "(" + $0.map(Self.phrase).joined(separator: " | ") + ")" }.joined(separator: " & ")
        exact = terms.boosts.isEmpty ? nil : terms.boosts.map(Self.phrase).joined(separator: " | ")
    }

    static func phrase(_ words: [String]) -> String {
        words.count == 1 ? lexeme(words[0]) : "(" + words.map(lexeme).joined(separator: " <-> ") + ")"
    }

    /// A lexeme quoted for `to_tsquery`.
    static func lexeme(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "") + "'" }
}

/// The FTS5 expression of a query, for tools (the search benchmark explains its plans with it).
public enum FTS5Expression {
    public static func of(_ query: SearchQuery) -> String { FTS5Query(query).expression }
}
