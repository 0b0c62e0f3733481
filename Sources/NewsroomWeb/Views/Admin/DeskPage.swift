import Foundation
import NewsroomCore
import NewsroomStorage

/// The moderation desk: the queues with their counts, and each comment with its article, author, time, the
/// comment it answers and why it is here. One form holds the list, so a moderator can act on one comment (its own
/// buttons) or on all the ticked ones (the bulk buttons).
struct DeskPage {
    struct Model {
        var staff: StaffMember
        var csrf: String
        var queue: ModerationQueue
        var counts: [ModerationQueue: Int]
        var items: [ModeratedComment]
        var article: (id: Article.ID, title: String)?
        var nextCursor: Cursor?
        var notice: String?
        /// What the moderator searched for: the list shows the matching comments of every status.
        var search: String?
        /// Administrators see the scheduled backups' state: the latest run and the latest that succeeded.
        var backups: (last: BackupRun?, lastGood: BackupRun?)?
    }

    let model: Model

    func render() -> Node {
        AdminLayout.page(title: "Kiểm duyệt bình luận", staff: model.staff, csrf: model.csrf, counts: model.counts) {
            el("h1", .class("section-title")) { "Kiểm duyệt bình luận" }
            el("nav", .class("queues"), .ariaLabel("Hàng đợi")) {
                for queue in ModerationQueue.allCases {
                    el(
                        "a", .href(SiteRoute.deskQueue(queue, article: model.article?.id)),
                        Attribute("aria-current", queue == model.queue ? "page" : nil)
                    ) {
                        queue.label
                        " "
                        el("span", .class("badge"), Attribute(DeskHooks.count, queue.rawValue)) { String(model.counts[queue] ?? 0) }
                    }
                }
            }
            if let article = model.article {
                el("p", .class("filter")) {
                    "Chỉ bài: "
                    el("strong") { article.title }
                    " · "
                    el("a", .href(SiteRoute.deskQueue(model.queue, article: nil))) { "Xem mọi bài" }
                }
            }
            el("form", .method("get"), .action(SiteRoute.desk.path), Attribute("role", "search"), .class("desk-search")) {
                el("label", .for("tim-binh-luan")) { "Tìm bình luận (tên người gửi hoặc nội dung)" }
                el("div", .class("desk-search-row")) {
                    void("input", .id("tim-binh-luan"), .name(QueryKey.deskSearch.rawValue), .type("search"), .value(model.search ?? ""))
                    el("button", .type("submit"), .class("button-small")) { "Tìm" }
                }
            }
            if let search = model.search {
                el("p", .class("filter"), Attribute("role", "status")) {
                    "\(model.items.count) bình luận khớp với «\(search)» (mọi trạng thái) · "
                    el("a", .href(SiteRoute.deskQueue(model.queue, article: nil))) { "Quay lại hàng đợi" }
                }
            }
            if let notice = model.notice { el("p", .class("notice"), Attribute("role", "status")) { notice } }
            el("p", .class("shortcuts-hint")) { "Phím tắt: j/k chọn, a duyệt, r từ chối, s spam, e sửa, ? xem tất cả." }
            if let backups = model.backups { backupStatus(backups) }
            if model.items.isEmpty {
                el("p", .class("muted")) { "Không có bình luận nào trong hàng này." }
            } else {
                el("form", .id("desk-form"), .method("post"), .action(SiteRoute.act.path)) {
                    void("input", .type("hidden"), .name(CSRF.field), .value(model.csrf))
                    void(
                        "input", .type("hidden"), .name("back"),
                        .value(SiteRoute.deskQueue(model.queue, article: model.article?.id)))
                    el("div", .class("bulk-actions")) {
                        el("span") { "Với các bình luận đã chọn:" }
                        for action in [ModerationAction.approve, .reject, .spam] {
                            el("button", .type("submit"), .name("action"), .value(action.rawValue), .class("button-small")) { action.label }
                        }
                    }
                    el("ol", .class("desk-list")) {
                        for item in model.items { row(item) }
                    }
                }
                for item in model.items {
                    el("form", .id("sua-\(item.comment.id)"), .method("post"), .action(SiteRoute.edit(item.comment.id).path)) {
                        void("input", .type("hidden"), .name(CSRF.field), .value(model.csrf))
                        void(
                            "input", .type("hidden"), .name("back"),
                            .value(SiteRoute.deskQueue(model.queue, article: model.article?.id)))
                    }
                }
                if let next = model.nextCursor {
                    el("p", .class("more")) {
                        el(
                            "a", .class("button-secondary"),
                            .href(SiteRoute.deskQueue(model.queue, article: model.article?.id, after: next))
                        ) {
                            "Xem tiếp"
                        }
                    }
                }
            }
            help()
        }
    }

