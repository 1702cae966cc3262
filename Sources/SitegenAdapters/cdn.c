// `cdn` adapter (world adapter-cdn): serves assets from an HTTP origin. Each read is one
// request through wasi:http/outgoing-handler@0.2.0 to <base>/<path>:
//   read(p, off, len), len > 0:  GET with `range: bytes=off-(off+len-1)`
//     206 -> the body (up to len bytes); 200 (origin ignored the range) -> the body from
//     byte off, up to len bytes (correct, but it downloads the asset from the start each
//     time); 416 -> some([]) (off at or past the end); anything else -> none.
//   read(p, off, 0) (existence probe): HEAD; 2xx -> some([]), else none.
// The response is awaited on its pollable (wasi:io/poll), the body is read with
// input-stream.blocking-read. Transport errors, redirects and 5xx are `none` too: the
// assets interface has no error case. The path is percent-encoded (all but A-Z a-z 0-9
// - . _ ~ and '/').
//
// The base URL is baked in at build time (scripts/build-adapters.sh cdn BASE_URL OUT.wasm):
// SG_CDN_HTTPS (0/1), SG_CDN_AUTHORITY ("host[:port]"), SG_CDN_PREFIX ("" or "/a/b").
#include "cabi.h"
#include "path.h"

#ifndef SG_CDN_AUTHORITY
#error "SG_CDN_AUTHORITY (and SG_CDN_HTTPS, SG_CDN_PREFIX) come from scripts/build-adapters.sh cdn"
#endif
#ifndef SG_CDN_CONNECT_TIMEOUT_NS
#define SG_CDN_CONNECT_TIMEOUT_NS 10000000000ull      // 10 s
#endif
#ifndef SG_CDN_BYTE_TIMEOUT_NS
#define SG_CDN_BYTE_TIMEOUT_NS 30000000000ull         // 30 s to the first byte, and between bytes
#endif

#define HTTP "wasi:http/types@0.2.0"
#define IO "wasi:io/streams@0.2.0"
#define POLL "wasi:io/poll@0.2.0"

IMPORT(HTTP, "[constructor]fields") i32 fields_new(void);
// append(name: string, value: list<u8>) -> result<_, header-error>: u8 disc at +0, u8 error at +1
IMPORT(HTTP, "[method]fields.append") void fields_append(i32 self, const u8 *n, u32 nl, const u8 *v, u32 vl, void *ret);
IMPORT(HTTP, "[constructor]outgoing-request") i32 request_new(i32 headers);
// the setters return `result` (flattened to an i32: 0 ok)
IMPORT(HTTP, "[method]outgoing-request.set-method") i32 request_set_method(i32 self, i32 disc, const u8 *p, u32 n);
IMPORT(HTTP, "[method]outgoing-request.set-path-with-query") i32 request_set_path(i32 self, i32 is_some, const u8 *p, u32 n);
IMPORT(HTTP, "[method]outgoing-request.set-scheme") i32 request_set_scheme(i32 self, i32 is_some, i32 disc, const u8 *p, u32 n);
IMPORT(HTTP, "[method]outgoing-request.set-authority") i32 request_set_authority(i32 self, i32 is_some, const u8 *p, u32 n);
IMPORT(HTTP, "[resource-drop]outgoing-request") void request_drop(i32 self);
IMPORT(HTTP, "[constructor]request-options") i32 options_new(void);
IMPORT(HTTP, "[method]request-options.set-connect-timeout") i32 options_connect_timeout(i32 self, i32 is_some, u64 ns);
IMPORT(HTTP, "[method]request-options.set-first-byte-timeout") i32 options_first_byte_timeout(i32 self, i32 is_some, u64 ns);
IMPORT(HTTP, "[method]request-options.set-between-bytes-timeout") i32 options_between_bytes_timeout(i32 self, i32 is_some, u64 ns);
// handle(request, option<request-options>) -> result<future-incoming-response, error-code>
//   align 8: u8 disc at +0; handle at +8, or error-code at +8 (u8 case at +8, payload at +16)
IMPORT("wasi:http/outgoing-handler@0.2.0", "handle") void outgoing_handle(i32 request, i32 has_options, i32 options, void *ret);
IMPORT(HTTP, "[method]future-incoming-response.subscribe") i32 future_subscribe(i32 self);
// get() -> option<result<result<incoming-response, error-code>>>: u8 option disc at +0,
//   u8 outer result disc at +8, u8 inner result disc at +16, then the handle or error-code at +24
IMPORT(HTTP, "[method]future-incoming-response.get") void future_get(i32 self, void *ret);
IMPORT(HTTP, "[resource-drop]future-incoming-response") void future_drop(i32 self);
IMPORT(HTTP, "[method]incoming-response.status") i32 response_status(i32 self);
// consume() / %stream() -> result<own<T>>: u8 disc at +0, handle at +4
IMPORT(HTTP, "[method]incoming-response.consume") void response_consume(i32 self, void *ret);
IMPORT(HTTP, "[resource-drop]incoming-response") void response_drop(i32 self);
IMPORT(HTTP, "[method]incoming-body.stream") void body_stream(i32 self, void *ret);
IMPORT(HTTP, "[resource-drop]incoming-body") void body_drop(i32 self);
// blocking-read(len) -> result<list<u8>, stream-error>: u8 disc at +0; list ptr +4, len +8;
//   or stream-error: u8 case at +4 (0 last-operation-failed(error handle at +8), 1 closed)
IMPORT(IO, "[method]input-stream.blocking-read") void stream_blocking_read(i32 self, u64 len, void *ret);
IMPORT(IO, "[resource-drop]input-stream") void stream_drop(i32 self);
IMPORT(POLL, "[method]pollable.block") void pollable_block(i32 self);
IMPORT(POLL, "[resource-drop]pollable") void pollable_drop(i32 self);
IMPORT("wasi:io/error@0.2.0", "[resource-drop]error") void error_drop(i32 self);

