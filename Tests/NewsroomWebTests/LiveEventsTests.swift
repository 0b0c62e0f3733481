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
        let now = Date(timeIntervalSince1970: 1000)
        var cursor = EventCursor(start: 10)
        // 13 was taken before 14 but committed after it; 9 is history.
        #expect(cursor.unseen(events([9, 11, 12, 14]), now: now).map(\.id) == [11, 12, 14])
        #expect(cursor.newest == 14)
        #expect(cursor.openGaps == [13])
        #expect(cursor.unseen(events([13, 15]), now: now).map(\.id) == [13, 15])
        #expect(cursor.openGaps.isEmpty)
        #expect(cursor.unseen(events([13, 14, 15]), now: now).isEmpty)
    }

    @Test func aGapNobodyFillsIsDroppedAfterAWhile() {
        let now = Date(timeIntervalSince1970: 1000)
        var cursor = EventCursor(start: 0)
        #expect(cursor.unseen(events([1, 3]), now: now).map(\.id) == [1, 3])
        #expect(cursor.openGaps == [2])
        #expect(cursor.unseen([], now: now.addingTimeInterval(EventCursor.gapLifetime + 1)).isEmpty)
        #expect(cursor.openGaps.isEmpty)
        // Too late: a rolled-back write's number is never delivered.
        #expect(cursor.unseen(events([2]), now: now.addingTimeInterval(EventCursor.gapLifetime + 2)).isEmpty)
    }

    @Test func messagesAreWrittenAsServerSentEvents() {
        #expect(LiveMessage(id: 7, event: "comment", data: #"{"id":1}"#).text == "event: comment\nid: 7\ndata: {\"id\":1}\n\n")
        #expect(LiveMessage.heartbeat.text == ": ping\n\n")
    }
}
