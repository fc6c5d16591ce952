/// What fixes an actor's run, recorded as the first event of its chain: with it (and the
/// component bytes from the content store) replay can start the same actor again.
public struct ActorStartRecord: Equatable, Sendable {
    /// The actor's id.
    public var actorID: String
    /// The actor's name from its manifest.
    public var name: String
    /// The manifest text as used (after `${VAR}` substitution).
    public var manifest: String
    /// The SHA-256 hex of the component bytes (the bytes are kept in the content store).
    public var componentHash: String
    /// The init state the actor was started with, if any.
    public var initialState: [UInt8]?
    /// The capabilities in force, one canonical line per handler.
    public var grants: [String]
    /// The seed of the actor's deterministic random sources.
    public var randomSeed: UInt64
    /// The id of the parent actor; nil for a root actor.
    public var parentID: String?
    /// The values of the environment variables the manifest's `${VAR}` references read, so
    /// that a replay parses the manifest exactly as the run did.
    public var environment: [String: String]

    /// A start record with every field given.
    public init(
        actorID: String, name: String, manifest: String, componentHash: String, initialState: [UInt8]?,
        grants: [String], randomSeed: UInt64, parentID: String?, environment: [String: String] = [:]
    ) {
        self.actorID = actorID
        self.name = name
        self.manifest = manifest
        self.componentHash = componentHash
        self.initialState = initialState
        self.grants = grants
        self.randomSeed = randomSeed
        self.parentID = parentID
        self.environment = environment
    }
}
