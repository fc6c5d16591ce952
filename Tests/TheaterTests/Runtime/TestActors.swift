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

/// The test actors of the handler-coverage tests (channels, `get-chain`, the rest of
/// `environment`, `random`, `timing` and `supervisor`).
extension TestActors {
    /// Helpers for answering with a host call's result:
    /// - `$tagged(state disc, ptr, len, tag, ptr, len) -> area`: responds with the byte `tag`
    ///   followed by the bytes;
    /// - `$respond_result(state disc, ptr, len, area)`: a `result<string or list<u8>, string>`
    ///   at `area` as its discriminant followed by the payload (the value or the error);
    /// - `$respond_unit(state disc, ptr, len, area)`: a `result<_, string>` at `area` as its
    ///   discriminant, followed by the error message when it is `err`.
    static let resultHelpers = """
        (func $tagged (param $d i32) (param $p i32) (param $l i32) (param $tag i32) (param $ptr i32) (param $len i32) (result i32)
          (local $out i32)
          (local.set $out (call $alloc (i32.add (local.get $len) (i32.const 1))))
          (i32.store8 (local.get $out) (local.get $tag))
          (memory.copy (i32.add (local.get $out) (i32.const 1)) (local.get $ptr) (local.get $len))
          (call $respond (local.get $d) (local.get $p) (local.get $l) (local.get $out) (i32.add (local.get $len) (i32.const 1))))
        (func $respond_result (param $d i32) (param $p i32) (param $l i32) (param $area i32) (result i32)
          (call $tagged (local.get $d) (local.get $p) (local.get $l) (i32.load8_u (local.get $area))
                        (i32.load offset=4 (local.get $area)) (i32.load offset=8 (local.get $area))))
        (func $respond_unit (param $d i32) (param $p i32) (param $l i32) (param $area i32) (result i32)
          (if (i32.eqz (i32.load8_u (local.get $area))) (then
            (return (call $tagged (local.get $d) (local.get $p) (local.get $l) (i32.const 0) (i32.const 0) (i32.const 0)))))
          (call $respond_result (local.get $d) (local.get $p) (local.get $l) (local.get $area)))
        """

    /// Channels, as either end. Requests (ids are 36 characters):
    /// - `o` + actor id + message: `open-channel`, responds with the result (tag + channel id or error);
    /// - `s` + channel id + message: `send-on-channel`, responds with the unit result;
    /// - `c` + channel id: `close-channel`, responds with the unit result.
    /// `handle-channel-open` logs `open <msg>` and refuses a message starting with `r`,
    /// accepts one starting with `w` with the first message back `welcome`, and accepts any
    /// other; `handle-channel-message` logs `message <msg>` and answers `ping` with `pong` on
    /// the same channel; `handle-channel-close` logs `closed <channel id>`.
    static let channels = TestActorComponent(imports: [.log, .openChannel, .sendOnChannel, .closeChannel],
                                             exports: [.handleRequest, .handleChannelOpen, .handleChannelMessage,
                                                       .handleChannelClose], body: """
        (data (i32.const 1024) "open ")
        (data (i32.const 1032) "message ")
        (data (i32.const 1048) "closed ")
        (data (i32.const 1056) "pong")
        (data (i32.const 1064) "welcome")
        (data (i32.const 1072) "ping")
        \(resultHelpers)
        (func $log_joined (param $pp i32) (param $pl i32) (param $ptr i32) (param $len i32)
          (local $out i32)
          (local.set $out (call $alloc (i32.add (local.get $pl) (local.get $len))))
          (memory.copy (local.get $out) (local.get $pp) (local.get $pl))
          (memory.copy (i32.add (local.get $out) (local.get $pl)) (local.get $ptr) (local.get $len))
          (call $runtime.log (local.get $out) (i32.add (local.get $pl) (local.get $len))))
        (func $accept (param $d i32) (param $p i32) (param $l i32) (param $yes i32) (param $md i32) (param $mptr i32) (param $mlen i32) (result i32)
          (drop (call $ok (local.get $d) (local.get $p) (local.get $l)))
          (i32.store8 (i32.const 272) (local.get $yes))
          (i32.store8 (i32.const 276) (local.get $md))
          (i32.store (i32.const 280) (local.get $mptr))
          (i32.store (i32.const 284) (local.get $mlen))
          (i32.const 256))
        (func (export "handle-request") \(requestParams)
          (local $op i32)
          (local.set $op (i32.load8_u (local.get $mp)))
          (if (i32.eq (local.get $op) (i32.const 111)) (then
            (call $message-server-host.open-channel (i32.add (local.get $mp) (i32.const 1)) (i32.const 36)
                                                    (i32.add (local.get $mp) (i32.const 37)) (i32.sub (local.get $ml) (i32.const 37))
                                                    (i32.const 512))
            (return (call $respond_result \(keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 115)) (then
            (call $message-server-host.send-on-channel (i32.add (local.get $mp) (i32.const 1)) (i32.const 36)
                                                       (i32.add (local.get $mp) (i32.const 37)) (i32.sub (local.get $ml) (i32.const 37))
                                                       (i32.const 512))
            (return (call $respond_unit \(keep) (i32.const 512)))))
          (call $message-server-host.close-channel (i32.add (local.get $mp) (i32.const 1)) (i32.sub (local.get $ml) (i32.const 1))
                                                   (i32.const 512))
          (call $respond_unit \(keep) (i32.const 512)))
        (func (export "handle-channel-open") \(requestParams)
          (local $first i32)
          (call $log_joined (i32.const 1024) (i32.const 5) (local.get $mp) (local.get $ml))
          (if (local.get $ml) (then (local.set $first (i32.load8_u (local.get $mp)))))
          (if (i32.eq (local.get $first) (i32.const 114)) (then
            (return (call $accept \(keep) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))))
          (if (i32.eq (local.get $first) (i32.const 119)) (then
            (return (call $accept \(keep) (i32.const 1) (i32.const 1) (i32.const 1064) (i32.const 7)))))
          (call $accept \(keep) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0)))
        (func (export "handle-channel-message") \(requestParams)
          (call $log_joined (i32.const 1032) (i32.const 8) (local.get $mp) (local.get $ml))
          (if (i32.eq (local.get $ml) (i32.const 4)) (then
            (if (i32.eq (i32.load (local.get $mp)) (i32.load (i32.const 1072))) (then
              (call $message-server-host.send-on-channel (local.get $rp) (local.get $rl) (i32.const 1056) (i32.const 4) (i32.const 512))
              (if (i32.load8_u (i32.const 512)) (then
                (return (call $err (i32.load (i32.const 516)) (i32.load (i32.const 520))))))))))
          (call $ok \(keep)))
        (func (export "handle-channel-close") \(sendParams)
          (call $log_joined (i32.const 1048) (i32.const 7) (local.get $mp) (local.get $ml))
          (call $ok \(keep)))
        """)

