/// Why bytes received from a management client (or server) are not a valid message.
///
/// `path` names where in the message the problem is, in the form
/// `StartActor.initial_state[3]`; the description reads "<path>: <problem>".
public struct ManagementDecodeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of problem it is; tests and the server's error mapping switch on it.
    public enum Kind: Equatable, Sendable {
        /// The bytes are not JSON (or not UTF-8), at this byte offset.
        case malformedJSON(offset: Int)
        /// JSON nested deeper than the parser's bound, at this byte offset.
        case tooDeep(offset: Int)
        /// A variant tag that the protocol does not have.
        case unknownVariant(String)
        /// A field that the variant requires is absent.
        case missingField(String)
        /// A field that the variant does not have.
        case unexpectedField(String)
        /// A value of the wrong JSON type.
        case wrongType
        /// A number outside the field's range, or not an integer.
        case outOfRange
        /// A string that should be a UUID and is not.
        case invalidUUID
        /// A string (base64 data, channel id) that is not in its required form.
        case invalidFormat
    }

    public let kind: Kind
    /// Where the problem is, e.g. `StartActor.initial_state[3]`; empty for the whole input.
    public let path: String
    /// What is wrong, in words a client author can act on.
    public let problem: String

    public init(_ kind: Kind, at path: String, _ problem: String) {
        self.kind = kind
        self.path = path
        self.problem = problem
    }

    public var description: String {
        path.isEmpty ? problem : "\(path): \(problem)"
    }
}
