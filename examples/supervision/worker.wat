;; worker: a Theater actor that does a little work and fails when told to, for the
;; supervision example. Written by hand as a core module following the Canonical ABI of
;; the `ntwk:theater` world `message-server-actor` (see ../../wit); `build.sh` makes it a
;; component.
;;
;; The state is the worker's name (its manifest's init_state; "worker" when none). It
;; never changes, so a restarted worker is exactly the one first spawned.
;;   handle-request(id, "ping")   responds "pong <name>"
;;   handle-request(id, "crash")  traps (unreachable): the worker fails
;;   handle-request(id, "exit")   shuts itself down (runtime.shutdown), responds "bye"
;;   handle-request(id, "spin")   loops forever: its fuel or call deadline ends it
;;   any other request            responds "unknown request"
;;   handle-send("crash")         traps; handle-send("exit") shuts down; other sends do nothing
;; Channels are refused.
;;
;; Return area (at 256) of every export, a result<T, string>:
;;   +0 u8 0 ok / 1 err; err: +4 string pointer, +8 length;
;;   ok: +4 u8 state discriminant, +8 state pointer, +12 length, then for handle-request
;;   +16 u8 response discriminant, +20 pointer, +24 length; for handle-channel-open
;;   +16 u8 accepted, +20 u8 message discriminant.
(module
  (import "ntwk:theater/runtime" "log" (func $log (param i32 i32)))
  (import "ntwk:theater/runtime" "shutdown" (func $shutdown (param i32 i32 i32 i32)))

  (memory (export "memory") 1)

  (data (i32.const 16) "ping")           ;; 4
  (data (i32.const 24) "crash")          ;; 5
  (data (i32.const 32) "exit")           ;; 4
  (data (i32.const 40) "spin")           ;; 4
  (data (i32.const 48) "pong ")          ;; 5
  (data (i32.const 56) "bye")            ;; 3
  (data (i32.const 64) "unknown request") ;; 15
  (data (i32.const 80) "worker")         ;; 6
  (data (i32.const 96) "asked to crash") ;; 14

  (global $return_area i32 (i32.const 256))
  (global $heap_base i32 (i32.const 1024))
  (global $heap (mut i32) (i32.const 1024))

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

  ;; Post-return of every export: the host has read the results, so all memory is free.
  (func $free_all (param $result i32)
    (global.set $heap (global.get $heap_base)))

  (func $equal (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
    (local $i i32)
    (if (i32.ne (local.get $a_len) (local.get $b_len)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $a_len)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $b) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; ok((state,)) with the given state.
  (func $ok (param $has i32) (param $ptr i32) (param $len i32) (result i32)
    (i32.store8 (global.get $return_area) (i32.const 0))
    (i32.store8 offset=4 (global.get $return_area) (local.get $has))
    (i32.store offset=8 (global.get $return_area) (local.get $ptr))
    (i32.store offset=12 (global.get $return_area) (local.get $len))
    (global.get $return_area))

  ;; ok((state, (some(response),))).
  (func $respond (param $has i32) (param $ptr i32) (param $len i32) (param $r i32) (param $r_len i32) (result i32)
    (drop (call $ok (local.get $has) (local.get $ptr) (local.get $len)))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 1))
    (i32.store offset=20 (global.get $return_area) (local.get $r))
    (i32.store offset=24 (global.get $return_area) (local.get $r_len))
    (global.get $return_area))

  ;; Asks the runtime to stop this actor once the current call returns.
  (func $exit
    (call $shutdown (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 512)))

  (func (export "ntwk:theater/actor#init")
        (param $has i32) (param $ptr i32) (param $len i32) (param $id i32) (param $id_len i32) (result i32)
    (if (i32.eqz (local.get $has))
      (then (return (call $ok (i32.const 1) (i32.const 80) (i32.const 6)))))
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (func (export "ntwk:theater/message-server-client#handle-send")
        (param $has i32) (param $ptr i32) (param $len i32) (param $msg i32) (param $msg_len i32) (result i32)
    (if (call $equal (local.get $msg) (local.get $msg_len) (i32.const 24) (i32.const 5))
      (then (call $log (i32.const 96) (i32.const 14)) unreachable))
    (if (call $equal (local.get $msg) (local.get $msg_len) (i32.const 32) (i32.const 4))
      (then (call $exit)))
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (func (export "ntwk:theater/message-server-client#handle-request")
        (param $has i32) (param $ptr i32) (param $len i32) (param $rid i32) (param $rid_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (local $out i32)
    (if (call $equal (local.get $msg) (local.get $msg_len) (i32.const 16) (i32.const 4))
      (then
        ;; "pong " followed by the name
        (local.set $out (call $alloc (i32.add (local.get $len) (i32.const 5)) (i32.const 1)))
        (memory.copy (local.get $out) (i32.const 48) (i32.const 5))
        (memory.copy (i32.add (local.get $out) (i32.const 5)) (local.get $ptr) (local.get $len))
        (return (call $respond (local.get $has) (local.get $ptr) (local.get $len)
                               (local.get $out) (i32.add (local.get $len) (i32.const 5))))))
    (if (call $equal (local.get $msg) (local.get $msg_len) (i32.const 24) (i32.const 5))
      (then (call $log (i32.const 96) (i32.const 14)) unreachable))
    (if (call $equal (local.get $msg) (local.get $msg_len) (i32.const 32) (i32.const 4))
      (then
        (call $exit)
        (return (call $respond (local.get $has) (local.get $ptr) (local.get $len) (i32.const 56) (i32.const 3)))))
    (if (call $equal (local.get $msg) (local.get $msg_len) (i32.const 40) (i32.const 4))
      (then (loop $forever (br $forever))))
    (call $respond (local.get $has) (local.get $ptr) (local.get $len) (i32.const 64) (i32.const 15)))

  (func (export "ntwk:theater/message-server-client#handle-channel-open")
        (param $has i32) (param $ptr i32) (param $len i32) (param $ch i32) (param $ch_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (drop (call $ok (local.get $has) (local.get $ptr) (local.get $len)))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 0))
    (i32.store8 offset=20 (global.get $return_area) (i32.const 0))
    (global.get $return_area))

  (func (export "ntwk:theater/message-server-client#handle-channel-message")
        (param $has i32) (param $ptr i32) (param $len i32) (param $ch i32) (param $ch_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (func (export "ntwk:theater/message-server-client#handle-channel-close")
        (param $has i32) (param $ptr i32) (param $len i32) (param $ch i32) (param $ch_len i32) (result i32)
    (call $ok (local.get $has) (local.get $ptr) (local.get $len)))

  (export "cabi_post_ntwk:theater/actor#init" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-send" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-request" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-open" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-message" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-close" (func $free_all))
)