enum { METHOD_GET = 0, METHOD_HEAD = 1 };
typedef struct { u8 is_err; i32 handle; } result_handle;
typedef struct { u8 is_err; struct { u8 *ptr; u32 len; } ok; } read_result;   // err: u8 at +4, handle at +8

static const char authority[] = SG_CDN_AUTHORITY;
static const char prefix[] = SG_CDN_PREFIX;

// Frees the strings an error-code may carry (e points at its case byte; payload at +8).
static void drop_error_code(const u8 *e) {
    const u8 *p = e + 8;
    switch (e[0]) {
    case 1:                             // DNS-error { rcode: option<string>, … }
    case 24: case 27: case 30:          // *-size(field-size-payload { field-name: option<string>, … })
    case 31: case 32: case 38:          // transfer-coding, content-coding, internal-error(option<string>)
        if (p[0]) free_list(*(u8 *const *)(p + 4), *(const u32 *)(p + 8));
        break;
    case 14:                            // TLS-alert-received { alert-id: option<u8>, alert-message: option<string> }
        if (p[4]) free_list(*(u8 *const *)(p + 8), *(const u32 *)(p + 12));
        break;
    case 22:                            // HTTP-request-header-size(option<field-size-payload>)
        if (p[0] && p[4]) free_list(*(u8 *const *)(p + 8), *(const u32 *)(p + 12));
        break;
    default:
        break;
    }
}

