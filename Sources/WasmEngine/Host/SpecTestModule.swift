/// The `spectest` host module that the official WebAssembly test suite imports from:
/// print functions, one global of each numeric type, a table and a memory.
///
/// It lives in the engine (not only in the harness) so that `theater wasm run` can run
/// the suite's modules and other programs written against it.
public enum SpecTestModule {
    /// The module name the suite imports from.
    public static let name = "spectest"

    /// Allocates the `spectest` entities in `store` and makes them importable through
    /// `imports`. `print` receives one line per print call (the suite's reference
    /// interpreter prints the arguments with their types).
    public static func define(in store: Store, imports: inout Imports, print: @escaping (String) -> Void = { _ in }) throws {
        func printer(_ name: String, _ parameters: [ValueType]) {
            let address = store.allocateHostFunction(type: FunctionType(parameters: parameters)) { _, arguments in
                print(arguments.map(describe).joined(separator: " "))
                return .values([])
            }
            imports.define(module: Self.name, name: name, .function(address))
        }
        printer("print", [])
        printer("print_i32", [.i32])
        printer("print_i64", [.i64])
        printer("print_f32", [.f32])
        printer("print_f64", [.f64])
        printer("print_i32_f32", [.i32, .f32])
        printer("print_f64_f64", [.f64, .f64])

        let globals: [(String, ValueType, Value)] = [
            ("global_i32", .i32, .i32(666)),
            ("global_i64", .i64, .i64(666)),
            ("global_f32", .f32, .f32(Float(666.6).bitPattern)),
            ("global_f64", .f64, .f64(Double(666.6).bitPattern)),
        ]
        for (name, type, value) in globals {
            let address = try store.allocateGlobal(type: GlobalType(valueType: type, isMutable: false), value: value)
            imports.define(module: Self.name, name: name, .global(address))
        }

        let table = try store.allocateTable(
            type: TableType(elementType: .funcref, limits: Limits(min: 10, max: 20)),
            initialValue: .funcref(nil)
        )
        imports.define(module: Self.name, name: "table", .table(table))

        let memory = try store.allocateMemory(type: MemoryType(limits: Limits(min: 1, max: 2)))
        imports.define(module: Self.name, name: "memory", .memory(memory))
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .i32(let bits): return "\(Int32(bitPattern: bits)) : i32"
        case .i64(let bits): return "\(Int64(bitPattern: bits)) : i64"
        case .f32(let bits): return "\(Float(bitPattern: bits)) : f32"
        case .f64(let bits): return "\(Double(bitPattern: bits)) : f64"
        case .funcref(let address): return address.map { "func \($0.index)" } ?? "null : funcref"
        case .externref(let payload): return payload.map { "extern \($0)" } ?? "null : externref"
        }
    }
}
