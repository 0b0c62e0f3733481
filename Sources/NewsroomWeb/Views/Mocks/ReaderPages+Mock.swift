#if DEBUG
    import NewsroomCore

    extension ReportPage.Model {
        /// A reader reports the comment with a script tag in it.
        static let mock = ReportPage.Model(comment: MockContent.baoScript, article: MockContent.busLine)
    }

    extension ErrorPage.Model {
        /// An address that leads nowhere.
        static let mock = ErrorPage.Model.from(NewsroomError(.notFound))

        /// The server's own trouble, with nothing of it shown to the reader.
        static let mockServerError = ErrorPage.Model.from(NewsroomError(.internalError))
    }
#endif
