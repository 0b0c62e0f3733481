import NewsroomCore

/// An embedded comment section, as the frame in a host site's page shows it: the section alone (no masthead: the host
/// page has its own), and a link to the thread's own page here.
struct EmbedPage {
    struct Model {
        var page: ArticlePage.Model
        /// The sites the frame tells how tall it is.
        var origins: [String]
    }

    let model: Model

    func render() -> Node {
        let article = model.page.article
        return Layout.document(
            title: "\(Strings.commentsHeading): \(article.title)", bodyClass: "embed-body",
            head: [void("meta", .name("robots"), .content("noindex"))],
            body: [
                el("div", .class("embed"), Attribute(PageHooks.embedOrigins, model.origins.joined(separator: " "))) {
                    CommentSection(model: model.page).render()
                    el("p", .class("embed-footer")) {
                        el("a", .href(model.page.path), Attribute("target", "_blank"), .rel("noopener")) { Strings.embedOpenThread }
                    }
                },
                el("script", Attribute("src", SiteRoute.frameScript.path), Attribute(boolean: "defer", true)) {},
            ])
    }
}
