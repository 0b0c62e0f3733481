import NewsroomStorage
import Testing

@Suite struct DatabaseURLTests {
    @Test func readsSQLiteAndPostgresURLs() throws {
        #expect(try DatabaseURL(parsing: "sqlite://newsroom.sqlite") == .sqlite(path: "newsroom.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite:///var/lib/newsroom/db.sqlite") == .sqlite(path: "/var/lib/newsroom/db.sqlite"))
        #expect(try DatabaseURL(parsing: "postgres://u:p@localhost:5432/db") == .postgres("postgres://u:p@localhost:5432/db"))
    }

    @Test func refusesOtherURLsNamingTheSetting() {
        for text in ["mysql://x", "newsroom.sqlite", "sqlite://"] {
            #expect {
                try DatabaseURL(parsing: text)
            } throws: { error in
                (error as? ConfigurationError)?.setting == "NEWSROOM_DATABASE_URL"
            }
        }
    }

    @Test func hidesThePasswordWhenPrinted() throws {
        let url = try DatabaseURL(parsing: "postgres://newsroom:s3cret@db.example:5432/news")
        #expect(!url.description.contains("s3cret"))
    }
}