    /// `runtime.get-chain`: `init` keeps its state; a request logs its message, then
    /// responds with the chain `get-chain` returned, each event as 25 bytes (hash u64,
    /// parent option disc u8, parent u64, data length u32, event-type length u32, all
    /// little-endian) followed by the event type.
    static let chainReader = TestActorComponent(imports: [.log, .getChain], exports: [.initialize, .handleRequest], body: """
        \(keepingInit)
        (func (export "handle-request") \(requestParams)
          (local $list i32) (local $count i32) (local $i i32) (local $e i32) (local $size i32) (local $out i32) (local $at i32)
          (call $runtime.log (local.get $mp) (local.get $ml))
          (call $runtime.get-chain (i32.const 512))
          (local.set $list (i32.load (i32.const 512)))
          (local.set $count (i32.load (i32.const 516)))
          (block $sized
            (loop $measure
              (br_if $sized (i32.ge_u (local.get $i) (local.get $count)))
              (local.set $e (i32.add (local.get $list) (i32.mul (local.get $i) (i32.const 40))))
              (local.set $size (i32.add (local.get $size) (i32.add (i32.const 25) (i32.load offset=12 (local.get $e)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $measure)))
          (local.set $out (call $alloc (local.get $size)))
          (local.set $at (local.get $out))
          (local.set $i (i32.const 0))
          (block $written
            (loop $write
              (br_if $written (i32.ge_u (local.get $i) (local.get $count)))
              (local.set $e (i32.add (local.get $list) (i32.mul (local.get $i) (i32.const 40))))
              (i64.store (local.get $at) (i64.load (local.get $e)))
              (i32.store8 offset=8 (local.get $at) (i32.load8_u offset=16 (local.get $e)))
              (i64.store offset=9 (local.get $at) (i64.load offset=24 (local.get $e)))
              (i32.store offset=17 (local.get $at) (i32.load offset=36 (local.get $e)))
              (i32.store offset=21 (local.get $at) (i32.load offset=12 (local.get $e)))
              (memory.copy (i32.add (local.get $at) (i32.const 25)) (i32.load offset=8 (local.get $e))
                           (i32.load offset=12 (local.get $e)))
              (local.set $at (i32.add (local.get $at) (i32.add (i32.const 25) (i32.load offset=12 (local.get $e)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $write)))
          (call $respond \(keep) (local.get $out) (local.get $size)))
        """)

