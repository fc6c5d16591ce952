;; channel-echo: a Theater actor written by hand as a core module following the Canonical ABI
;; of the `ntwk:theater` world `message-server-actor` (see ../../../wit); `build.sh` turns it
;; into a component. It is the management tests' channel partner.
;;
;; The state is kept as given (none without init_state).
;;   handle-channel-open(ch, msg)     refuses a message starting with "reject"; accepts any
;;                                    other with the first message back "welcome <msg>"
;;   handle-channel-message(ch, msg)  "close": closes the channel (close-channel);
;;                                    anything else: sends "echo: <msg>" back on the channel
;;   handle-channel-close(ch)         logs "closed <ch>"
;;   handle-request(id, msg)          responds with msg
;;   handle-send(msg)                 nothing
;; A failing host call makes the handler return err(<the host's message>).
;;
;; Memory: a bump allocator serves `cabi_realloc`; every post-return resets the heap (the
;; host has read the results by then). Every export returns a pointer to a return area:
;;   result<T, string>:  +0 u8 discriminant (0 ok, 1 err); err: +4 pointer, +8 length
;;     ok: +4 u8 new-state discriminant, +8 pointer, +12 length, then the extra result:
;;       handle-request:       +16 u8 option discriminant, +20 pointer, +24 length
;;       handle-channel-open:  +16 u8 accepted, +20 u8 message discriminant, +24 pointer, +28 length
;; Imports returning result<_, string> write it to a caller area: +0 discriminant, +4 pointer,
;; +8 length (the error).
(module
  (import "ntwk:theater/runtime" "log" (func $log (param i32 i32)))
  (import "ntwk:theater/message-server-host" "send-on-channel"
    (func $send_on_channel (param i32 i32 i32 i32 i32)))
  (import "ntwk:theater/message-server-host" "close-channel"
    (func $close_channel (param i32 i32 i32)))

  (memory (export "memory") 1)

  (data (i32.const 16) "reject")     ;; 6 bytes
  (data (i32.const 24) "close")      ;; 5
  (data (i32.const 32) "echo: ")     ;; 6
  (data (i32.const 40) "welcome ")   ;; 8
  (data (i32.const 48) "closed ")    ;; 7

  ;; The return area of the exports (32 bytes) and the result area of the imports (12 bytes).
  (global $return_area i32 (i32.const 256))
  (global $host_result i32 (i32.const 320))
  (global $heap_base i32 (i32.const 1024))
  (global $heap (mut i32) (i32.const 1024))

  ;; Allocates `size` bytes aligned to `align` (a power of two), growing memory as needed.
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
                (i32.shr_u
                  (i32.add (i32.sub (local.get $end) (local.get $limit)) (i32.const 65535))
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

  (func $free_all (param $result i32)
    (global.set $heap (global.get $heap_base)))

  ;; Whether the `a_len` bytes at `a` begin with the `b_len` bytes at `b`.
  (func $starts_with (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
    (local $i i32)
    (if (i32.lt_u (local.get $a_len) (local.get $b_len)) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $b_len)))
        (if (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                    (i32.load8_u (i32.add (local.get $b) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; New memory holding the `pl` bytes at `pp` followed by the `len` bytes at `ptr`.
  (func $joined (param $pp i32) (param $pl i32) (param $ptr i32) (param $len i32) (result i32)
    (local $out i32)
    (local.set $out (call $alloc (i32.add (local.get $pl) (local.get $len)) (i32.const 1)))
    (memory.copy (local.get $out) (local.get $pp) (local.get $pl))
    (memory.copy (i32.add (local.get $out) (local.get $pl)) (local.get $ptr) (local.get $len))
    (local.get $out))

  ;; ok with the state unchanged, written to the return area (the caller adds any extra result).
  (func $ok (param $has_state i32) (param $state i32) (param $state_len i32) (result i32)
    (i32.store8 (global.get $return_area) (i32.const 0))
    (i32.store8 offset=4 (global.get $return_area) (local.get $has_state))
    (i32.store offset=8 (global.get $return_area) (local.get $state))
    (i32.store offset=12 (global.get $return_area) (local.get $state_len))
    (global.get $return_area))

  ;; err(the host call's error message in the import result area).
  (func $host_error (result i32)
    (i32.store8 (global.get $return_area) (i32.const 1))
    (i32.store offset=4 (global.get $return_area) (i32.load offset=4 (global.get $host_result)))
    (i32.store offset=8 (global.get $return_area) (i32.load offset=8 (global.get $host_result)))
    (global.get $return_area))

  (func (export "ntwk:theater/actor#init")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $id i32) (param $id_len i32) (result i32)
    (call $ok (local.get $has_state) (local.get $state) (local.get $state_len)))

  (func (export "ntwk:theater/message-server-client#handle-send")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (call $ok (local.get $has_state) (local.get $state) (local.get $state_len)))

  (func (export "ntwk:theater/message-server-client#handle-request")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $id i32) (param $id_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (drop (call $ok (local.get $has_state) (local.get $state) (local.get $state_len)))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 1))
    (i32.store offset=20 (global.get $return_area) (local.get $msg))
    (i32.store offset=24 (global.get $return_area) (local.get $msg_len))
    (global.get $return_area))

  (func (export "ntwk:theater/message-server-client#handle-channel-open")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $channel i32) (param $channel_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (drop (call $ok (local.get $has_state) (local.get $state) (local.get $state_len)))
    (if (call $starts_with (local.get $msg) (local.get $msg_len) (i32.const 16) (i32.const 6))
      (then
        (i32.store8 offset=16 (global.get $return_area) (i32.const 0))
        (i32.store8 offset=20 (global.get $return_area) (i32.const 0))
        (return (global.get $return_area))))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 1))
    (i32.store8 offset=20 (global.get $return_area) (i32.const 1))
    (i32.store offset=24 (global.get $return_area)
      (call $joined (i32.const 40) (i32.const 8) (local.get $msg) (local.get $msg_len)))
    (i32.store offset=28 (global.get $return_area) (i32.add (local.get $msg_len) (i32.const 8)))
    (global.get $return_area))

  (func (export "ntwk:theater/message-server-client#handle-channel-message")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $channel i32) (param $channel_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (if (i32.and (i32.eq (local.get $msg_len) (i32.const 5))
                 (call $starts_with (local.get $msg) (local.get $msg_len) (i32.const 24) (i32.const 5)))
      (then
        (call $close_channel (local.get $channel) (local.get $channel_len) (global.get $host_result)))
      (else
        (call $send_on_channel (local.get $channel) (local.get $channel_len)
          (call $joined (i32.const 32) (i32.const 6) (local.get $msg) (local.get $msg_len))
          (i32.add (local.get $msg_len) (i32.const 6))
          (global.get $host_result))))
    (if (i32.load8_u (global.get $host_result)) (then (return (call $host_error))))
    (call $ok (local.get $has_state) (local.get $state) (local.get $state_len)))

  (func (export "ntwk:theater/message-server-client#handle-channel-close")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $channel i32) (param $channel_len i32) (result i32)
    (call $log (call $joined (i32.const 48) (i32.const 7) (local.get $channel) (local.get $channel_len))
               (i32.add (local.get $channel_len) (i32.const 7)))
    (call $ok (local.get $has_state) (local.get $state) (local.get $state_len)))

  (export "cabi_post_ntwk:theater/actor#init" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-send" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-request" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-open" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-message" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-close" (func $free_all))
)
