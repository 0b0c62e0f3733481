/// A modest default list, compiled for Newsroom: the commonest Vietnamese profanity and its abbreviations
/// (banned), and insults and spam phrases a moderator should look at (suspect). Newspapers edit it in the desk or
/// with `newsroom words`.
public enum DefaultWords {
    public static let banned: [String] = [
        "địt", "đụ", "lồn", "cặc", "buồi", "đĩ", "đéo", "đm", "đmm", "đcm", "dcm", "đkm", "dkm", "vcl", "vkl", "vãi lồn",
        "clgt", "cmm", "địt mẹ", "đụ má", "đù má", "con đĩ", "fuck", "motherfucker",
    ]

    public static let suspect: [String] = [
        "ngu", "óc chó", "khốn nạn", "mất dạy", "súc vật", "thằng chó", "con chó", "mẹ mày", "bố mày", "cút", "đồ rác rưởi",
        "vl", "vãi", "shit", "kiếm tiền online", "vay tiền nhanh", "cá độ", "nhà cái", "đánh bạc online",
    ]

    public static var rules: [WordRule] {
        banned.map { WordRule($0, .banned) } + suspect.map { WordRule($0, .suspect) }
    }
}
