import Testing
@testable import Theater

/// Every response survives encode then decode, and the wire JSON is upstream's serde shape.
@Suite struct ManagementResponseCodingTests {
    static let id = ManagementCommandCodingTests.id
    static let other = ManagementCommandCodingTests.other
    static let event = WireChainEvent(hash: [1, 2, 3], parentHash: nil, eventType: "message-server/handle-send",
                                      data: [9], timestamp: 1_700_000_000_000, description: "sent")
    static let child = WireChainEvent(hash: [4], parentHash: [1, 2, 3], eventType: "log", data: [], timestamp: 0, description: nil)

    static let everyResponse: [ManagementResponse] = [
        .actorStarted(id: id), .actorStopped(id: id), .actorList(actors: [(id, "counter"), (other, "echo")]),
        .actorList(actors: []), .subscribed(id: id, subscriptionID: other), .unsubscribed(id: id),
        .actorEvent(event: event), .actorResult(.success(actorID: id, result: [1])),
        .actorResult(.success(actorID: id, result: nil)), .actorResult(.error(actorID: id, error: "trap")),
        .actorResult(.externalStop(actorID: id)),
        .error(.actorNotFound), .error(.actorAlreadyExists), .error(.actorNotRunning), .error(.actorError("e")),
        .error(.channelNotFound), .error(.channelClosed), .error(.channelRejected), .error(.storeError("s")),
        .error(.communicationError("c")), .error(.invalidRequest("i")), .error(.timeout), .error(.runtimeError("r")),
        .error(.internalError("x")), .error(.serializationError("z")), .error(.actorInitializationError("a")),
        .requestedMessage(id: id, message: [5, 6]), .sentMessage(id: id),
        .actorStatus(id: id, status: .running), .actorStatus(id: id, status: .stopped), .actorStatus(id: id, status: .failed),
        .restarted(id: id), .actorManifest(id: id, manifest: .object([("name", .string("counter")), ("version", .string("0.1.0"))])),
        .actorState(id: id, state: [1]), .actorState(id: id, state: nil), .actorEvents(id: id, events: [event, child]),
        .actorMetrics(id: id, metrics: .object([("messages", .integer(12)), ("uptime", .number("1.5")), ("tags", .array([.null, .bool(true)]))])),
        .actorComponentUpdated(id: id), .channelOpened(channelID: "ch_0123456789abcdef", actorID: .actor(id)),
        .messageSent(channelID: "ch_0123456789abcdef"),
        .channelMessage(channelID: "ch_0123456789abcdef", senderID: .external, message: [1]),
        .channelClosed(channelID: "ch_0123456789abcdef"), .storeCreated(storeID: "store-1"),
    ]

    @Test func everyResponseNameIsCovered() throws {
        let names = try Self.everyResponse.map { response -> String in
            guard case .object(let members) = try ManagementJSONParser.parse(response.encoded()) else { return "" }
            return members[0].key
        }
        #expect(Set(names) == Set(ManagementResponse.names))
        #expect(Set(Self.everyResponse.compactMap { if case .error(let e) = $0 { return e.tagAndText.tag } else { return nil } })
                == Set(ManagementError.tags))
    }

    @Test(arguments: ManagementResponseCodingTests.everyResponse)
    func responseRoundTrips(_ response: ManagementResponse) throws {
        #expect(try ManagementResponse.decode(response.encoded()) == response)
    }

    @Test(arguments: [
        (ManagementResponse.error(.actorNotFound), #"{"Error":{"error":"ActorNotFound"}}"#),
        (.error(.invalidRequest("bad")), #"{"Error":{"error":{"InvalidRequest":"bad"}}}"#),
        (.actorList(actors: [(ManagementCommandCodingTests.id, "counter")]),
         #"{"ActorList":{"actors":[["123e4567-e89b-12d3-a456-426614174000","counter"]]}}"#),
        (.actorResult(.success(actorID: ManagementCommandCodingTests.id, result: nil)),
         #"{"ActorResult":{"Success":{"actor_id":"123e4567-e89b-12d3-a456-426614174000","result":null}}}"#),
        (.actorStatus(id: ManagementCommandCodingTests.id, status: .running), #"{"ActorStatus":{"id":"123e4567-e89b-12d3-a456-426614174000","status":"Running"}}"#),
        (.actorEvent(event: ManagementResponseCodingTests.event),
         #"{"ActorEvent":{"event":{"hash":[1,2,3],"parent_hash":null,"event_type":"message-server/handle-send","data":[9],"timestamp":1700000000000,"description":"sent"}}}"#),
        (.channelMessage(channelID: "ch_0123456789abcdef", senderID: .external, message: [104]),
         #"{"ChannelMessage":{"channel_id":"ch_0123456789abcdef","sender_id":"External","message":[104]}}"#),
        (.storeCreated(storeID: "s1"), #"{"StoreCreated":{"store_id":"s1"}}"#),
    ])
    func responseHasUpstreamJSON(_ response: ManagementResponse, _ json: String) throws {
        #expect(String(decoding: response.encoded(), as: UTF8.self) == json)
        #expect(try ManagementResponse.decode(Array(json.utf8)) == response)
    }
}
