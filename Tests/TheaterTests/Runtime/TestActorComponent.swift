import ComponentModel

/// A test actor written in the component text format and encoded in-process by
/// `ComponentWAT`: a core module (`body`) wired to the Theater host functions it imports
/// and lifted into the handler exports it implements.
///
/// The generated component has two core modules:
/// - `$Memory`: the one linear memory (1 page to start) and `realloc`, a bump allocator
///   from 4096 that grows the memory as needed (and traps when it cannot);
/// - `$Main`: imports that memory (`env`), `realloc` as `$realloc`, and each host function
///   lowered as `$<interface>.<function>` (see `HostImport`); it holds `prelude` and `body`.
///
/// Memory map of `$Main`: 0..255 free scratch, 256..287 the export return area (filled by
/// the prelude's helpers), 512..543 a return area for host calls (address 512), 1024..4095
/// the body's data segments, 4096.. the heap.
struct TestActorComponent {
    /// `$reply(area, offset, size) -> (ptr, len)`: turns a host call's `result<T, string>` in
    /// a return area into the bytes a test actor responds with: `0` then the `size` payload
    /// bytes at `offset` when ok, `1` then the error text when err.
    static let resultReply = """
    (func $reply (param $area i32) (param $offset i32) (param $size i32) (result i32 i32)
      (local $out i32) (local $n i32)
      (if (i32.eqz (i32.load8_u (local.get $area))) (then
        (local.set $out (call $alloc (i32.add (local.get $size) (i32.const 1))))
        (i32.store8 (local.get $out) (i32.const 0))
        (memory.copy (i32.add (local.get $out) (i32.const 1)) (i32.add (local.get $area) (local.get $offset)) (local.get $size))
        (return (local.get $out) (i32.add (local.get $size) (i32.const 1)))))
      (local.set $n (i32.load offset=4 (i32.add (local.get $area) (local.get $offset))))
      (local.set $out (call $alloc (i32.add (local.get $n) (i32.const 1))))
      (i32.store8 (local.get $out) (i32.const 1))
      (memory.copy (i32.add (local.get $out) (i32.const 1)) (i32.load (i32.add (local.get $area) (local.get $offset))) (local.get $n))
      (local.get $out) (i32.add (local.get $n) (i32.const 1)))
    """

    /// The host functions the actor imports.
    var imports: [HostImport]
    /// The handler exports the body implements (each as a core function exported under
    /// `TestActorExport.coreName`).
    var exports: [TestActorExport]
    /// Core module fields: the export functions, data segments, helpers.
    var body: String

    /// Helpers every test actor's core module has:
    /// - `$alloc(size) -> ptr`;
    /// - `$ok(state disc, ptr, len) -> area`: `ok((state,))`;
    /// - `$err(ptr, len) -> area`: `err(message)`;
    /// - `$respond(state disc, ptr, len, response ptr, len) -> area`: `ok((state, (some(response),)))`;
    /// - `$no_response(state disc, ptr, len) -> area`: `ok((state, (none,)))`;
    /// - `$respond_u64(state disc, ptr, len, value: i64) -> area`: responds with 8 bytes, little-endian;
    /// - `$respond_u32(state disc, ptr, len, value: i32) -> area`: responds with 4 bytes, little-endian.
    static let prelude = """
        (func $alloc (param $size i32) (result i32)
          (call $realloc (i32.const 0) (i32.const 0) (i32.const 8) (local.get $size)))
        (func $ok (param $disc i32) (param $ptr i32) (param $len i32) (result i32)
          (i32.store8 (i32.const 256) (i32.const 0))
          (i32.store8 (i32.const 260) (local.get $disc))
          (i32.store (i32.const 264) (local.get $ptr))
          (i32.store (i32.const 268) (local.get $len))
          (i32.const 256))
        (func $err (param $ptr i32) (param $len i32) (result i32)
          (i32.store8 (i32.const 256) (i32.const 1))
          (i32.store (i32.const 260) (local.get $ptr))
          (i32.store (i32.const 264) (local.get $len))
          (i32.const 256))
        (func $respond (param $disc i32) (param $ptr i32) (param $len i32) (param $rptr i32) (param $rlen i32) (result i32)
          (drop (call $ok (local.get $disc) (local.get $ptr) (local.get $len)))
          (i32.store8 (i32.const 272) (i32.const 1))
          (i32.store (i32.const 276) (local.get $rptr))
          (i32.store (i32.const 280) (local.get $rlen))
          (i32.const 256))
        (func $no_response (param $disc i32) (param $ptr i32) (param $len i32) (result i32)
          (drop (call $ok (local.get $disc) (local.get $ptr) (local.get $len)))
          (i32.store8 (i32.const 272) (i32.const 0))
          (i32.const 256))
        (func $respond_u64 (param $disc i32) (param $ptr i32) (param $len i32) (param $value i64) (result i32)
          (local $out i32)
          (local.set $out (call $alloc (i32.const 8)))
          (i64.store (local.get $out) (local.get $value))
          (call $respond (local.get $disc) (local.get $ptr) (local.get $len) (local.get $out) (i32.const 8)))
        (func $respond_u32 (param $disc i32) (param $ptr i32) (param $len i32) (param $value i32) (result i32)
          (local $out i32)
          (local.set $out (call $alloc (i32.const 4)))
          (i32.store (local.get $out) (local.get $value))
          (call $respond (local.get $disc) (local.get $ptr) (local.get $len) (local.get $out) (i32.const 4)))
        """

