/// The `store` host functions and the test actor that calls them.
extension HostImport {
    /// The `content-ref` record, declared and exported by name in the import's instance type.
    private static let contentRefDeclaration = #"(type $content-ref-def (record (field "hash" string))) "#
        + #"(export "content-ref" (type $content-ref (eq $content-ref-def)))"#

    /// A `store` function; every one returns a `result` through the return area (its last
    /// core parameter), after `flatParameters` i32 parameters.
    private static func store(_ function: String, _ componentType: String, flatParameters: Int,
                              usesContentRef: Bool) -> HostImport {
        let parameters = Array(repeating: "i32", count: flatParameters + 1).joined(separator: " ")
        return HostImport(interface: "store", function: function, componentType: componentType,
                          coreType: "(param \(parameters))",
                          typeDeclarations: usesContentRef ? contentRefDeclaration : "")
    }

    private static let id = #"(param "store-id" string)"#
    private static let label = #"(param "label" string)"#
    private static let ref = #"(param "content-ref" $content-ref)"#
    private static let content = #"(param "content" (list u8))"#
    private static let refResult = "(result (result $content-ref (error string)))"
    private static let unitResult = "(result (result (error string)))"

    /// Every function of `ntwk:theater/store`, in INTERFACES.md's order.
    static let storeFunctions: [HostImport] = [
        store("new", "(result (result string (error string)))", flatParameters: 0, usesContentRef: false),
        store("store", "\(id) \(content) \(refResult)", flatParameters: 4, usesContentRef: true),
        store("get", "\(id) \(ref) (result (result (list u8) (error string)))", flatParameters: 4, usesContentRef: true),
        store("exists", "\(id) \(ref) (result (result bool (error string)))", flatParameters: 4, usesContentRef: true),
        store("label", "\(id) \(label) \(ref) \(unitResult)", flatParameters: 6, usesContentRef: true),
        store("get-by-label", "\(id) \(label) (result (result (option $content-ref) (error string)))",
              flatParameters: 4, usesContentRef: true),
        store("remove-label", "\(id) \(label) \(unitResult)", flatParameters: 4, usesContentRef: false),
        store("remove-from-label", "\(id) \(label) \(ref) \(unitResult)", flatParameters: 6, usesContentRef: true),
        store("store-at-label", "\(id) \(label) \(content) \(refResult)", flatParameters: 6, usesContentRef: true),
        store("replace-content-at-label", "\(id) \(label) \(content) \(refResult)", flatParameters: 6, usesContentRef: true),
        store("replace-at-label", "\(id) \(label) \(ref) \(unitResult)", flatParameters: 6, usesContentRef: true),
        store("list-labels", "\(id) (result (result (list string) (error string)))", flatParameters: 2, usesContentRef: false),
        store("list-all-content", "\(id) (result (result (list $content-ref) (error string)))",
              flatParameters: 2, usesContentRef: true),
        store("calculate-total-size", "\(id) (result (result u64 (error string)))", flatParameters: 2, usesContentRef: false),
    ]
}

extension TestActors {
    /// One request letter per `store` function (see `TestActors.store`).
    static let storeOperations: [String: Character] = [
        "new": "n", "store": "s", "get": "g", "exists": "e", "label": "l", "get-by-label": "b", "remove-label": "r",
        "remove-from-label": "f", "store-at-label": "a", "replace-content-at-label": "c", "replace-at-label": "p",
        "list-labels": "L", "list-all-content": "C", "calculate-total-size": "z",
    ]

