import Testing
@testable import WasmEngine

/// `Store.onFuelExhausted`: a metered run can be fed its fuel in slices, and given the
/// same total it stops on exactly the instruction, with exactly the state, that it stops
/// on when given all of it up front.
@Suite struct FuelHookTests {
    /// A loop whose iterations call directly and indirectly (a callee with more than four
    /// locals too), branch, and write a global, a second global and memory, so that fuel
    /// runs out at every kind of charge: block starts, skipped empty blocks, call entries.
    static let program = try! Validator.validate(try! Module(decoding: try! WAT.encodeModule("""
        (module
          (memory (export "mem") 1)
          (global $count (export "count") (mut i32) (i32.const 0))
          (global $sum (export "sum") (mut i64) (i64.const 0))
          (type $unary (func (param i64) (result i64)))
          (table 2 funcref)
          (elem (i32.const 0) $double $inc)
          (func $double (type $unary) (i64.add (local.get 0) (local.get 0)))
          (func $inc (type $unary) (local i32 i64 i32 i64 i32)
            (local.set 2 (i64.const 1))
            (i64.add (local.get 0) (local.get 2)))
          (func $step (param $i i32)
            (global.set $sum (call $double (global.get $sum)))
            (global.set $sum (call_indirect (type $unary) (global.get $sum) (i32.and (local.get $i) (i32.const 1))))
            (i32.store (i32.and (i32.mul (local.get $i) (i32.const 4)) (i32.const 4092)) (local.get $i))
            (block (block (br_if 0 (i32.and (local.get $i) (i32.const 2)))))
            (if (i32.and (local.get $i) (i32.const 2))
              (then (global.set $sum (i64.xor (global.get $sum) (i64.const 0x55))))))
          (func (export "run") (param $n i32) (result i32) (local $i i32)
            (block $done
              (loop $l
                (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                (call $step (local.get $i))
                (global.set $count (i32.add (global.get $count) (i32.const 1)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $l)))
            (local.get $i)))
        """)))

    /// Everything a run leaves observable: how it ended (results, or the trap with its
    /// backtrace), the globals, the memory (as a digest, to keep failure reports short)
    /// and the fuel it used.
    struct Outcome: Equatable {
        var ending: String
        var innermostFunction: Int?
        var count: Value
        var sum: Value
        var memoryDigest: UInt64
        var fuelUsed: UInt64
    }

    /// FNV-1a over `bytes`.
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Runs `run(iterations)` with `total` fuel, handed out in slices of `slice` (the
    /// first up front, the rest through the hook) or all up front when `slice` is nil.
    static func run(total: UInt64, slice: UInt64?, iterations: UInt32 = 1_000_000) throws -> (Outcome, hookCalls: Int) {
        let first = min(slice ?? total, total)
        let store = Store(configuration: StoreConfiguration(fuel: first))
        var given = first, hookCalls = 0
        if let slice {
            store.onFuelExhausted = { _ in
                hookCalls += 1
                let more = min(slice, total - given)
                given += more
                return more
            }
        }
        let instance = try store.instantiate(program, imports: Imports())
        let ending: String, innermost: Int?
        do {
            ending = "\(try store.call(instance, "run", [.i32(iterations)]))"
            innermost = nil
        } catch let trap as Trap {
            ending = "\(trap.reason)"
            innermost = trap.backtrace.first?.functionIndex
        }
        let outcome = Outcome(
            ending: ending, innermostFunction: innermost,
            count: store.value(of: instance.exportedGlobal("count")!), sum: store.value(of: instance.exportedGlobal("sum")!),
            memoryDigest: digest(try store.memory(instance.exportedMemory("mem")!).read(at: 0, count: 4096)),
            fuelUsed: given - store.remainingFuel!)
        #expect(given == total || outcome.ending != "\(TrapReason.outOfFuel)")
        return (outcome, hookCalls)
    }

    @Test func slicedFuelStopsOnTheSameInstructionAsFuelGivenUpFront() throws {
        var trapSites = Set<Int?>()
        for total in UInt64(400)...UInt64(560) {
            let (upFront, _) = try Self.run(total: total, slice: nil)
            #expect(upFront.ending == "\(TrapReason.outOfFuel)")
            trapSites.insert(upFront.innermostFunction)
            for slice: UInt64 in [1, 2, 3, 7, 64, 333, total] {
                let (sliced, hookCalls) = try Self.run(total: total, slice: slice)
                #expect(sliced == upFront, "total \(total), slices of \(slice)")
                if slice < total { #expect(hookCalls > 0) }
            }
        }
        // Runs out inside the loop, in $step, and on entering each callee.
        #expect(trapSites.isSuperset(of: [0, 1, 2, 3]), "trap sites \(trapSites)")
    }

    @Test func slicedFuelFinishesARunWithTheSameResultAndFuelLeft() throws {
        let (upFront, _) = try Self.run(total: 100_000, slice: nil, iterations: 300)
        #expect(upFront.ending == "[i32:300]")
        for slice: UInt64 in [1, 5, 1000] {
            let (sliced, hookCalls) = try Self.run(total: 100_000, slice: slice, iterations: 300)
            #expect(sliced == upFront)
            #expect(hookCalls > 0)
        }
    }

    @Test func aHookReturningZeroTrapsAsWithoutOne() throws {
        let store = Store(configuration: StoreConfiguration(fuel: 20))
        var seen: [UInt64?] = []
        store.onFuelExhausted = { store in
            seen.append(store.remainingFuel)
            return 0
        }
        let instance = try store.instantiate(Self.program, imports: Imports())
        #expect(trapReason { try store.call(instance, "run", [.i32(100)]) } == .outOfFuel)
        #expect(seen.count == 1)
        #expect(seen.first == store.remainingFuel)
        #expect(store.remainingFuel! < 20)
        #expect(store.fuelAddedByHook == 0)
    }

    @Test func theHookCanReadAndSetTheFuelLeftAndItsAdditionsAreCounted() throws {
        let store = Store(configuration: StoreConfiguration(fuel: 10))
        var calls = 0
        store.onFuelExhausted = { store in
            calls += 1
            // Replaces the remainder with 7 and adds 100: a charge then sees 107.
            store.remainingFuel = 7
            return calls <= 3 ? 100 : 0
        }
        let instance = try store.instantiate(Self.program, imports: Imports())
        #expect(trapReason { try store.call(instance, "run", [.i32(1_000_000)]) } == .outOfFuel)
        #expect(calls == 4)
        #expect(store.fuelAddedByHook == 300)
    }

    @Test func theHookCannotRunCodeInItsStore() throws {
        let store = Store(configuration: StoreConfiguration(fuel: 10))
        let instance = try store.instantiate(Self.program, imports: Imports())
        var failure: String?
        store.onFuelExhausted = { store in
            do { try store.call(instance, "run", [.i32(1)]) } catch { failure = "\(error)" }
            return 0
        }
        #expect(trapReason { try store.call(instance, "run", [.i32(100)]) } == .outOfFuel)
        #expect(failure?.contains("onFuelExhausted") == true, "\(failure ?? "no error")")
    }

    @Test func anUnmeteredStoreNeverCallsTheHook() throws {
        let store = Store()
        var calls = 0
        store.onFuelExhausted = { _ in calls += 1; return 0 }
        let instance = try store.instantiate(Self.program, imports: Imports())
        #expect(try store.call(instance, "run", [.i32(1000)]) == [.i32(1000)])
        #expect(calls == 0)
    }
}
