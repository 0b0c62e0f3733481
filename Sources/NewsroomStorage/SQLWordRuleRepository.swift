import NewsroomCore
import SQLKit

/// The word lists over SQLKit.
public struct SQLWordRuleRepository: WordRuleRepository {
    let database: any Database

    public func all() async throws -> [WordRule] {
        try await database.read { db in
            try await db.raw("SELECT phrase, kind FROM word_rules ORDER BY phrase").all().compactMap { row -> WordRule? in
                let phrase = try row.decode(column: "phrase", as: String.self)
                return WordKind(rawValue: try row.decode(column: "kind", as: String.self)).map { WordRule(phrase, $0) }
            }
        }
    }

    public func add(_ rules: [WordRule]) async throws {
        guard !rules.isEmpty else { return }
        try await database.write { db in
            for rule in rules where !rule.phrase.isEmpty {
                try await db.raw("DELETE FROM word_rules WHERE phrase = \(bind: rule.phrase)").run()
                try await db.raw("INSERT INTO word_rules (phrase, kind) VALUES (\(bind: rule.phrase), \(bind: rule.kind.rawValue))").run()
            }
        }
    }

    public func remove(_ phrases: [String]) async throws -> [String] {
        let phrases = phrases.map { WordRule($0, .banned).phrase }
        guard !phrases.isEmpty else { return [] }
        return try await database.write { db in
            let existing = try await db.raw("SELECT phrase FROM word_rules WHERE phrase IN (\(binds: phrases))").all()
                .map { try $0.decode(column: "phrase", as: String.self) }
            try await db.raw("DELETE FROM word_rules WHERE phrase IN (\(binds: phrases))").run()
            return existing.sorted()
        }
    }
}
