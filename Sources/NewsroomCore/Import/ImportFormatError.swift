/// Why an export file (WordPress WXR, Disqus XML) could not be read: malformed XML, or XML of another format.
/// The message is Vietnamese, for the person running the import; `line` is the file's line (1-based) where known.
public struct ImportFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line of the file where the problem was found, when the XML parser knew it.
    public var line: Int?
    /// What is wrong and, where it helps, what to do.
    public var message: String

    /// An error at `line` (nil when unknown) saying `message`.
    public init(line: Int? = nil, message: String) {
        self.line = line
        self.message = message
    }

    /// "dòng 12: thẻ đóng không khớp với thẻ mở", or the message alone when the line is unknown.
    public var description: String { line.map { "dòng \($0): \(message)" } ?? message }
}
