/// The test actors of the runtime tests, each a small component in the component text
/// format (see `TestActorComponent`) that exercises one handler or one limit and answers
/// with a result derived from what the host gave it.
enum TestActors {
    /// Core parameters of `init`: state (disc, ptr, len), actor id (ptr, len).
    static let initParams = "(param $d i32) (param $p i32) (param $l i32) (param $ip i32) (param $il i32) (result i32)"
    /// Core parameters of `handle-send`: state (disc, ptr, len), message (ptr, len).
    static let sendParams = "(param $d i32) (param $p i32) (param $l i32) (param $mp i32) (param $ml i32) (result i32)"
    /// Core parameters of `handle-request`: state, request id (ptr, len), message (ptr, len).
    static let requestParams = "(param $d i32) (param $p i32) (param $l i32) (param $rp i32) (param $rl i32) "
        + "(param $mp i32) (param $ml i32) (result i32)"
    /// The unchanged state, as arguments of the prelude's helpers.
    static let keep = "(local.get $d) (local.get $p) (local.get $l)"

    /// `init` that keeps its state.
    static let keepingInit = "(func (export \"init\") \(initParams) (call $ok \(keep)))"

    /// `runtime` handler: requests
    /// - `l<text>`: logs `<text>`, responds with its length (u32);
    /// - `g`: responds with what `get-state` returns;
    /// - `s<data>`: `shutdown(some(data))`, responds with the result's discriminant;
    /// - anything else becomes the new state and is echoed.
    static let runtime = TestActorComponent(imports: [.log, .getState, .shutdown],
                                            exports: [.initialize, .handleRequest], body: """
        \(keepingInit)
        (func (export "handle-request") \(requestParams)
          (local $op i32)
          (local.set $op (i32.load8_u (local.get $mp)))
          (if (i32.eq (local.get $op) (i32.const 108)) (then
            (call $runtime.log (i32.add (local.get $mp) (i32.const 1)) (i32.sub (local.get $ml) (i32.const 1)))
            (return (call $respond_u32 \(keep) (i32.sub (local.get $ml) (i32.const 1))))))
          (if (i32.eq (local.get $op) (i32.const 103)) (then
            (call $runtime.get-state (i32.const 512))
            (return (call $respond \(keep) (i32.load (i32.const 512)) (i32.load (i32.const 516))))))
          (if (i32.eq (local.get $op) (i32.const 115)) (then
            (call $runtime.shutdown (i32.const 1) (i32.add (local.get $mp) (i32.const 1))
                                    (i32.sub (local.get $ml) (i32.const 1)) (i32.const 512))
            (return (call $respond \(keep) (i32.const 512) (i32.const 1)))))
          (call $respond (i32.const 1) (local.get $mp) (local.get $ml) (local.get $mp) (local.get $ml)))
        """)

    /// `timing` handler: requests
    /// - `n`: responds with `now()` (u64);
    /// - `s` + u64 (little-endian): sleeps that many milliseconds, responds with the
    ///   result's discriminant (0 slept, 1 refused).
    static let timing = TestActorComponent(imports: [.now, .sleep], exports: [.handleRequest], body: """
        (func (export "handle-request") \(requestParams)
          (if (i32.eq (i32.load8_u (local.get $mp)) (i32.const 110)) (then
            (return (call $respond_u64 \(keep) (call $timing.now)))))
          (call $timing.sleep (i64.load (i32.add (local.get $mp) (i32.const 1))) (i32.const 512))
          (call $respond \(keep) (i32.const 512) (i32.const 1)))
        """)

