;; http-hello: the smallest HTTP actor, written by hand as a core module that follows the
;; Canonical ABI of the `ntwk:theater` world `http-actor` (see ../../wit); `build.sh` turns it
;; into a component. It is the actor of the HTTP load benchmark: the work per request is
;; the runtime's own (mailbox, recording, the Canonical ABI), not the actor's.
;;
;;   init                 creates a server on 127.0.0.1 (the port the state holds as decimal
;;                        text, any free port without a state), routes GET /hello to handler
;;                        "hello", starts it and logs "http-hello serving on http://127.0.0.1:PORT"
;;   handle-request       200, content-type text/plain, body "hello\n"; the state is kept
;;   handle-middleware    lets every request through unchanged
;;   websocket handlers   keep the state and send nothing back
;;
;; Flattened signatures (Canonical ABI) of the imports used:
;;   create-server(server-config)   port: (disc, u16); host: (disc, ptr, len);
;;                                  tls-config: (disc, cert ptr, len, key ptr, len); retptr
;;                                  -> result<u64, string>: +0 disc, +8 u64 | (+8 ptr, +12 len)
;;   register-handler(name)         (ptr, len, retptr) -> result<u64, string> as above
;;   add-route(server, path, method, handler)
;;                                  (i64, ptr, len, ptr, len, i64, retptr) -> as above
;;   start-server(server)           (i64, retptr) -> result<u16, string>: +0 disc, +4 u16
;; Every export returns a pointer to a return area; `result<tuple<state[, tuple<R>]>, string>`
;; is laid out as +0 disc, +4 state disc, +8 state ptr, +12 state len, R from +16.
;; A failing import traps (the actor cannot serve without its server).
(module
  (import "ntwk:theater/runtime" "log" (func $log (param i32 i32)))
  (import "ntwk:theater/http-framework" "create-server"
    (func $create_server (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "ntwk:theater/http-framework" "register-handler" (func $register_handler (param i32 i32 i32)))
  (import "ntwk:theater/http-framework" "add-route" (func $add_route (param i64 i32 i32 i32 i32 i64 i32)))
  (import "ntwk:theater/http-framework" "start-server" (func $start_server (param i64 i32)))

  (memory (export "memory") 1)

  (data (i32.const 16) "hello")                                       ;; 5: handler name
  (data (i32.const 24) "/hello")                                      ;; 6: route
  (data (i32.const 32) "GET")                                         ;; 3
  (data (i32.const 40) "content-type")                                ;; 12
  (data (i32.const 56) "text/plain")                                  ;; 10
  (data (i32.const 72) "hello\n")                                     ;; 6: the body
  (data (i32.const 80) "http-hello serving on http://127.0.0.1:")     ;; 39
  ;; The response's one header as a list<tuple<string, string>> element: name, value.
  (data (i32.const 128) "\28\00\00\00\0c\00\00\00\38\00\00\00\0a\00\00\00")

  ;; Return areas: one for the exports (48 bytes), one for import results (16 bytes).
  (global $return_area i32 (i32.const 256))
  (global $import_area i32 (i32.const 320))
  ;; Where init writes its log line (the fixed text, then the port in decimal).
  (global $line i32 (i32.const 384))
  (global $heap_base i32 (i32.const 1024))
  (global $heap (mut i32) (i32.const 1024))

  ;; Allocates `size` bytes aligned to `align`, growing memory as needed.
  (func $alloc (param $size i32) (param $align i32) (result i32)
    (local $start i32) (local $end i32) (local $limit i32)
    (local.set $start
      (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
               (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $start) (local.get $size)))
    (if (i32.lt_u (local.get $end) (local.get $start)) (then unreachable))
    (local.set $limit (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $limit))
      (then
        (if (i32.eq
              (memory.grow
                (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $limit)) (i32.const 65535))
                           (i32.const 16)))
              (i32.const -1))
          (then unreachable))))
    (global.set $heap (local.get $end))
    (local.get $start))

  (func (export "cabi_realloc")
        (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $new i32)
    (local.set $new (call $alloc (local.get $new_size) (local.get $align)))
    (if (local.get $old)
      (then
        (memory.copy (local.get $new) (local.get $old)
          (select (local.get $old_size) (local.get $new_size)
                  (i32.lt_u (local.get $old_size) (local.get $new_size))))))
    (local.get $new))

  ;; Post-return of every export: all memory the call used is free again.
  (func $free_all (param $result i32)
    (global.set $heap (global.get $heap_base)))

  ;; The u64 an import returned in a result<u64, string>; traps on err.
  (func $ok_u64 (result i64)
    (if (i32.load8_u (global.get $import_area)) (then unreachable))
    (i64.load (i32.add (global.get $import_area) (i32.const 8))))

  ;; Reads decimal digits; 0 for none.
  (func $parse_port (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $n i32) (local $digit i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $digit (i32.sub (i32.load8_u (i32.add (local.get $ptr) (local.get $i))) (i32.const 48)))
        (if (i32.gt_u (local.get $digit) (i32.const 9)) (then unreachable))
        (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 10)) (local.get $digit)))
        (if (i32.gt_u (local.get $n) (i32.const 65535)) (then unreachable))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; Writes `n` in decimal at `ptr`; returns the number of digits.
  (func $format_decimal (param $n i32) (param $ptr i32) (result i32)
    (local $len i32) (local $rest i32) (local $i i32)
    (local.set $rest (local.get $n))
    (loop $count
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (local.set $rest (i32.div_u (local.get $rest) (i32.const 10)))
      (br_if $count (local.get $rest)))
    (local.set $rest (local.get $n))
    (local.set $i (local.get $len))
    (loop $digit
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (i32.add (local.get $ptr) (local.get $i))
                  (i32.add (i32.const 48) (i32.rem_u (local.get $rest) (i32.const 10))))
      (local.set $rest (i32.div_u (local.get $rest) (i32.const 10)))
      (br_if $digit (local.get $i)))
    (local.get $len))

  ;; Writes ok(state unchanged) to the return area and returns it.
  (func $keep (param $d i32) (param $p i32) (param $l i32) (result i32)
    (i32.store8 (global.get $return_area) (i32.const 0))
    (i32.store8 (i32.add (global.get $return_area) (i32.const 4)) (local.get $d))
    (i32.store (i32.add (global.get $return_area) (i32.const 8)) (local.get $p))
    (i32.store (i32.add (global.get $return_area) (i32.const 12)) (local.get $l))
    (global.get $return_area))

  (func (export "ntwk:theater/actor#init")
        (param $d i32) (param $p i32) (param $l i32) (param $ip i32) (param $il i32) (result i32)
    (local $port i32) (local $server i64) (local $handler i64) (local $digits i32)
    (if (local.get $d) (then (local.set $port (call $parse_port (local.get $p) (local.get $l)))))
    ;; create-server({port: some(port) or none, host: none, tls-config: none})
    (call $create_server
      (select (i32.const 1) (i32.const 0) (local.get $port)) (local.get $port)
      (i32.const 0) (i32.const 0) (i32.const 0)
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
      (global.get $import_area))
    (local.set $server (call $ok_u64))
    (call $register_handler (i32.const 16) (i32.const 5) (global.get $import_area))
    (local.set $handler (call $ok_u64))
    (call $add_route (local.get $server) (i32.const 24) (i32.const 6) (i32.const 32) (i32.const 3)
                     (local.get $handler) (global.get $import_area))
    (drop (call $ok_u64))
    (call $start_server (local.get $server) (global.get $import_area))
    (if (i32.load8_u (global.get $import_area)) (then unreachable))
    ;; The log line: the fixed text, then the bound port.
    (memory.copy (global.get $line) (i32.const 80) (i32.const 39))
    (local.set $digits
      (call $format_decimal (i32.load16_u (i32.add (global.get $import_area) (i32.const 4)))
                            (i32.add (global.get $line) (i32.const 39))))
    (call $log (global.get $line) (i32.add (i32.const 39) (local.get $digits)))
    (call $keep (local.get $d) (local.get $p) (local.get $l)))

  ;; handle-request(state, (handler, http-request)) -> ok(state, (http-response)):
  ;; the response at +16: status u16, headers (+20 ptr, +24 len), body (+28 disc, +32 ptr, +36 len).
  (func (export "ntwk:theater/http-handlers#handle-request")
        (param $d i32) (param $p i32) (param $l i32) (param $handler i64)
        (param $mp i32) (param $ml i32) (param $up i32) (param $ul i32) (param $hp i32) (param $hl i32)
        (param $bd i32) (param $bp i32) (param $bl i32) (result i32)
    (drop (call $keep (local.get $d) (local.get $p) (local.get $l)))
    (i32.store16 (i32.add (global.get $return_area) (i32.const 16)) (i32.const 200))
    (i32.store (i32.add (global.get $return_area) (i32.const 20)) (i32.const 128))
    (i32.store (i32.add (global.get $return_area) (i32.const 24)) (i32.const 1))
    (i32.store8 (i32.add (global.get $return_area) (i32.const 28)) (i32.const 1))
    (i32.store (i32.add (global.get $return_area) (i32.const 32)) (i32.const 72))
    (i32.store (i32.add (global.get $return_area) (i32.const 36)) (i32.const 6))
    (global.get $return_area))

  ;; handle-middleware -> ok(state, ({proceed: true, request})): the request as it came, at
  ;; +16: proceed, +20 method, +28 uri, +36 headers, +44 body (disc, ptr, len).
  (func (export "ntwk:theater/http-handlers#handle-middleware")
        (param $d i32) (param $p i32) (param $l i32) (param $handler i64)
        (param $mp i32) (param $ml i32) (param $up i32) (param $ul i32) (param $hp i32) (param $hl i32)
        (param $bd i32) (param $bp i32) (param $bl i32) (result i32)
    (local $r i32)
    (local.set $r (call $keep (local.get $d) (local.get $p) (local.get $l)))
    (i32.store8 (i32.add (local.get $r) (i32.const 16)) (i32.const 1))
    (i32.store (i32.add (local.get $r) (i32.const 20)) (local.get $mp))
    (i32.store (i32.add (local.get $r) (i32.const 24)) (local.get $ml))
    (i32.store (i32.add (local.get $r) (i32.const 28)) (local.get $up))
    (i32.store (i32.add (local.get $r) (i32.const 32)) (local.get $ul))
    (i32.store (i32.add (local.get $r) (i32.const 36)) (local.get $hp))
    (i32.store (i32.add (local.get $r) (i32.const 40)) (local.get $hl))
    (i32.store8 (i32.add (local.get $r) (i32.const 44)) (local.get $bd))
    (i32.store (i32.add (local.get $r) (i32.const 48)) (local.get $bp))
    (i32.store (i32.add (local.get $r) (i32.const 52)) (local.get $bl))
    (local.get $r))

  (func (export "ntwk:theater/http-handlers#handle-websocket-connect")
        (param $d i32) (param $p i32) (param $l i32) (param i64) (param i64) (param i32) (param i32)
        (param i32) (param i32) (param i32) (result i32)
    (call $keep (local.get $d) (local.get $p) (local.get $l)))

  ;; handle-websocket-message -> ok(state, ([])): an empty list at +16 (ptr, len).
  (func (export "ntwk:theater/http-handlers#handle-websocket-message")
        (param $d i32) (param $p i32) (param $l i32) (param i64) (param i64)
        (param i32) (param i32) (param i32) (param i32) (param i32) (param i32) (param i32) (param i32)
        (param i32) (result i32)
    (local $r i32)
    (local.set $r (call $keep (local.get $d) (local.get $p) (local.get $l)))
    (i32.store (i32.add (local.get $r) (i32.const 16)) (i32.const 0))
    (i32.store (i32.add (local.get $r) (i32.const 20)) (i32.const 0))
    (local.get $r))

  (func (export "ntwk:theater/http-handlers#handle-websocket-disconnect")
        (param $d i32) (param $p i32) (param $l i32) (param i64) (param i64) (result i32)
    (call $keep (local.get $d) (local.get $p) (local.get $l)))

  (export "cabi_post_ntwk:theater/actor#init" (func $free_all))
  (export "cabi_post_ntwk:theater/http-handlers#handle-request" (func $free_all))
  (export "cabi_post_ntwk:theater/http-handlers#handle-middleware" (func $free_all))
  (export "cabi_post_ntwk:theater/http-handlers#handle-websocket-connect" (func $free_all))
  (export "cabi_post_ntwk:theater/http-handlers#handle-websocket-message" (func $free_all))
  (export "cabi_post_ntwk:theater/http-handlers#handle-websocket-disconnect" (func $free_all))
)
