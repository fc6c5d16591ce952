@testable import Theater

/// A test actor that drives the `http-framework` handler from requests
/// (`message-server-client.handle-request`, built by `HTTPTestRequest`) and serves HTTP and
/// WebSocket traffic through its `http-handlers` exports.
///
/// A request message: op at +0, u64 values a/b/c/d at +8/+16/+24/+32, strings s1/s2/s3 as
/// (offset from the message start, length) at +40/+48/+56, flags f1/f2/f3 (u32) at
/// +64/+68/+72. Each is answered `[0] + ok payload` or `[1] + error message`:
/// `C` create-server (port option f1/a, host option f2/s1, tls option f3/s2 cert/s3 key);
/// `I` get-server-info(a) (the 40-byte record); `S` start(a); `P` stop(a); `D` destroy(a);
/// `H` register-handler(s1); `R` add-route(a, s1, s2, b); `r` remove-route(a);
/// `M` add-middleware(a, s1, b); `m` remove-middleware(a);
/// `W` enable-websocket(a, s1, connect f1/b, message c, disconnect f2/d); `w` disable(a, s1);
/// `X` send-websocket-message(a, b, ty f1 (other: s1), data f2/s2, text f3/s3);
/// `Z` close-websocket(a, b); `O` answers the state as it is (no leading 0).
///
/// HTTP: `handle-request` answers 200 with header `x-handler: <digit of the handler id>` and
/// the body `METHOD URI`, then `\n` and the request body if there is one. A body starting
/// with `!` makes it return an error; `~` makes it sleep 1500 ms first.
/// `handle-middleware` refuses (proceed false) a body starting with `x`; otherwise it goes
/// on with the body prefixed by the digit of its handler id.
/// WebSocket: each message is echoed back unchanged; connect, message and disconnect append
/// `c`, `m`, `d` and the connection id (one byte) to the state.
enum HTTPTestActor {
    static let component = TestActorComponent(
        imports: HostImport.httpFramework + [.sleep],
        exports: [.handleRequest] + TestActorExport.httpHandlers, body: """
        (data (i32.const 1024) "x-handler")
        \(TestActorComponent.resultReply)
        (func $sp (param $m i32) (param $at i32) (result i32)
          (i32.add (local.get $m) (i32.load (i32.add (local.get $m) (local.get $at)))))
        (func $sl (param $m i32) (param $at i32) (result i32)
          (i32.load offset=4 (i32.add (local.get $m) (local.get $at))))
        (func $run (param $m i32) (result i32 i32)
          (local $op i32)
          (local.set $op (i32.load8_u (local.get $m)))
          (if (i32.eq (local.get $op) (i32.const 67)) (then
            (call $http-framework.create-server
              (i32.load offset=64 (local.get $m)) (i32.wrap_i64 (i64.load offset=8 (local.get $m)))
              (i32.load offset=68 (local.get $m)) (call $sp (local.get $m) (i32.const 40)) (call $sl (local.get $m) (i32.const 40))
              (i32.load offset=72 (local.get $m)) (call $sp (local.get $m) (i32.const 48)) (call $sl (local.get $m) (i32.const 48))
              (call $sp (local.get $m) (i32.const 56)) (call $sl (local.get $m) (i32.const 56)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 8) (i32.const 8)))))
          (if (i32.eq (local.get $op) (i32.const 73)) (then
            (call $http-framework.get-server-info (i64.load offset=8 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 8) (i32.const 40)))))
          (if (i32.eq (local.get $op) (i32.const 83)) (then
            (call $http-framework.start-server (i64.load offset=8 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 2)))))
          (if (i32.eq (local.get $op) (i32.const 80)) (then
            (call $http-framework.stop-server (i64.load offset=8 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (if (i32.eq (local.get $op) (i32.const 68)) (then
            (call $http-framework.destroy-server (i64.load offset=8 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (if (i32.eq (local.get $op) (i32.const 72)) (then
            (call $http-framework.register-handler (call $sp (local.get $m) (i32.const 40)) (call $sl (local.get $m) (i32.const 40)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 8) (i32.const 8)))))
          (if (i32.eq (local.get $op) (i32.const 82)) (then
            (call $http-framework.add-route (i64.load offset=8 (local.get $m))
              (call $sp (local.get $m) (i32.const 40)) (call $sl (local.get $m) (i32.const 40))
              (call $sp (local.get $m) (i32.const 48)) (call $sl (local.get $m) (i32.const 48))
              (i64.load offset=16 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 8) (i32.const 8)))))
          (if (i32.eq (local.get $op) (i32.const 114)) (then
            (call $http-framework.remove-route (i64.load offset=8 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (if (i32.eq (local.get $op) (i32.const 77)) (then
            (call $http-framework.add-middleware (i64.load offset=8 (local.get $m))
              (call $sp (local.get $m) (i32.const 40)) (call $sl (local.get $m) (i32.const 40))
              (i64.load offset=16 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 8) (i32.const 8)))))
          (if (i32.eq (local.get $op) (i32.const 109)) (then
            (call $http-framework.remove-middleware (i64.load offset=8 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (if (i32.eq (local.get $op) (i32.const 87)) (then
            (call $http-framework.enable-websocket (i64.load offset=8 (local.get $m))
              (call $sp (local.get $m) (i32.const 40)) (call $sl (local.get $m) (i32.const 40))
              (i32.load offset=64 (local.get $m)) (i64.load offset=16 (local.get $m))
              (i64.load offset=24 (local.get $m))
              (i32.load offset=68 (local.get $m)) (i64.load offset=32 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (if (i32.eq (local.get $op) (i32.const 119)) (then
            (call $http-framework.disable-websocket (i64.load offset=8 (local.get $m))
              (call $sp (local.get $m) (i32.const 40)) (call $sl (local.get $m) (i32.const 40)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (if (i32.eq (local.get $op) (i32.const 88)) (then
            (call $http-framework.send-websocket-message (i64.load offset=8 (local.get $m)) (i64.load offset=16 (local.get $m))
              (i32.load offset=64 (local.get $m)) (call $sp (local.get $m) (i32.const 40)) (call $sl (local.get $m) (i32.const 40))
              (i32.load offset=68 (local.get $m)) (call $sp (local.get $m) (i32.const 48)) (call $sl (local.get $m) (i32.const 48))
              (i32.load offset=72 (local.get $m)) (call $sp (local.get $m) (i32.const 56)) (call $sl (local.get $m) (i32.const 56))
              (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (if (i32.eq (local.get $op) (i32.const 90)) (then
            (call $http-framework.close-websocket (i64.load offset=8 (local.get $m)) (i64.load offset=16 (local.get $m)) (i32.const 512))
            (return (call $reply (i32.const 512) (i32.const 4) (i32.const 0)))))
          (unreachable))
        (func (export "handle-request") \(TestActors.requestParams)
          (local $m i32) (local $out i32) (local $outLen i32)
          (local.set $m (call $alloc (local.get $ml)))
          (memory.copy (local.get $m) (local.get $mp) (local.get $ml))
          (if (i32.eq (i32.load8_u (local.get $m)) (i32.const 79)) (then
            (if (i32.eqz (local.get $d)) (then (return (call $respond \(TestActors.keep) (i32.const 0) (i32.const 0)))))
            (return (call $respond \(TestActors.keep) (local.get $p) (local.get $l)))))
          (call $run (local.get $m))
          (local.set $outLen) (local.set $out)
          (call $respond \(TestActors.keep) (local.get $out) (local.get $outLen)))
        (func $copy (param $to i32) (param $from i32) (param $n i32) (result i32)
          (memory.copy (local.get $to) (local.get $from) (local.get $n))
          (i32.add (local.get $to) (local.get $n)))
        (func (export "handle-http-request") (param $d i32) (param $p i32) (param $l i32) (param $h i64)
            (param $mp i32) (param $ml i32) (param $up i32) (param $ul i32) (param $hp i32) (param $hl i32)
            (param $bd i32) (param $bp i32) (param $bl i32) (result i32)
          (local $out i32) (local $end i32) (local $header i32) (local $digit i32)
          (if (i32.eqz (local.get $bd)) (then (local.set $bl (i32.const 0))))
          (if (i32.and (local.get $bd) (i32.gt_u (local.get $bl) (i32.const 0))) (then
            (if (i32.eq (i32.load8_u (local.get $bp)) (i32.const 33)) (then
              (return (call $err (i32.const 1024) (i32.const 9)))))
            (if (i32.eq (i32.load8_u (local.get $bp)) (i32.const 126)) (then
              (call $timing.sleep (i64.const 1500) (i32.const 512))))))
          (local.set $out (call $alloc (i32.add (i32.add (local.get $ml) (local.get $ul)) (i32.add (local.get $bl) (i32.const 2)))))
          (local.set $end (call $copy (local.get $out) (local.get $mp) (local.get $ml)))
          (i32.store8 (local.get $end) (i32.const 32))
          (local.set $end (call $copy (i32.add (local.get $end) (i32.const 1)) (local.get $up) (local.get $ul)))
          (if (local.get $bd) (then
            (i32.store8 (local.get $end) (i32.const 10))
            (local.set $end (call $copy (i32.add (local.get $end) (i32.const 1)) (local.get $bp) (local.get $bl)))))
          (local.set $digit (call $alloc (i32.const 1)))
          (i32.store8 (local.get $digit) (i32.add (i32.const 48) (i32.wrap_i64 (local.get $h))))
          (local.set $header (call $alloc (i32.const 16)))
          (i32.store (local.get $header) (i32.const 1024))
          (i32.store offset=4 (local.get $header) (i32.const 9))
          (i32.store offset=8 (local.get $header) (local.get $digit))
          (i32.store offset=12 (local.get $header) (i32.const 1))
          (i32.store8 (i32.const 320) (i32.const 0))
          (i32.store8 (i32.const 324) (local.get $d))
          (i32.store (i32.const 328) (local.get $p))
          (i32.store (i32.const 332) (local.get $l))
          (i32.store16 (i32.const 336) (i32.const 200))
          (i32.store (i32.const 340) (local.get $header))
          (i32.store (i32.const 344) (i32.const 1))
          (i32.store8 (i32.const 348) (i32.const 1))
          (i32.store (i32.const 352) (local.get $out))
          (i32.store (i32.const 356) (i32.sub (local.get $end) (local.get $out)))
          (i32.const 320))
        (func (export "handle-middleware") (param $d i32) (param $p i32) (param $l i32) (param $h i64)
            (param $mp i32) (param $ml i32) (param $up i32) (param $ul i32) (param $hp i32) (param $hl i32)
            (param $bd i32) (param $bp i32) (param $bl i32) (result i32)
          (local $out i32)
          (if (i32.eqz (local.get $bd)) (then (local.set $bl (i32.const 0))))
          (i32.store8 (i32.const 320) (i32.const 0))
          (i32.store8 (i32.const 324) (local.get $d))
          (i32.store (i32.const 328) (local.get $p))
          (i32.store (i32.const 332) (local.get $l))
          (i32.store8 (i32.const 336) (i32.const 1))
          (if (i32.gt_u (local.get $bl) (i32.const 0)) (then
            (if (i32.eq (i32.load8_u (local.get $bp)) (i32.const 120)) (then
              (i32.store8 (i32.const 336) (i32.const 0))))))
          (local.set $out (call $alloc (i32.add (local.get $bl) (i32.const 1))))
          (i32.store8 (local.get $out) (i32.add (i32.const 48) (i32.wrap_i64 (local.get $h))))
          (drop (call $copy (i32.add (local.get $out) (i32.const 1)) (local.get $bp) (local.get $bl)))
          (i32.store (i32.const 340) (local.get $mp))
          (i32.store (i32.const 344) (local.get $ml))
          (i32.store (i32.const 348) (local.get $up))
          (i32.store (i32.const 352) (local.get $ul))
          (i32.store (i32.const 356) (local.get $hp))
          (i32.store (i32.const 360) (local.get $hl))
          (i32.store8 (i32.const 364) (i32.const 1))
          (i32.store (i32.const 368) (local.get $out))
          (i32.store (i32.const 372) (i32.add (local.get $bl) (i32.const 1)))
          (i32.const 320))
        (func $append (param $d i32) (param $p i32) (param $l i32) (param $tag i32) (param $conn i64) (result i32)
          (local $old i32) (local $out i32)
          (if (local.get $d) (then (local.set $old (local.get $l))))
          (local.set $out (call $alloc (i32.add (local.get $old) (i32.const 2))))
          (drop (call $copy (local.get $out) (local.get $p) (local.get $old)))
          (i32.store8 (i32.add (local.get $out) (local.get $old)) (local.get $tag))
          (i32.store8 offset=1 (i32.add (local.get $out) (local.get $old)) (i32.wrap_i64 (local.get $conn)))
          (call $ok (i32.const 1) (local.get $out) (i32.add (local.get $old) (i32.const 2))))
        (func (export "handle-websocket-connect") (param $d i32) (param $p i32) (param $l i32) (param $h i64) (param $c i64)
            (param $pp i32) (param $pl i32) (param $xd i32) (param $xp i32) (param $xl i32) (result i32)
          (call $append (local.get $d) (local.get $p) (local.get $l) (i32.const 99) (local.get $c)))
        (func (export "handle-websocket-disconnect") (param $d i32) (param $p i32) (param $l i32) (param $h i64) (param $c i64) (result i32)
          (call $append (local.get $d) (local.get $p) (local.get $l) (i32.const 100) (local.get $c)))
        (func (export "handle-websocket-message") (param $d i32) (param $p i32) (param $l i32) (param $h i64) (param $c i64)
            (param $td i32) (param $tp i32) (param $tl i32) (param $dd i32) (param $dp i32) (param $dl i32)
            (param $xd i32) (param $xp i32) (param $xl i32) (result i32)
          (local $element i32)
          (drop (call $append (local.get $d) (local.get $p) (local.get $l) (i32.const 109) (local.get $c)))
          (local.set $element (call $alloc (i32.const 36)))
          (i32.store8 (local.get $element) (local.get $td))
          (i32.store offset=4 (local.get $element) (local.get $tp))
          (i32.store offset=8 (local.get $element) (local.get $tl))
          (i32.store8 offset=12 (local.get $element) (local.get $dd))
          (i32.store offset=16 (local.get $element) (local.get $dp))
          (i32.store offset=20 (local.get $element) (local.get $dl))
          (i32.store8 offset=24 (local.get $element) (local.get $xd))
          (i32.store offset=28 (local.get $element) (local.get $xp))
          (i32.store offset=32 (local.get $element) (local.get $xl))
          (i32.store8 (i32.const 320) (i32.const 0))
          (i32.store8 (i32.const 324) (i32.load8_u (i32.const 260)))
          (i32.store (i32.const 328) (i32.load (i32.const 264)))
          (i32.store (i32.const 332) (i32.load (i32.const 268)))
          (i32.store (i32.const 336) (local.get $element))
          (i32.store (i32.const 340) (i32.const 1))
          (i32.const 320))
        """)
}