    /// `random` handler: requests
    /// - `b` + u32: responds with `random-bytes(n)`;
    /// - `r` + u64 min + u64 max: responds with `random-range(min, max)` (u64);
    /// an `err` from the host becomes the actor's `err`.
    static let random = TestActorComponent(imports: [.randomBytes, .randomRange], exports: [.handleRequest], body: """
        (func (export "handle-request") \(requestParams)
          (if (i32.eq (i32.load8_u (local.get $mp)) (i32.const 98)) (then
            (call $random.random-bytes (i32.load (i32.add (local.get $mp) (i32.const 1))) (i32.const 512))
            (if (i32.load8_u (i32.const 512)) (then
              (return (call $err (i32.load (i32.const 516)) (i32.load (i32.const 520))))))
            (return (call $respond \(keep) (i32.load (i32.const 516)) (i32.load (i32.const 520))))))
          (call $random.random-range (i64.load (i32.add (local.get $mp) (i32.const 1)))
                                     (i64.load (i32.add (local.get $mp) (i32.const 9))) (i32.const 512))
          (if (i32.load8_u (i32.const 512)) (then
            (return (call $err (i32.load (i32.const 520)) (i32.load (i32.const 524))))))
          (call $respond_u64 \(keep) (i64.load (i32.const 520))))
        """)

    /// `environment` handler: a request names a variable; the response is `get-var`'s
    /// option discriminant followed by the value when there is one.
    static let environment = TestActorComponent(imports: [.getVar], exports: [.handleRequest], body: """
        (func (export "handle-request") \(requestParams)
          (local $n i32) (local $out i32)
          (call $environment.get-var (local.get $mp) (local.get $ml) (i32.const 512))
          (if (i32.load8_u (i32.const 512)) (then (local.set $n (i32.load (i32.const 520)))))
          (local.set $out (call $alloc (i32.add (local.get $n) (i32.const 1))))
          (i32.store8 (local.get $out) (i32.load8_u (i32.const 512)))
          (if (local.get $n) (then
            (memory.copy (i32.add (local.get $out) (i32.const 1)) (i32.load (i32.const 516)) (local.get $n))))
          (call $respond \(keep) (local.get $out) (i32.add (local.get $n) (i32.const 1))))
        """)

    /// `message-server-host.send`: a request names the target actor; the actor sends it
    /// `ping` and responds with the result's discriminant (0 sent, 1 refused).
    static let sender = TestActorComponent(imports: [.send], exports: [.handleRequest], body: """
        (data (i32.const 1024) "ping")
        (func (export "handle-request") \(requestParams)
          (call $message-server-host.send (local.get $mp) (local.get $ml) (i32.const 1024) (i32.const 4) (i32.const 512))
          (call $respond \(keep) (i32.const 512) (i32.const 1)))
        """)

    /// `respond-to-request` and `list-outstanding-requests`: `handle-request` leaves every
    /// request unanswered and counts them in its state (u32); `handle-send` answers each
    /// outstanding request with the message it got, and its state becomes `a` followed by
    /// the number answered (one byte).
    static let deferred = TestActorComponent(imports: [.listOutstandingRequests, .respondToRequest],
                                             exports: [.handleSend, .handleRequest], body: """
        (func (export "handle-request") \(requestParams)
          (local $count i32) (local $out i32)
          (if (local.get $d) (then (local.set $count (i32.load (local.get $p)))))
          (local.set $out (call $alloc (i32.const 4)))
          (i32.store (local.get $out) (i32.add (local.get $count) (i32.const 1)))
          (call $no_response (i32.const 1) (local.get $out) (i32.const 4)))
        (func (export "handle-send") \(sendParams)
          (local $list i32) (local $count i32) (local $i i32) (local $entry i32) (local $out i32)
          (call $message-server-host.list-outstanding-requests (i32.const 512))
          (local.set $list (i32.load (i32.const 512)))
          (local.set $count (i32.load (i32.const 516)))
          (block $done
            (loop $next
              (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
              (local.set $entry (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 3))))
              (call $message-server-host.respond-to-request (i32.load (local.get $entry)) (i32.load offset=4 (local.get $entry))
                                                            (local.get $mp) (local.get $ml) (i32.const 528))
              (if (i32.load8_u (i32.const 528)) (then (unreachable)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $next)))
          (local.set $out (call $alloc (i32.const 2)))
          (i32.store8 (local.get $out) (i32.const 97))
          (i32.store8 offset=1 (local.get $out) (local.get $count))
          (call $ok (i32.const 1) (local.get $out) (i32.const 2)))
        """)

