import Testing
@testable import WasmEngine

/// Fuel metering: exhaustion traps deterministically, equal budgets give equal outcomes,
/// and an unmetered store has no fuel at all.
@Suite struct FuelTests {
    static let loop = """
        (module (func (export "count") (param i32) (result i32) (local i32)
          (loop $l
            (local.set 1 (i32.add (local.get 1) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
          (local.get 1)))
        """

    @Test func infiniteLoopRunsOutOfFuel() throws {
        let store = Store(configuration: StoreConfiguration(fuel: 10_000))
        let instance = try store.instantiate(wat: "(module (func (export \"spin\") (loop $l (br $l))))")
        #expect(trapReason { try store.call(instance, "spin") } == .outOfFuel)
        #expect(TrapReason.outOfFuel.message == "all fuel consumed")
        #expect(store.remainingFuel! < 10)
    }

    @Test func sameBudgetSameOutcome() throws {
        func run(_ fuel: UInt64) throws -> (result: String, remaining: UInt64) {
            let store = Store(configuration: StoreConfiguration(fuel: fuel))
            let instance = try store.instantiate(wat: Self.loop)
            let outcome: String
            do { outcome = "\(try store.call(instance, "count", [.i32(1000)]))" } catch { outcome = "\(error)" }
            return (outcome, store.remainingFuel!)
        }
        let a = try run(3_000), b = try run(3_000)
        #expect(a.result == b.result && a.remaining == b.remaining)
        #expect(a.result.contains("all fuel consumed"))
        let enough = try run(1_000_000)
        #expect(enough.result == "[i32:1000]")
        // Fuel used is exactly the instructions executed: each further iteration costs the same.
        let store = Store(configuration: StoreConfiguration(fuel: 1_000_000))
        let instance = try store.instantiate(wat: Self.loop)
        _ = try store.call(instance, "count", [.i32(10)])
        let used10 = 1_000_000 - store.remainingFuel!
        store.remainingFuel = 1_000_000
        _ = try store.call(instance, "count", [.i32(11)])
        let used11 = 1_000_000 - store.remainingFuel!
        store.remainingFuel = 1_000_000
        _ = try store.call(instance, "count", [.i32(12)])
        let used12 = 1_000_000 - store.remainingFuel!
        #expect(used11 - used10 == used12 - used11)
        // One iteration: local.get, i32.const, i32.add, local.set, local.get, local.get, i32.lt_u, br_if.
        #expect(used11 - used10 == 8)
    }

    @Test func refuelingLetsExecutionContinue() throws {
        let store = Store(configuration: StoreConfiguration(fuel: 50))
        let instance = try store.instantiate(wat: Self.loop)
        #expect(trapReason { try store.call(instance, "count", [.i32(100)]) } == .outOfFuel)
        store.remainingFuel = 100_000
        #expect(try store.call(instance, "count", [.i32(100)]) == [.i32(100)])
    }

    @Test func unmeteredStoreHasNoFuel() throws {
        let store = Store()
        #expect(store.remainingFuel == nil)
        store.remainingFuel = 5
        #expect(store.remainingFuel == nil)
        let instance = try store.instantiate(wat: Self.loop)
        #expect(try store.call(instance, "count", [.i32(100_000)]) == [.i32(100_000)])
    }
}
