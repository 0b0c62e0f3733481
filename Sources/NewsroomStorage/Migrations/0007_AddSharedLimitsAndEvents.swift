/// What several instances must share to agree: the comment rate-limit counters (until now in each process's memory)
/// and a log of what changed on articles' comment sections, which live pages follow. The log is written by triggers,
/// so every path that publishes, removes, edits or likes a comment (the site, the desk, the command line) records its
/// event in the same transaction. On PostgreSQL the trigger also marks the transaction, so that once it has committed
/// the store NOTIFYs the other instances (`PostgresStore.write`): a NOTIFY inside the transaction would hold
/// PostgreSQL's global notification lock until its commit reached the disk, and comments would commit one at a time.
struct AddSharedLimitsAndEvents: Migration {
    let version = 7
    let name = "AddSharedLimitsAndEvents"

    func statements(for dialect: DatabaseDialect) -> [String] {
        let id = dialect.identityPrimaryKey
        return [
            "CREATE TABLE rate_events (key TEXT NOT NULL, at BIGINT NOT NULL)",
            "CREATE INDEX rate_events_by_key ON rate_events (key, at)",
            "CREATE INDEX rate_events_by_time ON rate_events (at)",
            """
            CREATE TABLE article_events (
                id \(id),
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('comment', 'removed', 'edited', 'likes')),
                comment_id BIGINT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX article_events_by_article ON article_events (article_id, id)",
        ] + triggers(dialect)
    }

    private func triggers(_ dialect: DatabaseDialect) -> [String] {
        switch dialect {
        case .sqlite:
            let now = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
            let insert = "INSERT INTO article_events (article_id, kind, comment_id, created_at) VALUES (NEW.article_id,"
            return [
                """
                CREATE TRIGGER comments_event_insert AFTER INSERT ON comments WHEN NEW.status = 'published'
                BEGIN \(insert) 'comment', NEW.id, \(now)); END
                """,
                """
                CREATE TRIGGER comments_event_status AFTER UPDATE OF status ON comments
                WHEN NEW.status <> OLD.status AND 'published' IN (NEW.status, OLD.status)
                BEGIN \(insert) CASE WHEN NEW.status = 'published' THEN 'comment' ELSE 'removed' END, NEW.id, \(now)); END
                """,
                """
                CREATE TRIGGER comments_event_body AFTER UPDATE OF body ON comments
                WHEN NEW.body <> OLD.body AND NEW.status = 'published' AND OLD.status = 'published'
                BEGIN \(insert) 'edited', NEW.id, \(now)); END
                """,
                """
                CREATE TRIGGER comments_event_likes AFTER UPDATE OF likes ON comments
                WHEN NEW.likes <> OLD.likes AND NEW.status = 'published' AND OLD.status = 'published'
                BEGIN \(insert) 'likes', NEW.id, \(now)); END
                """,
            ]
        case .postgres:
            return [
                """
                CREATE FUNCTION newsroom_comment_event() RETURNS trigger AS $$
                DECLARE
                    event_kind TEXT;
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        IF NEW.status <> 'published' THEN RETURN NULL; END IF;
                        event_kind := 'comment';
                    ELSIF NEW.status <> OLD.status THEN
                        IF NEW.status = 'published' THEN event_kind := 'comment';
                        ELSIF OLD.status = 'published' THEN event_kind := 'removed';
                        ELSE RETURN NULL;
                        END IF;
                    ELSIF NEW.status = 'published' AND NEW.body <> OLD.body THEN
                        event_kind := 'edited';
                    ELSIF NEW.status = 'published' AND NEW.likes <> OLD.likes THEN
                        event_kind := 'likes';
                    ELSE
                        RETURN NULL;
                    END IF;
                    INSERT INTO article_events (article_id, kind, comment_id, created_at)
                    VALUES (NEW.article_id, event_kind, NEW.id, (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT);
                    -- Read by the store before COMMIT; gone with the transaction.
                    PERFORM set_config('newsroom.events_written', 'on', true);
                    RETURN NULL;
                END
                $$ LANGUAGE plpgsql
                """,
                """
                CREATE TRIGGER comments_events AFTER INSERT OR UPDATE OF status, body, likes ON comments
                FOR EACH ROW EXECUTE FUNCTION newsroom_comment_event()
                """,
            ]
        }
    }
}
