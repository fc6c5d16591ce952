import ComponentModel

/// `ntwk:theater/environment`: the host's environment variables, filtered by the
/// manifest's `allowed_vars`, `denied_vars`, `allowed_prefixes` and `allow_list_all`. What
/// the actor read is recorded, so replay needs the same environment no more.
enum EnvironmentHandler {
    static func interface(_ context: ActorContext, config: EnvironmentConfig,
                          environment: [String: String]) -> GrantedInterface {
        var interface = RecordedInterface("environment", recorder: context.recorder)
        interface.function("get-var", [.string], .option(.string)) { arguments in
            let name = try arguments[0].stringArgument()
            guard config.permits(name), let value = environment[name] else { return .option(nil) }
            return .option(.string(value))
        }
        interface.function("exists", [.string], .bool) { arguments in
            let name = try arguments[0].stringArgument()
            return .bool(config.permits(name) && environment[name] != nil)
        }
        interface.function("list-vars", [], .list(.tuple([.string, .string]))) { _ in
            guard config.allowListAll else { return .list([]) }
            let visible = environment.filter { config.permits($0.key) }.sorted { $0.key < $1.key }
            return .list(visible.map { .tuple([.string($0.key), .string($0.value)]) })
        }
        return interface.granted
    }
}