    private static let memoryModule = """
        (core module $Memory
          (memory (export "memory") 1)
          (global $heap (mut i32) (i32.const 4096))
          (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
            (local $p i32) (local $end i32)
            (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                                   (i32.sub (i32.const 0) (local.get $align))))
            (local.set $end (i32.add (local.get $p) (local.get $size)))
            (if (i32.gt_u (local.get $end) (i32.shl (memory.size) (i32.const 16)))
              (then
                (if (i32.eq (memory.grow (i32.sub (i32.shr_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 16))
                                                  (memory.size)))
                            (i32.const -1))
                  (then unreachable))))
            (global.set $heap (local.get $end))
            (local.get $p)))
        (core instance $memory (instantiate $Memory))
        """

    private static let memoryOptions = #"(memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))"#

    /// The component text.
    var text: String {
        var lines = ["(component"]
        let interfaces = orderedUnique(imports.map(\.interface))
        for interface in interfaces {
            let functions = imports.filter { $0.interface == interface }
            let declarations = orderedUnique(functions.map(\.typeDeclarations).filter { !$0.isEmpty })
                + functions.map { "(export \"\($0.function)\" (func \($0.componentType)))" }
            lines.append("  (import \"ntwk:theater/\(interface)\" (instance $i.\(interface) \(declarations.joined(separator: " "))))")
            for function in functions {
                lines.append("  (alias export $i.\(interface) \"\(function.function)\" (func $f.\(interface).\(function.function)))")
            }
        }
        lines.append(Self.memoryModule)
        for function in imports {
            lines.append("  (core func $c.\(function.interface).\(function.function) (canon lower "
                         + "(func $f.\(function.interface).\(function.function)) \(Self.memoryOptions)))")
        }
        lines.append("  (core module $Main")
        lines.append(#"    (import "env" "memory" (memory 1))"#)
        lines.append(#"    (import "env" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))"#)
        for function in imports {
            lines.append("    (import \"host\" \"\(function.interface).\(function.function)\" (func \(function.coreName) \(function.coreType)))")
        }
        lines.append(Self.prelude)
        lines.append(body)
        lines.append("  )")
        var with = [#"(with "env" (instance $memory))"#]
        if !imports.isEmpty {
            let lowered = imports.map {
                "(export \"\($0.interface).\($0.function)\" (func $c.\($0.interface).\($0.function)))"
            }
            with.append("(with \"host\" (instance \(lowered.joined(separator: " "))))")
        }
        lines.append("  (core instance $main (instantiate $Main \(with.joined(separator: " "))))")
        for definitions in orderedUnique(exports.map(\.typeDefinitions).filter { !$0.isEmpty }) {
            lines.append("  " + definitions)
        }
        for export in exports {
            lines.append("  (func $e.\(export.coreName) \(export.componentType) "
                         + "(canon lift (core func $main \"\(export.coreName)\") \(Self.memoryOptions)))")
        }
        for interface in orderedUnique(exports.map(\.interface)) {
            let members = exports.filter { $0.interface == interface }
                .map { "(export \"\($0.function)\" (func $e.\($0.coreName)))" }
            lines.append("  (instance $x.\(interface) \(members.joined(separator: " ")))")
            lines.append("  (export \"ntwk:theater/\(interface)\" (instance $x.\(interface)))")
        }
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    /// The component binary.
    func encoded() throws -> [UInt8] { try ComponentWAT.encode(text) }

    private func orderedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
