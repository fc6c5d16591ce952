import Testing
@testable import Theater

/// Malformed commands are refused with a message that says what and where.
@Suite struct ManagementStrictDecodingTests {
    static let id = ManagementCommandCodingTests.id

    /// (input, the exact error description).
    static let malformedCommands: [(String, String)] = [
        ("", "invalid JSON at byte 0: expected a value, found end of input"),
        ("   ", "invalid JSON at byte 3: expected a value, found end of input"),
        ("nope", "invalid JSON at byte 0: expected 'null'"),
        ("?", "invalid JSON at byte 0: expected a value, found '?'"),
        (#"{"StopActor":{"id":"x"}"#, "invalid JSON at byte 23: unterminated object"),
        (#""ListActors" x"#, "invalid JSON at byte 13: unexpected 'x' after the JSON value"),
        (#"{"A":1,"A":2}"#, "invalid JSON at byte 7: duplicate key \"A\""),
        (#""\q""#, "invalid JSON at byte 2: invalid escape character 'q' after a backslash"),
        (#"[01]"#, "invalid JSON at byte 2: expected ',' or ']' in an array, found '1'"),
        (#""StartTheShow""#, "unknown command \"StartTheShow\"; expected one of \(ManagementCommand.names.joined(separator: ", "))"),
        (#"42"#, "expected a command (a name string or a one-key object), found a number"),
        (#"{}"#, "a command is an object with exactly one key (its name), found 0 keys"),
        (#"{"ListActors":null,"StopActor":{}}"#, "a command is an object with exactly one key (its name), found 2 keys"),
        (#"{"ListActors":{}}"#, "ListActors: ListActors has no fields: send it as the bare string \"ListActors\""),
        (#""StopActor""#, "StopActor: StopActor has fields: send it as {\"StopActor\": {...}}"),
        (#"{"StopActor":[]}"#, "StopActor: expected an object, found an array"),
        (#"{"StopActor":{}}"#, "StopActor: missing field \"id\""),
        (#"{"StopActor":{"id":7}}"#, "StopActor.id: expected a string, found a number"),
        (#"{"StopActor":{"id":"not-a-uuid"}}"#,
         "StopActor.id: \"not-a-uuid\" is not a UUID (like 123e4567-e89b-12d3-a456-426614174000)"),
        (#"{"StopActor":{"id":"\#(id)","force":true}}"#, "StopActor: unknown field \"force\""),
        (#"{"StartActor":{"manifest":"m","initial_state":[1,2,3,300],"parent":false,"subscribe":false}}"#,
         "StartActor.initial_state[3]: 300 is not a byte (an integer 0-255)"),
        (#"{"StartActor":{"manifest":"m","initial_state":[1,-1],"parent":false,"subscribe":false}}"#,
         "StartActor.initial_state[1]: -1 is not a byte (an integer 0-255)"),
        (#"{"StartActor":{"manifest":"m","initial_state":[1.5],"parent":false,"subscribe":false}}"#,
         "StartActor.initial_state[0]: 1.5 is not a byte (an integer 0-255)"),
        (#"{"StartActor":{"manifest":"m","initial_state":["a"],"parent":false,"subscribe":false}}"#,
         "StartActor.initial_state[0]: expected a byte (a number 0-255), found a string"),
        (#"{"StartActor":{"manifest":"m","initial_state":"AAE=","parent":false,"subscribe":false}}"#,
         "StartActor.initial_state: expected an array of bytes (numbers 0-255), found a string"),
        (#"{"StartActor":{"manifest":"m","initial_state":null,"parent":"yes","subscribe":false}}"#,
         "StartActor.parent: expected a boolean, found a string"),
        (#"{"StartActor":{"manifest":"m","parent":false}}"#, "StartActor: missing field \"subscribe\""),
        (#"{"StartActor":{"manifest":null,"parent":false,"subscribe":false}}"#, "StartActor.manifest: expected a string, found null"),
        (#"{"SendActorMessage":{"id":"\#(id)","data":[[1]]}}"#,
         "SendActorMessage.data[0]: expected a byte (a number 0-255), found an array"),
        (#"{"SendActorMessage":{"id":"\#(id)","data":[256]}}"#, "SendActorMessage.data[0]: 256 is not a byte (an integer 0-255)"),
        (#"{"SendActorMessage":{"id":"\#(id)","data":[1e2]}}"#, "SendActorMessage.data[0]: 1e2 is not a byte (an integer 0-255)"),
        (#"{"OpenChannel":{"actor_id":"Somebody","initial_message":[]}}"#,
         "OpenChannel.actor_id: unknown channel participant \"Somebody\"; expected one of Actor, External"),
        (#"{"OpenChannel":{"actor_id":{"Actor":"abc"},"initial_message":[]}}"#,
         "OpenChannel.actor_id.Actor: \"abc\" is not a UUID (like 123e4567-e89b-12d3-a456-426614174000)"),
        (#"{"OpenChannel":{"actor_id":{"External":{}},"initial_message":[]}}"#,
         "OpenChannel.actor_id.External: External has no fields: send it as the bare string \"External\""),
        (#"{"UnsubscribeFromActor":{"id":"\#(id)","subscription_id":"\#(id)x"}}"#,
         "UnsubscribeFromActor.subscription_id: \"\(id)x\" is not a UUID (like 123e4567-e89b-12d3-a456-426614174000)"),
        (#"{"NewStore":{"kind":1}}"#, "NewStore: unknown field \"kind\""),
        ("\"\u{7}\"", "invalid JSON at byte 1: an unescaped control character in a string"),
        (#""\ud800""#, "invalid JSON at byte 7: a high surrogate \\u escape without its low surrogate"),
    ]

    @Test func tableHasEnoughCases() { #expect(Self.malformedCommands.count >= 25) }

    @Test(arguments: ManagementStrictDecodingTests.malformedCommands)
    func malformedCommandIsRefusedWithItsMessage(_ input: String, _ message: String) {
        do {
            let command = try ManagementCommand.decode(Array(input.utf8))
            Issue.record("\(input) decoded as \(command)")
        } catch let error as ManagementDecodeError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: ManagementDecodeError.self) { try ManagementCommand.decode(bytes) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        for opener in ["[", "{\"a\":"] {
            let deep = String(repeating: opener, count: 100_000)
            do {
                _ = try ManagementCommand.decode(Array(deep.utf8))
                Issue.record("deep nesting accepted")
            } catch let error as ManagementDecodeError {
                guard case .tooDeep = error.kind else { Issue.record("\(error)"); continue }
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func responsesAreDecodedJustAsStrictly() {
        let cases = [
            (#"{"Error":{"error":"Oops"}}"#, "Error.error: unknown management error \"Oops\""),
            (#"{"Error":{"error":{"ActorError":5}}}"#, "Error.error.ActorError: expected a string, found a number"),
            (#"{"ActorStatus":{"id":"\#(Self.id)","status":"Sleeping"}}"#,
             "ActorStatus.status: unknown actor status \"Sleeping\"; expected one of Running, Stopped, Failed"),
            (#"{"ActorList":{"actors":[["\#(Self.id)"]]}}"#, "ActorList.actors[0]: expected an [id, name] pair"),
            (#"{"ActorEvents":{"id":"\#(Self.id)","events":[{"hash":[],"parent_hash":null,"event_type":"x","data":[],"timestamp":-1,"description":null}]}}"#,
             "ActorEvents.events[0].timestamp: -1 is not an integer 0-18446744073709551615"),
        ]
        for (input, prefix) in cases {
            do {
                _ = try ManagementResponse.decode(Array(input.utf8))
                Issue.record("\(input) accepted")
            } catch let error as ManagementDecodeError {
                #expect(error.description.hasPrefix(prefix), "\(error.description)")
            } catch { Issue.record("\(error)") }
        }
    }
}