    /// `store` handler: a request is one letter naming the function (`storeOperations`)
    /// followed by its arguments in order, each a u32 little-endian length and its bytes
    /// (store id, label, content-ref hash or content). The response is the result's
    /// discriminant (0 ok, 1 err) followed by, for `err`, the message, and for `ok`:
    /// - a string, a content-ref or bytes: their bytes;
    /// - a bool: one byte; a u64: 8 bytes little-endian; `_`: nothing;
    /// - an option<content-ref>: its discriminant, then the hash when there is one;
    /// - a list of strings or content-refs: each as a u32 length and its bytes.
    /// An unknown letter gets an empty response.
    static let store = TestActorComponent(imports: HostImport.storeFunctions, exports: [.handleRequest], body: """
        (global $out (mut i32) (i32.const 0))
        (global $out_len (mut i32) (i32.const 0))
        ;; The address of argument $i's length header in the request at $mp.
        (func $header (param $mp i32) (param $i i32) (result i32)
          (local $at i32)
          (local.set $at (i32.add (local.get $mp) (i32.const 1)))
          (block $found (loop $next
            (br_if $found (i32.eqz (local.get $i)))
            (local.set $at (i32.add (local.get $at) (i32.add (i32.const 4) (i32.load (local.get $at)))))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (br $next)))
          (local.get $at))
        (func $ap (param $mp i32) (param $i i32) (result i32)
          (i32.add (call $header (local.get $mp) (local.get $i)) (i32.const 4)))
        (func $al (param $mp i32) (param $i i32) (result i32)
          (i32.load (call $header (local.get $mp) (local.get $i))))
        ;; The response grows at the heap's end (alignment 1 keeps it contiguous).
        (func $grow (param $n i32) (result i32)
          (local $at i32)
          (local.set $at (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (local.get $n)))
          (global.set $out_len (i32.add (global.get $out_len) (local.get $n)))
          (local.get $at))
        (func $out_start
          (global.set $out (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 0)))
          (global.set $out_len (i32.const 0)))
        (func $out_byte (param $b i32) (i32.store8 (call $grow (i32.const 1)) (local.get $b)))
        (func $out_u32 (param $v i32) (i32.store (call $grow (i32.const 4)) (local.get $v)))
        (func $out_u64 (param $v i64) (i64.store (call $grow (i32.const 8)) (local.get $v)))
        (func $out_bytes (param $p i32) (param $n i32)
          (memory.copy (call $grow (local.get $n)) (local.get $p) (local.get $n)))
        ;; Results at 512: discriminant at +0, payload at +4 (+8 for u64).
        (func $emit_value
          (call $out_byte (i32.load8_u (i32.const 512)))
          (call $out_bytes (i32.load (i32.const 516)) (i32.load (i32.const 520))))
        (func $emit_unit
          (call $out_byte (i32.load8_u (i32.const 512)))
          (if (i32.load8_u (i32.const 512)) (then
            (call $out_bytes (i32.load (i32.const 516)) (i32.load (i32.const 520))))))
        (func $emit_bool
          (if (i32.load8_u (i32.const 512)) (then (call $emit_value) (return)))
          (call $out_byte (i32.const 0))
          (call $out_byte (i32.load8_u (i32.const 516))))
        (func $emit_option
          (if (i32.load8_u (i32.const 512)) (then (call $emit_value) (return)))
          (call $out_byte (i32.const 0))
          (call $out_byte (i32.load8_u (i32.const 516)))
          (if (i32.load8_u (i32.const 516)) (then
            (call $out_bytes (i32.load (i32.const 520)) (i32.load (i32.const 524))))))
        (func $emit_list
          (local $at i32) (local $end i32)
          (if (i32.load8_u (i32.const 512)) (then (call $emit_value) (return)))
          (call $out_byte (i32.const 0))
          (local.set $at (i32.load (i32.const 516)))
          (local.set $end (i32.add (local.get $at) (i32.mul (i32.load (i32.const 520)) (i32.const 8))))
          (block $done (loop $next
            (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
            (call $out_u32 (i32.load offset=4 (local.get $at)))
            (call $out_bytes (i32.load (local.get $at)) (i32.load offset=4 (local.get $at)))
            (local.set $at (i32.add (local.get $at) (i32.const 8)))
            (br $next))))
        (func $emit_u64
          (if (i32.load8_u (i32.const 512)) (then
            (call $out_byte (i32.const 1))
            (call $out_bytes (i32.load (i32.const 520)) (i32.load (i32.const 524)))
            (return)))
          (call $out_byte (i32.const 0))
          (call $out_u64 (i64.load (i32.const 520))))
        (func (export "handle-request") \(requestParams)
          (local $op i32)
          (local.set $op (i32.load8_u (local.get $mp)))
          (call $out_start)
          \(call("n", "$store.new", arguments: 0, emit: "$emit_value"))
          \(call("s", "$store.store", arguments: 2, emit: "$emit_value"))
          \(call("g", "$store.get", arguments: 2, emit: "$emit_value"))
          \(call("e", "$store.exists", arguments: 2, emit: "$emit_bool"))
          \(call("l", "$store.label", arguments: 3, emit: "$emit_unit"))
          \(call("b", "$store.get-by-label", arguments: 2, emit: "$emit_option"))
          \(call("r", "$store.remove-label", arguments: 2, emit: "$emit_unit"))
          \(call("f", "$store.remove-from-label", arguments: 3, emit: "$emit_unit"))
          \(call("a", "$store.store-at-label", arguments: 3, emit: "$emit_value"))
          \(call("c", "$store.replace-content-at-label", arguments: 3, emit: "$emit_value"))
          \(call("p", "$store.replace-at-label", arguments: 3, emit: "$emit_unit"))
          \(call("L", "$store.list-labels", arguments: 1, emit: "$emit_list"))
          \(call("C", "$store.list-all-content", arguments: 1, emit: "$emit_list"))
          \(call("z", "$store.calculate-total-size", arguments: 1, emit: "$emit_u64"))
          (call $respond \(keep) (global.get $out) (global.get $out_len)))
        """)

    /// `(if op == letter (then (call function args... 512) (call $out_start) (call emit)))`:
    /// the response starts after what the host allocated for the result.
    private static func call(_ letter: Character, _ function: String, arguments: Int, emit: String) -> String {
        let flat = (0..<arguments).map { "(call $ap (local.get $mp) (i32.const \($0))) (call $al (local.get $mp) (i32.const \($0)))" }
        return "(if (i32.eq (local.get $op) (i32.const \(letter.asciiValue!))) (then "
            + "(call \(function) \(flat.joined(separator: " ")) (i32.const 512)) (call $out_start) (call \(emit))))"
    }
}
