/// An element with children built by `HTMLBuilder`: `el("p", .class("sapo")) { article.sapo }`.
public func el(_ name: StaticString, _ attributes: Attribute..., @HTMLBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attributes, children: content())
}

/// A void element (`input`, `meta`, `link`, `br`): attributes only.
public func void(_ name: StaticString, _ attributes: Attribute...) -> Node {
    .element(name, attributes, isVoid: true)
}

extension Attribute {
    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    public static func action(_ value: String) -> Attribute { Attribute("action", value) }
    public static func method(_ value: String) -> Attribute { Attribute("method", value) }
    public static func rel(_ value: String) -> Attribute { Attribute("rel", value) }
    public static func content(_ value: String) -> Attribute { Attribute("content", value) }
    public static func datetime(_ value: String) -> Attribute { Attribute("datetime", value) }
    public static func placeholder(_ value: String) -> Attribute { Attribute("placeholder", value) }
    public static func ariaLabel(_ value: String) -> Attribute { Attribute("aria-label", value) }
    public static func autocomplete(_ value: String) -> Attribute { Attribute("autocomplete", value) }
    public static func required(_ isOn: Bool = true) -> Attribute { Attribute(boolean: "required", isOn) }
    public static func hidden(_ isOn: Bool = true) -> Attribute { Attribute(boolean: "hidden", isOn) }
}
