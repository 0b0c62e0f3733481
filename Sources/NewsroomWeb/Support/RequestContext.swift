import Hummingbird
import HummingbirdAuth
import NIOCore
import NewsroomCore

/// The request context of every route: Hummingbird's core storage, the peer's address when there is one, the staff
/// session (read by the session middleware) and, on staff routes, who is signed in.
public struct NewsroomRequestContext: RequestContext, RemoteAddressRequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public let sessions = SessionContext<StaffSession>()
    /// Set by `StaffAuthMiddleware` once the session names an active member of staff.
    public var staff: StaffMember?
    /// The session's CSRF token, for the forms of staff pages.
    public var csrfToken: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The signed-in member of staff; only staff routes call it, behind `StaffAuthMiddleware`.
    func requireStaff() throws -> StaffMember {
        guard let staff else { throw NewsroomError(.unauthenticated) }
        return staff
    }
}
