;; counter: a Theater actor written by hand as a core module that follows the Canonical
;; ABI of the `ntwk:theater` world `message-server-actor` (see ../../wit). `build.sh` turns
;; it into a component.
;;
;; The actor's state is its count as decimal ASCII text ("0" when init gets no state).
;;   handle-send(msg)          count + 1, logs "received <msg>"
;;   handle-request(id, "get")    responds with the count
;;   handle-request(id, "add N")  count + N (N decimal), responds with the new count
;;   handle-request(id, "fail")   err("asked to fail")
;;   any other request            responds with "unknown request"
;; Channels are refused; channel messages and closes change nothing.
;;
;; Memory: a bump allocator serves `cabi_realloc`. The actor keeps nothing in linear memory
;; between calls (its state lives in the host), so every post-return function resets the
;; heap: the host has read the results by then.
;;
;; Flattened signatures (Canonical ABI): option<list<u8>> is (discriminant, pointer,
;; length), a string or list<u8> is (pointer, length). Every export has more than one
;; flat result, so each returns a pointer to a return area laid out as:
;;   result<T, string>:  +0 u8 discriminant (0 ok, 1 err); payload from +4
;;     err:  +4 string pointer, +8 string length
;;     ok:   +4 u8 new-state discriminant, +8 state pointer, +12 state length
;;           then the extra result, if any, from +16:
;;             handle-request:       +16 u8 option discriminant, +20 pointer, +24 length
;;             handle-channel-open:  +16 u8 accepted, +20 u8 message discriminant,
;;                                   +24 pointer, +28 length
(module
  (import "ntwk:theater/runtime" "log" (func $log (param i32 i32)))

  (memory (export "memory") 1)

  ;; Constant text, each at a fixed offset.
  (data (i32.const 16) "received ")                          ;; 9 bytes
  (data (i32.const 32) "asked to fail")                      ;; 13
  (data (i32.const 48) "unknown request")                    ;; 15
  (data (i32.const 64) "get")                                ;; 3
  (data (i32.const 72) "add ")                               ;; 4
  (data (i32.const 80) "fail")                               ;; 4
  (data (i32.const 96) "the state is not a decimal count")   ;; 32
  (data (i32.const 128) "the count would overflow")          ;; 24
  (data (i32.const 160) "received a message that is not UTF-8") ;; 36
  (data (i32.const 208) "the number to add is too large")    ;; 30

  ;; The return area every export writes its result into (32 bytes, 4-aligned).
  (global $return_area i32 (i32.const 256))
  ;; Start of the heap and the bump allocator's next free byte.
  (global $heap_base i32 (i32.const 1024))
  (global $heap (mut i32) (i32.const 1024))
  ;; Outcome of the last $parse_u64: 0 a number, 1 not a decimal number, 2 too large.
  (global $parse_status (mut i32) (i32.const 0))
  ;; Set by $checked_add when a sum does not fit in 64 bits.
  (global $overflow (mut i32) (i32.const 0))
  ;; Length of the text the last $format_u64 wrote.
  (global $format_length (mut i32) (i32.const 0))

  ;; ---- memory ----

  ;; Allocates `size` bytes aligned to `align` (a power of two), growing memory as needed.
  (func $alloc (param $size i32) (param $align i32) (result i32)
    (local $start i32) (local $end i32) (local $limit i32)
    (local.set $start
      (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
               (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $start) (local.get $size)))
    ;; a request past 4 GiB wraps around: it can never be served
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

  ;; The Canonical ABI allocator: the host calls it to place arguments and import results.
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

  ;; ---- text ----

  ;; Whether the `a_len` bytes at `a` equal the `b_len` bytes at `b`.
  (func $bytes_equal (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
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

  ;; Whether the `a_len` bytes at `a` begin with the `b_len` bytes at `b`.
  (func $starts_with (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
    (if (i32.lt_u (local.get $a_len) (local.get $b_len)) (then (return (i32.const 0))))
    (call $bytes_equal (local.get $a) (local.get $b_len) (local.get $b) (local.get $b_len)))

  ;; Reads `len` bytes of decimal digits as an unsigned 64-bit number. Sets $parse_status
  ;; to 1 if the text is empty or holds anything but digits, to 2 if it is too large.
  (func $parse_u64 (param $ptr i32) (param $len i32) (result i64)
    (local $i i32) (local $digit i32) (local $n i64) (local $next i64)
    (global.set $parse_status (i32.const 0))
    (if (i32.eqz (local.get $len))
      (then (global.set $parse_status (i32.const 1)) (return (i64.const 0))))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $digit
          (i32.sub (i32.load8_u (i32.add (local.get $ptr) (local.get $i))) (i32.const 48)))
        (if (i32.gt_u (local.get $digit) (i32.const 9))
          (then (global.set $parse_status (i32.const 1)) (return (i64.const 0))))
        ;; n * 10 must not pass 2^64 - 1: n may be at most floor((2^64 - 1) / 10)
        (if (i64.gt_u (local.get $n) (i64.const 1844674407370955161))
          (then (global.set $parse_status (i32.const 2)) (return (i64.const 0))))
        (local.set $next
          (i64.add (i64.mul (local.get $n) (i64.const 10)) (i64.extend_i32_u (local.get $digit))))
        (if (i64.lt_u (local.get $next) (local.get $n))
          (then (global.set $parse_status (i32.const 2)) (return (i64.const 0))))
        (local.set $n (local.get $next))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $n))

  ;; Writes `n` as decimal text into new memory; returns its address, the length goes to
  ;; $format_length.
  (func $format_u64 (param $n i64) (result i32)
    (local $buffer i32) (local $at i32)
    (local.set $buffer (call $alloc (i32.const 20) (i32.const 1)))
    (local.set $at (i32.add (local.get $buffer) (i32.const 20)))
    (loop $digit
      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
      (i32.store8 (local.get $at)
        (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 10)))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $n) (i64.const 0))))
    (global.set $format_length
      (i32.sub (i32.add (local.get $buffer) (i32.const 20)) (local.get $at)))
    (local.get $at))

  ;; Whether the `len` bytes at `ptr` are well-formed UTF-8 (the host only takes valid
  ;; strings, so a message is checked before it becomes part of a log line).
  (func $is_utf8 (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $byte i32) (local $count i32) (local $low i32) (local $high i32)
    (local $k i32) (local $next i32)
    (block $done
      (loop $char
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $byte (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (if (i32.lt_u (local.get $byte) (i32.const 0x80))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $char)))
        ;; the number of continuation bytes and the range the first of them must fall in
        (local.set $low (i32.const 0x80))
        (local.set $high (i32.const 0xBF))
        (if (i32.and (i32.ge_u (local.get $byte) (i32.const 0xC2)) (i32.le_u (local.get $byte) (i32.const 0xDF)))
          (then (local.set $count (i32.const 1)))
        (else (if (i32.eq (local.get $byte) (i32.const 0xE0))
          (then (local.set $count (i32.const 2)) (local.set $low (i32.const 0xA0)))
        (else (if (i32.eq (local.get $byte) (i32.const 0xED))
          (then (local.set $count (i32.const 2)) (local.set $high (i32.const 0x9F)))
        (else (if (i32.and (i32.ge_u (local.get $byte) (i32.const 0xE1)) (i32.le_u (local.get $byte) (i32.const 0xEF)))
          (then (local.set $count (i32.const 2)))
        (else (if (i32.eq (local.get $byte) (i32.const 0xF0))
          (then (local.set $count (i32.const 3)) (local.set $low (i32.const 0x90)))
        (else (if (i32.and (i32.ge_u (local.get $byte) (i32.const 0xF1)) (i32.le_u (local.get $byte) (i32.const 0xF3)))
          (then (local.set $count (i32.const 3)))
        (else (if (i32.eq (local.get $byte) (i32.const 0xF4))
          (then (local.set $count (i32.const 3)) (local.set $high (i32.const 0x8F)))
        (else (return (i32.const 0))))))))))))))))
        ;; all continuation bytes must be inside the text
        (if (i32.ge_u (i32.add (local.get $i) (local.get $count)) (local.get $len))
          (then (return (i32.const 0))))
        (local.set $k (i32.const 1))
        (loop $continuation
          (local.set $next (i32.load8_u (i32.add (local.get $ptr) (i32.add (local.get $i) (local.get $k)))))
          (if (i32.or (i32.lt_u (local.get $next) (local.get $low)) (i32.gt_u (local.get $next) (local.get $high)))
            (then (return (i32.const 0))))
          ;; only the first continuation byte has a narrowed range
          (local.set $low (i32.const 0x80))
          (local.set $high (i32.const 0xBF))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $continuation (i32.le_u (local.get $k) (local.get $count))))
        (local.set $i (i32.add (local.get $i) (i32.add (local.get $count) (i32.const 1))))
        (br $char)))
    (i32.const 1))

  ;; ---- counting ----

  ;; a + b; sets $overflow when the sum does not fit in 64 bits.
  (func $checked_add (param $a i64) (param $b i64) (result i64)
    (local $sum i64)
    (local.set $sum (i64.add (local.get $a) (local.get $b)))
    (if (i64.lt_u (local.get $sum) (local.get $a)) (then (global.set $overflow (i32.const 1))))
    (local.get $sum))

  ;; The count held by a state (none is 0); sets $parse_status when the state is not a count.
  (func $count_of (param $has_state i32) (param $ptr i32) (param $len i32) (result i64)
    (if (i32.eqz (local.get $has_state))
      (then (global.set $parse_status (i32.const 0)) (return (i64.const 0))))
    (call $parse_u64 (local.get $ptr) (local.get $len)))

  ;; ---- results ----

  ;; Writes err(the `len` bytes of text at `ptr`) to the return area and returns it.
  (func $error (param $ptr i32) (param $len i32) (result i32)
    (i32.store8 (global.get $return_area) (i32.const 1))
    (i32.store offset=4 (global.get $return_area) (local.get $ptr))
    (i32.store offset=8 (global.get $return_area) (local.get $len))
    (global.get $return_area))

  ;; Writes ok with new state some(`count` as text) to the return area and returns it; an
  ;; extra result, if any, is written by the caller from offset 16.
  (func $ok_with_count (param $count i64) (result i32)
    (local $text i32)
    (local.set $text (call $format_u64 (local.get $count)))
    (i32.store8 (global.get $return_area) (i32.const 0))
    (i32.store8 offset=4 (global.get $return_area) (i32.const 1))
    (i32.store offset=8 (global.get $return_area) (local.get $text))
    (i32.store offset=12 (global.get $return_area) (global.get $format_length))
    (global.get $return_area))

  ;; Writes ok((some(count), (some(the `len` bytes at `ptr`),))): a request's answer.
  (func $respond (param $count i64) (param $ptr i32) (param $len i32) (result i32)
    (drop (call $ok_with_count (local.get $count)))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 1))
    (i32.store offset=20 (global.get $return_area) (local.get $ptr))
    (i32.store offset=24 (global.get $return_area) (local.get $len))
    (global.get $return_area))

  ;; The error for a state that is not a count.
  (func $bad_state (result i32)
    (call $error (i32.const 96) (i32.const 32)))

  ;; ---- exports ----

  ;; actor.init(state, (actor-id,)): the count starts at the given state, or 0.
  (func (export "ntwk:theater/actor#init")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $id i32) (param $id_len i32) (result i32)
    (local $count i64)
    (local.set $count (call $count_of (local.get $has_state) (local.get $state) (local.get $state_len)))
    (if (global.get $parse_status) (then (return (call $bad_state))))
    (call $ok_with_count (local.get $count)))

  ;; message-server-client.handle-send(state, (msg,)): count + 1, logs the message.
  (func (export "ntwk:theater/message-server-client#handle-send")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (local $count i64) (local $line i32)
    (local.set $count (call $count_of (local.get $has_state) (local.get $state) (local.get $state_len)))
    (if (global.get $parse_status) (then (return (call $bad_state))))
    (global.set $overflow (i32.const 0))
    (local.set $count (call $checked_add (local.get $count) (i64.const 1)))
    (if (global.get $overflow) (then (return (call $error (i32.const 128) (i32.const 24)))))
    (if (call $is_utf8 (local.get $msg) (local.get $msg_len))
      (then
        ;; "received " followed by the message
        (local.set $line (call $alloc (i32.add (local.get $msg_len) (i32.const 9)) (i32.const 1)))
        (memory.copy (local.get $line) (i32.const 16) (i32.const 9))
        (memory.copy (i32.add (local.get $line) (i32.const 9)) (local.get $msg) (local.get $msg_len))
        (call $log (local.get $line) (i32.add (local.get $msg_len) (i32.const 9))))
      (else
        (call $log (i32.const 160) (i32.const 36))))
    (call $ok_with_count (local.get $count)))

  ;; message-server-client.handle-request(state, (request-id, msg)): see the top of the file.
  (func (export "ntwk:theater/message-server-client#handle-request")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $id i32) (param $id_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (local $count i64) (local $amount i64) (local $text i32)
    (local.set $count (call $count_of (local.get $has_state) (local.get $state) (local.get $state_len)))
    (if (global.get $parse_status) (then (return (call $bad_state))))
    ;; "get": the count
    (if (call $bytes_equal (local.get $msg) (local.get $msg_len) (i32.const 64) (i32.const 3))
      (then
        (local.set $text (call $format_u64 (local.get $count)))
        (return (call $respond (local.get $count) (local.get $text) (global.get $format_length)))))
    ;; "fail": an actor error
    (if (call $bytes_equal (local.get $msg) (local.get $msg_len) (i32.const 80) (i32.const 4))
      (then (return (call $error (i32.const 32) (i32.const 13)))))
    ;; "add N": the new count
    (if (call $starts_with (local.get $msg) (local.get $msg_len) (i32.const 72) (i32.const 4))
      (then
        (local.set $amount
          (call $parse_u64 (i32.add (local.get $msg) (i32.const 4)) (i32.sub (local.get $msg_len) (i32.const 4))))
        (if (i32.eq (global.get $parse_status) (i32.const 2))
          (then (return (call $error (i32.const 208) (i32.const 30)))))
        (if (i32.eqz (global.get $parse_status))
          (then
            (global.set $overflow (i32.const 0))
            (local.set $count (call $checked_add (local.get $count) (local.get $amount)))
            (if (global.get $overflow) (then (return (call $error (i32.const 128) (i32.const 24)))))
            (local.set $text (call $format_u64 (local.get $count)))
            (return (call $respond (local.get $count) (local.get $text) (global.get $format_length)))))))
    ;; anything else
    (call $respond (local.get $count) (i32.const 48) (i32.const 15)))

  ;; message-server-client.handle-channel-open(state, (channel-id, msg)): refused, without a message.
  (func (export "ntwk:theater/message-server-client#handle-channel-open")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $channel i32) (param $channel_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (local $count i64)
    (local.set $count (call $count_of (local.get $has_state) (local.get $state) (local.get $state_len)))
    (if (global.get $parse_status) (then (return (call $bad_state))))
    (drop (call $ok_with_count (local.get $count)))
    (i32.store8 offset=16 (global.get $return_area) (i32.const 0))
    (i32.store8 offset=20 (global.get $return_area) (i32.const 0))
    (global.get $return_area))

  ;; message-server-client.handle-channel-message(state, (channel-id, msg)): nothing changes.
  (func (export "ntwk:theater/message-server-client#handle-channel-message")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $channel i32) (param $channel_len i32)
        (param $msg i32) (param $msg_len i32) (result i32)
    (local $count i64)
    (local.set $count (call $count_of (local.get $has_state) (local.get $state) (local.get $state_len)))
    (if (global.get $parse_status) (then (return (call $bad_state))))
    (call $ok_with_count (local.get $count)))

  ;; message-server-client.handle-channel-close(state, (channel-id,)): nothing changes.
  (func (export "ntwk:theater/message-server-client#handle-channel-close")
        (param $has_state i32) (param $state i32) (param $state_len i32)
        (param $channel i32) (param $channel_len i32) (result i32)
    (local $count i64)
    (local.set $count (call $count_of (local.get $has_state) (local.get $state) (local.get $state_len)))
    (if (global.get $parse_status) (then (return (call $bad_state))))
    (call $ok_with_count (local.get $count)))

  (export "cabi_post_ntwk:theater/actor#init" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-send" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-request" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-open" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-message" (func $free_all))
  (export "cabi_post_ntwk:theater/message-server-client#handle-channel-close" (func $free_all))
)