    /// `environment.list-vars` and `exists`: requests
    /// - `l`: responds with `name=value\n` for each listed variable, in the order listed;
    /// - `e<name>`: responds with `exists(name)` as one byte.
    static let environmentLister = TestActorComponent(imports: [.listVars, .exists], exports: [.handleRequest], body: """
        \(resultHelpers)
        (func (export "handle-request") \(requestParams)
          (local $list i32) (local $count i32) (local $i i32) (local $e i32) (local $size i32) (local $out i32) (local $at i32)
          (if (i32.eq (i32.load8_u (local.get $mp)) (i32.const 101)) (then
            (return (call $tagged \(keep) (call $environment.exists (i32.add (local.get $mp) (i32.const 1))
                                                                  (i32.sub (local.get $ml) (i32.const 1)))
                              (i32.const 0) (i32.const 0)))))
          (call $environment.list-vars (i32.const 512))
          (local.set $list (i32.load (i32.const 512)))
          (local.set $count (i32.load (i32.const 516)))
          (block $sized
            (loop $measure
              (br_if $sized (i32.ge_u (local.get $i) (local.get $count)))
              (local.set $e (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 4))))
              (local.set $size (i32.add (local.get $size) (i32.add (i32.const 2)
                (i32.add (i32.load offset=4 (local.get $e)) (i32.load offset=12 (local.get $e))))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $measure)))
          (local.set $out (call $alloc (local.get $size)))
          (local.set $at (local.get $out))
          (local.set $i (i32.const 0))
          (block $written
            (loop $write
              (br_if $written (i32.ge_u (local.get $i) (local.get $count)))
              (local.set $e (i32.add (local.get $list) (i32.shl (local.get $i) (i32.const 4))))
              (memory.copy (local.get $at) (i32.load (local.get $e)) (i32.load offset=4 (local.get $e)))
              (local.set $at (i32.add (local.get $at) (i32.load offset=4 (local.get $e))))
              (i32.store8 (local.get $at) (i32.const 61))
              (memory.copy (i32.add (local.get $at) (i32.const 1)) (i32.load offset=8 (local.get $e)) (i32.load offset=12 (local.get $e)))
              (local.set $at (i32.add (local.get $at) (i32.add (i32.const 1) (i32.load offset=12 (local.get $e)))))
              (i32.store8 (local.get $at) (i32.const 10))
              (local.set $at (i32.add (local.get $at) (i32.const 1)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $write)))
          (call $respond \(keep) (local.get $out) (local.get $size)))
        """)

    /// `random.random-float` and `generate-uuid`: requests
    /// - `f`: responds with the float's 8 bytes (IEEE 754, little-endian);
    /// - `u`: responds with the result of `generate-uuid` (tag + the UUID or the error).
    static let randomValues = TestActorComponent(imports: [.randomFloat, .generateUUID], exports: [.handleRequest], body: """
        \(resultHelpers)
        (func (export "handle-request") \(requestParams)
          (if (i32.eq (i32.load8_u (local.get $mp)) (i32.const 102)) (then
            (call $random.random-float (i32.const 512))
            (if (i32.load8_u (i32.const 512)) (then
              (return (call $err (i32.load (i32.const 520)) (i32.load (i32.const 524))))))
            (return (call $respond_u64 \(keep) (i64.load (i32.const 520))))))
          (call $random.generate-uuid (i32.const 512))
          (call $respond_result \(keep) (i32.const 512)))
        """)

    /// `timing.deadline`: a request is a timestamp (u64 milliseconds since the epoch,
    /// little-endian); the actor waits for it and responds with the unit result.
    static let deadline = TestActorComponent(imports: [.deadline], exports: [.handleRequest], body: """
        \(resultHelpers)
        (func (export "handle-request") \(requestParams)
          (call $timing.deadline (i64.load (local.get $mp)) (i32.const 512))
          (call $respond_unit \(keep) (i32.const 512)))
        """)

