import Foundation
import NewsroomCore
import Testing

@testable import NewsroomWeb

/// The cursor that decides which logged events a live page still has to get.
@Suite struct EventCursorTests {
    func events(_ ids: [ArticleEvent.ID]) -> [ArticleEvent] {
        ids.map { ArticleEvent(id: $0, articleID: 1, kind: .comment, commentID: $0, createdAt: Date(timeIntervalSince1970: 0)) }
    }

    @Test func aNumberThatCommitsLateIsStillDeliveredOnce() {
        var cursor = EventCursor(start: 10, lookBack: 256)
        // 13 was taken before 14 but committed after it.
        #expect(cursor.unseen(events([9, 11, 12, 14])).map(\.id) == [11, 12, 14])
        #expect(cursor.readFrom == 10)
        #expect(cursor.unseen(events([11, 12, 13, 14, 15])).map(\.id) == [13, 15])
        #expect(cursor.unseen(events([11, 12, 13, 14, 15])).isEmpty)
    }

    @Test func withoutLookBackItReadsOnlyWhatIsNew() {
        var cursor = EventCursor(start: 0, lookBack: 0)
        #expect(cursor.unseen(events([1, 2, 3])).map(\.id) == [1, 2, 3])
        #expect(cursor.readFrom == 3)
        #expect(cursor.unseen(events([4])).map(\.id) == [4])
    }

    @Test func messagesAreWrittenAsServerSentEvents() {
        #expect(LiveMessage(id: 7, event: "comment", data: #"{"id":1}"#).text == "event: comment\nid: 7\ndata: {\"id\":1}\n\n")
        #expect(LiveMessage.heartbeat.text == ": ping\n\n")
    }
}
