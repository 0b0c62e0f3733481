import NewsroomCore

/// A SQLite file has one serving process, whose memory is the cheaper place for the counts (no write per attempt).
struct SQLiteRateLimitPlacement: RateLimitPlacement {
    func limiter(_ limits: [RateLimit]) -> any RateLimitStore { RateLimiter(limits: limits) }
}
