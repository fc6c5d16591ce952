/// Small components in the component text format for the CLI tests.
enum ComponentFixtures {
    /// Exports `add(s32, s32) -> s32`, `divide(u32, u32) -> result<u32, string>`,
    /// `nothing()`, `boom()` (traps), `ping() -> u32` (calls an import no host provides),
    /// and the interface `theater:test/math@0.1.0` with `add`.
    static let arithmetic = #"""
    (component
      (import "theater:test/missing@0.1.0" (instance $missing (export "ping" (func (result u32)))))
      (alias export $missing "ping" (func $ping))
      (core func $ping-lowered (canon lower (func $ping)))
      (core module $M
        (import "host" "ping" (func $ping (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 100) "division by zero")
        (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
        (func (export "divide") (param i32 i32) (result i32)
          (if (i32.eqz (local.get 1))
            (then
              (i32.store8 (i32.const 32) (i32.const 1))
              (i32.store (i32.const 36) (i32.const 100))
              (i32.store (i32.const 40) (i32.const 16)))
            (else
              (i32.store8 (i32.const 32) (i32.const 0))
              (i32.store (i32.const 36) (i32.div_u (local.get 0) (local.get 1)))))
          (i32.const 32))
        (func (export "nothing"))
        (func (export "boom") unreachable)
        (func (export "ping") (result i32) (call $ping)))
      (core instance $m (instantiate $M (with "host" (instance (export "ping" (func $ping-lowered))))))
      (func $add (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $m "add")))
      (func $divide (param "a" u32) (param "b" u32) (result (result u32 (error string)))
        (canon lift (core func $m "divide") (memory (core memory $m "memory"))))
      (func $nothing (canon lift (core func $m "nothing")))
      (func $boom (canon lift (core func $m "boom")))
      (func $ping-export (result u32) (canon lift (core func $m "ping")))
      (export "add" (func $add))
      (export "divide" (func $divide))
      (export "nothing" (func $nothing))
      (export "boom" (func $boom))
      (export "ping" (func $ping-export))
      (instance $math (export "add" (func $add)))
      (export "theater:test/math@0.1.0" (instance $math)))
    """#

    /// Imports `wasi:io/error`, `wasi:io/streams` and `wasi:cli/stdout` with the types WASI 0.2.9 gives
    /// them, and exports `run() -> u32`: writes "hello, stdout\n" to stdout and returns the
    /// write result's discriminant (0 for ok).
    static let hello = #"""
    (component $C
      (import "wasi:io/error@0.2.9" (instance $io-error (export "error" (type (sub resource)))))
      (alias export $io-error "error" (type $error))
      (import "wasi:io/streams@0.2.9" (instance $streams
        (export "output-stream" (type $os (sub resource)))
        (alias outer $C $error (type $err))
        (type $stream-error (variant (case "last-operation-failed" (own $err)) (case "closed")))
        (export "stream-error" (type $se (eq $stream-error)))
        (export "[method]output-stream.blocking-write-and-flush"
          (func (param "self" (borrow $os)) (param "contents" (list u8)) (result (result (error $se)))))))
      (alias export $streams "output-stream" (type $output-stream))
      (import "wasi:cli/stdout@0.2.9" (instance $stdout
        (alias outer $C $output-stream (type $os))
        (export "get-stdout" (func (result (own $os))))))
      (alias export $stdout "get-stdout" (func $get-stdout))
      (alias export $streams "[method]output-stream.blocking-write-and-flush" (func $write))
      (core module $Memory (memory (export "memory") 1))
      (core instance $memory (instantiate $Memory))
      (core func $get-stdout-lowered (canon lower (func $get-stdout)))
      (core func $write-lowered (canon lower (func $write) (memory (core memory $memory "memory"))))
      (core module $Main
        (import "env" "memory" (memory 1))
        (import "wasi" "get-stdout" (func $get-stdout (result i32)))
        (import "wasi" "write" (func $write (param i32 i32 i32 i32)))
        (data (i32.const 16) "hello, stdout\n")
        (func (export "run") (result i32)
          (call $write (call $get-stdout) (i32.const 16) (i32.const 14) (i32.const 64))
          (i32.load8_u (i32.const 64))))
      (core instance $main (instantiate $Main
        (with "env" (instance $memory))
        (with "wasi" (instance (export "get-stdout" (func $get-stdout-lowered)) (export "write" (func $write-lowered))))))
      (func $run (result u32) (canon lift (core func $main "run")))
      (export "run" (func $run)))
    """#

    /// Imports `wasi:cli/exit@0.2.9` and exports `quit(failed: bool)`, which exits with
    /// `err` when `failed` is true and `ok` otherwise.
    static let exit = #"""
    (component
      (import "wasi:cli/exit@0.2.9" (instance $exit (export "exit" (func (param "status" (result))))))
      (alias export $exit "exit" (func $exit-function))
      (core func $exit-lowered (canon lower (func $exit-function)))
      (core module $M
        (import "wasi" "exit" (func $exit (param i32)))
        (func (export "quit") (param i32) (call $exit (local.get 0)) unreachable))
      (core instance $m (instantiate $M (with "wasi" (instance (export "exit" (func $exit-lowered))))))
      (func $quit (param "failed" bool) (canon lift (core func $m "quit")))
      (export "quit" (func $quit)))
    """#
}
