import NewsroomCore

/// The boxes that send a reader on: "Đọc nhiều" and "Bàn luận sôi nổi" (with their counts where `counts` is set),
/// and "Tin liên quan" under an article.
enum Highlights {
    /// Both boxes side by side (stacked on a phone); nothing when both are empty.
    static func boxes(_ boxes: Readership.Boxes, counts: Bool) -> Node {
        guard !boxes.mostRead.isEmpty || !boxes.mostDiscussed.isEmpty else { return .fragment([]) }
        let views: ((Int) -> String)? = counts ? { Strings.viewCount($0) } : nil
        let comments: ((Int) -> String)? = counts ? { Strings.discussedCount($0) } : nil
        var sections: [Node] = []
        if !boxes.mostRead.isEmpty { sections.append(box(Strings.mostRead, id: "doc-nhieu", boxes.mostRead, count: views)) }
        if !boxes.mostDiscussed.isEmpty {
            sections.append(box(Strings.mostDiscussed, id: "ban-luan-soi-noi", boxes.mostDiscussed, count: comments))
        }
        return el("aside", .class("highlights"), .ariaLabel("\(Strings.mostRead), \(Strings.mostDiscussed)")) { sections }
    }

    private static func box(_ title: String, id: String, _ links: [ArticleLink], count: ((Int) -> String)?) -> Node {
        el("section", .class("highlight-box"), .id(id), Attribute("aria-labelledby", "\(id)-tieu-de")) {
            el("h2", .class("highlight-title"), .id("\(id)-tieu-de")) { title }
            el("ol", .class("highlight-list")) {
                for link in links {
                    el("li") {
                        el("a", .href(link.path)) { link.title }
                        if let count { el("span", .class("highlight-count")) { count(link.count) } }
                    }
                }
            }
        }
    }

    /// "Tin liên quan", under the article.
    static func related(_ links: [ArticleLink]) -> Node {
        guard !links.isEmpty else { return .fragment([]) }
        return el("section", .class("related"), Attribute("aria-labelledby", "tin-lien-quan")) {
            el("h2", .class("highlight-title"), .id("tin-lien-quan")) { Strings.related }
            el("ul", .class("related-list")) {
                for link in links { el("li") { el("a", .href(link.path)) { link.title } } }
            }
        }
    }
}
