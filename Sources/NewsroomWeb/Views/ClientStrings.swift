import NewsroomCore

/// The sentences the page's script needs, taken from the strings table and sent with the page, so the table stays
/// the one place a newspaper edits its words.
struct ClientStrings: Encodable {
    var remaining = Strings.remainingTemplate
    var over = Strings.overTemplate
    var tooLong = Strings.tooLongTemplate
    var commentCount = Strings.commentCountTemplate
    var liveComment = Strings.liveCommentTemplate
    var like = Strings.like
    var reply = Strings.reply
    var report = Strings.reportAction
    var replyingTo = Strings.replyingTo
    var submitReply = Strings.submitReply
    var networkError = Strings.networkError
    var verified = Strings.verified
    var verifiedTitle = Strings.verifiedTitle
    var signedIn = Strings.signedInTemplate
}
