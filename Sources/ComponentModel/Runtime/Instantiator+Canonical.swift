import WasmEngine

/// `canon` definitions: lifting core functions to component functions, lowering component
/// functions (host functions or other instances' lifted functions) to core host
/// functions, and the resource built-ins, all bound to the defining instance's Canonical
/// ABI state.
extension Instantiator {
    func defineCanonical(_ canonical: CanonicalFunction, in scope: InstantiationScope) throws {
        let store = self.store
        let state = scope.canonical
        switch canonical {
        case .lift(let coreIndex, let optionList, let typeIndex):
            let address = try scope.coreFunction(coreIndex)
            let type = try scope.functionType(typeIndex)
            let options = try canonicalOptions(optionList, in: scope)
            // Computed once here, not on every call.
            let layout = ABIFunctionLayout(type)
            let signature = layout.liftSignature
            let expected = FunctionType(parameters: signature.parameters, results: signature.results)
            guard store.type(of: address) == expected else {
                throw ComponentLinkError("canon lift: core func \(coreIndex) has type \(store.type(of: address)), "
                                         + "but the lifted type \(type.parameters) -> \(type.results) needs \(expected)")
            }
            let lifted = LiftedFunction(layout: layout, options: options, instance: state, store: store, core: address)
            scope.functions.append(ComponentFunction(name: "lifted core func \(coreIndex)", type: type,
                                                     implementation: .lifted(lifted)))
        case .lower(let functionIndex, let optionList):
            let callee = try scope.function(functionIndex)
            let options = try canonicalOptions(optionList, in: scope)
            let layout = ABIFunctionLayout(callee.type)
            let signature = layout.lowerSignature
            let type = FunctionType(parameters: signature.parameters, results: signature.results)
            if callee.isAsync {
                scope.coreFunctions.append(asyncLowering(callee, layout: layout, options: options, state: state,
                                                         type: type))
                return
            }
            scope.coreFunctions.append(store.allocateHostFunction(type: type) { _, flat in
                do {
                    return .values(try CanonicalCall.loweredCall(layout, options: options, instance: state,
                                                                 flatArguments: flat) { try callee.invoke($0) })
                } catch let error as CanonicalABIError where callee.isLifted {
                    throw Trap(reason: .host(error.adapterMessage))
                } catch {
                    throw ComponentTrap.coreTrap(for: error)
                }
            })
        case .resourceNew(let typeIndex):
            let resource = try scope.resourceType(typeIndex)
            scope.coreFunctions.append(builtin(parameters: [.i32], results: [.i32]) { arguments in
                [.i32(try state.resourceNew(resource, rep: try i32(arguments)))]
            })
        case .resourceDrop(let typeIndex):
            let resource = try scope.resourceType(typeIndex)
            scope.coreFunctions.append(builtin(parameters: [.i32], results: []) { arguments in
                try state.resourceDrop(resource, handle: try i32(arguments))
                return []
            })
        case .resourceRep(let typeIndex):
            let resource = try scope.resourceType(typeIndex)
            scope.coreFunctions.append(builtin(parameters: [.i32], results: [.i32]) { arguments in
                [.i32(try state.resourceRep(resource, handle: try i32(arguments)))]
            })
        case .concurrency(let builtin):
            throw ComponentLinkError("canon \(builtin.name) is not supported (async, threads and error-context are out of scope)")
        }
    }

    /// The core host function for a `canon lower` of the asynchronous host function
    /// `callee`: it lifts the guest's arguments and suspends the execution on them, for
    /// the `callAsync` running the guest to await the body and lower the results (see
    /// `AsyncCallScope`). Without such a `callAsync` (a synchronous `call`, a nested
    /// execution) it traps.
    private func asyncLowering(_ callee: ComponentFunction, layout: ABIFunctionLayout, options: CanonicalOptions,
                               state: CanonicalInstance, type: FunctionType) -> FunctionAddress {
        store.allocateHostFunction(type: type) { context, flat in
            do {
                guard let scope = AsyncCallScope.current, scope.store === context.store else {
                    throw ComponentTrap("`\(callee.name)` is asynchronous: call the export with callAsync")
                }
                let call = try LoweredCall(layout, options: options, instance: state, flatArguments: flat)
                scope.suspend(on: PendingHostCall(function: callee, call: call))
                return .suspend
            } catch {
                throw ComponentTrap.coreTrap(for: error)
            }
        }
    }

    /// A core host function for a Canonical ABI built-in; its errors become core traps.
    private func builtin(parameters: [ValueType], results: [ValueType],
                         _ body: @escaping ([Value]) throws -> [Value]) -> FunctionAddress {
        store.allocateHostFunction(type: FunctionType(parameters: parameters, results: results)) { _, arguments in
            do {
                return .values(try body(arguments))
            } catch {
                throw ComponentTrap.coreTrap(for: error)
            }
        }
    }

    /// The `canonopt`s resolved to runtime objects of `scope`.
    func canonicalOptions(_ list: [CanonicalOption], in scope: InstantiationScope) throws -> CanonicalOptions {
        let store = self.store
        var options = CanonicalOptions()
        for option in list {
            switch option {
            case .stringEncoding(let encoding):
                options.stringEncoding = encoding
            case .memory(let index):
                options.memory = store.memory(try scope.coreMemory(index))
            case .realloc(let index):
                let address = try scope.coreFunction(index)
                let expected = FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32])
                guard store.type(of: address) == expected else {
                    throw ComponentLinkError("realloc must have type \(expected), found \(store.type(of: address))")
                }
                options.realloc = { old, oldSize, alignment, newSize in
                    let results = try store.invoke(address, [.i32(old), .i32(oldSize), .i32(alignment), .i32(newSize)])
                    guard case .i32(let pointer)? = results.first else { throw ComponentTrap("realloc returned no i32") }
                    return pointer
                }
            case .postReturn(let index):
                let address = try scope.coreFunction(index)
                options.postReturn = { flat in _ = try store.invoke(address, flat) }
            case .async, .callback:
                throw ComponentLinkError("async canonical options are not supported")
            }
        }
        return options
    }
}

/// The single `i32` argument of a resource built-in.
private func i32(_ arguments: [Value]) throws -> UInt32 {
    guard arguments.count == 1, case .i32(let value) = arguments[0] else {
        throw ComponentTrap("resource built-in expects one i32 argument, got \(arguments)")
    }
    return value
}
