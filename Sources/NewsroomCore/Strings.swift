/// Every sentence a reader sees, in one table, so a newspaper can change a word without touching code.
public enum Strings {
    public static let siteName = "Newsroom"
    public static let siteTagline = "Tin tức, góc nhìn và ý kiến bạn đọc"
    public static let homeTitle = "Tin mới nhất"
    public static let homeEmpty = "Chưa có bài viết nào."
    public static let commentsHeading = "Ý kiến bạn đọc"
    public static let authorLabel = "Họ tên"
    public static let emailLabel = "E-mail (không bắt buộc, không hiển thị)"
    public static let bodyLabel = "Nội dung bình luận"
    public static let bodyPlaceholder = "Chia sẻ ý kiến của bạn"
    public static let submit = "Gửi bình luận"
    public static let submitReply = "Gửi trả lời"
    public static let reply = "Trả lời"
    public static let like = "Thích"
    public static let cancelReply = "Hủy"
    public static let permalink = "Liên kết"
    public static let empty = "Hiện chưa có bình luận nào, hãy là người đầu tiên bình luận"
    public static let sentTooFast = "Gửi quá nhanh sau khi mở trang"
    public static let banned = "Bạn không thể gửi bình luận trên trang này nữa."
    public static let reportAction = "Báo cáo vi phạm"
    public static let reportSubmit = "Gửi báo cáo"
    public static let reportThanks = "Cảm ơn bạn đã báo cáo. Tòa soạn sẽ xem xét bình luận này."
    public static let pendingNotice = "Bình luận của bạn đang chờ duyệt"
    public static let publishedNotice = "Bình luận của bạn đã được đăng"
    public static let commentsClosedNotice = "Bình luận đã đóng"
    public static let sortNewest = "Mới nhất"
    public static let sortOldest = "Cũ nhất"
    public static let sortTop = "Quan tâm nhất"
    public static let sortLabel = "Sắp xếp bình luận"
    public static let more = "Xem thêm bình luận"
    public static let moreReplies = "Xem thêm trả lời"
    public static let replyingTo = "Trả lời"
    public static let notFoundTitle = "Không tìm thấy trang"
    public static let notFoundBody = "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."
    public static let serverErrorTitle = "Đã có lỗi xảy ra"
    public static let serverErrorBody = "Máy chủ gặp sự cố khi xử lý yêu cầu. Xin bạn thử lại sau ít phút."
    public static let backHome = "Về trang chủ"
    public static let errorTitle = "Không thể xử lý yêu cầu"
    public static let footer = "Newsroom — nền tảng báo điện tử tự vận hành."

    /// "Tối đa: 1500 ký tự" (the seed page writes the limit without a thousands separator).
    public static func maxLength(_ limit: Int) -> String { "Tối đa: \(limit) ký tự" }

    /// Templates shared with the page's script: `{n}` and `{max}` are filled with formatted numbers.
    public static let remainingTemplate = "Còn {n} ký tự"
    public static let overTemplate = "Vượt quá {n} ký tự"
    public static let tooLongTemplate = "Bình luận dài {n} ký tự, tối đa {max} ký tự. Xin bạn rút gọn rồi gửi lại."
    public static let commentCountTemplate = "{n} bình luận"
    /// Read aloud (a polite live region) when another reader's comment appears on an open page.
    public static let liveCommentTemplate = "{author} vừa bình luận"
    public static let networkError = "Không gửi được. Xin bạn kiểm tra kết nối mạng rồi thử lại."

    /// "12 bình luận".
    public static func commentCount(_ count: Int) -> String {
        fill(commentCountTemplate, ["n": VietnameseFormat.number(count)])
    }

    /// "Bình luận dài 1.612 ký tự, tối đa 1.500 ký tự. Xin bạn rút gọn rồi gửi lại."
    public static func tooLong(_ count: Int, limit: Int) -> String {
        fill(tooLongTemplate, ["n": VietnameseFormat.number(count), "max": VietnameseFormat.number(limit)])
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { text, value in text.replacingOccurrences(of: "{\(value.key)}", with: value.value) }
    }

    /// "Tên hiển thị dài 61 ký tự, tối đa 50 ký tự."
    public static func authorTooLong(_ count: Int, limit: Int) -> String {
        "Tên hiển thị dài \(VietnameseFormat.number(count)) ký tự, tối đa \(VietnameseFormat.number(limit)) ký tự."
    }

    /// The default message of each error code.
    public static func message(for code: NewsroomError.Code) -> String {
        switch code {
        case .invalidJSON: "Dữ liệu gửi lên không phải JSON hợp lệ."
        case .invalidUTF8: "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ."
        case .invalidField: "Một trường dữ liệu không hợp lệ."
        case .malformedRequest: "Yêu cầu gửi lên bị lỗi định dạng HTTP."
        case .unauthenticated: "Bạn cần đăng nhập để thực hiện thao tác này."
        case .forbidden: "Bạn không có quyền thực hiện thao tác này."
        case .csrfInvalid: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Xin bạn tải lại trang rồi gửi lại."
        case .articleNotFound: "Không tìm thấy bài viết."
        case .commentNotFound: "Không tìm thấy bình luận."
        case .notFound: "Không tìm thấy trang hoặc tài nguyên được yêu cầu."
        case .duplicateComment: "Bạn vừa gửi bình luận này rồi."
        case .bodyTooLarge: "Dữ liệu gửi lên quá lớn (tối đa 64 KiB)."
        case .commentEmpty: "Xin bạn nhập nội dung bình luận."
        case .commentTooLong: "Bình luận quá dài."
        case .authorMissing: "Xin bạn nhập họ tên."
        case .authorTooLong: "Tên hiển thị quá dài."
        case .emailInvalid: "Địa chỉ e-mail không hợp lệ. Xin bạn kiểm tra lại hoặc để trống."
        case .invalidText: "Văn bản có ký tự không hợp lệ (quá nhiều dấu chồng lên một chữ). Xin bạn gõ lại nội dung."
        case .parentInvalid: "Bình luận bạn muốn trả lời không tồn tại hoặc chưa được đăng."
        case .commentRejected: "Bình luận không phù hợp với quy định của tòa soạn nên không được đăng."
        case .commentsClosed: "Bài viết này đã đóng bình luận."
        case .slugTaken: "Đường dẫn này đã thuộc về một bài viết khác. Xin chọn đường dẫn khác."
        case .articleInvalid: "Bài viết chưa đủ thông tin để lưu."
        case .mediaInvalid: "Ảnh bìa phải là tệp JPEG, PNG, WebP hoặc GIF, tối đa 5 MB."
        case .unsupportedMediaType: "Dữ liệu phải được gửi dưới dạng JSON (Content-Type: application/json)."
        case .rateLimited: "Bạn gửi quá nhanh. Xin đợi một lát rồi thử lại."
        case .overloaded: "Máy chủ đang quá tải. Xin bạn thử lại sau ít phút."
        case .databaseUnavailable: "Cơ sở dữ liệu tạm thời không trả lời. Xin bạn thử lại sau ít phút."
        case .storageFull: "Máy chủ đã hết chỗ lưu, chưa ghi được gì. Xin bạn thử lại sau."
        case .internalError: "Máy chủ gặp sự cố. Xin bạn thử lại sau."
        }
    }
}