    func row(_ item: ModeratedComment) -> Node {
        let comment = item.comment
        return el(
            "li", .class("desk-item"), .id("muc-\(comment.id)"), Attribute(DeskHooks.commentID, String(comment.id)),
            Attribute("tabindex", "-1")
        ) {
            el("div", .class("desk-item-head")) {
                el("label", .class("pick")) {
                    void("input", .type("checkbox"), .name("ids"), .value(String(comment.id)))
                    el("span", .class("visually-hidden")) { "Chọn bình luận \(comment.id)" }
                }
                el("strong", .class("comment-author")) { comment.author }
                if model.search != nil { el("span", .class("status status-\(comment.status.rawValue)")) { comment.status.label } }
                if let email = comment.email { el("span", .class("desk-email")) { email } }
                el("time", .datetime(VietnameseFormat.iso8601(comment.createdAt)), .class("comment-time")) {
                    VietnameseFormat.shortDateTime(comment.createdAt)
                }
                el("span", .class("reason")) { item.reason }
                if comment.featured { el("span", .class("featured-badge")) { Strings.featuredBadge } }
            }
            el("p", .class("desk-article")) {
                if let thread = item.thread {
                    // A page of another site: its address and its site, where the comment shows.
                    "Trang nhúng (\(thread.site)): "
                    el("a", .href(thread.url), .rel("noopener noreferrer")) { item.articleTitle }
                    " "
                    el("span", .class("desk-thread-url")) { thread.url }
                } else {
                    "Bài: "
                    el("a", .href(item.articlePath)) { item.articleTitle }
                }
                " · "
                el("a", .href(SiteRoute.deskQueue(model.queue, article: comment.articleID))) { "Lọc theo bài này" }
            }
            if let answered = item.answers {
                el("blockquote", .class("desk-context")) {
                    el("p", .class("muted")) { "Trả lời \(answered.author):" }
                    el("p", .class("comment-body")) { answered.body }
                }
            }
            el("p", .class("comment-body")) { Self.highlighted(comment.body, words: comment.heldWords) }
            el("div", .class("desk-actions")) {
                for action in [ModerationAction.approve, .reject, .spam] {
                    el(
                        "button", .type("submit"), .name("one"), .value("\(action.rawValue):\(comment.id)"),
                        .class(action == .approve ? "button-small button-approve" : "button-small"),
                        Attribute(DeskHooks.action, action.rawValue)
                    ) { action.label }
                }
                if comment.status == .published {
                    let action: ModerationAction = comment.featured ? .unfeature : .feature
                    el(
                        "button", .type("submit"), .name("one"), .value("\(action.rawValue):\(comment.id)"), .class("button-small"),
                        Attribute(DeskHooks.action, action.rawValue)
                    ) { action.label }
                }
                el(
                    "button", .type("submit"), .name("one"), .value("ban:\(comment.id)"), .class("button-small"),
                    Attribute(DeskHooks.action, "ban")
                ) { "Chặn người gửi" }
                el("details", .class("desk-edit")) {
                    el("summary", Attribute(DeskHooks.action, ModerationAction.edit.rawValue)) { ModerationAction.edit.label }
                    el("label", .for("sua-noi-dung-\(comment.id)")) { "Nội dung sau khi sửa" }
                    el(
                        "textarea", .id("sua-noi-dung-\(comment.id)"), .name("body"), Attribute("form", "sua-\(comment.id)"),
                        Attribute("rows", "4")
                    ) {
                        comment.body
                    }
                    el(
                        "button", .type("submit"), Attribute("form", "sua-\(comment.id)"), .name("approve"), .value("1"),
                        .class("button-small button-approve")
                    ) {
                        "Lưu và duyệt"
                    }
                    el("button", .type("submit"), Attribute("form", "sua-\(comment.id)"), .class("button-small")) { "Chỉ lưu" }
                }
            }
        }
    }

    /// The text with the words a rule matched in `<mark>`, everything escaped as text.
    static func highlighted(_ text: String, words: [String]) -> [Node] {
        let words = words.filter { !$0.isEmpty }
        guard !words.isEmpty else { return [.text(text)] }
        var nodes: [Node] = []
        var rest = text[...]
        while !rest.isEmpty {
            let next = words.compactMap { word in rest.range(of: word, options: .caseInsensitive) }.min { $0.lowerBound < $1.lowerBound }
            guard let range = next else {
                nodes.append(.text(String(rest)))
                break
            }
            if range.lowerBound > rest.startIndex { nodes.append(.text(String(rest[rest.startIndex..<range.lowerBound]))) }
            nodes.append(el("mark") { String(rest[range]) })
            rest = rest[range.upperBound...]
        }
        return nodes
    }

    func help() -> Node {
        el("dialog", .id(DeskHooks.shortcuts), .ariaLabel("Phím tắt")) {
            el("h2") { "Phím tắt" }
            el("dl", .class("shortcuts")) {
                for (key, meaning) in [
                    ("j", "Bình luận kế tiếp"), ("k", "Bình luận trước"), ("a", "Duyệt"), ("r", "Từ chối"), ("s", "Đánh dấu spam"),
                    ("e", "Sửa nội dung"), ("x", "Chọn / bỏ chọn"), ("?", "Mở hoặc đóng danh sách này"),
                ] {
                    el("dt") { el("kbd") { key } }
                    el("dd") { meaning }
                }
            }
            el("form", .method("dialog")) { el("button", .class("button-small")) { "Đóng" } }
        }
    }

    /// One line on the latest scheduled backup: when, and whether it was verified.
    private func backupStatus(_ backups: (last: BackupRun?, lastGood: BackupRun?)) -> Node {
        el(
            "p", .class(backups.last?.succeeded == false ? "notice backup-status failed" : "muted backup-status"),
            Attribute("role", "status")
        ) {
            switch (backups.last, backups.lastGood) {
            case (nil, _):
                "Sao lưu tự động: chưa có bản nào (bật bằng --backup-dir)."
            case (let last?, _) where last.succeeded:
                "Sao lưu gần nhất: \(VietnameseFormat.shortDateTime(last.finishedAt)), đã kiểm tra, \(last.message)."
            case (let last?, let good):
                "Sao lưu lúc \(VietnameseFormat.shortDateTime(last.finishedAt)) THẤT BẠI: \(last.message)."
                    + (good.map { " Bản tốt gần nhất: \(VietnameseFormat.shortDateTime($0.finishedAt))." } ?? " Chưa có bản tốt nào.")
            }
        }
    }
}
