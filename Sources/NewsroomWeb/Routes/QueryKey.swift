import Hummingbird
import HummingbirdCore

/// The names of the query parameters and form fields the site reads, each written once.
enum QueryKey: String, Sendable {
    /// A page of a listing (`?trang=2`).
    case page = "trang"
    /// Search words.
    case text = "q"
    case category = "chuyen-muc"
    /// The category a search is narrowed to (`chuyen-muc` is read too).
    case searchCategory = "category"
    /// A page of the API's search results (`trang` is read too).
    case apiPage = "page"
    case author = "tac-gia"
    case from, to
    /// An article's status in the desk's list.
    case status = "trang-thai"
    /// The desk's queue, and the article it is narrowed to.
    case queue = "hang"
    case article = "bai"
    /// The comment after which the desk's queue goes on.
    case after = "sau"
    /// The article the moderation API lists comments of.
    case apiArticle = "article"
    /// After a comment is sent: it waits for a moderator (`?cho-duyet=ID`).
    case pending = "cho-duyet"
    /// After a report is sent.
    case reported = "da-bao-cao"
    /// The comment whose reply form is open without JavaScript.
    case replyTo = "tra-loi"
    /// The thread whose replies are all shown without JavaScript.
    case repliesOf = "tra-loi-cua"
    /// The order and position of a page of comments.
    case sort, cursor
    /// The desk's notices after a change: saved, restored, words added or removed, comments handled.
    case saved = "da-luu"
    case restored = "khoi-phuc"
    case added = "them"
    case removed = "bo"
    case done = "da"
    case count = "so"
    /// Words the desk looks for in every comment.
    case deskSearch = "tim"
    /// The last event a page shows, for its live stream to follow on from.
    case lastEventID = "lastEventId"
    /// Where a login sends the reader back to.
    case next
    /// An embedded comment section's page: its canonical URL and title on the host site.
    case url, title
}

extension Request {
    /// The query parameter `key`, nil when absent.
    func query(_ key: QueryKey) -> String? {
        uri.queryParameters[key]
    }
}

extension FlatDictionary where Key == Substring, Value == Substring {
    /// The parameter `key`, nil when absent.
    subscript(_ key: QueryKey) -> String? {
        self[Substring(key.rawValue)].map(String.init)
    }
}

extension Dictionary where Key == String, Value == String {
    /// The decoded parameter `key` of a query (`RequestBody.query`), nil when absent.
    subscript(_ key: QueryKey) -> String? {
        self[key.rawValue]
    }
}
