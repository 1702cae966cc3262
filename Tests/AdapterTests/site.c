// Test site component for the asset adapters (Tests/AdapterTests/run.sh). For each request it
// reads the asset named by the request path through `sitegen:site/assets@0.1.0#read` in
// 64 KiB chunks and streams it out: 200 with the bytes, 404 when `read` says none.
// "/" and ".../" map to index.html; the query is dropped; no percent-decoding.
// "/__exists/<path>" answers 200 "exists" or 404 from a length-0 read.
// Built with Sources/SitegenAdapters/cabi.c (cabi_realloc, _initialize) and wasi-libc's dlmalloc.
#include "cabi.h"

#define HTTP "wasi:http/types@0.2.0"
#define IO "wasi:io/streams@0.2.0"

IMPORT(HTTP, "[method]incoming-request.path-with-query") void req_path(i32 req, void *ret);
IMPORT(HTTP, "[resource-drop]incoming-request") void req_drop(i32 req);
IMPORT(HTTP, "[constructor]fields") i32 fields_new(void);
IMPORT(HTTP, "[constructor]outgoing-response") i32 resp_new(i32 headers);
IMPORT(HTTP, "[method]outgoing-response.set-status-code") i32 resp_set_status(i32 resp, i32 status);
IMPORT(HTTP, "[method]outgoing-response.body") void resp_body(i32 resp, void *ret);
IMPORT(HTTP, "[method]outgoing-body.write") void body_write(i32 body, void *ret);
IMPORT(HTTP, "[static]outgoing-body.finish") void body_finish(i32 body, i32 has_trailers, i32 trailers, void *ret);
IMPORT(HTTP, "[static]response-outparam.set")
void outparam_set(i32 param, i32 is_err, i32 resp, i32 a, u64 b, i32 c, i32 d, i32 e, i32 f);
IMPORT(IO, "[method]output-stream.check-write") void stream_check_write(i32 s, void *ret);
IMPORT(IO, "[method]output-stream.write") void stream_write(i32 s, const u8 *p, u32 n, void *ret);
IMPORT(IO, "[method]output-stream.blocking-flush") void stream_blocking_flush(i32 s, void *ret);
IMPORT(IO, "[method]output-stream.subscribe") i32 stream_subscribe(i32 s);
IMPORT(IO, "[resource-drop]output-stream") void stream_drop(i32 s);
IMPORT("wasi:io/poll@0.2.0", "[method]pollable.block") void pollable_block(i32 p);
IMPORT("wasi:io/poll@0.2.0", "[resource-drop]pollable") void pollable_drop(i32 p);
IMPORT("wasi:io/error@0.2.0", "[resource-drop]error") void error_drop(i32 e);

// The import under test: (path ptr, path len, offset, length, retptr); retptr gets
// u8 discriminant at +0, list ptr at +4, list len at +8 (list allocated with our cabi_realloc).
IMPORT("sitegen:site/assets@0.1.0", "read")
void assets_read(const u8 *path, u32 path_len, u64 offset, u32 length, option_bytes *ret);

#define CHUNK 65536u

typedef struct { u8 is_err; i32 value; } result_handle;   // result<own<T>> / result<own<T>, E>

// result<_, stream-error>: disc at +0; stream-error at +4 (u8 disc, then the error handle at +8)
typedef struct { u8 is_err; struct { u8 kind; i32 handle; } err; } write_result;
_Static_assert(__builtin_offsetof(write_result, err.handle) == 8, "write result layout");
// result<u64, stream-error>: disc at +0, u64 at +8 (or stream-error: u8 at +8, handle at +12)
typedef struct { u8 is_err; u64 value; } check_result;

static int failed(u8 is_err, u8 kind, i32 err) {   // drops last-operation-failed's error
    if (is_err && kind == 0) error_drop(err);
    return is_err;
}

