#if DEBUG
    import NewsroomCore

    extension HomePage.Model {
        /// The first page: the bus line featured on top, then the latest articles, with more pages after it.
        static let mock = HomePage.Model(
            featured: [MockContent.busLine], articles: [MockContent.busLine, MockContent.metroTrial, MockContent.midAutumn], page: 1,
            total: 45, sections: MockContent.sections)

        /// A new site with nothing published yet.
        static let mockEmpty = HomePage.Model(articles: [], total: 0, sections: MockContent.sections)
    }

    extension TopicPage.Model {
        /// The second page of the "Đô thị" category.
        static let mock = TopicPage.Model(
            topic: MockContent.urban, articles: [MockContent.metroTrial, MockContent.busLine], page: 2, total: 25,
            sections: MockContent.sections)

        /// An author's page, which offers no feeds of its own.
        static let mockAuthor = TopicPage.Model(
            topic: MockContent.reporter, articles: [MockContent.busLine], page: 1, total: 1, sections: MockContent.sections)

        /// A tag nothing is filed under any more.
        static let mockEmpty = TopicPage.Model(
            topic: Topic(kind: .tag, slug: "duong-sat-tren-cao", name: "Đường sắt trên cao"), articles: [], page: 1, total: 0,
            sections: MockContent.sections)
    }
#endif
