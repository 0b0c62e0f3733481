#if DEBUG
    import NewsroomCore

    extension ArticlePage.Model {
        /// The bus line's article with its comments: one thread with two replies (the second answering the first reply),
        /// one comment whose reader typed a script tag and an address, and more beyond the first page.
        static let mock = ArticlePage.Model(
            article: MockContent.busLine, threads: MockContent.busThreads, total: 6, sort: .newest, nextCursor: Cursor(id: 97),
            expandedThread: nil, replyingTo: nil, form: FormState(), formToken: "mock-form-token", notice: nil, latestEvent: 318,
            baseURL: "https://newsroom.example.vn", sections: MockContent.sections)

        /// An article nobody has commented on yet.
        static let mockEmpty = ArticlePage.Model(
            article: MockContent.autumn, threads: [], total: 0, sort: .newest, nextCursor: nil, expandedThread: nil, replyingTo: nil,
            form: FormState(), formToken: "mock-form-token", notice: nil, sections: MockContent.sections)

        /// After the reader sent a comment that waits for a moderator (`?cho-duyet=105`).
        static var mockPending: Self {
            var model = mock
            model.notice = .pending(MockContent.heldScam.id)
            return model
        }

        /// The reader answers Trần Thị Mai without JavaScript (`?tra-loi=101`), and the comment came back too long.
        static var mockReplyTooLong: Self {
            var model = mock
            model.replyingTo = MockContent.maiFirstRide.id
            model.form = FormState(
                author: "Phạm Thu Hà", email: "", body: "Tôi đồng ý với chị Mai…", parentID: MockContent.maiFirstRide.id,
                error: NewsroomError(.commentTooLong, message: "Bình luận dài 1.612 ký tự, tối đa 1.500 ký tự.", field: "body"))
            return model
        }

        /// Comments are closed on the article; what was said stays visible.
        static var mockClosed: Self {
            var model = mock
            model.article.commentsOpen = false
            return model
        }
    }
#endif
