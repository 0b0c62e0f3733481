import NewsroomCore

/// The newspaper's word lists, seeded with the default list, and on each comment why a rule held or refused it
/// (with the words to highlight on the desk).
struct AddWordRulesAndHeldReasons: Migration {
    let version = 5
    let name = "AddWordRulesAndHeldReasons"

    func statements(for dialect: DatabaseDialect) -> [String] {
        let seed = DefaultWords.rules.map { rule in
            // Compile-time constants of our own, with no quote in them: safe to write as literals.
            "INSERT INTO word_rules (phrase, kind) VALUES ('\(rule.phrase)', '\(rule.kind.rawValue)')"
        }
        return [
            "CREATE TABLE word_rules (phrase TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('banned', 'suspect')))",
            "ALTER TABLE comments ADD COLUMN held_reason TEXT",
            "ALTER TABLE comments ADD COLUMN held_words TEXT",
        ] + seed
    }
}
