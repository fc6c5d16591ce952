/// The Canonical ABI's runtime state of one component instance: its handle table and the
/// `may_enter` / `may_leave` guards, plus the resource built-ins that act on them.
///
/// (The Canonical ABI part of a runtime `ComponentInstance`; the AST's
/// `ComponentInstanceDefinition` describes an `instance` definition.) Reentrance is
/// checked per instance only: parent/child donut wrapping is not modelled.
public final class CanonicalInstance {
    /// The instance's resource handles.
    public internal(set) var handles = HandleTable()
    /// False while a call into this instance is running (no synchronous reentrance).
    public internal(set) var mayEnter = true
    /// False during `realloc` and `post-return`, which may not call imports.
    public internal(set) var mayLeave = true
    /// True once a trap has unwound out of a call into this instance. The Canonical ABI
    /// leaves the instance's state undefined then (a half-done update of its memory or
    /// handle table), so it may never be entered again.
    public internal(set) var isPoisoned = false

    /// Checks that a call may enter this instance now, and marks it entered.
    func enter() throws {
        guard !isPoisoned else { throw CanonicalABIError.poisoned }
        guard mayEnter else { throw CanonicalABIError.mayNotEnter }
        mayEnter = false
    }

    /// Runs `body` as the part of a call that executes inside this instance: a failure
    /// there is a trap that poisons the instance.
    func runInside<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            isPoisoned = true
            throw error
        }
    }

    /// `runInside` for a part that awaits (an asynchronous call's core execution).
    func runInside<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            isPoisoned = true
            throw error
        }
    }

    /// A fresh instance state with an empty table.
    public init() {}

    /// `canon resource.new`: a new owned handle for representation `rep`.
    public func resourceNew(_ type: RuntimeResourceType, rep: UInt32) throws -> UInt32 {
        guard mayLeave else { throw CanonicalABIError.mayNotLeave }
        return try handles.add(ResourceHandle(type: type, rep: rep, isOwned: true))
    }

    /// `canon resource.rep`: the representation behind `handle`.
    public func resourceRep(_ type: RuntimeResourceType, handle: UInt32) throws -> UInt32 {
        let h = try handles.get(handle)
        try check(h, index: handle, is: type)
        return h.rep
    }

    /// `canon resource.drop`: removes `handle`; an owned handle's destructor runs with its
    /// representation, a borrow handle ends its borrow.
    public func resourceDrop(_ type: RuntimeResourceType, handle: UInt32) throws {
        guard mayLeave else { throw CanonicalABIError.mayNotLeave }
        let h = try handles.get(handle)
        try check(h, index: handle, is: type)
        guard h.lendCount == 0 else { throw CanonicalABIError.handleLent(handle: handle, lendCount: h.lendCount) }
        try handles.remove(handle)
        if h.isOwned {
            try runDestructor(of: type, rep: h.rep)
        } else {
            h.borrowScope?.borrowCount -= 1
        }
    }

    /// Calls the destructor like a synchronous cross-component call: when another
    /// instance implements the resource, that instance must be enterable and is not
    /// re-enterable while the destructor runs.
    private func runDestructor(of type: RuntimeResourceType, rep: UInt32) throws {
        guard let destructor = type.destructor else { return }
        guard let implementation = type.implementation, implementation !== self else {
            try destructor(rep)
            return
        }
        try implementation.enter()
        defer { implementation.mayEnter = true }
        try implementation.runInside { try destructor(rep) }
    }

    // MARK: Handle lifting and lowering (used by LiftLowerContext)

    /// `lift_own`: moves ownership out of the table.
    func liftOwn(_ index: UInt32, type: RuntimeResourceType) throws -> UInt32 {
        let h = try handles.get(index)
        try check(h, index: index, is: type)
        guard h.lendCount == 0 else { throw CanonicalABIError.handleLent(handle: index, lendCount: h.lendCount) }
        guard h.isOwned else { throw CanonicalABIError.notAnOwnHandle(index) }
        try handles.remove(index)
        return h.rep
    }

    /// `lift_borrow`: reads the representation, lending the handle to `scope`.
    func liftBorrow(_ index: UInt32, type: RuntimeResourceType, scope: CallContext?) throws -> UInt32 {
        let h = try handles.get(index)
        try check(h, index: index, is: type)
        scope?.lend(h)
        return h.rep
    }

    /// `lower_own`: a new owned handle for `rep`.
    func lowerOwn(_ rep: UInt32, type: RuntimeResourceType) throws -> UInt32 {
        try handles.add(ResourceHandle(type: type, rep: rep, isOwned: true))
    }

    /// `lower_borrow`: the representation itself when this instance implements the
    /// resource, else a borrow handle counted in `scope`.
    func lowerBorrow(_ rep: UInt32, type: RuntimeResourceType, scope: CallContext?) throws -> UInt32 {
        if type.implementation === self { return rep }
        let index = try handles.add(ResourceHandle(type: type, rep: rep, isOwned: false, borrowScope: scope))
        scope?.borrowCount += 1
        return index
    }

    private func check(_ h: ResourceHandle, index: UInt32, is type: RuntimeResourceType) throws {
        guard h.type === type else {
            throw CanonicalABIError.wrongResourceType(handle: index, expected: type.name, actual: h.type.name)
        }
    }
}
