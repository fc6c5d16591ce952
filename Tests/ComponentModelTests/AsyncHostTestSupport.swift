import WasmEngine
@testable import ComponentModel

/// The guest of the asynchronous host function tests, in component text form. It imports
/// `test:async/host` with
/// - `fetch-text(key: u32) -> string` and `fetch-bytes(count: u32) -> list<u8>`, whose
///   results the host lowers through the guest's `realloc` (a bump allocator that grows
///   memory), and
/// - `next(x: u32) -> u32`,
///
/// and exports `fetch(key) -> tuple<string, list<u8>>` (calls both fetches), `count(n) -> u32`
/// (calls `next` n times, threading its value through from 0) and `plain(x) -> u32` (2x,
/// calls nothing).
enum AsyncHostGuest {
    static let interfaceName = "test:async/host"

    static let text = #"""
    (component
      (import "test:async/host" (instance $host
        (export "fetch-text" (func (param "key" u32) (result string)))
        (export "fetch-bytes" (func (param "count" u32) (result (list u8))))
        (export "next" (func (param "x" u32) (result u32)))))
      (alias export $host "fetch-text" (func $fetch-text))
      (alias export $host "fetch-bytes" (func $fetch-bytes))
      (alias export $host "next" (func $next))
      (core module $Memory
        (memory (export "memory") 1)
        (global $heap (mut i32) (i32.const 1024))
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
      (core func $fetch-text-lowered (canon lower (func $fetch-text)
        (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
      (core func $fetch-bytes-lowered (canon lower (func $fetch-bytes)
        (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
      (core func $next-lowered (canon lower (func $next)))
      (core module $Main
        (import "env" "memory" (memory 1))
        (import "host" "fetch-text" (func $fetch-text (param i32 i32)))
        (import "host" "fetch-bytes" (func $fetch-bytes (param i32 i32)))
        (import "host" "next" (func $next (param i32) (result i32)))
        ;; The tuple<string, list<u8>> result: the string at 64, the list at 72, each
        ;; written there by the host as a lowered result.
        (func (export "fetch") (param $key i32) (result i32)
          (call $fetch-text (local.get $key) (i32.const 64))
          (call $fetch-bytes (local.get $key) (i32.const 72))
          (i32.const 64))
        (func (export "count") (param $n i32) (result i32) (local $x i32)
          (block $done
            (loop $again
              (br_if $done (i32.eqz (local.get $n)))
              (local.set $x (call $next (local.get $x)))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br $again)))
          (local.get $x))
        (func (export "plain") (param $x i32) (result i32) (i32.mul (local.get $x) (i32.const 2))))
      (core instance $main (instantiate $Main
        (with "env" (instance $memory))
        (with "host" (instance
          (export "fetch-text" (func $fetch-text-lowered))
          (export "fetch-bytes" (func $fetch-bytes-lowered))
          (export "next" (func $next-lowered))))))
      (func $fetch (param "key" u32) (result (tuple string (list u8)))
        (canon lift (core func $main "fetch") (memory (core memory $memory "memory"))
          (realloc (core func $memory "realloc"))))
      (func $count (param "n" u32) (result u32) (canon lift (core func $main "count")))
      (func $plain (param "x" u32) (result u32) (canon lift (core func $main "plain")))
      (export "fetch" (func $fetch))
      (export "count" (func $count))
      (export "plain" (func $plain)))
    """#

    static let fetchTextType = ABIFunctionType(parameters: [.u32], results: [.string])
    static let fetchBytesType = ABIFunctionType(parameters: [.u32], results: [.list(.u8)])
    static let nextType = ABIFunctionType(parameters: [.u32], results: [.u32])

    /// The component, encoded and validated once.
    static let component: Component = {
        let component = try! Component(decoding: try! ComponentWAT.encode(text))
        _ = try! ComponentValidator.validate(component)
        return component
    }()

    /// An instance of the guest linked against `host` in `linker` (a fresh linker, with its
    /// own store, by default).
    static func instantiate(_ host: HostInstance, in linker: ComponentLinker = ComponentLinker()) throws -> ComponentInstance {
        try linker.define(instance: interfaceName, host)
        return try linker.instantiate(component)
    }

    /// The export `name` of `instance`.
    static func export(_ name: String, of instance: ComponentInstance) throws -> ComponentFunction {
        guard let function = instance.function(named: name) else { throw ComponentTrap("the guest has no export `\(name)`") }
        return function
    }

    /// Distinct, non-constant bytes for `key`.
    static func bytes(for key: UInt32, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(key)) }
    }
}
