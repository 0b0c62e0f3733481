#if DEBUG
    import NewsroomCore

    extension SearchPage.Model {
        /// "xe buýt" typed by a reader, narrowed to "Đô thị": two results with the matched words marked.
        static let mock: SearchPage.Model = {
            let query = SearchQuery("xe buýt")
            let results = [MockContent.busLine, MockContent.busLaneDraft].map { article in
                SearchPage.Result(
                    article: article, title: .whole(article.title, query: query),
                    snippet: SearchSnippet(article.body.map(\.plainText).joined(separator: " "), query: query))
            }
            return SearchPage.Model(
                text: "xe buýt", category: MockContent.urban.slug, categories: MockContent.sections, page: 1, total: 2, results: results)
        }()

        /// Words nothing matches.
        static let mockNoResults = SearchPage.Model(text: "tàu điện trên không", categories: MockContent.sections)

        /// A date the search could not read.
        static let mockInvalidDate = SearchPage.Model(
            text: "metro", from: "2024-13-40", categories: MockContent.sections, error: "Ngày «2024-13-40» không hợp lệ, hãy chọn lại.")
    }
#endif
