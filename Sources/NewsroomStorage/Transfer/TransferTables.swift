import Foundation

/// The tables a whole-site export carries, in the order an import must load them (each after those it refers to), and
/// the columns of each: the export's documented record types (docs/export-format.md). What the site rebuilds or that
/// only matters to a running server (search indexes, live events, rate limits, sessions, login failures, the backup
/// log) is left out.
enum TransferTables {
    struct Column: Sendable {
        enum Kind: Sendable { case integer, text, boolean }
        var name: String
        var kind: Kind
        var nullable: Bool
        /// Left out unless secrets are asked for (`--include-secrets`).
        var secret = false
        /// The record's field name: the column's in camelCase.
        let field: String

        init(name: String, kind: Kind, nullable: Bool, secret: Bool = false) {
            self.name = name
            self.kind = kind
            self.nullable = nullable
            self.secret = secret
            let parts = name.split(separator: "_")
            field = String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }

    struct Table: Sendable {
        /// The record's `type`.
        var record: String
        var name: String
        var columns: [Column]
        /// The columns that order the rows (and page through them): the primary key.
        var key: [String]
        /// The id column is an identity whose sequence must follow the loaded ids (PostgreSQL).
        var hasIdentity: Bool { key == ["id"] }
    }

    private static func int(_ name: String, null: Bool = false) -> Column { Column(name: name, kind: .integer, nullable: null) }
    private static func text(_ name: String, null: Bool = false) -> Column { Column(name: name, kind: .text, nullable: null) }
    private static func bool(_ name: String) -> Column { Column(name: name, kind: .boolean, nullable: false) }

    static let all: [Table] = [
        Table(record: "topic", name: "topics", columns: [int("id"), text("kind"), text("slug"), text("name")], key: ["id"]),
        Table(
            record: "article", name: "articles",
            columns: [
                int("id"), text("slug"), text("status"), text("title"), text("sapo"), text("body"), text("markdown", null: true),
                text("cover_image", null: true), bool("featured"), bool("comments_open"), text("moderation", null: true),
                int("published_at"), int("updated_at"), int("comments_version"), text("embed_url", null: true),
                text("embed_site", null: true),
            ], key: ["id"]),
        Table(
            record: "articleTopic", name: "article_topics", columns: [int("article_id"), int("topic_id"), int("position")],
            key: ["article_id", "topic_id"]),
        Table(
            record: "revision", name: "article_revisions",
            columns: [int("id"), int("article_id"), text("editor"), text("draft"), int("created_at")], key: ["id"]),
        Table(
            record: "related", name: "related_articles",
            columns: [int("article_id"), int("related_id"), int("position"), bool("pinned")], key: ["article_id", "related_id"]),
        Table(
            record: "views", name: "article_views", columns: [int("article_id"), int("hour"), int("views")],
            key: ["article_id", "hour"]),
        Table(record: "redirect", name: "redirects", columns: [text("path"), int("article_id")], key: ["path"]),
        Table(
            record: "staff", name: "staff",
            columns: [
                int("id"), text("email"), text("role"), Column(name: "password_hash", kind: .text, nullable: false, secret: true),
                bool("disabled"), int("created_at"),
            ], key: ["id"]),
        Table(
            record: "comment", name: "comments",
            columns: [
                int("id"), int("article_id"), int("parent_id", null: true), int("reply_to_id", null: true), text("status"),
                text("author"), text("email", null: true), text("author_url", null: true), bool("verified"), text("body"),
                int("likes"), int("reports"), int("reports_cleared"), text("held_reason", null: true),
                text("held_words", null: true), text("client_fingerprint"), int("created_at"), int("featured_at", null: true),
            ], key: ["id"]),
        Table(
            record: "like", name: "comment_likes",
            columns: [int("comment_id"), text("client"), text("address", null: true), int("created_at")], key: ["comment_id", "client"]),
        Table(
            record: "report", name: "comment_reports",
            columns: [int("comment_id"), text("client"), text("address", null: true), text("reason"), int("cleared"), int("created_at")],
            key: ["comment_id", "client"]),
        Table(
            record: "moderation", name: "moderation_log",
            columns: [
                int("id"), int("staff_id"), int("comment_id"), text("action"), text("before_text", null: true),
                text("after_text", null: true), int("created_at"),
            ], key: ["id"]),
        Table(
            record: "ban", name: "bans", columns: [int("id"), text("kind"), text("value"), int("staff_id", null: true), int("created_at")],
            key: ["id"]),
        Table(record: "wordRule", name: "word_rules", columns: [text("phrase"), text("kind")], key: ["phrase"]),
        Table(
            record: "importKey", name: "import_keys", columns: [text("source"), text("kind"), text("external_id"), int("local_id")],
            key: ["source", "kind", "external_id"]),
    ]

    static func table(record: String) -> Table? { all.first { $0.record == record } }
}
