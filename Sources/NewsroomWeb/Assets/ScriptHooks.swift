import Foundation
import NewsroomCore

// Attribute names are static strings (the HTML types never take a name from input).

/// What the page script (`newsroom.js`) finds in the article page and calls: the ids and `data-` attributes it looks
/// for, the URLs it builds and the query keys it writes. Declared here once: the views write these names, and the
/// served script starts with them as `NEWSROOM_PAGE`, so a renamed id or route reaches both at once.
enum PageHooks {
    static let section = "binh-luan"
    static let strings = "newsroom-strings"
    static let list = "danh-sach-binh-luan"
    static let toolbar = "thanh-binh-luan"
    static let more = "xem-them"
    /// The main comment form's id, and the prefix of its fields' ids.
    static let newComment = "binh-luan-moi"
    /// A reply form's id: the prefix and the comment's id.
    static let replyFormPrefix = "tra-loi-"
    static func replyForm(_ id: Comment.ID) -> String { replyFormPrefix + String(id) }

    static let articleID: StaticString = "data-article-id"
    static let articlePath: StaticString = "data-article-path"
    static let total: StaticString = "data-total"
    static let events: StaticString = "data-events"
    static let commentForm: StaticString = "data-comment-form"
    static let maxLength: StaticString = "data-max-length"
    static let counter: StaticString = "data-counter"
    /// Set by the script on what it adds: its notice and the message under a box over the limit.
    static let notice: StaticString = "data-notice"
    static let limitMessage: StaticString = "data-limit-message"
    /// On an embedded section's frame: the host sites its script tells how tall the section is.
    static let embedOrigins: StaticString = "data-embed-origins"

    /// The names the script reads, as the object it starts with.
    static var prelude: String {
        ScriptPrelude.object(
            "NEWSROOM_PAGE",
            [
                "ids": [
                    "section": section, "strings": strings, "list": list, "toolbar": toolbar, "more": more, "newComment": newComment,
                    "comment": Comment.anchorPrefix, "replyForm": replyFormPrefix,
                ],
                "data": [
                    "articleID": articleID.description, "articlePath": articlePath.description, "total": total.description,
                    "events": events.description, "commentForm": commentForm.description,
                    "maxLength": maxLength.description, "counter": counter.description, "notice": notice.description,
                    "limitMessage": limitMessage.description, "embedOrigins": embedOrigins.description,
                ],
                "routes": [
                    "like": SiteRoute.template(SiteRoute.likeComment), "report": SiteRoute.template(SiteRoute.reportComment),
                    "comments": SiteRoute.template(SiteRoute.apiArticleComments), "likes": SiteRoute.template(SiteRoute.apiLikes),
                ],
                "query": ["replyTo": QueryKey.replyTo.rawValue],
            ])
    }
}

/// What the desk script (`desk.js`) finds in the desk and calls.
enum DeskHooks {
    static let csrfMeta = "csrf-token"
    static let count: StaticString = "data-count"
    static let commentID: StaticString = "data-comment-id"
    static let action: StaticString = "data-action"
    static let status = "desk-status"
    static let shortcuts = "phim-tat"
    /// The article form's photo upload: the fieldset, and the Markdown textarea the line goes into.
    static let photoUpload = "tai-anh"
    static let markdown = "truong-markdown"

    static var prelude: String {
        ScriptPrelude.object(
            "NEWSROOM_DESK",
            [
                "ids": ["status": status, "shortcuts": shortcuts, "photoUpload": photoUpload, "markdown": markdown],
                "data": ["count": count.description, "commentID": commentID.description, "action": action.description],
                "meta": ["csrf": csrfMeta],
                "routes": [
                    "counts": SiteRoute.apiModerationCounts.path,
                    "act": SiteRoute.template(SiteRoute.apiModerationAction),
                    "uploadPhoto": SiteRoute.uploadPhoto.path,
                ],
            ])
    }
}

/// The line a served script starts with.
enum ScriptPrelude {
    /// `var NAME = {…};` with the keys sorted, so the script's fingerprint is stable.
    static func object(_ name: String, _ value: [String: [String: String]]) -> String {
        let json = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return "var \(name) = \(String(decoding: json, as: UTF8.self));\n"
    }
}
