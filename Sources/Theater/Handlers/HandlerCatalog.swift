import ComponentModel

/// Which host interfaces each manifest handler grants, and builds them for one actor.
enum HandlerCatalog {
    /// The interfaces (within the Theater package) a handler type grants as imports.
    static func importedInterfaces(of handlerType: String) -> [String] {
        switch handlerType {
        case "runtime": return ["runtime"]
        case "message-server": return ["message-server-host"]
        case "supervisor": return ["supervisor"]
        case "store": return ["store"]
        case "timing": return ["timing"]
        case "random": return ["random"]
        case "environment": return ["environment"]
        case "filesystem": return ["filesystem"]
        case "http-client": return ["http-client", "http-types"]
        case "http-framework": return ["http-framework", "http-types", "websocket-types"]
        case "process": return ["process"]
        default: return []
        }
    }

    /// The exported interfaces an actor must implement for a handler type to serve it.
    static func requiredExports(of handlerType: String) -> [String] {
        switch handlerType {
        case "message-server": return ["message-server-client"]
        case "http-framework": return ["http-handlers"]
        default: return []
        }
    }

    /// The handler type whose grant includes `interface`, for error messages.
    static func handlerType(granting interface: String) -> String? {
        let types = ["runtime", "message-server", "supervisor", "store", "timing", "random", "environment",
                     "filesystem", "http-client", "http-framework", "process"]
        return types.first { importedInterfaces(of: $0).contains(interface) }
    }

    /// The host interfaces `handlers` grant to the actor of `context`. Throws when a
    /// handler's settings cannot be applied (a filesystem root that does not exist).
    static func interfaces(for handlers: [HandlerSpec], context: ActorContext, randomSeed: UInt64,
                           environment: [String: String]) throws -> [GrantedInterface] {
        var granted: [GrantedInterface] = []
        for handler in handlers {
            switch handler {
            case .runtime:
                granted.append(RuntimeHandler.interface(context))
            case .messageServer:
                granted.append(MessageServerHandler.interface(context))
            case .supervisor:
                granted.append(SupervisorHandler.interface(context))
            case .timing(let config):
                granted.append(TimingHandler.interface(context, config: config))
            case .random(let config):
                granted.append(RandomHandler.interface(context, config: config, seed: randomSeed))
            case .environment(let config):
                granted.append(EnvironmentHandler.interface(context, config: config, environment: environment))
            case .store:
                granted.append(StoreHandler.interface(context))
            case .filesystem(let config):
                granted.append(try FilesystemHandler.interface(context, config: config, environment: environment))
            case .process(let config):
                granted.append(ProcessHandler.interface(context, config: config))
            case .httpClient(let config):
                granted.append(HTTPClientHandler.interface(context, config: config))
            case .httpFramework(let config):
                granted.append(HTTPFrameworkHandler.interface(context, config: config))
            }
        }
        return granted
    }
}