// Writes all of p[0..n) with check-write / write, blocking on the stream's pollable when
// the host has no room. Returns 0 on success.
static int write_all(i32 s, const u8 *p, u32 n) {
    while (n) {
        check_result c;
        stream_check_write(s, &c);
        if (c.is_err) { u8 *raw = (u8 *)&c; return failed(1, raw[8], *(i32 *)(raw + 12)); }
        if (c.value == 0) {
            i32 pollable = stream_subscribe(s);
            pollable_block(pollable);
            pollable_drop(pollable);
            continue;
        }
        u32 k = c.value < n ? (u32)c.value : n;
        write_result w;
        stream_write(s, p, k, &w);
        if (failed(w.is_err, w.err.kind, w.err.handle)) return 1;
        p += k; n -= k;
    }
    return 0;
}

static int ends_with_slash(const u8 *s, u32 n) { return n == 0 || s[n - 1] == '/'; }

EXPORT("wasi:http/incoming-handler@0.2.0#handle")
void handle(i32 req, i32 outparam) {
    struct { u8 is_some; u8 *ptr; u32 len; } pq;
    req_path(req, &pq);
    req_drop(req);
    // "/a/b?q" -> "a/b"; "" or ".../" -> + "index.html"
    const u8 *raw = pq.is_some ? pq.ptr : (const u8 *)"";
    u32 n = pq.is_some ? pq.len : 0, start = 0, end = 0;
    if (n && raw[0] == '/') start = 1;
    end = start;
    while (end < n && raw[end] != '?' && raw[end] != '#') end++;
    static const char index[] = "index.html";
    u32 plen = end - start, extra = ends_with_slash(raw + start, plen) ? sizeof(index) - 1 : 0;
    u8 *path = malloc(plen + extra + 1);
    __builtin_memcpy(path, raw + start, plen);
    __builtin_memcpy(path + plen, index, extra);
    plen += extra;
    if (pq.is_some) free_list(pq.ptr, pq.len);

    // "/__exists/<path>": probes with length 0 (some([]) for an existing asset, no bytes copied)
    static const char probe[] = "__exists/";
    u32 skip = 0;
    if (plen >= sizeof(probe) - 1 && __builtin_memcmp(path, probe, sizeof(probe) - 1) == 0)
        skip = sizeof(probe) - 1;

    option_bytes chunk;
    assets_read(path + skip, plen - skip, 0, skip ? 0 : CHUNK, &chunk);
    if (skip && chunk.is_some) {
        static const char yes[] = "exists\n";
        free_list(chunk.ptr, chunk.len);
        chunk.ptr = (u8 *)yes; chunk.len = sizeof(yes) - 1;   // static: not freed below
    }

    i32 resp = resp_new(fields_new());
    if (!chunk.is_some) resp_set_status(resp, 404);
    result_handle r;
    resp_body(resp, &r);
    i32 body = r.value;
    body_write(body, &r);
    i32 out = r.value;
    outparam_set(outparam, 0, resp, 0, 0, 0, 0, 0, 0);

    if (!chunk.is_some) {
        static const char msg[] = "not found\n";
        write_all(out, (const u8 *)msg, sizeof(msg) - 1);
    } else {
        u64 offset = 0;
        for (;;) {
            int err = write_all(out, chunk.ptr, chunk.len);
            u32 got = chunk.len;
            if (skip) break;
            free_list(chunk.ptr, chunk.len);
            if (err || got < CHUNK) break;
            offset += got;
            assets_read(path, plen, offset, CHUNK, &chunk);
            if (!chunk.is_some) break;   // removed while we were reading
        }
    }
    free(path);
    write_result w;
    stream_blocking_flush(out, &w);
    failed(w.is_err, w.err.kind, w.err.handle);
    stream_drop(out);
    u64 fin[8];   // result<_, error-code>: 8-aligned; error-code payloads are at most 32 bytes
    body_finish(body, 0, 0, fin);
}