static u32 put_u64(u8 *out, u64 v) {   // decimal, returns the length
    u8 tmp[20];
    u32 n = 0;
    do { tmp[n++] = (u8)('0' + v % 10); v /= 10; } while (v);
    for (u32 i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

static int unreserved(u8 c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

// Sends the request and waits for the response head. Returns the incoming-response handle
// and sets *future (to be dropped after the response), or returns -1.
static i32 send(u8 method, const u8 *path, u32 path_len, u64 offset, u32 length, i32 *future) {
    i32 headers = fields_new();
    if (method == METHOD_GET) {
        static const char range_name[] = "range";
        u8 range[6 + 20 + 1 + 20] = "bytes=";
        u32 n = 6;
        u64 last = offset + length - 1;
        if (last < offset) last = ~0ull;
        n += put_u64(range + n, offset);
        range[n++] = '-';
        n += put_u64(range + n, last);
        u8 err[4];
        fields_append(headers, (const u8 *)range_name, sizeof(range_name) - 1, range, n, err);
    }
    i32 request = request_new(headers);   // consumes headers

    u32 cap = sizeof(prefix) - 1 + 1 + 3 * path_len;
    u8 *target = malloc(cap);
    if (!target) __builtin_trap();
    u32 t = sizeof(prefix) - 1;
    __builtin_memcpy(target, prefix, t);
    target[t++] = '/';
    static const char hex[] = "0123456789ABCDEF";
    for (u32 i = 0; i < path_len; i++) {
        u8 c = path[i];
        if (unreserved(c)) { target[t++] = c; continue; }
        target[t++] = '%'; target[t++] = (u8)hex[c >> 4]; target[t++] = (u8)hex[c & 15];
    }
    int bad = request_set_method(request, method, 0, 0)
            | request_set_scheme(request, 1, SG_CDN_HTTPS ? 1 : 0, 0, 0)
            | request_set_authority(request, 1, (const u8 *)authority, sizeof(authority) - 1)
            | request_set_path(request, 1, target, t);
    free(target);
    if (bad) { request_drop(request); return -1; }

    i32 options = options_new();   // the setters fail on hosts that do not support a timeout: fine
    options_connect_timeout(options, 1, SG_CDN_CONNECT_TIMEOUT_NS);
    options_first_byte_timeout(options, 1, SG_CDN_BYTE_TIMEOUT_NS);
    options_between_bytes_timeout(options, 1, SG_CDN_BYTE_TIMEOUT_NS);

    u64 area[8];   // 8-aligned return areas, large enough for error-code (32 B) at +24
    u8 *r = (u8 *)area;
    outgoing_handle(request, 1, options, r);   // consumes request and options
    if (r[0]) { drop_error_code(r + 8); return -1; }
    *future = *(i32 *)(r + 8);

    for (;;) {
        future_get(*future, r);
        if (r[0]) break;   // some: ready
        i32 p = future_subscribe(*future);
        pollable_block(p);
        pollable_drop(p);
    }
    if (r[8] || r[16]) {   // outer err: get called twice (cannot happen); inner err: error-code
        if (!r[8]) drop_error_code(r + 24);
        future_drop(*future);
        return -1;
    }
    return *(i32 *)(r + 24);
}

// Reads the body from the response: skips `skip` bytes, then keeps up to `want` bytes.
// Returns 0 on success (*out/*out_len set, possibly fewer than `want` at the end), -1 on a
// transport error.
static int read_body(i32 response, u64 skip, u32 want, u8 **out, u32 *out_len) {
    result_handle h;
    response_consume(response, &h);
    if (h.is_err) return -1;
    i32 body = h.handle;
    body_stream(body, &h);
    if (h.is_err) { body_drop(body); return -1; }
    i32 stream = h.handle;

    u8 *buf = 0;
    u32 got = 0;
    int rc = 0;
    while (got < want) {
        u64 ask = skip ? (skip < 65536 ? skip : 65536) : want - got;
        read_result r;
        stream_blocking_read(stream, ask, &r);
        if (r.is_err) {
            u8 *raw = (u8 *)&r;
            if (raw[4] == 0) { error_drop(*(i32 *)(raw + 8)); rc = -1; }   // last-operation-failed
            break;                                                          // closed: the end
        }
        if (skip) {
            u64 k = r.ok.len < skip ? r.ok.len : skip;
            skip -= k;
            if (k < r.ok.len) {   // the chunk straddles the start: keep its tail
                u32 keep = r.ok.len - (u32)k;
                if (keep > want) keep = want;
                buf = malloc(keep);
                if (!buf) __builtin_trap();
                __builtin_memcpy(buf, r.ok.ptr + k, keep);
                got = keep;
            }
            free_list(r.ok.ptr, r.ok.len);
            continue;
        }
        u32 n = r.ok.len < want - got ? r.ok.len : want - got;
        if (!buf) {
            buf = r.ok.ptr; got = n;   // usually the whole range arrives in one list: no copy
            if (n == 0) { free_list(r.ok.ptr, r.ok.len); buf = 0; }
            continue;
        }
        if (n) {
            u8 *grown = realloc(buf, (size_t)got + n);
            if (!grown) __builtin_trap();
            __builtin_memcpy(grown + got, r.ok.ptr, n);
            buf = grown; got += n;
        }
        free_list(r.ok.ptr, r.ok.len);
    }
    stream_drop(stream);
    body_drop(body);
    if (rc) { free_list(buf, got); return -1; }
    *out = buf; *out_len = got;
    return 0;
}

static option_bytes ret_area;

EXPORT(ASSETS_READ)
option_bytes *assets_read(u8 *path, u32 path_len, u64 offset, u32 length) {
    ret_area.is_some = 0; ret_area.ptr = 0; ret_area.len = 0;
    if (!asset_path_ok(path, path_len)) goto done;

    i32 future;
    i32 response = send(length ? METHOD_GET : METHOD_HEAD, path, path_len, offset, length, &future);
    if (response < 0) goto done;
    i32 status = response_status(response);
    if (length == 0) {
        ret_area.is_some = status >= 200 && status < 300;
    } else if (status == 206 || status == 200) {
        u8 *buf = 0;
        u32 got = 0;
        if (read_body(response, status == 200 ? offset : 0, length, &buf, &got) == 0) {
            ret_area.is_some = 1; ret_area.ptr = buf; ret_area.len = got;
        }
    } else if (status == 416) {
        ret_area.is_some = 1;   // range not satisfiable: offset at or past the end
    }
    response_drop(response);
    future_drop(future);
done:
    free_list(path, path_len);   // the caller's copy of `path` was allocated with cabi_realloc
    return &ret_area;
}

EXPORT(ASSETS_READ_POST)
void assets_read_post(option_bytes *ret) {
    if (ret->is_some) free_list(ret->ptr, ret->len);
}
