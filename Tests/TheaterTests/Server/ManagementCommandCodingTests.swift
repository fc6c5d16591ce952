import Testing
@testable import Theater

/// Every command survives encode then decode, and the wire JSON is upstream's serde shape.
@Suite struct ManagementCommandCodingTests {
    static let id = "123e4567-e89b-12d3-a456-426614174000"
    static let other = "9a2b7c1d-0000-4e5f-8a9b-0123456789ab"

    static let everyCommand: [ManagementCommand] = [
        .startActor(manifest: "name = \"a\"\n", initialState: [0, 1, 255], parent: true, subscribe: false),
        .startActor(manifest: "/tmp/m.toml", initialState: nil, parent: false, subscribe: true),
        .stopActor(id: id), .terminateActor(id: id), .listActors, .subscribeToActor(id: id),
        .unsubscribeFromActor(id: id, subscriptionID: other),
        .sendActorMessage(id: id, data: Array("hi".utf8)), .requestActorMessage(id: id, data: []),
        .getActorManifest(id: id), .getActorStatus(id: id), .restartActor(id: id), .getActorState(id: id),
        .getActorEvents(id: id), .getActorMetrics(id: id), .updateActorComponent(id: id, component: "c.wasm"),
        .openChannel(actorID: .actor(id), initialMessage: [7]), .openChannel(actorID: .external, initialMessage: []),
        .sendOnChannel(channelID: "ch_0123456789abcdef", message: [1, 2]),
        .closeChannel(channelID: "ch_0123456789abcdef"), .newStore,
    ]

    @Test func everyCommandNameIsCovered() {
        #expect(Set(Self.everyCommand.map(\.name)) == Set(ManagementCommand.names))
    }

    @Test(arguments: ManagementCommandCodingTests.everyCommand)
    func commandRoundTrips(_ command: ManagementCommand) throws {
        #expect(try ManagementCommand.decode(command.encoded()) == command)
    }

    @Test(arguments: [
        (ManagementCommand.listActors, #""ListActors""#),
        (.stopActor(id: ManagementCommandCodingTests.id), #"{"StopActor":{"id":"123e4567-e89b-12d3-a456-426614174000"}}"#),
        (.startActor(manifest: "m.toml", initialState: nil, parent: false, subscribe: true),
         #"{"StartActor":{"manifest":"m.toml","initial_state":null,"parent":false,"subscribe":true}}"#),
        (.sendActorMessage(id: ManagementCommandCodingTests.id, data: [104, 105, 0, 255]),
         #"{"SendActorMessage":{"id":"123e4567-e89b-12d3-a456-426614174000","data":[104,105,0,255]}}"#),
        (.openChannel(actorID: .actor(ManagementCommandCodingTests.id), initialMessage: [1]),
         #"{"OpenChannel":{"actor_id":{"Actor":"123e4567-e89b-12d3-a456-426614174000"},"initial_message":[1]}}"#),
        (.openChannel(actorID: .external, initialMessage: []), #"{"OpenChannel":{"actor_id":"External","initial_message":[]}}"#),
        (.newStore, #"{"NewStore":{}}"#),
    ])
    func commandHasUpstreamJSON(_ command: ManagementCommand, _ json: String) throws {
        #expect(String(decoding: command.encoded(), as: UTF8.self) == json)
        #expect(try ManagementCommand.decode(Array(json.utf8)) == command)
    }

    @Test func decodingAcceptsWhitespaceUpperCaseIdsAndBareNewStore() throws {
        let text = " { \"StopActor\" : { \"id\" : \"123E4567-E89B-12D3-A456-426614174000\" } } \n"
        #expect(try ManagementCommand.decode(Array(text.utf8)) == .stopActor(id: Self.id))
        #expect(try ManagementCommand.decode(Array(#""NewStore""#.utf8)) == .newStore)
        let missingOption = #"{"StartActor":{"manifest":"m","parent":false,"subscribe":false}}"#
        #expect(try ManagementCommand.decode(Array(missingOption.utf8))
                == .startActor(manifest: "m", initialState: nil, parent: false, subscribe: false))
    }

    @Test func escapedStringsRoundTrip() throws {
        let manifest = "line1\n\"quoted\" \\ tab\t\u{1} é 🎭"
        let command = ManagementCommand.startActor(manifest: manifest, initialState: nil, parent: false, subscribe: false)
        #expect(try ManagementCommand.decode(command.encoded()) == command)
        let escaped = #"{"StartActor":{"manifest":"\ud83c\udfad\u00e9\/","initial_state":[],"parent":true,"subscribe":true}}"#
        #expect(try ManagementCommand.decode(Array(escaped.utf8))
                == .startActor(manifest: "🎭é/", initialState: [], parent: true, subscribe: true))
    }

    @Test func aOneMebibyteMessageRoundTrips() throws {
        let data = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let command = ManagementCommand.sendActorMessage(id: Self.id, data: data)
        #expect(try ManagementCommand.decode(command.encoded()) == command)
    }
}