    /// Every `supervisor` function: requests
    /// - `s<manifest>`: `spawn(manifest, none)`; `r<state>`: `resume("child.toml", some(state))`;
    ///   both respond with the result (tag + child id or error);
    /// - `l`: responds with `list-children`, each id followed by `\n`;
    /// - `x<id>` `stop-child`, `t<id>` `restart-child`: respond with the unit result;
    /// - `g<id>`: `get-child-state`: tag 0 + the state when `ok(some)`, tag 2 when `ok(none)`,
    ///   tag 1 + the error;
    /// - `e<id>`: `get-child-events`: tag 0 + each event's type followed by `\n`, or tag 1 + the error.
    static let supervisorAll = TestActorComponent(
        imports: [.spawn, .resume, .listChildren, .stopChild, .restartChild, .getChildState, .getChildEvents],
        exports: [.handleRequest], body: """
        (data (i32.const 1024) "child.toml")
        \(resultHelpers)
        (func $joined (param $list i32) (param $count i32) (param $stride i32) (param $at i32) (result i32)
          ;; Copies the strings whose (ptr, len) are at offset $at of each $stride-byte
          ;; entry, each followed by a line feed; returns the copy (length at 504).
          (local $i i32) (local $e i32) (local $size i32) (local $out i32) (local $to i32)
          (block $sized
            (loop $measure
              (br_if $sized (i32.ge_u (local.get $i) (local.get $count)))
              (local.set $e (i32.add (i32.add (local.get $list) (i32.mul (local.get $i) (local.get $stride))) (local.get $at)))
              (local.set $size (i32.add (local.get $size) (i32.add (i32.const 1) (i32.load offset=4 (local.get $e)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $measure)))
          (local.set $out (call $alloc (local.get $size)))
          (local.set $to (local.get $out))
          (local.set $i (i32.const 0))
          (block $written
            (loop $write
              (br_if $written (i32.ge_u (local.get $i) (local.get $count)))
              (local.set $e (i32.add (i32.add (local.get $list) (i32.mul (local.get $i) (local.get $stride))) (local.get $at)))
              (memory.copy (local.get $to) (i32.load (local.get $e)) (i32.load offset=4 (local.get $e)))
              (local.set $to (i32.add (local.get $to) (i32.load offset=4 (local.get $e))))
              (i32.store8 (local.get $to) (i32.const 10))
              (local.set $to (i32.add (local.get $to) (i32.const 1)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $write)))
          (i32.store (i32.const 504) (local.get $size))
          (local.get $out))
        (func (export "handle-request") \(requestParams)
          (local $op i32) (local $ap i32) (local $al i32) (local $out i32)
          (local.set $op (i32.load8_u (local.get $mp)))
          (local.set $ap (i32.add (local.get $mp) (i32.const 1)))
          (local.set $al (i32.sub (local.get $ml) (i32.const 1)))
          (if (i32.eq (local.get $op) (i32.const 115)) (then
            (call $supervisor.spawn (local.get $ap) (local.get $al) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 512))
            (return (call $respond_result \(keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 114)) (then
            (call $supervisor.resume (i32.const 1024) (i32.const 10) (i32.const 1) (local.get $ap) (local.get $al) (i32.const 512))
            (return (call $respond_result \(keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 108)) (then
            (call $supervisor.list-children (i32.const 512))
            (local.set $out (call $joined (i32.load (i32.const 512)) (i32.load (i32.const 516)) (i32.const 8) (i32.const 0)))
            (return (call $respond \(keep) (local.get $out) (i32.load (i32.const 504))))))
          (if (i32.eq (local.get $op) (i32.const 120)) (then
            (call $supervisor.stop-child (local.get $ap) (local.get $al) (i32.const 512))
            (return (call $respond_unit \(keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 116)) (then
            (call $supervisor.restart-child (local.get $ap) (local.get $al) (i32.const 512))
            (return (call $respond_unit \(keep) (i32.const 512)))))
          (if (i32.eq (local.get $op) (i32.const 103)) (then
            (call $supervisor.get-child-state (local.get $ap) (local.get $al) (i32.const 512))
            (if (i32.load8_u (i32.const 512)) (then (return (call $respond_result \(keep) (i32.const 512)))))
            (if (i32.eqz (i32.load8_u (i32.const 516))) (then
              (return (call $tagged \(keep) (i32.const 2) (i32.const 0) (i32.const 0)))))
            (return (call $tagged \(keep) (i32.const 0) (i32.load (i32.const 520)) (i32.load (i32.const 524))))))
          (call $supervisor.get-child-events (local.get $ap) (local.get $al) (i32.const 512))
          (if (i32.load8_u (i32.const 512)) (then (return (call $respond_result \(keep) (i32.const 512)))))
          (local.set $out (call $joined (i32.load (i32.const 516)) (i32.load (i32.const 520)) (i32.const 64) (i32.const 20)))
          (call $tagged \(keep) (i32.const 0) (local.get $out) (i32.load (i32.const 504))))
        """)
}
