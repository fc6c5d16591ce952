import ComponentModel
import Foundation
import WasmEngine

/// One actor's sandbox: its own WasmEngine store, the component instantiated against
/// exactly the host interfaces its manifest grants, and the handler exports it implements.
///
/// Owned by one `ActorRuntime` and used only from its message loop (one call at a time).
final class ActorInstance {
    /// The instantiated component.
    let instance: ComponentInstance
    /// The store it lives in (fuel is refilled before each export call).
    let store: Store
    /// The handler exports the component implements, checked against their WIT types.
    private let exports: [ActorExport: ComponentFunction]
    /// What each export call may spend (fuel, wall-clock time) and how it is cut short.
    let budget: CallBudget
    /// The fuel the last export call used (0 when it never started, e.g. not exported).
    private(set) var fuelUsedByLastCall: UInt64 = 0
    /// Bytes of the instance's linear memories now (all of them together).
    var memoryBytes: Int { Int(clamping: store.totalMemoryPages &* 65536) }

    /// Instantiates `component` with the host interfaces in `grants`. Fails, naming the import,
    /// when the component imports a Theater interface no handler grants or anything outside
    /// Theater and WASI, and when an export has the wrong type.
    init(component: ValidatedComponent, grants: [GrantedInterface], wasi: WASIHost, limits: ActorLimits,
         manifestName: String) throws {
        try Self.checkImports(of: component, grants: grants, manifestName: manifestName)
        // memory_bytes bounds all the actor's memories together.
        let pages = max(1, limits.memoryBytes / 65536)
        // Always metered, even with unlimited fuel: the budget's slices are what lets a
        // deadline or a stop cut a busy call short.
        store = Store(configuration: StoreConfiguration(fuel: CallBudget.slice, maxMemoryPages: pages,
                                                        maxTotalMemoryPages: pages))
        let budget = CallBudget(fuelLimit: limits.fuelPerCall, deadlineMilliseconds: limits.callDeadlineMs)
        self.budget = budget
        store.onFuelExhausted = { _ in budget.refuel() }
        let linker = ComponentLinker(store: store)
        // WASI imports Theater does not serve (sockets, ...) trap when called; every Theater
        // import was checked against the grants above.
        linker.definesUnknownImportsAsTraps = true
        do {
            try wasi.define(in: linker)
            for grant in grants {
                for name in TheaterPackage.qualifiedNames(of: grant.interface) {
                    try linker.define(instance: name, grant.instance)
                }
            }
            instance = try linker.instantiate(component.component)
        } catch let error as ComponentLinkError {
            throw ActorStartError.instantiation(error.message)
        } catch let trap as ComponentTrap {
            throw ActorStartError.instantiation("trapped while instantiating: \(trap.message)")
        }
        exports = try Self.findExports(in: instance)
    }

    /// Whether the component implements `export`.
    func implements(_ export: ActorExport) -> Bool { exports[export] != nil }

    /// Calls handler export `export` with the current state and its parameters; the
    /// outcome is the new state and extra result, or the actor's own `err`. Traps (including
    /// fuel exhaustion) throw `ComponentTrap`.
    /// `replayingCut` is the recorded cut of this call when a replay reproduces one.
    func call(_ export: ActorExport, state: [UInt8]?, parameters: [ComponentValue],
              replayingCut: (fuel: UInt64, message: String)? = nil) async throws -> ExportResult {
        fuelUsedByLastCall = 0
        guard let function = exports[export] else {
            throw ActorCallError.notExported(export)
        }
        store.remainingFuel = budget.begin(replaying: replayingCut)
        // Whatever the outcome: what was handed out, less what is left.
        defer { fuelUsedByLastCall = budget.handedOut - min(budget.handedOut, store.remainingFuel ?? 0) }
        let stateValue = ComponentValue.option(state.map { .bytes($0) })
        let results: [ComponentValue]
        do {
            results = try await function.callAsync([stateValue, .tuple(parameters)])
        } catch {
            if let cut = budget.cut { throw CallInterrupted(fuel: budget.handedOut, message: cut) }
            throw error
        }
        return try ExportResult(decoding: results, of: export)
    }

