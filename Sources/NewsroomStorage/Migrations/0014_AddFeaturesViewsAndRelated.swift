/// What an article page shows beside the article: comments a moderator featured (`featured_at`, cleared by a trigger
/// whenever the comment leaves `published`, and recorded as an `edited` event so cached pages and live readers follow),
/// page views counted per article and hour (flushed in batches from memory, never one write per view), and each
/// article's related articles (computed when it is saved; `pinned` rows are the editor's own choice).
struct AddFeaturesViewsAndRelated: Migration {
    let version = 14
    let name = "AddFeaturesViewsAndRelated"

    func statements(for dialect: DatabaseDialect) -> [String] {
        [
            "ALTER TABLE comments ADD COLUMN featured_at BIGINT",
            "CREATE INDEX comments_featured ON comments (article_id, featured_at) WHERE featured_at IS NOT NULL",
            """
            CREATE TABLE article_views (
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                hour BIGINT NOT NULL,
                views BIGINT NOT NULL,
                PRIMARY KEY (article_id, hour)
            )
            """,
            "CREATE INDEX article_views_by_hour ON article_views (hour, article_id)",
            """
            CREATE TABLE related_articles (
                article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                related_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                pinned \(dialect.boolean) NOT NULL,
                PRIMARY KEY (article_id, related_id)
            )
            """,
        ] + triggers(dialect)
    }

    private func triggers(_ dialect: DatabaseDialect) -> [String] {
        switch dialect {
        case .sqlite:
            let now = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
            return [
                """
                CREATE TRIGGER comments_unfeature AFTER UPDATE OF status ON comments
                WHEN NEW.status <> 'published' AND NEW.featured_at IS NOT NULL
                BEGIN UPDATE comments SET featured_at = NULL WHERE id = NEW.id; END
                """,
                """
                CREATE TRIGGER comments_event_featured AFTER UPDATE OF featured_at ON comments
                WHEN NEW.featured_at IS NOT OLD.featured_at AND NEW.status = 'published' AND OLD.status = 'published'
                BEGIN INSERT INTO article_events (article_id, kind, comment_id, created_at)
                VALUES (NEW.article_id, 'edited', NEW.id, \(now)); END
                """,
            ]
        case .postgres:
            return [
                """
                CREATE FUNCTION newsroom_comment_unfeature() RETURNS trigger AS $$
                BEGIN
                    IF NEW.status <> 'published' THEN NEW.featured_at := NULL; END IF;
                    RETURN NEW;
                END
                $$ LANGUAGE plpgsql
                """,
                """
                CREATE TRIGGER comments_unfeature BEFORE UPDATE OF status ON comments
                FOR EACH ROW EXECUTE FUNCTION newsroom_comment_unfeature()
                """,
                """
                CREATE FUNCTION newsroom_comment_featured_event() RETURNS trigger AS $$
                BEGIN
                    IF NEW.status = 'published' AND OLD.status = 'published'
                        AND NEW.featured_at IS DISTINCT FROM OLD.featured_at THEN
                        INSERT INTO article_events (article_id, kind, comment_id, created_at)
                        VALUES (NEW.article_id, 'edited', NEW.id, (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT);
                        PERFORM set_config('newsroom.events_written', 'on', true);
                    END IF;
                    RETURN NULL;
                END
                $$ LANGUAGE plpgsql
                """,
                """
                CREATE TRIGGER comments_featured_events AFTER UPDATE OF featured_at ON comments
                FOR EACH ROW EXECUTE FUNCTION newsroom_comment_featured_event()
                """,
            ]
        }
    }
}
