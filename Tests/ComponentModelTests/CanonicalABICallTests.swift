import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct CanonicalABICallTests {
    // MARK: Host calls a lifted guest export

    @Test func liftedCallPassesFlatArgumentsAndLiftsAFlatResult() throws {
        let guest = ABITestGuest()
        var postReturnArguments: [Value]?
        var options = guest.options()
        options.postReturn = { postReturnArguments = $0 }
        let type = ABIFunctionType(parameters: [.u32, .string], results: [.u32])
        let results = try CanonicalCall.liftedCall(type, options: options, instance: guest.instance,
                                                   arguments: [.u32(40), .string("héllo")]) { flat in
            guard flat.count == 3, case .i32(let x) = flat[0], case .i32(let pointer) = flat[1],
                  case .i32(let length) = flat[2] else { return [] }
            let text = try guest.memory.read(at: Int(pointer), count: Int(length))
            #expect(text == Array("héllo".utf8))
            return [.i32(x + length)]
        }
        #expect(results == [.u32(46)])
        #expect(postReturnArguments == [.i32(46)])
    }

    @Test func liftedCallSpillsMoreThanSixteenFlatParametersToMemory() throws {
        let guest = ABITestGuest()
        let type = ABIFunctionType(parameters: Array(repeating: .u32, count: 17), results: [.u32])
        let arguments = (1...17).map { ComponentValue.u32(UInt32($0)) }
        let results = try CanonicalCall.liftedCall(type, options: guest.options(), instance: guest.instance,
                                                   arguments: arguments) { flat in
            guard flat.count == 1, case .i32(let pointer) = flat[0] else { return [.i32(0)] }
            var sum: UInt32 = 0
            for i in 0..<17 { sum += UInt32(try guest.memory.loadInteger(at: Int(pointer) + 4 * i, byteCount: 4)) }
            return [.i32(sum)]
        }
        #expect(results == [.u32(153)])
        #expect(guest.reallocCalls.first?.newSize == 68)
    }

    @Test func liftedCallReadsIndirectResultsAndRunsPostReturnWithoutLeaving() throws {
        let guest = ABITestGuest()
        guest.write(Array("hi 🎭".utf8), at: 300)
        guest.writeU32(300, at: 400)
        guest.writeU32(7, at: 404)
        var options = guest.options()
        var leaveDuringPostReturn: Bool?
        options.postReturn = { flat in
            #expect(flat == [.i32(400)])
            leaveDuringPostReturn = guest.instance.mayLeave
        }
        let type = ABIFunctionType(parameters: [], results: [.string])
        let results = try CanonicalCall.liftedCall(type, options: options, instance: guest.instance,
                                                   arguments: []) { _ in [.i32(400)] }
        #expect(results == [.string("hi 🎭")])
        #expect(leaveDuringPostReturn == false)
        #expect(guest.instance.mayLeave)
    }

    @Test func liftedCallTrapsOnReentrance() throws {
        let guest = ABITestGuest()
        let type = ABIFunctionType(parameters: [], results: [])
        var inner: CanonicalABIError?
        _ = try CanonicalCall.liftedCall(type, options: guest.options(), instance: guest.instance, arguments: []) { _ in
            inner = abiError {
                try CanonicalCall.liftedCall(type, options: guest.options(), instance: guest.instance,
                                             arguments: []) { _ in [] }
            }
            return []
        }
        #expect(inner == .mayNotEnter)
        #expect(guest.instance.mayEnter)
    }

    @Test func liftedCallTrapsWhenBorrowsOutliveIt() throws {
        let guest = ABITestGuest()
        let stream = RuntimeResourceType(name: "output-stream")  // host-defined
        let type = ABIFunctionType(parameters: [.borrow(stream)], results: [])
        let kept = abiError {
            try CanonicalCall.liftedCall(type, options: guest.options(), instance: guest.instance,
                                         arguments: [.borrow(3)]) { _ in [] }
        }
        #expect(kept == .borrowsOutlivedCall(count: 1))
        let instance = CanonicalInstance()
        _ = try CanonicalCall.liftedCall(type, options: guest.options(), instance: instance, arguments: [.borrow(3)]) { flat in
            guard case .i32(let handle) = flat[0] else { return [] }
            #expect(try instance.resourceRep(stream, handle: handle) == 3)
            try instance.resourceDrop(stream, handle: handle)
            return []
        }
    }

    @Test func liftedCallCountsBorrowsNestedInsideParameters() {
        let guest = ABITestGuest()
        let stream = RuntimeResourceType(name: "output-stream")  // host-defined
        let type = ABIFunctionType(parameters: [.u32, .option(.tuple([.borrow(stream)]))], results: [])
        let kept = abiError {
            try CanonicalCall.liftedCall(type, options: guest.options(), instance: guest.instance,
                                         arguments: [.u32(1), .option(.tuple([.borrow(3)]))]) { _ in [] }
        }
        #expect(kept == .borrowsOutlivedCall(count: 1))
    }

    @Test func liftedCallRejectsCoreResultsOfTheWrongType() {
        let guest = ABITestGuest()
        let type = ABIFunctionType(parameters: [], results: [.u64])
        #expect(abiError {
            try CanonicalCall.liftedCall(type, options: guest.options(), instance: guest.instance, arguments: []) { _ in [.i32(1)] }
        } == .coreSignatureMismatch(expected: [.i64], actual: [.i32]))
    }

    @Test func liftedCallTransfersOwnedHandlesIntoTheGuest() throws {
        let guest = ABITestGuest()
        let file = RuntimeResourceType(name: "file")
        let type = ABIFunctionType(parameters: [.own(file)], results: [.own(file)])
        let results = try CanonicalCall.liftedCall(type, options: guest.options(), instance: guest.instance,
                                                   arguments: [.own(10)]) { flat in
            guard case .i32(let handle) = flat[0] else { return [] }
            #expect(try guest.instance.resourceRep(file, handle: handle) == 10)
            let fresh = try guest.instance.resourceNew(file, rep: 11)
            return [.i32(fresh)]
        }
        #expect(results == [.own(11)])
        #expect(guest.instance.handles.liveCount == 1)  // the argument's handle stays with the guest
    }

    // MARK: Guest calls a lowered host import

    @Test func loweredCallLiftsArgumentsAndStoresIndirectResultsAtTheReturnPointer() throws {
        let guest = ABITestGuest()
        guest.write(Array("héllo".utf8), at: 200)
        guest.write([1, 2, 3], at: 220)
        let type = ABIFunctionType(parameters: [.string, .list(.u8)], results: [.result(ok: .string, error: .u32)])
        #expect(type.flattened(for: .lower) == CoreSignature(parameters: [.i32, .i32, .i32, .i32, .i32], results: []))
        var received: [ComponentValue] = []
        let flat = try CanonicalCall.loweredCall(type, options: guest.options(), instance: guest.instance,
                                                 flatArguments: [.i32(200), .i32(6), .i32(220), .i32(3), .i32(512)]) { args in
            received = args
            return [.result(.ok(.string("done")))]
        }
        #expect(flat.isEmpty)
        #expect(received == [.string("héllo"), .list([.u8(1), .u8(2), .u8(3)])])
        let cx = guest.context()
        #expect(try cx.load(.result(ok: .string, error: .u32), at: 512) == .result(.ok(.string("done"))))
    }

    @Test func loweredCallReturnsFlatResults() throws {
        let guest = ABITestGuest()
        let type = ABIFunctionType(parameters: [.u64, .f32], results: [.u64])
        let flat = try CanonicalCall.loweredCall(type, options: guest.options(), instance: guest.instance,
                                                 flatArguments: [.i64(5), .float32(2)]) { args in
            guard case .u64(let a) = args[0], case .f32(let b) = args[1] else { return [] }
            return [.u64(a * UInt64(b))]
        }
        #expect(flat == [.i64(10)])
    }

    @Test func loweredCallReadsSpilledParametersFromMemory() throws {
        let guest = ABITestGuest()
        for i in 0..<17 { guest.writeU32(UInt32(i), at: 1024 + 4 * i) }
        let type = ABIFunctionType(parameters: Array(repeating: .u32, count: 17), results: [])
        var received: [ComponentValue] = []
        _ = try CanonicalCall.loweredCall(type, options: guest.options(), instance: guest.instance,
                                          flatArguments: [.i32(1024)]) { args in
            received = args
            return []
        }
        #expect(received == (0..<17).map { .u32(UInt32($0)) })
    }

    @Test func loweredCallMovesOwnedHandlesAndLendsBorrowedOnesForTheCall() throws {
        let guest = ABITestGuest()
        let file = RuntimeResourceType(name: "file")
        let owned = try guest.instance.resourceNew(file, rep: 70)
        let lent = try guest.instance.resourceNew(file, rep: 71)
        let type = ABIFunctionType(parameters: [.own(file), .borrow(file)], results: [])
        _ = try CanonicalCall.loweredCall(type, options: guest.options(), instance: guest.instance,
                                          flatArguments: [.i32(owned), .i32(lent)]) { args in
            #expect(args == [.own(70), .borrow(71)])
            #expect(abiError { try guest.instance.resourceRep(file, handle: owned) } == .unknownHandle(owned))
            #expect(guest.instance.handles.liveCount == 1)
            return []
        }
        try guest.instance.resourceDrop(file, handle: lent)  // the lend ended with the call
    }

    @Test func loweredCallRejectsWrongCoreArgumentsAndWrongResultCounts() {
        let guest = ABITestGuest()
        let type = ABIFunctionType(parameters: [.u32], results: [.u32])
        #expect(abiError {
            try CanonicalCall.loweredCall(type, options: guest.options(), instance: guest.instance,
                                          flatArguments: [.i64(1)]) { _ in [.u32(1)] }
        } == .coreSignatureMismatch(expected: [.i32], actual: [.i64]))
        #expect(abiError {
            try CanonicalCall.loweredCall(type, options: guest.options(), instance: guest.instance,
                                          flatArguments: [.i32(1)]) { _ in [] }
        } == .resultCountMismatch(expected: 1, actual: 0))
    }

    @Test func importsCannotBeCalledFromPostReturn() throws {
        let guest = ABITestGuest()
        var options = guest.options()
        var inner: CanonicalABIError?
        let type = ABIFunctionType(parameters: [], results: [])
        options.postReturn = { _ in
            inner = abiError {
                try CanonicalCall.loweredCall(type, options: guest.options(), instance: guest.instance,
                                              flatArguments: []) { _ in [] }
            }
        }
        _ = try CanonicalCall.liftedCall(type, options: options, instance: guest.instance, arguments: []) { _ in [] }
        #expect(inner == .mayNotLeave)
    }
}
