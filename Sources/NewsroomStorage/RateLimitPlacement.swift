import NewsroomCore

/// Where the comment limits count: wherever every process that serves the site sees the same counts, at the least cost.
protocol RateLimitPlacement: Sendable {
    /// A limiter enforcing `limits`.
    func limiter(_ limits: [RateLimit]) -> any RateLimitStore
}