    private static func checkImports(of component: ValidatedComponent, grants: [GrantedInterface],
                                     manifestName: String) throws {
        let granted = Set(grants.map(\.interface))
        for entry in component.imports {
            let name = entry.name
            if name.hasPrefix("wasi:") { continue }
            guard let interface = TheaterPackage.interface(in: name) else {
                throw ActorStartError.ungrantedImport(name: name, hint: "no Theater handler provides it")
            }
            // Interfaces of types only (`types`, `http-types`, ...) grant nothing; the linker
            // fills in their type exports from the import's own declarations.
            if TheaterPackage.typeOnlyInterfaces.contains(interface) { continue }
            guard granted.contains(interface) else {
                let handler = HandlerCatalog.handlerType(granting: interface)
                let hint = handler.map { "add a [[handler]] with type = \"\($0)\" to \(manifestName)" }
                    ?? "no handler provides this interface"
                throw ActorStartError.ungrantedImport(name: name, hint: hint)
            }
        }
    }

    /// The handler exports of `instance`, found under either Theater package name, each
    /// checked against the type INTERFACES.md gives it.
    private static func findExports(in instance: ComponentInstance) throws -> [ActorExport: ComponentFunction] {
        var found: [ActorExport: ComponentFunction] = [:]
        for name in instance.exportNames {
            guard let interface = TheaterPackage.interface(in: name), let nested = instance.instance(named: name) else {
                continue
            }
            for export in ActorExport.all where export.interface == interface {
                guard let function = nested.function(named: export.function) else { continue }
                guard function.type == export.type else {
                    throw ActorStartError.exportType(name: "\(name)#\(export.function)",
                                                     expected: Self.render(export.type),
                                                     actual: Self.render(function.type))
                }
                found[export] = function
            }
        }
        guard !found.isEmpty else {
            throw ActorStartError.noExports
        }
        return found
    }

    static func render(_ type: ABIFunctionType) -> String {
        "func(" + type.parameters.map(\.description).joined(separator: ", ") + ") -> "
            + type.results.map(\.description).joined(separator: ", ")
    }
}

/// An interface granted to an actor: its name within the Theater package and the host
/// functions that serve it.
struct GrantedInterface {
    let interface: String
    let instance: HostInstance
}

/// What a handler export returned.
enum ExportResult {
    /// `ok`: the new state and, for exports that have one, the extra result.
    case ok(state: [UInt8]?, extra: ComponentValue?)
    /// The actor's own `err(message)`.
    case failed(String)

    /// Reads `result<tuple<state[, tuple<extra>]>, string>`.
    init(decoding results: [ComponentValue], of export: ActorExport) throws {
        guard results.count == 1, case .result(let result) = results[0] else {
            throw ActorCallError.malformedResult(export, "expected one result value, got \(results.count)")
        }
        switch result {
        case .error(let payload):
            if case .string(let message)? = payload { self = .failed(message) } else { self = .failed("error") }
        case .ok(let payload):
            guard case .tuple(let fields)? = payload, let first = fields.first, case .option(let state) = first else {
                throw ActorCallError.malformedResult(export, "expected a tuple starting with the new state")
            }
            let newState = try state.map { try $0.bytesArgument() }
            var extra: ComponentValue?
            if fields.count > 1, case .tuple(let inner) = fields[1] { extra = inner.first }
            self = .ok(state: newState, extra: extra)
        }
    }
}

/// Why an actor could not be started.
public enum ActorStartError: Error, CustomStringConvertible, Equatable {
    /// The component imports something no granted handler provides.
    case ungrantedImport(name: String, hint: String)
    /// An export's type differs from the one INTERFACES.md gives it.
    case exportType(name: String, expected: String, actual: String)
    /// The component exports none of the Theater handler interfaces.
    case noExports
    /// Linking or instantiation failed.
    case instantiation(String)
    /// The component file could not be read, decoded or validated.
    case component(String)
    /// `actor.init` failed.
    case initFailed(String)
    /// The runtime already runs as many actors as it may.
    case tooManyActors(Int)

    public var description: String {
        switch self {
        case .ungrantedImport(let name, let hint): return "the component imports `\(name)`, which is not granted: \(hint)"
        case .exportType(let name, let expected, let actual):
            return "export `\(name)` has type \(actual), but Theater calls it as \(expected)"
        case .noExports:
            return "the component exports no Theater interface (expected at least ntwk:theater/actor)"
        case .instantiation(let message): return "cannot instantiate the component: \(message)"
        case .component(let message): return message
        case .initFailed(let message): return "actor.init failed: \(message)"
        case .tooManyActors(let limit): return "the runtime already runs \(limit) actors, its limit"
        }
    }
}

/// Why a call into an actor failed (besides a trap).
enum ActorCallError: Error, CustomStringConvertible {
    case notExported(ActorExport)
    case malformedResult(ActorExport, String)

    var description: String {
        switch self {
        case .notExported(let export): return "the actor does not export \(export)"
        case .malformedResult(let export, let message): return "\(export) returned a malformed result: \(message)"
        }
    }
}
