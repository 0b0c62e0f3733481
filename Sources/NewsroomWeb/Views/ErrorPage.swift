import NewsroomCore

/// The page shown for 404, 500 and other errors of HTML routes, in Vietnamese.
struct ErrorPage {
    struct Model {
        var status: Int
        var title: String
        var message: String

        static func from(_ error: NewsroomError) -> Model {
            switch error.status {
            case 404:
                Model(status: 404, title: Strings.notFoundTitle, message: error.code == .notFound ? Strings.notFoundBody : error.message)
            case 500 where error.code == .internalError:
                Model(status: error.status, title: Strings.serverErrorTitle, message: Strings.serverErrorBody)
            case 500...:
                // The server's own trouble, with what the reader should know: it will pass, come back later.
                Model(status: error.status, title: Strings.serverErrorTitle, message: error.message)
            default: Model(status: error.status, title: Strings.errorTitle, message: error.message)
            }
        }
    }

    let model: Model

    func render() -> Node {
        Layout.page(title: model.title) {
            el("section", .class("error-page")) {
                el("p", .class("error-status")) { String(model.status) }
                el("h1") { model.title }
                el("p") { model.message }
                el("p") { el("a", .href(SiteRoute.home.path)) { Strings.backHome } }
            }
        }
    }
}
