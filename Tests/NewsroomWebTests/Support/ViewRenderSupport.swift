import Foundation

@testable import NewsroomWeb

/// A view rendered the way a response carries it: UTF-8 bytes, read back as a string.
func rendered(_ node: Node) -> String {
    String(decoding: node.render(), as: UTF8.self)
}

/// The opening tags of the `tag` elements of a page, as written (`<form method="post" …>`), in document order;
/// only those whose `class` holds `className` when it is given.
func openingTags(_ tag: String, withClass className: String? = nil, in html: String) -> [String] {
    var tags: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<\(tag)") {
        guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
        let opening = String(rest[start.lowerBound...end])
        let next = rest[start.upperBound]
        rest = rest[rest.index(after: end)...]
        // `<a` must not match `<article`.
        guard next == " " || next == ">" || next == "/" else { continue }
        if let className {
            guard let classes = attribute("class", of: opening), classes.split(separator: " ").contains(Substring(className)) else {
                continue
            }
        }
        tags.append(opening)
    }
    return tags
}

/// The value of `name` in an opening tag, with the escaping the page applied undone; nil when absent.
func attribute(_ name: String, of openingTag: String) -> String? {
    guard let start = openingTag.range(of: " \(name)=\"") else { return nil }
    let value = openingTag[start.upperBound...].prefix { $0 != "\"" }
    return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(
            of: "&amp;", with: "&")
}

/// The `name` attribute of every `tag` element (with `className`, when given), in document order.
func attributes(_ name: String, of tag: String, withClass className: String? = nil, in html: String) -> [String] {
    openingTags(tag, withClass: className, in: html).compactMap { attribute(name, of: $0) }
}

/// Whether the page's bytes are already in Unicode NFC: composed letters (`ầ` as one scalar), as readers' browsers
/// and search engines expect. Comparing bytes, since `String ==` treats NFC and NFD as equal.
func isNFC(_ text: String) -> Bool {
    Array(text.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8)
}

/// Whether the page holds `text` written with exactly these (NFC) bytes.
func containsBytes(_ html: String, _ text: String) -> Bool {
    let needle = Array(text.precomposedStringWithCanonicalMapping.utf8)
    let haystack = Array(html.utf8)
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
}

/// The text inside each `tag` element with `className`, in document order, markup dropped and entities decoded
/// (for elements that hold no element of the same name).
func texts(of tag: String, withClass className: String, in html: String) -> [String] {
    var texts: [String] = []
    var rest = html[...]
    for opening in openingTags(tag, withClass: className, in: html) {
        guard let start = rest.range(of: opening), let end = rest.range(of: "</\(tag)>", range: start.upperBound..<rest.endIndex) else {
            break
        }
        texts.append(visibleLines(String(rest[start.upperBound..<end.lowerBound])).joined(separator: " "))
        rest = rest[end.upperBound...]
    }
    return texts
}
