/*
 * relay: a benchmark actor for the `ntwk:theater` world `message-server-actor`, written in
 * C against the Canonical ABI by hand (see cabi.h). It forwards every request to one
 * target actor and answers with the target's response, so a benchmark can time a
 * request that crosses two actors.
 *
 * The state is the target actor's id as text (none until one is set).
 *   init(state)                      keeps the state (it must be UTF-8 text if given)
 *   handle-send(msg)                 `msg` is the target's id: it becomes the new state
 *   handle-request(id, msg)          message-server-host.request(target, msg); responds
 *                                    with its ok bytes, or fails with its error string
 *   handle-channel-open(id, msg)     refuses: the relay forwards requests only
 *   handle-channel-message(id, msg)  keeps the state
 *   handle-channel-close(id)         keeps the state
 * A target id must be UTF-8 because it crosses to the host as a WIT string (a host must
 * trap on a string that is not); the relay checks it and fails with an error instead.
 */
#include "cabi.h"

/* message-server-host.request(actor-id: string, msg: list<u8>) -> result<list<u8>, string>.
 * Its result flattens to three values, so the caller passes a return area to fill. */
CABI_IMPORT("ntwk:theater/message-server-host", "request")
extern void host_request(const uint8_t *actor_id, size_t actor_id_len, const uint8_t *msg,
                         size_t msg_len, cabi_bytes_result *result);

/* The one return area each result shape uses; the host reads it right after the call. */
static cabi_state_result state_result;
static cabi_request_result request_result;
static cabi_channel_open_result channel_open_result;
/* Where the host writes the result of message-server-host.request. */
static cabi_bytes_result host_request_result;

/* Whether the `len` bytes at `text` are well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing past U+10FFFF). */
static int is_utf8(const uint8_t *text, size_t len) {
    size_t i = 0;
    while (i < len) {
        uint8_t byte = text[i];
        if (byte < 0x80) {
            i += 1;
            continue;
        }
        /* The number of continuation bytes, and the range the first of them must fall in. */
        size_t count;
        uint8_t low = 0x80, high = 0xBF;
        if (byte >= 0xC2 && byte <= 0xDF) {
            count = 1;
        } else if (byte == 0xE0) {
            count = 2;
            low = 0xA0;
        } else if (byte == 0xED) {
            count = 2;
            high = 0x9F;
        } else if (byte >= 0xE1 && byte <= 0xEF) {
            count = 2;
        } else if (byte == 0xF0) {
            count = 3;
            low = 0x90;
        } else if (byte >= 0xF1 && byte <= 0xF3) {
            count = 3;
        } else if (byte == 0xF4) {
            count = 3;
            high = 0x8F;
        } else {
            return 0;
        }
        if (count >= len - i) {
            return 0; /* the sequence runs past the end */
        }
        for (size_t k = 1; k <= count; k++) {
            uint8_t next = text[i + k];
            if (next < low || next > high) {
                return 0;
            }
            low = 0x80; /* only the first continuation byte has a narrowed range */
            high = 0xBF;
        }
        i += count + 1;
    }
    return 1;
}

/* Returns err(message) through the state-result return area. */
static cabi_state_result *state_error(cabi_bytes message) {
    state_result.is_err = 1;
    state_result.payload.err = message;
    cabi_call_finished();
    return &state_result;
}

/* Returns ok((state,)) through the state-result return area. */
static cabi_state_result *state_ok(cabi_option_bytes state) {
    state_result.is_err = 0;
    state_result.payload.ok.state = state;
    cabi_call_finished();
    return &state_result;
}

/* Returns err(message) through the handle-request return area. */
static cabi_request_result *request_error(cabi_bytes message) {
    request_result.is_err = 1;
    request_result.payload.err = message;
    cabi_call_finished();
    return &request_result;
}