    /// `supervisor`: `init` spawns the child of manifest `child.toml` (next to the parent's)
    /// and keeps its id as the state; a request responds with the first id `list-children`
    /// returns (empty when there is none).
    static let supervisor = TestActorComponent(imports: [.spawn, .listChildren],
                                               exports: [.initialize, .handleRequest], body: """
        (data (i32.const 1024) "child.toml")
        (func (export "init") \(initParams)
          (call $supervisor.spawn (i32.const 1024) (i32.const 10) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 512))
          (if (i32.load8_u (i32.const 512)) (then
            (return (call $err (i32.load (i32.const 516)) (i32.load (i32.const 520))))))
          (call $ok (i32.const 1) (i32.load (i32.const 516)) (i32.load (i32.const 520))))
        (func (export "handle-request") \(requestParams)
          (local $list i32)
          (call $supervisor.list-children (i32.const 512))
          (if (i32.eqz (i32.load (i32.const 516))) (then
            (return (call $respond \(keep) (i32.const 0) (i32.const 0)))))
          (local.set $list (i32.load (i32.const 512)))
          (call $respond \(keep) (i32.load (local.get $list)) (i32.load offset=4 (local.get $list))))
        """)

    /// Limits: `handle-send` loops forever; a request responds `pong`.
    static let spinner = TestActorComponent(imports: [], exports: [.handleSend, .handleRequest], body: """
        (data (i32.const 1024) "pong")
        (func (export "handle-send") \(sendParams)
          (loop $forever (br $forever))
          (unreachable))
        (func (export "handle-request") \(requestParams)
          (call $respond \(keep) (i32.const 1024) (i32.const 4)))
        """)

    /// Limits: a request's message becomes the new state; it responds `ok`.
    static let stateKeeper = TestActorComponent(imports: [], exports: [.handleRequest], body: """
        (data (i32.const 1024) "ok")
        (func (export "handle-request") \(requestParams)
          (call $respond (i32.const 1) (local.get $mp) (local.get $ml) (i32.const 1024) (i32.const 2)))
        """)

    /// Limits: a request holds a page count (u32); the actor grows its memory by that many
    /// pages and responds with what `memory.grow` returned (u32, 0xFFFFFFFF when refused).
    static let memoryBomb = TestActorComponent(imports: [], exports: [.handleRequest], body: """
        (func (export "handle-request") \(requestParams)
          (call $respond_u32 \(keep) (memory.grow (i32.load (local.get $mp)))))
        """)

    /// Limits: `handle-send` sleeps 300 ms (so messages pile up in its mailbox); a request
    /// responds with the number of sends handled so far (its state, u32).
    static let sleeper = TestActorComponent(imports: [.sleep], exports: [.handleSend, .handleRequest], body: """
        (func (export "handle-send") \(sendParams)
          (local $count i32) (local $out i32)
          (call $timing.sleep (i64.const 300) (i32.const 512))
          (if (local.get $d) (then (local.set $count (i32.load (local.get $p)))))
          (local.set $out (call $alloc (i32.const 4)))
          (i32.store (local.get $out) (i32.add (local.get $count) (i32.const 1)))
          (call $ok (i32.const 1) (local.get $out) (i32.const 4)))
        (func (export "handle-request") \(requestParams)
          (if (i32.eqz (local.get $d)) (then (return (call $respond_u32 \(keep) (i32.const 0)))))
          (call $respond \(keep) (local.get $p) (local.get $l)))
        """)

    /// Replay: `handle-send` logs `greeting` (e.g. "hello"; another version logs another word).
    static func logger(greeting: String) -> TestActorComponent {
        TestActorComponent(imports: [.log], exports: [.handleSend], body: """
            (data (i32.const 1024) "\(greeting)")
            (func (export "handle-send") \(sendParams)
              (call $runtime.log (i32.const 1024) (i32.const \(greeting.utf8.count)))
              (call $ok \(keep)))
            """)
    }
}
