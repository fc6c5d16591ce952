import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct CanonicalABIResourceTests {
    @Test func resourceNewRepDropManageOwnedHandles() throws {
        var destroyed: [UInt32] = []
        let instance = CanonicalInstance()
        let counter = RuntimeResourceType(name: "counter", implementation: instance, destructor: { destroyed.append($0) })
        let first = try instance.resourceNew(counter, rep: 100)
        let second = try instance.resourceNew(counter, rep: 200)
        #expect(first == 1 && second == 2)  // index 0 is reserved
        #expect(try instance.resourceRep(counter, handle: second) == 200)
        try instance.resourceDrop(counter, handle: first)
        #expect(destroyed == [100])
        #expect(try instance.resourceNew(counter, rep: 300) == 1)  // freed slot is reused
        #expect(instance.handles.liveCount == 2)
    }

    @Test func unknownAndDroppedHandlesTrap() throws {
        let instance = CanonicalInstance()
        let type = RuntimeResourceType(name: "r")
        #expect(abiError { try instance.resourceRep(type, handle: 0) } == .unknownHandle(0))
        #expect(abiError { try instance.resourceDrop(type, handle: 7) } == .unknownHandle(7))
        let handle = try instance.resourceNew(type, rep: 1)
        try instance.resourceDrop(type, handle: handle)
        #expect(abiError { try instance.resourceDrop(type, handle: handle) } == .unknownHandle(handle))
        #expect(abiError { try instance.resourceRep(type, handle: handle) } == .unknownHandle(handle))
    }

    @Test func handlesOfAnotherResourceTypeTrap() throws {
        let instance = CanonicalInstance()
        let file = RuntimeResourceType(name: "file")
        let socket = RuntimeResourceType(name: "socket")
        let handle = try instance.resourceNew(file, rep: 5)
        #expect(abiError { try instance.resourceRep(socket, handle: handle) }
                == .wrongResourceType(handle: handle, expected: "socket", actual: "file"))
        #expect(abiError { try instance.resourceDrop(socket, handle: handle) } != nil)
        var reader = FlatValueReader([.i32(handle)])
        let cx = LiftLowerContext(options: CanonicalOptions(), instance: instance, borrowScope: CallContext())
        #expect(abiError { try cx.liftFlat(.own(socket), from: &reader) }
                == .wrongResourceType(handle: handle, expected: "socket", actual: "file"))
        #expect(try instance.resourceRep(file, handle: handle) == 5)  // the failed lift left it in place
    }

    @Test func liftingOwnMovesTheHandleOutOfTheTable() throws {
        let instance = CanonicalInstance()
        let type = RuntimeResourceType(name: "r")
        let handle = try instance.resourceNew(type, rep: 77)
        let cx = LiftLowerContext(options: CanonicalOptions(), instance: instance)
        var reader = FlatValueReader([.i32(handle)])
        #expect(try cx.liftFlat(.own(type), from: &reader) == .own(77))
        var again = FlatValueReader([.i32(handle)])
        #expect(abiError { try cx.liftFlat(.own(type), from: &again) } == .unknownHandle(handle))
    }

    @Test func borrowHandlesCannotBePassedAsOwned() throws {
        let guest = CanonicalInstance()
        let type = RuntimeResourceType(name: "r")  // host-defined
        let scope = CallContext()
        let cx = LiftLowerContext(options: CanonicalOptions(), instance: guest, borrowScope: scope)
        let borrowed = try cx.lowerFlat(.borrow(9), as: .borrow(type))
        #expect(scope.borrowCount == 1)
        var reader = FlatValueReader(borrowed)
        #expect(abiError { try cx.liftFlat(.own(type), from: &reader) } == .notAnOwnHandle(1))
    }

    @Test func droppingABorrowDoesNotRunTheDestructorAndEndsTheBorrow() throws {
        var destroyed = 0
        let guest = CanonicalInstance()
        let type = RuntimeResourceType(name: "r", destructor: { _ in destroyed += 1 })
        let scope = CallContext()
        let cx = LiftLowerContext(options: CanonicalOptions(), instance: guest, borrowScope: scope)
        guard case .i32(let handle) = try cx.lowerFlat(.borrow(9), as: .borrow(type))[0] else { return }
        #expect(abiError { try scope.checkBorrowsDropped() } == .borrowsOutlivedCall(count: 1))
        try guest.resourceDrop(type, handle: handle)
        #expect(destroyed == 0)
        #expect(scope.borrowCount == 0)
        try scope.checkBorrowsDropped()
    }

    @Test func borrowsOfTheImplementingInstancePassTheRepresentation() throws {
        let implementation = CanonicalInstance()
        let type = RuntimeResourceType(name: "r", implementation: implementation)
        let scope = CallContext()
        let cx = LiftLowerContext(options: CanonicalOptions(), instance: implementation, borrowScope: scope)
        #expect(try cx.lowerFlat(.borrow(1234), as: .borrow(type)) == [.i32(1234)])
        #expect(scope.borrowCount == 0)
        #expect(implementation.handles.liveCount == 0)
    }

    @Test func lentHandlesCannotBeDroppedOrMovedUntilTheCallEnds() throws {
        let guest = CanonicalInstance()
        let type = RuntimeResourceType(name: "r")
        let handle = try guest.resourceNew(type, rep: 5)
        let subtask = CallContext()
        let cx = LiftLowerContext(options: CanonicalOptions(), instance: guest, borrowScope: subtask)
        var reader = FlatValueReader([.i32(handle)])
        #expect(try cx.liftFlat(.borrow(type), from: &reader) == .borrow(5))
        #expect(abiError { try guest.resourceDrop(type, handle: handle) } == .handleLent(handle: handle, lendCount: 1))
        var move = FlatValueReader([.i32(handle)])
        #expect(abiError { try cx.liftFlat(.own(type), from: &move) } == .handleLent(handle: handle, lendCount: 1))
        subtask.returnLends()
        subtask.returnLends()  // idempotent
        try guest.resourceDrop(type, handle: handle)
    }

    @Test func resourceBuiltinsMayNotRunDuringReallocOrPostReturn() throws {
        let guest = ABITestGuest()
        let type = RuntimeResourceType(name: "r")
        var options = guest.options()
        var trapped: CanonicalABIError?
        options.realloc = { [guest] old, oldSize, alignment, size in
            trapped = abiError { try guest.instance.resourceNew(type, rep: 1) }
            return try guest.realloc(old, oldSize, alignment, size)
        }
        let cx = LiftLowerContext(options: options, instance: guest.instance)
        _ = try cx.lowerFlat(.string("x"), as: .string)
        #expect(trapped == .mayNotLeave)
        #expect(guest.instance.mayLeave)
    }
}
