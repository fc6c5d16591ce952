/// A fatal error of the byte stream's framing: after it the stream cannot be trusted to
/// be at a frame boundary, so the connection must close.
public enum FramingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A frame's length prefix is over the limit.
    case frameTooLong(length: UInt32, limit: Int)

    public var description: String {
        switch self {
        case .frameTooLong(let length, let limit):
            return "frame length \(length) bytes is over the limit of \(limit) bytes; closing the connection"
        }
    }
}
