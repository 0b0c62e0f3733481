extension Strings {
    /// Featured comments.
    public static let featuredBadge = "Bình luận nổi bật"
    public static let featuredHeading = "Bình luận nổi bật"
    public static let featuredSeeInThread = "Xem trong thảo luận"
    public static let featureNeedsPublished = "Chỉ bình luận đã đăng mới được chọn hoặc bỏ chọn là nổi bật."

    /// The boxes beside articles.
    public static let mostRead = "Đọc nhiều"
    public static let mostDiscussed = "Bàn luận sôi nổi"
    public static let related = "Tin liên quan"
    public static func viewCount(_ count: Int) -> String { "\(VietnameseFormat.number(count)) lượt đọc" }
    public static func discussedCount(_ count: Int) -> String { "\(VietnameseFormat.number(count)) bình luận" }

    /// Photos and video in article bodies.
    public static let photoCredit = "Ảnh"
    public static let videoPlay = "Phát video"
    public static let videoNotice = "Video từ {site} chỉ tải khi bạn bấm phát."
    public static let videoOpen = "Xem video trên {site}"
}
