import NewsroomCore

/// The comment box and the comments under an article.
struct CommentSection {
    let model: ArticlePage.Model

    /// The live stream, resuming after what the page shows, so nothing published while it loads is missed.
    var eventsURL: String {
        SiteRoute.apiArticleEvents(model.article.id).path((.lastEventID, model.latestEvent.map { String($0) }))
    }

    func render() -> Node {
        el(
            "section", .class("comments"), .id(PageHooks.section), Attribute("aria-labelledby", "binh-luan-tieu-de"),
            Attribute(PageHooks.articleID, String(model.article.id)), Attribute(PageHooks.articlePath, model.path),
            Attribute(PageHooks.total, String(model.total)), Attribute(PageHooks.events, eventsURL)
        ) {
            el("h2", .class("comments-title"), .id("binh-luan-tieu-de")) { Strings.commentsHeading }
            if model.article.commentsOpen {
                form(parentID: nil)
            } else {
                el("p", .class("notice")) { Strings.commentsClosedNotice }
            }
            if case .pending(let id)? = model.notice {
                el("p", .class("notice notice-pending"), .id(Comment.anchor(id)), Attribute("role", "status")) {
                    Strings.pendingNotice
                }
            }
            if model.total == 0 {
                el("p", .class("comments-empty")) { Strings.empty }
            } else {
                toolbar()
                el("div", .class("comment-list"), .id(PageHooks.list)) {
                    if !model.featured.isEmpty {
                        el("section", .class("featured-comments"), Attribute("aria-labelledby", "binh-luan-noi-bat")) {
                            el("h3", .class("featured-title"), .id("binh-luan-noi-bat")) { Strings.featuredHeading }
                            for thread in model.featured { render(thread) }
                        }
                    }
                    for thread in model.threads { render(thread) }
                }
                if let next = model.nextCursor {
                    el("p", .class("more"), .id(PageHooks.more)) {
                        el("a", .class("button-secondary"), .href(link(sort: model.sort, cursor: next) + "#" + PageHooks.list)) {
                            Strings.more
                        }
                    }
                }
            }
            el("script", .type("application/json"), .id(PageHooks.strings)) { Node.scriptJSON(ClientStrings()) }
            el("script", Attribute("src", SiteRoute.script.path), Attribute(boolean: "defer", true)) {}
        }
    }

    func toolbar() -> Node {
        el("div", .class("comments-toolbar"), .id(PageHooks.toolbar)) {
            el("p", .class("comments-count")) { Strings.commentCount(model.total) }
            el("nav", .class("sort"), .ariaLabel(Strings.sortLabel)) {
                for (sort, label) in [(CommentSort.newest, Strings.sortNewest), (.oldest, Strings.sortOldest), (.top, Strings.sortTop)] {
                    el("a", .href(link(sort: sort) + "#binh-luan"), Attribute("aria-current", sort == model.sort ? "true" : nil)) {
                        label
                    }
                }
            }
        }
    }

    func link(sort: CommentSort, cursor: Cursor? = nil, extra: (QueryKey, Comment.ID)? = nil) -> String {
        var query = Query([(.sort, sort == .newest ? nil : sort.rawValue), (.cursor, cursor?.description)])
        if let (key, id) = extra { query.pairs.append((key, String(id))) }
        return model.path + query.string
    }

    func render(_ thread: CommentThread) -> Node {
        // A featured reply stands on its own in the featured block, and stays in its thread.
        if let parent = thread.comment.parentID {
            return el("div", .class("thread thread-featured-reply")) {
                comment(thread.comment, isReply: true, anchor: "noi-bat-\(thread.comment.id)")
                el("p", .class("featured-context")) {
                    el("a", .href(link(sort: model.sort, extra: (.repliesOf, parent)) + "#\(thread.comment.anchor)")) {
                        Strings.featuredSeeInThread
                    }
                }
            }
        }
        return el("div", .class("thread")) {
            comment(thread.comment, isReply: false)
            if !thread.replies.isEmpty {
                el("div", .class("replies")) {
                    for reply in thread.replies { comment(reply, isReply: true) }
                    if thread.nextRepliesCursor != nil {
                        el("p", .class("more-replies")) {
                            el("a", .href(link(sort: model.sort, extra: (.repliesOf, thread.comment.id)) + "#\(thread.comment.anchor)")) {
                                Strings.moreReplies
                            }
                        }
                    }
                }
            }
        }
    }

    /// "Báo cáo vi phạm": a link to the report form, which keeps the article page light.
    func report(_ comment: Comment) -> Node {
        el("a", .class("report-link"), .href(SiteRoute.reportComment(comment.id).path), Attribute("rel", "nofollow")) {
            Strings.reportAction
        }
    }

    func comment(_ comment: Comment, isReply: Bool, anchor: String? = nil) -> Node {
        el("article", .class(isReply ? "comment comment-reply" : "comment"), .id(anchor ?? comment.anchor)) {
            el("header", .class("comment-header")) {
                el("strong", .class("comment-author")) { comment.author }
                if comment.featured { el("span", .class("featured-badge")) { "★ \(Strings.featuredBadge)" } }
                if comment.verified {
                    el("span", .class("comment-verified"), Attribute("title", Strings.verifiedTitle)) { "✓ \(Strings.verified)" }
                }
                el(
                    "a", .class("comment-time"), .href("#\(comment.anchor)"),
                    .ariaLabel("\(Strings.permalink): \(VietnameseFormat.shortDateTime(comment.createdAt))")
                ) {
                    el("time", .datetime(VietnameseFormat.iso8601(comment.createdAt))) { VietnameseFormat.shortDateTime(comment.createdAt) }
                }
            }
            if isReply, let target = comment.replyTo, target.id != comment.parentID {
                el("p", .class("comment-reply-to")) {
                    "\(Strings.replyingTo) "
                    el("a", .href("#\(Comment.anchor(target.id))")) { "@\(target.author)" }
                }
            }
            el("p", .class("comment-body")) { CommentText.nodes(comment.body) }
            el("footer", .class("comment-actions")) {
                el("form", .method("post"), .action(SiteRoute.likeComment(comment.id).path), .class("like-form")) {
                    el("button", .type("submit"), .class("like"), .ariaLabel("\(Strings.like) (\(comment.likes))")) {
                        "\(Strings.like) · \(VietnameseFormat.number(comment.likes))"
                    }
                }
                report(comment)
                if model.article.commentsOpen {
                    el(
                        "a", .class("reply-link"),
                        .href(link(sort: model.sort, extra: (.replyTo, comment.id)) + "#" + PageHooks.replyForm(comment.id))
                    ) {
                        Strings.reply
                    }
                }
            }
            if model.reported == comment.id {
                el("p", .class("notice"), Attribute("role", "status")) { Strings.reportThanks }
            }
            if model.replyingTo == comment.id && model.article.commentsOpen { form(parentID: comment.id) }
        }
    }
}