/* actor.init(state, (actor-id,)) */
CABI_EXPORT("ntwk:theater/actor#init")
cabi_state_result *relay_init(int32_t has_state, const uint8_t *state, size_t state_len,
                              const uint8_t *actor_id, size_t actor_id_len) {
    (void)actor_id;
    (void)actor_id_len;
    if (has_state && !is_utf8(state, state_len)) {
        return state_error(CABI_TEXT(
            "relay init: the initial state must be the target actor's id as UTF-8 text"));
    }
    return state_ok(cabi_option(has_state, state, state_len));
}

/* message-server-client.handle-send(state, (msg,)): the message is the new target's id. */
CABI_EXPORT("ntwk:theater/message-server-client#handle-send")
cabi_state_result *relay_handle_send(int32_t has_state, const uint8_t *state, size_t state_len,
                                     const uint8_t *msg, size_t msg_len) {
    (void)has_state;
    (void)state;
    (void)state_len;
    if (msg_len == 0) {
        return state_error(CABI_TEXT(
            "relay handle-send: the message must be the target actor's id, and it is empty"));
    }
    if (!is_utf8(msg, msg_len)) {
        return state_error(CABI_TEXT(
            "relay handle-send: the message must be the target actor's id as UTF-8 text"));
    }
    /* The argument stays in memory until the host has read the result. */
    return state_ok(cabi_option(1, msg, msg_len));
}

/* message-server-client.handle-request(state, (request-id, msg)) -> (option<list<u8>>) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-request")
cabi_request_result *relay_handle_request(int32_t has_state, const uint8_t *state,
                                          size_t state_len, const uint8_t *request_id,
                                          size_t request_id_len, const uint8_t *msg,
                                          size_t msg_len) {
    (void)request_id;
    (void)request_id_len;
    if (!has_state) {
        return request_error(CABI_TEXT(
            "relay handle-request: no target actor yet; send the target's id with handle-send first"));
    }
    if (!is_utf8(state, state_len)) {
        return request_error(CABI_TEXT(
            "relay handle-request: the state must be the target actor's id as UTF-8 text"));
    }
    host_request(state, state_len, msg, msg_len, &host_request_result);
    if (host_request_result.is_err) {
        /* The host placed the error string with cabi_realloc; it lives until the host has
         * read this call's result. */
        return request_error(host_request_result.payload.err);
    }
    request_result.is_err = 0;
    request_result.payload.ok.state = cabi_option(has_state, state, state_len);
    request_result.payload.ok.response =
        cabi_option(1, host_request_result.payload.ok.ptr, host_request_result.payload.ok.len);
    cabi_call_finished();
    return &request_result;
}

/* message-server-client.handle-channel-open(state, (channel-id, msg)) -> (channel-accept) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-channel-open")
cabi_channel_open_result *relay_handle_channel_open(int32_t has_state, const uint8_t *state,
                                                    size_t state_len, const uint8_t *channel_id,
                                                    size_t channel_id_len, const uint8_t *msg,
                                                    size_t msg_len) {
    (void)channel_id;
    (void)channel_id_len;
    (void)msg;
    (void)msg_len;
    channel_open_result.is_err = 0;
    channel_open_result.payload.ok.state = cabi_option(has_state, state, state_len);
    channel_open_result.payload.ok.accept.accepted = 0;
    channel_open_result.payload.ok.accept.message = cabi_option(0, NULL, 0);
    cabi_call_finished();
    return &channel_open_result;
}

/* message-server-client.handle-channel-message(state, (channel-id, msg)) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-channel-message")
cabi_state_result *relay_handle_channel_message(int32_t has_state, const uint8_t *state,
                                                size_t state_len, const uint8_t *channel_id,
                                                size_t channel_id_len, const uint8_t *msg,
                                                size_t msg_len) {
    (void)channel_id;
    (void)channel_id_len;
    (void)msg;
    (void)msg_len;
    return state_ok(cabi_option(has_state, state, state_len));
}

/* message-server-client.handle-channel-close(state, (channel-id,)) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-channel-close")
cabi_state_result *relay_handle_channel_close(int32_t has_state, const uint8_t *state,
                                              size_t state_len, const uint8_t *channel_id,
                                              size_t channel_id_len) {
    (void)channel_id;
    (void)channel_id_len;
    return state_ok(cabi_option(has_state, state, state_len));
}
