import ComponentModel
import Foundation

extension RecordedEvent {
    /// The event as a JSON object for `--json` output (`JSONSerialization`-compatible):
    /// `"type"` is the type name, the other keys are the payload's fields in snake_case;
    /// values are typed objects (see `ChainValueJSON`), byte strings and hashes hex.
    public func jsonObject() -> [String: Any] {
        var object: [String: Any] = ["type": typeName]
        switch self {
        case .actorStarted(let start):
            object["actor_id"] = start.actorID
            object["name"] = start.name
            object["manifest"] = start.manifest
            object["component_hash"] = start.componentHash
            object["initial_state"] = start.initialState.map { ChainValueJSON.object(bytes: $0) } ?? NSNull()
            object["grants"] = start.grants
            object["random_seed"] = NSNumber(value: start.randomSeed)
            object["parent_id"] = start.parentID ?? NSNull()
        case .exportCall(let function, let arguments):
            object["function"] = function
            object["arguments"] = arguments.map(ChainValueJSON.object)
        case .exportReturn(let function, let outcome):
            object["function"] = function
            switch outcome {
            case .ok(let stateHash, let stateSize, let result):
                object["outcome"] = "ok"
                object["state_hash"] = stateHash?.hex ?? NSNull()
                object["state_size"] = NSNumber(value: stateSize)
                object["result"] = result.map(ChainValueJSON.object) ?? NSNull()
            case .failed(let message):
                object["outcome"] = "failed"
                object["message"] = message
            case .trapped(let message):
                object["outcome"] = "trapped"
                object["message"] = message
            case .interrupted(let fuel, let message):
                object["outcome"] = "interrupted"
                object["fuel"] = NSNumber(value: fuel)
                object["message"] = message
            }
        case .hostCall(let interface, let function, let arguments, let results):
            object["interface"] = interface
            object["function"] = function
            object["arguments"] = arguments.map(ChainValueJSON.object)
            object["results"] = results.map(ChainValueJSON.object)
        case .actorError(let kind, let message):
            object["kind"] = kind
            object["message"] = message
        case .actorStopped(let reason):
            object["reason"] = reason
        case .supervision(let action, let childID, let detail):
            object["action"] = action
            object["child_id"] = childID
            object["detail"] = detail
        }
        return object
    }
}
