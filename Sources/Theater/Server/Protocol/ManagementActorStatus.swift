/// An actor's status in an `ActorStatus` response; a bare string on the wire.
public enum ManagementActorStatus: String, CaseIterable, Equatable, Sendable {
    case running = "Running"
    case stopped = "Stopped"
    case failed = "Failed"

    static func decode(_ value: ManagementJSON, at path: String) throws -> ManagementActorStatus {
        let text = try ManagementFields.string(value, at: path)
        guard let status = ManagementActorStatus(rawValue: text) else {
            throw ManagementFields.unknownVariant(text, at: path, of: "actor status", expected: allCases.map(\.rawValue))
        }
        return status
    }
}
