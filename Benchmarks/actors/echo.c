/*
 * echo: a benchmark actor for the `ntwk:theater` world `message-server-actor`, written in
 * C against the Canonical ABI by hand (see cabi.h). It measures the runtime's cost per
 * message, so it does as little as it can: no allocation beyond the arguments the host
 * places with `cabi_realloc`, no imports.
 *
 * The state is a message count: a little-endian u64 (8 bytes).
 *   init(state)                      keeps the state; none becomes the count 0
 *   handle-send(msg)                 count + 1
 *   handle-request(id, msg)          responds with `msg` unchanged; the state is kept
 *   handle-channel-open(id, msg)     accepts the channel, with no message back
 *   handle-channel-message(id, msg)  keeps the state
 *   handle-channel-close(id)         keeps the state
 * init and handle-send fail with an error naming the problem when the state is not 8
 * bytes, and handle-send when the count would pass 2^64 - 1.
 */
#include "cabi.h"

/* The one return area each result shape uses; the host reads it right after the call. */
static cabi_state_result state_result;
static cabi_request_result request_result;
static cabi_channel_open_result channel_open_result;

/* The new count that handle-send returns as the state (8 bytes, little-endian). */
static uint64_t count_out;

static const uint64_t zero_count = 0;

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

/* actor.init(state, (actor-id,)) */
CABI_EXPORT("ntwk:theater/actor#init")
cabi_state_result *echo_init(int32_t has_state, const uint8_t *state, size_t state_len,
                             const uint8_t *actor_id, size_t actor_id_len) {
    (void)actor_id;
    (void)actor_id_len;
    if (!has_state) {
        return state_ok(cabi_option(1, (const uint8_t *)&zero_count, sizeof zero_count));
    }
    if (state_len != sizeof(uint64_t)) {
        return state_error(CABI_TEXT(
            "echo init: the initial state must be the message count as 8 little-endian bytes"));
    }
    return state_ok(cabi_option(has_state, state, state_len));
}

/* message-server-client.handle-send(state, (msg,)) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-send")
cabi_state_result *echo_handle_send(int32_t has_state, const uint8_t *state, size_t state_len,
                                    const uint8_t *msg, size_t msg_len) {
    (void)msg;
    (void)msg_len;
    uint64_t count = 0;
    if (has_state) {
        if (state_len != sizeof(uint64_t)) {
            return state_error(CABI_TEXT(
                "echo handle-send: the state must be the message count as 8 little-endian bytes"));
        }
        /* Wasm memory is little-endian, so the bytes load as the count directly. */
        __builtin_memcpy(&count, state, sizeof count);
    }
    if (count == UINT64_MAX) {
        return state_error(CABI_TEXT("echo handle-send: the message count would pass 2^64 - 1"));
    }
    count_out = count + 1;
    return state_ok(cabi_option(1, (const uint8_t *)&count_out, sizeof count_out));
}

/* message-server-client.handle-request(state, (request-id, msg)) -> (option<list<u8>>) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-request")
cabi_request_result *echo_handle_request(int32_t has_state, const uint8_t *state, size_t state_len,
                                         const uint8_t *request_id, size_t request_id_len,
                                         const uint8_t *msg, size_t msg_len) {
    (void)request_id;
    (void)request_id_len;
    request_result.is_err = 0;
    request_result.payload.ok.state = cabi_option(has_state, state, state_len);
    request_result.payload.ok.response = cabi_option(1, msg, msg_len);
    cabi_call_finished();
    return &request_result;
}

/* message-server-client.handle-channel-open(state, (channel-id, msg)) -> (channel-accept) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-channel-open")
cabi_channel_open_result *echo_handle_channel_open(int32_t has_state, const uint8_t *state,
                                                   size_t state_len, const uint8_t *channel_id,
                                                   size_t channel_id_len, const uint8_t *msg,
                                                   size_t msg_len) {
    (void)channel_id;
    (void)channel_id_len;
    (void)msg;
    (void)msg_len;
    channel_open_result.is_err = 0;
    channel_open_result.payload.ok.state = cabi_option(has_state, state, state_len);
    channel_open_result.payload.ok.accept.accepted = 1;
    channel_open_result.payload.ok.accept.message = cabi_option(0, NULL, 0);
    cabi_call_finished();
    return &channel_open_result;
}

/* message-server-client.handle-channel-message(state, (channel-id, msg)) */
CABI_EXPORT("ntwk:theater/message-server-client#handle-channel-message")
cabi_state_result *echo_handle_channel_message(int32_t has_state, const uint8_t *state,
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
cabi_state_result *echo_handle_channel_close(int32_t has_state, const uint8_t *state,
                                             size_t state_len, const uint8_t *channel_id,
                                             size_t channel_id_len) {
    (void)channel_id;
    (void)channel_id_len;
    return state_ok(cabi_option(has_state, state, state_len));
}
