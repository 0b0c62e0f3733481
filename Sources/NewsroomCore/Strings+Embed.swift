extension Strings {
    /// Embedded comment sections.
    public static let verified = "Đã xác minh"
    public static let verifiedTitle = "Tên do trang báo xác nhận khi bạn đọc đăng nhập"
    public static let signedInTemplate = "Bạn bình luận với tên {name}, do trang báo xác nhận."
    public static let embedNotAllowed = "Trang này không được phép nhúng phần bình luận của tòa soạn."
    public static let embedURLInvalid = "Địa chỉ trang (url) không hợp lệ: cần một địa chỉ http(s) đầy đủ."
    public static let embedOpenThread = "Mở phần bình luận trong trang riêng"
    public static let embedOriginal = "Bình luận cho bài"
    public static let embedSignInInvalid = "Phiên đăng nhập từ trang báo không hợp lệ hoặc đã hết hạn. Xin tải lại trang."
}
