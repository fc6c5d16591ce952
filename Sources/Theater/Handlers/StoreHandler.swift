import ComponentModel

/// `ntwk:theater/store`: content-addressed stores with labels, kept on disk in the data
/// directory's `stores/` folder (see `ActorStores`, `ActorStore`).
///
/// - Sharing: an actor granted the handler may use any store of the data directory whose
///   id it knows (its own from `new`, or one another actor sent it), as upstream.
/// - Labels point at one content reference each, as upstream: `label` and
///   `replace-at-label` both make the label point at existing content, `store-at-label`
///   and `replace-content-at-label` both store content and point the label at it;
///   `remove-label` of a missing label and `remove-from-label` of a label that points
///   elsewhere succeed and change nothing.
/// - Bad input (a store id that is not a lowercase UUID or names no store, a reference
///   that is not 64 lowercase hex digits, an empty label or one over 4096 UTF-8 bytes,
///   content over the actor's `message_size` limit) is an `err` naming the value.
///
/// Every result is recorded, so a replay answers from the chain and needs no store.
enum StoreHandler {
    /// `record content-ref { hash: string }`.
    static let contentRef = ABIType.record([ABIField("hash", .string)])

    static func interface(_ context: ActorContext) -> GrantedInterface {
        var store = RecordedInterface("store", recorder: context.recorder)
        let bytes = TheaterTypes.bytes, ref = contentRef
        store.function("new", [], TheaterTypes.result(.string)) { _ in
            perform(context) { stores in .string(try stores.create().id) }
        }
        store.function("store", [.string, bytes], TheaterTypes.result(ref)) { arguments in
            let id = try arguments[0].stringArgument(), content = try arguments[1].bytesArgument()
            return perform(context) { stores in refValue(try stores.open(id).store(content)) }
        }
        store.function("get", [.string, ref], TheaterTypes.result(bytes)) { arguments in
            let id = try arguments[0].stringArgument(), hash = try hashArgument(arguments[1])
            return perform(context) { stores in .bytes(try stores.open(id).get(hash)) }
        }
        store.function("exists", [.string, ref], TheaterTypes.result(.bool)) { arguments in
            let id = try arguments[0].stringArgument(), hash = try hashArgument(arguments[1])
            return perform(context) { stores in .bool(try stores.open(id).exists(hash)) }
        }
        for name in ["label", "replace-at-label"] {
            store.function(name, [.string, .string, ref], TheaterTypes.unitResult) { arguments in
                let id = try arguments[0].stringArgument(), label = try arguments[1].stringArgument()
                let hash = try hashArgument(arguments[2])
                return perform(context) { stores in try stores.open(id).setLabel(label, to: hash); return nil }
            }
        }
        store.function("get-by-label", [.string, .string], TheaterTypes.result(.option(ref))) { arguments in
            let id = try arguments[0].stringArgument(), label = try arguments[1].stringArgument()
            return perform(context) { stores in .option(try stores.open(id).reference(at: label).map(refValue)) }
        }
        store.function("remove-label", [.string, .string], TheaterTypes.unitResult) { arguments in
            let id = try arguments[0].stringArgument(), label = try arguments[1].stringArgument()
            return perform(context) { stores in try stores.open(id).removeLabel(label); return nil }
        }
        store.function("remove-from-label", [.string, .string, ref], TheaterTypes.unitResult) { arguments in
            let id = try arguments[0].stringArgument(), label = try arguments[1].stringArgument()
            let hash = try hashArgument(arguments[2])
            return perform(context) { stores in try stores.open(id).removeLabel(label, ifPointingAt: hash); return nil }
        }
        for name in ["store-at-label", "replace-content-at-label"] {
            store.function(name, [.string, .string, bytes], TheaterTypes.result(ref)) { arguments in
                let id = try arguments[0].stringArgument(), label = try arguments[1].stringArgument()
                let content = try arguments[2].bytesArgument()
                return perform(context) { stores in refValue(try stores.open(id).store(content, at: label)) }
            }
        }
        store.function("list-labels", [.string], TheaterTypes.result(.list(.string))) { arguments in
            let id = try arguments[0].stringArgument()
            return perform(context) { stores in .list(try stores.open(id).labels().map { .string($0) }) }
        }
        store.function("list-all-content", [.string], TheaterTypes.result(.list(ref))) { arguments in
            let id = try arguments[0].stringArgument()
            return perform(context) { stores in .list(try stores.open(id).contentReferences().map(refValue)) }
        }
        store.function("calculate-total-size", [.string], TheaterTypes.result(.u64)) { arguments in
            let id = try arguments[0].stringArgument()
            return perform(context) { stores in .u64(try stores.open(id).totalSize()) }
        }
        return store.granted
    }

    /// Runs one operation on the stores of the actor's data directory: `ok(payload)`, or
    /// `err(message)` for any store error. Only runs live (a replay answers from the chain).
    private static func perform(_ context: ActorContext,
                                _ operation: (ActorStores) throws -> ComponentValue?) -> ComponentValue {
        guard let runtime = context.runtime else {
            return .outcome(.failure(HostFunctionError("the store handler needs a running Theater runtime")))
        }
        let stores = ActorStores(root: runtime.dataDirectory.actorStoresDirectory,
                                 maximumContentBytes: context.manifest.limits.messageSize)
        do {
            return .outcome(.success(try operation(stores)))
        } catch {
            // Store operations throw only `ActorStoreError`s, whose descriptions are written for actors.
            return .outcome(.failure(HostFunctionError("\(error)")))
        }
    }

    /// A `content-ref` value.
    private static func refValue(_ hash: String) -> ComponentValue {
        .record([ComponentField("hash", .string(hash))])
    }

    /// The hash of a `content-ref` argument (its form is checked by the store).
    private static func hashArgument(_ value: ComponentValue) throws -> String {
        guard case .record(let fields) = value, let field = fields.first(where: { $0.label == "hash" }) else {
            throw ComponentTrap("expected a content-ref record, got a \(value.kindName)")
        }
        return try field.value.stringArgument()
    }
}
