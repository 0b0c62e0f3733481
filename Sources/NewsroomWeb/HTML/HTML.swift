import NewsroomCore

/// A piece of an HTML document. Text is escaped when rendered; the only unescaped content is
/// `SanitizedHTML`, which only the sanitiser makes. Renders straight into a byte buffer.
public struct Node: Sendable {
    enum Kind: Sendable {
        case element(name: String, attributes: [Attribute], children: [Node], isVoid: Bool)
        case text(String)
        case trusted(SanitizedHTML)
        case staticRaw(StaticString)
        /// JSON already escaped for a script element by `scriptJSON`.
        case scriptData(String)
        case fragment([Node])
    }

    let kind: Kind

    /// Escaped text.
    public static func text(_ text: String) -> Node { Node(kind: .text(text)) }
    /// Sanitised HTML, written as it is.
    public static func trusted(_ html: SanitizedHTML) -> Node { Node(kind: .trusted(html)) }
    /// Markup written in our own source (the doctype, an inline script), never reader text.
    public static func raw(_ markup: StaticString) -> Node { Node(kind: .staticRaw(markup)) }
    public static func fragment(_ nodes: [Node]) -> Node { Node(kind: .fragment(nodes)) }
    public static let empty = Node(kind: .fragment([]))

    /// An element; `name` comes from our source code, never from input.
    public static func element(
        _ name: StaticString, _ attributes: [Attribute] = [], isVoid: Bool = false, children: [Node] = []
    ) -> Node {
        Node(kind: .element(name: name.description, attributes: attributes, children: children, isVoid: isVoid))
    }
}

/// An attribute; its name comes from our source, its value is always escaped. A nil value drops the attribute,
/// an empty value for a boolean attribute writes the name alone.
public struct Attribute: Sendable {
    let name: String
    let value: String?
    let isBoolean: Bool

    public init(_ name: StaticString, _ value: String?) {
        self.name = name.description
        self.value = value
        self.isBoolean = false
    }

    init(boolean name: StaticString, _ isOn: Bool) {
        self.name = name.description
        self.value = isOn ? "" : nil
        self.isBoolean = true
    }
}

@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildBlock(_ components: [Node]...) -> [Node] { components.flatMap { $0 } }
    public static func buildOptional(_ component: [Node]?) -> [Node] { component ?? [] }
    public static func buildEither(first component: [Node]) -> [Node] { component }
    public static func buildEither(second component: [Node]) -> [Node] { component }
    public static func buildArray(_ components: [[Node]]) -> [Node] { components.flatMap { $0 } }
}

extension Node {
    /// The document as UTF-8 bytes.
    public func render() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        render(into: &output)
        return output
    }

    /// The document as a string (tests and small fragments).
    public func renderString() -> String { String(decoding: render(), as: UTF8.self) }

    func render(into output: inout [UInt8]) {
        switch kind {
        case .text(let text):
            Escape.text(text, into: &output)
        case .trusted(let html):
            output.append(contentsOf: html.html.utf8)
        case .scriptData(let json):
            output.append(contentsOf: json.utf8)
        case .staticRaw(let markup):
            markup.withUTF8Buffer { output.append(contentsOf: $0) }
        case .fragment(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let children, let isVoid):
            output.append(UInt8(ascii: "<"))
            output.append(contentsOf: name.utf8)
            for attribute in attributes {
                guard let value = attribute.value else { continue }
                output.append(UInt8(ascii: " "))
                output.append(contentsOf: attribute.name.utf8)
                if attribute.isBoolean { continue }
                output.append(contentsOf: "=\"".utf8)
                Escape.attribute(value, into: &output)
                output.append(UInt8(ascii: "\""))
            }
            output.append(UInt8(ascii: ">"))
            guard !isVoid else { return }
            for child in children { child.render(into: &output) }
            output.append(contentsOf: "</".utf8)
            output.append(contentsOf: name.utf8)
            output.append(UInt8(ascii: ">"))
        }
    }
}

/// HTML escaping at the byte level.
enum Escape {
    static func text(_ text: String, into output: inout [UInt8]) {
        escape(text, quotes: false, into: &output)
    }

    static func attribute(_ value: String, into output: inout [UInt8]) {
        escape(value, quotes: true, into: &output)
    }

    /// `&`, `<` and `>` always; the quotes too inside an attribute.
    @inline(__always)
    private static func escape(_ text: String, quotes: Bool, into output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'") where quotes: output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}

extension Node {
    /// A value as JSON inside `<script type="application/json">`: `<`, `>`, `&` and the JavaScript line separators
    /// are written as `\u` escapes, so no text inside can close the script element.
    public static func scriptJSON(_ value: some Encodable) -> Node {
        guard let data = try? Responses.encoder.encode(value) else { return .empty }
        var json = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": json += "\\u003c"
            case ">": json += "\\u003e"
            case "&": json += "\\u0026"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default: json.unicodeScalars.append(scalar)
            }
        }
        return Node(kind: .scriptData(json))
    }
}
