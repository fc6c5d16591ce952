/*
 * cabi.h: the Canonical ABI glue that the benchmark actors share, written by hand
 * because no wit-bindgen is available. It holds the `cabi_realloc` allocator and the C
 * layouts of the values that cross the component boundary for the `ntwk:theater` world
 * `message-server-actor` (see ./wit).
 *
 * Include it from exactly one translation unit per actor: it defines the exported
 * `cabi_realloc`.
 *
 * Layouts (wasm32, Canonical ABI):
 *   list<u8>, string           { ptr: u32, len: u32 }                       size 8,  align 4
 *   option<list<u8>>           { tag: u8 @0, ptr @4, len @8 }                size 12, align 4
 *   channel-accept             { accepted: u8 @0, message: option @4 }      size 16, align 4
 *   result<T, string>          { tag: u8 @0 (0 ok, 1 err), payload @4 }
 * Every handler export flattens to more than one result value, so it returns a pointer
 * to a return area holding the whole `result`; the structs below are those areas.
 *
 * Memory: a bump allocator. The actor keeps nothing in linear memory between calls (its
 * state lives in the host), so everything allocated for one call is free once the host
 * has read that call's results. The host reads them right after the export returns and
 * before it lowers the arguments of the next call, and lowering the next call's
 * arguments is the first thing that calls `cabi_realloc` again. So every export marks
 * the heap "free on next use" as it returns, and the next `cabi_realloc` starts over at
 * the heap base. This works whether or not the host calls post-return functions, and
 * costs no extra call per message (the actors export none).
 */
#ifndef THEATER_BENCH_CABI_H
#define THEATER_BENCH_CABI_H

#include <stddef.h>
#include <stdint.h>

#define CABI_EXPORT(name) __attribute__((export_name(name)))
#define CABI_IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

/* A list<u8> or a string as the Canonical ABI stores it. */
typedef struct {
    const uint8_t *ptr;
    size_t len;
} cabi_bytes;

/* An option<list<u8>>: `is_some` is the discriminant (0 none, 1 some). */
typedef struct {
    uint8_t is_some;
    cabi_bytes value;
} cabi_option_bytes;

/* The record channel-accept { accepted: bool, message: option<list<u8>> }. */
typedef struct {
    uint8_t accepted;
    cabi_option_bytes message;
} cabi_channel_accept;

/* Return area of init, handle-send, handle-channel-message and handle-channel-close:
 * result<tuple<option<list<u8>>>, string>. */
typedef struct {
    uint8_t is_err;
    union {
        struct { cabi_option_bytes state; } ok;
        cabi_bytes err;
    } payload;
} cabi_state_result;

/* Return area of handle-request:
 * result<tuple<option<list<u8>>, tuple<option<list<u8>>>>, string>. */
typedef struct {
    uint8_t is_err;
    union {
        struct { cabi_option_bytes state; cabi_option_bytes response; } ok;
        cabi_bytes err;
    } payload;
} cabi_request_result;

/* Return area of handle-channel-open:
 * result<tuple<option<list<u8>>, tuple<channel-accept>>, string>. */
typedef struct {
    uint8_t is_err;
    union {
        struct { cabi_option_bytes state; cabi_channel_accept accept; } ok;
        cabi_bytes err;
    } payload;
} cabi_channel_open_result;

/* Return area of an import returning result<list<u8>, string>
 * (message-server-host.request). */
typedef struct {
    uint8_t is_err;
    union {
        cabi_bytes ok;
        cabi_bytes err;
    } payload;
} cabi_bytes_result;

/* The offsets the Canonical ABI prescribes; a wrong layout fails the build, not a call. */
_Static_assert(sizeof(cabi_bytes) == 8, "list layout");
_Static_assert(offsetof(cabi_option_bytes, value) == 4 && sizeof(cabi_option_bytes) == 12,
               "option<list<u8>> layout");
_Static_assert(offsetof(cabi_channel_accept, message) == 4 && sizeof(cabi_channel_accept) == 16,
               "channel-accept layout");
_Static_assert(offsetof(cabi_state_result, payload) == 4, "result payload offset");
_Static_assert(offsetof(cabi_request_result, payload.ok.response) == 16,
               "handle-request response offset");
_Static_assert(offsetof(cabi_channel_open_result, payload.ok.accept) == 16 &&
               offsetof(cabi_channel_open_result, payload.ok.accept.message) == 20,
               "handle-channel-open accept offset");
_Static_assert(offsetof(cabi_bytes_result, payload) == 4, "import result payload offset");

/* ---- the allocator ---- */

/* The first byte after the static data, placed by wasm-ld. */
extern unsigned char __heap_base;

/* The next free byte of the heap; 0 until the first allocation. */
static uintptr_t cabi_heap_next;
/* Set when an export returns: the next allocation may reuse the whole heap. */
static int cabi_heap_free_on_next_use;

/* Marks everything allocated during the current call as free once the host has read the
 * results; every export calls this just before it returns. */
static inline void cabi_call_finished(void) {
    cabi_heap_free_on_next_use = 1;
}

/* Allocates `size` bytes aligned to `align` (a power of two); traps when linear memory
 * cannot grow enough, which is the only answer an allocator may give the host. */
static void *cabi_alloc(size_t size, size_t align) {
    if (cabi_heap_next == 0 || cabi_heap_free_on_next_use) {
        cabi_heap_next = (uintptr_t)&__heap_base;
        cabi_heap_free_on_next_use = 0;
    }
    uintptr_t start = (cabi_heap_next + (align - 1)) & ~(uintptr_t)(align - 1);
    uintptr_t end = start + size;
    if (start < cabi_heap_next || end < start) {
        __builtin_trap(); /* the request wraps past 4 GiB */
    }
    uintptr_t limit = __builtin_wasm_memory_size(0) * 65536u;
    if (end > limit) {
        size_t pages = (end - limit + 65535u) / 65536u;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) {
            __builtin_trap();
        }
    }
    cabi_heap_next = end;
    return (void *)start;
}

/* The Canonical ABI allocator: the host calls it to place arguments and import results. */
CABI_EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    void *fresh = cabi_alloc(new_size, align);
    if (old != NULL) {
        __builtin_memcpy(fresh, old, old_size < new_size ? old_size : new_size);
    }
    return fresh;
}

/* ---- results ---- */

/* A static string as the bytes of a WIT string (without the terminating zero). */
#define CABI_TEXT(literal) ((cabi_bytes){(const uint8_t *)(literal), sizeof(literal) - 1})

/* Rebuilds an option<list<u8>> from its three flat values. */
static inline cabi_option_bytes cabi_option(int32_t is_some, const uint8_t *ptr, size_t len) {
    cabi_option_bytes option = {(uint8_t)is_some, {ptr, len}};
    return option;
}

#endif
