#if DEBUG
    import Foundation
    import NewsroomCore

    extension ArticleListPage.Model {
        /// A published, a draft and a scheduled article, unfiltered.
        static let mock = ArticleListPage.Model(
            staff: MockContent.editor, csrf: MockContent.csrf, filter: DeskArticleFilter(), page: 1, pageSize: 30,
            articles: [MockContent.monthlyPassScheduled, MockContent.busLaneDraft, MockContent.busLine], total: 3,
            categories: MockContent.sections, authors: [MockContent.reporter, MockContent.photographer], notice: nil)

        /// A filter nothing matches.
        static let mockEmpty = ArticleListPage.Model(
            staff: MockContent.editor, csrf: MockContent.csrf, filter: DeskArticleFilter(status: .unpublished, category: "the-thao"),
            page: 1, pageSize: 30, articles: [], total: 0, categories: MockContent.sections, authors: [MockContent.reporter])
    }

    extension ArticleFormPage.Model {
        /// The bus line's article open for editing, just saved, with its revisions beside it.
        static let mock = ArticleFormPage.Model(
            staff: MockContent.editor, csrf: MockContent.csrf, article: MockContent.busLine, form: ArticleForm(MockContent.busLine),
            error: nil, preview: nil, notice: "Đã lưu bài viết.", revisions: ArticleRevisionPage.Model.mockRevisions,
            categories: MockContent.sections, tags: [MockContent.busTag, MockContent.hanoiTag],
            authors: [MockContent.reporter, MockContent.photographer], siteModeration: .pre)

        /// A new article sent without a title, with its preview.
        static var mockNewWithError: Self {
            var form = ArticleForm()
            form.sapo = "Người dân góp ý về làn riêng cho xe buýt."
            form.markdown = "## Ý kiến bạn đọc\n\nNhiều người ủng hộ."
            return ArticleFormPage.Model(
                staff: MockContent.editor, csrf: MockContent.csrf, article: nil, form: form,
                error: NewsroomError(.articleInvalid, message: "Bài viết cần có tiêu đề.", field: "title"),
                preview: ArticleDraft(
                    title: "Bản xem trước", sapo: form.sapo, body: [.subheading("Ý kiến bạn đọc"), .paragraph("Nhiều người ủng hộ.")]),
                revisions: [], categories: MockContent.sections, tags: [], authors: [], siteModeration: .post)
        }
    }

    extension ArticleRevisionPage.Model {
        /// The revisions of the bus line's article, newest first.
        static let mockRevisions = [
            ArticleRevision(
                id: 3, articleID: MockContent.busLine.id, createdAt: MockContent.updatedAt, editor: MockContent.editor.email,
                draft: draft(title: MockContent.busLine.title)),
            ArticleRevision(
                id: 2, articleID: MockContent.busLine.id, createdAt: MockContent.publishedAt, editor: MockContent.editor.email,
                draft: draft(title: "Hà Nội mở tuyến buýt điện E10")),
        ]

        /// The first revision, before the title was lengthened.
        static let mock = ArticleRevisionPage.Model(
            staff: MockContent.editor, csrf: MockContent.csrf, article: MockContent.busLine, revision: mockRevisions[1])

        private static func draft(title: String) -> ArticleDraft {
            let article = MockContent.busLine
            return ArticleDraft(
                slug: article.slug, title: title, sapo: article.sapo, body: article.body, publishedAt: article.publishedAt,
                category: article.category?.name, tags: article.tags.map(\.name), authors: article.authors.map(\.name),
                coverImage: article.coverImage, markdown: "## Nối hai đầu thành phố\n\nXe đi qua cầu Chương Dương.")
        }
    }
#endif
