import Foundation
@testable import Theater

/// The `process` host functions as a test actor imports them (see `HostImport`).
extension HostImport {
    private static let configTypes = #"(type $output-mode-def (variant (case "raw") (case "line-by-line") (case "json") (case "chunked"))) "#
        + #"(export "output-mode" (type $output-mode (eq $output-mode-def))) "#
        + #"(type $process-config-def (record (field "program" string) (field "args" (list string)) "#
        + #"(field "cwd" (option string)) (field "env" (list (tuple string string))) (field "buffer-size" u32) "#
        + #"(field "stdout-mode" $output-mode) (field "stderr-mode" $output-mode) (field "chunk-size" (option u32)) "#
        + #"(field "execution-timeout" (option u64)))) "#
        + #"(export "process-config" (type $process-config (eq $process-config-def)))"#

    /// `os-spawn(config) -> result<u64, string>`: the config's 16 flat values, then the
    /// return area (disc at +0, the pid or the error at +8).
    static let osSpawn = HostImport(
        interface: "process", function: "os-spawn",
        componentType: #"(param "config" $process-config) (result (result u64 (error string)))"#,
        coreType: "(param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i32)",
        typeDeclarations: configTypes)
    /// `os-write-stdin(pid, data) -> result<u32, string>`: disc at +0, the count or the error at +4.
    static let osWriteStdin = HostImport(
        interface: "process", function: "os-write-stdin",
        componentType: #"(param "pid" u64) (param "data" (list u8)) (result (result u32 (error string)))"#,
        coreType: "(param i64 i32 i32 i32)")
    /// `os-status(pid) -> result<process-status, string>`: disc at +0; the record at +8
    /// (pid +8, running +16, exit-code disc +20 and value +24, start-time +32).
    static let osStatus = HostImport(
        interface: "process", function: "os-status",
        componentType: #"(param "pid" u64) (result (result $process-status (error string)))"#,
        coreType: "(param i64 i32)",
        typeDeclarations: #"(type $process-status-def (record (field "pid" u64) (field "running" bool) "#
            + #"(field "exit-code" (option s32)) (field "start-time" u64))) "#
            + #"(export "process-status" (type $process-status (eq $process-status-def)))"#)
    /// `os-signal(pid, signal) -> result<_, string>`.
    static let osSignal = HostImport(
        interface: "process", function: "os-signal",
        componentType: #"(param "pid" u64) (param "signal" u32) (result (result (error string)))"#,
        coreType: "(param i64 i32 i32)")
    /// `os-kill(pid) -> result<_, string>`.
    static let osKill = HostImport(
        interface: "process", function: "os-kill",
        componentType: #"(param "pid" u64) (result (result (error string)))"#, coreType: "(param i64 i32)")
}

/// The `process-handlers` exports (core parameters: state disc, ptr, len, pid i64, then the
/// bytes' ptr and len, or the exit code).
extension TestActorExport {
    private static let state = #"(param "state" (option (list u8)))"#
    private static let stateResult = "(result (result (tuple (option (list u8))) (error string)))"

    /// `handle-stdout(state, (pid, bytes))`.
    static let handleStdout = TestActorExport(
        interface: "process-handlers", function: "handle-stdout",
        componentType: "\(state) (param \"params\" (tuple u64 (list u8))) \(stateResult)")
    /// `handle-stderr(state, (pid, bytes))`.
    static let handleStderr = TestActorExport(
        interface: "process-handlers", function: "handle-stderr",
        componentType: "\(state) (param \"params\" (tuple u64 (list u8))) \(stateResult)")
    /// `handle-exit(state, (pid, code))`.
    static let handleExit = TestActorExport(
        interface: "process-handlers", function: "handle-exit",
        componentType: "\(state) (param \"params\" (tuple u64 s32)) \(stateResult)")
}

/// A test actor that drives the `process` handler from requests and collects what its
/// processes print into its state.
///
/// Requests (built by `ProcessRequest`), each answered with `[0] + ok payload` or
/// `[1] + error message`:
/// - `S`: `os-spawn`; the message carries the config's 16 flat values (8-byte slots from
///   offset 8) and the data they point into, with a table of pointer fields to relocate
///   (count at +4, offsets from +136); answers the pid (u64);
/// - `W` pid(+8) data(+16...): `os-write-stdin`, answers the count (u32);
/// - `T` pid: `os-status`, answers the 32-byte `process-status` record;
/// - `G` pid signal(+16): `os-signal`; `K` pid: `os-kill`; both answer nothing;
/// - `O`: answers the state as it is (no leading 0): what the handlers collected.
///
/// `handle-stdout`, `handle-stderr` and `handle-exit` append an entry to the state: a tag
/// (`o`, `e`, `x`), the pid (u64), a length (u32) and the bytes (the exit code: 4 bytes).
enum ProcessTestActor {
    static let component = TestActorComponent(
        imports: [.osSpawn, .osWriteStdin, .osStatus, .osSignal, .osKill],
        exports: [.handleRequest, .handleStdout, .handleStderr, .handleExit], body: """
        \(TestActorComponent.resultReply)
        (func $slot (param $m i32) (param $i i32) (result i32)
          (i32.load offset=8 (i32.add (local.get $m) (i32.shl (local.get $i) (i32.const 3)))))
        (func $spawn (param $m i32)
          (local $n i32) (local $i i32) (local $at i32)
          (local.set $n (i32.load offset=4 (local.get $m)))
          (block $done (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $at (i32.add (local.get $m)
              (i32.load offset=136 (i32.add (local.get $m) (i32.shl (local.get $i) (i32.const 2))))))
            (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (local.get $m)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
          (call $process.os-spawn
            (call $slot (local.get $m) (i32.const 0)) (call $slot (local.get $m) (i32.const 1))
            (call $slot (local.get $m) (i32.const 2)) (call $slot (local.get $m) (i32.const 3))
            (call $slot (local.get $m) (i32.const 4)) (call $slot (local.get $m) (i32.const 5))
            (call $slot (local.get $m) (i32.const 6)) (call $slot (local.get $m) (i32.const 7))
            (call $slot (local.get $m) (i32.const 8)) (call $slot (local.get $m) (i32.const 9))
            (call $slot (local.get $m) (i32.const 10)) (call $slot (local.get $m) (i32.const 11))
            (call $slot (local.get $m) (i32.const 12)) (call $slot (local.get $m) (i32.const 13))
            (call $slot (local.get $m) (i32.const 14)) (i64.load offset=128 (local.get $m))
            (i32.const 512)))
        (func (export "handle-request") \(TestActors.requestParams)
          (local $m i32) (local $op i32) (local $pid i64) (local $out i32) (local $outLen i32)
          (local.set $m (call $alloc (local.get $ml)))
          (memory.copy (local.get $m) (local.get $mp) (local.get $ml))
          (local.set $op (i32.load8_u (local.get $m)))
          (local.set $pid (i64.load offset=8 (local.get $m)))
          (if (i32.eq (local.get $op) (i32.const 79)) (then
            (if (i32.eqz (local.get $d)) (then (return (call $respond \(TestActors.keep) (i32.const 0) (i32.const 0)))))
            (return (call $respond \(TestActors.keep) (local.get $p) (local.get $l)))))
          (if (i32.eq (local.get $op) (i32.const 83)) (then
            (call $spawn (local.get $m))
            (call $reply (i32.const 512) (i32.const 8) (i32.const 8))
            (local.set $outLen) (local.set $out)
            (return (call $respond \(TestActors.keep) (local.get $out) (local.get $outLen)))))
          (if (i32.eq (local.get $op) (i32.const 87)) (then
            (call $process.os-write-stdin (local.get $pid) (i32.add (local.get $m) (i32.const 16))
                                          (i32.sub (local.get $ml) (i32.const 16)) (i32.const 512))
            (call $reply (i32.const 512) (i32.const 4) (i32.const 4))
            (local.set $outLen) (local.set $out)
            (return (call $respond \(TestActors.keep) (local.get $out) (local.get $outLen)))))
          (if (i32.eq (local.get $op) (i32.const 84)) (then
            (call $process.os-status (local.get $pid) (i32.const 512))
            (call $reply (i32.const 512) (i32.const 8) (i32.const 32))
            (local.set $outLen) (local.set $out)
            (return (call $respond \(TestActors.keep) (local.get $out) (local.get $outLen)))))
          (if (i32.eq (local.get $op) (i32.const 71)) (then
            (call $process.os-signal (local.get $pid) (i32.load offset=16 (local.get $m)) (i32.const 512))
            (call $reply (i32.const 512) (i32.const 4) (i32.const 0))
            (local.set $outLen) (local.set $out)
            (return (call $respond \(TestActors.keep) (local.get $out) (local.get $outLen)))))
          (if (i32.eq (local.get $op) (i32.const 75)) (then
            (call $process.os-kill (local.get $pid) (i32.const 512))
            (call $reply (i32.const 512) (i32.const 4) (i32.const 0))
            (local.set $outLen) (local.set $out)
            (return (call $respond \(TestActors.keep) (local.get $out) (local.get $outLen)))))
          (unreachable))
        (func $append (param $d i32) (param $p i32) (param $l i32) (param $tag i32) (param $pid i64)
                      (param $bp i32) (param $bl i32) (result i32)
          (local $old i32) (local $out i32)
          (if (local.get $d) (then (local.set $old (local.get $l))))
          (local.set $out (call $alloc (i32.add (i32.add (local.get $old) (i32.const 13)) (local.get $bl))))
          (memory.copy (local.get $out) (local.get $p) (local.get $old))
          (i32.store8 (i32.add (local.get $out) (local.get $old)) (local.get $tag))
          (i64.store offset=1 (i32.add (local.get $out) (local.get $old)) (local.get $pid))
          (i32.store offset=9 (i32.add (local.get $out) (local.get $old)) (local.get $bl))
          (memory.copy (i32.add (i32.add (local.get $out) (local.get $old)) (i32.const 13)) (local.get $bp) (local.get $bl))
          (call $ok (i32.const 1) (local.get $out) (i32.add (i32.add (local.get $old) (i32.const 13)) (local.get $bl))))
        (func (export "handle-stdout") (param $d i32) (param $p i32) (param $l i32) (param $pid i64)
                                       (param $bp i32) (param $bl i32) (result i32)
          (call $append (local.get $d) (local.get $p) (local.get $l) (i32.const 111) (local.get $pid) (local.get $bp) (local.get $bl)))
        (func (export "handle-stderr") (param $d i32) (param $p i32) (param $l i32) (param $pid i64)
                                       (param $bp i32) (param $bl i32) (result i32)
          (call $append (local.get $d) (local.get $p) (local.get $l) (i32.const 101) (local.get $pid) (local.get $bp) (local.get $bl)))
        (func (export "handle-exit") (param $d i32) (param $p i32) (param $l i32) (param $pid i64) (param $code i32) (result i32)
          (i32.store (i32.const 0) (local.get $code))
          (call $append (local.get $d) (local.get $p) (local.get $l) (i32.const 120) (local.get $pid) (i32.const 0) (i32.const 4)))
        """)
}
