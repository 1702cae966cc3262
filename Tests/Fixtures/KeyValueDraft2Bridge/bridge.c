// A test fixture (world keyvalue-draft2-bridge, ./wit): exports wasi:keyvalue@0.2.0-draft2,
// the draft Spin links, over the host's wasi:keyvalue@0.2.0-draft, the draft wasmtime and
// wash link. Composed into a `--host-profile spin` server.wasm, it lets a host that has no
// draft2 serve it, so the runtime's draft2 bindings move real bytes in the tests.
//
// Each exported bucket's rep is the draft bucket handle it wraps. Results whose layouts are
// the same in both drafts (open, get, set, delete, exists, increment) are passed through; only
// list-keys converts: draft2's cursor is an option<string>, the draft's an option<u64>,
// carried here as its decimal text.
#include "cabi.h"

#define D1_STORE "wasi:keyvalue/store@0.2.0-draft"
#define D1_ATOMICS "wasi:keyvalue/atomics@0.2.0-draft"
#define D2_STORE "wasi:keyvalue/store@0.2.0-draft2"
#define D2_ATOMICS "wasi:keyvalue/atomics@0.2.0-draft2"

// What the host gives (0.2.0-draft).
IMPORT(D1_STORE, "open") void d1_open(const u8 *name, u32 name_len, void *ret);
IMPORT(D1_STORE, "[method]bucket.get") void d1_get(i32 bucket, const u8 *key, u32 key_len, void *ret);
IMPORT(D1_STORE, "[method]bucket.set") void d1_set(i32 bucket, const u8 *key, u32 key_len, const u8 *value, u32 value_len, void *ret);
IMPORT(D1_STORE, "[method]bucket.delete") void d1_delete(i32 bucket, const u8 *key, u32 key_len, void *ret);
IMPORT(D1_STORE, "[method]bucket.exists") void d1_exists(i32 bucket, const u8 *key, u32 key_len, void *ret);
IMPORT(D1_STORE, "[method]bucket.list-keys") void d1_list_keys(i32 bucket, i32 has_cursor, u64 cursor, void *ret);
IMPORT(D1_STORE, "[resource-drop]bucket") void d1_drop(i32 bucket);
IMPORT(D1_ATOMICS, "increment") void d1_increment(i32 bucket, const u8 *key, u32 key_len, u64 delta, void *ret);

// The exported resource's handle table (canon resource.new).
IMPORT("[export]" D2_STORE, "[resource-new]bucket") i32 d2_bucket_new(i32 rep);

// result<T, error> with T at most 4-aligned (16 bytes): u8 is_err at +0; at +4 the ok payload
// (handle / option tag / bool, then list at +8/+12) or the error (tag, other's string at +8/+12).
typedef struct { u8 is_err; struct { u8 tag; u8 *ptr; u32 len; } v; } result4;
_Static_assert(sizeof(result4) == 16 && __builtin_offsetof(result4, v.ptr) == 8, "result<_, error> layout");
// result<u64/s64, error> (24 bytes, 8-aligned): u8 at +0, the number or the error at +8.
typedef struct { u8 is_err; union { u64 value; struct { u8 tag; u8 *ptr; u32 len; } error; } v; } result8;
_Static_assert(sizeof(result8) == 24 && __builtin_offsetof(result8, v) == 8, "result<u64, error> layout");
#define ERROR_OTHER 2

static result4 r4;
static result8 r8;

static void free_error(u8 is_err, u8 tag, u8 *ptr, u32 len) {
    if (is_err && tag == ERROR_OTHER) free_list(ptr, len);
}

// open: func(identifier: string) -> result<bucket, error>
EXPORT(D2_STORE "#open") result4 *d2_open(u8 *name, u32 name_len) {
    d1_open(name, name_len, &r4);
    free_list(name, name_len);
    if (!r4.is_err) *(i32 *)&r4.v = d2_bucket_new(*(i32 *)&r4.v);
    return &r4;
}
EXPORT("cabi_post_" D2_STORE "#open") void d2_open_post(result4 *r) { free_error(r->is_err, r->v.tag, r->v.ptr, r->v.len); }

// Drops the draft bucket when the site drops its draft2 bucket.
EXPORT(D2_STORE "#[dtor]bucket") void d2_bucket_dtor(i32 rep) { d1_drop(rep); }

// [method]bucket.get: func(key: string) -> result<option<list<u8>>, error>
EXPORT(D2_STORE "#[method]bucket.get") result4 *d2_get(i32 rep, u8 *key, u32 key_len) {
    d1_get(rep, key, key_len, &r4);
    free_list(key, key_len);
    return &r4;
}
EXPORT("cabi_post_" D2_STORE "#[method]bucket.get") void d2_get_post(result4 *r) {
    if (r->is_err) free_error(1, r->v.tag, r->v.ptr, r->v.len);
    else if (r->v.tag) free_list(r->v.ptr, r->v.len);
}

// [method]bucket.set: func(key: string, value: list<u8>) -> result<_, error>
EXPORT(D2_STORE "#[method]bucket.set") result4 *d2_set(i32 rep, u8 *key, u32 key_len, u8 *value, u32 value_len) {
    d1_set(rep, key, key_len, value, value_len, &r4);
    free_list(key, key_len);
    free_list(value, value_len);
    return &r4;
}
EXPORT("cabi_post_" D2_STORE "#[method]bucket.set") void d2_set_post(result4 *r) { free_error(r->is_err, r->v.tag, r->v.ptr, r->v.len); }

// [method]bucket.delete: func(key: string) -> result<_, error>
EXPORT(D2_STORE "#[method]bucket.delete") result4 *d2_delete(i32 rep, u8 *key, u32 key_len) {
    d1_delete(rep, key, key_len, &r4);
    free_list(key, key_len);
    return &r4;
}
EXPORT("cabi_post_" D2_STORE "#[method]bucket.delete") void d2_delete_post(result4 *r) { free_error(r->is_err, r->v.tag, r->v.ptr, r->v.len); }

// [method]bucket.exists: func(key: string) -> result<bool, error>
EXPORT(D2_STORE "#[method]bucket.exists") result4 *d2_exists(i32 rep, u8 *key, u32 key_len) {
    d1_exists(rep, key, key_len, &r4);
    free_list(key, key_len);
    return &r4;
}
EXPORT("cabi_post_" D2_STORE "#[method]bucket.exists") void d2_exists_post(result4 *r) { free_error(r->is_err, r->v.tag, r->v.ptr, r->v.len); }

// increment: func(bucket: borrow<bucket>, key: string, delta: s64) -> result<s64, error>
// The borrowed bucket arrives as its rep (the resource is this component's own).
EXPORT(D2_ATOMICS "#increment") result8 *d2_increment(i32 rep, u8 *key, u32 key_len, u64 delta) {
    d1_increment(rep, key, key_len, delta, &r8);
    free_list(key, key_len);
    return &r8;
}
EXPORT("cabi_post_" D2_ATOMICS "#increment") void d2_increment_post(result8 *r) {
    free_error(r->is_err, r->v.error.tag, r->v.error.ptr, r->v.error.len);
}

// list-keys. The draft's result (8-aligned): u8 at +0; keys at +8/+12; cursor tag +16, u64 +24;
// an error at +8. Draft2's (4-aligned): u8 at +0; keys at +4/+8; cursor tag +12, string
// +16/+20; an error at +4.
typedef struct { u8 *ptr; u32 len; } string;   // list<string> elements: the same 8 bytes in both drafts
typedef struct {
    u8 is_err;
    union {
        struct { string *keys; u32 count; u8 has_cursor; u64 cursor; } ok;
        struct { u8 tag; u8 *ptr; u32 len; } error;
    } v;
} d1_key_response;
_Static_assert(__builtin_offsetof(d1_key_response, v.ok.has_cursor) == 16 && __builtin_offsetof(d1_key_response, v.ok.cursor) == 24,
               "0.2.0-draft key-response layout");
typedef struct {
    u8 is_err;
    union {
        struct { string *keys; u32 count; u8 has_cursor; u8 *cursor; u32 cursor_len; } ok;
        struct { u8 tag; u8 *ptr; u32 len; } error;
    } v;
} d2_key_response;
_Static_assert(__builtin_offsetof(d2_key_response, v.ok.has_cursor) == 12 && __builtin_offsetof(d2_key_response, v.ok.cursor) == 16
               && sizeof(d2_key_response) == 24, "0.2.0-draft2 key-response layout");

static d2_key_response r_keys;

// [method]bucket.list-keys: func(cursor: option<string>) -> result<key-response, error>
EXPORT(D2_STORE "#[method]bucket.list-keys")
d2_key_response *d2_list_keys(i32 rep, i32 has_cursor, u8 *cursor, u32 cursor_len) {
    u64 position = 0;
    int valid = cursor_len > 0 && cursor_len <= 20;
    for (u32 i = 0; has_cursor && i < cursor_len; i++) {
        if (cursor[i] < '0' || cursor[i] > '9') valid = 0;
        else position = position * 10 + (u64)(cursor[i] - '0');
    }
    if (has_cursor) free_list(cursor, cursor_len);
    if (has_cursor && !valid) {
        static const char message[] = "sitegen test bridge: not a cursor of this store";
        r_keys.is_err = 1;
        r_keys.v.error.tag = ERROR_OTHER;
        r_keys.v.error.len = sizeof(message) - 1;
        r_keys.v.error.ptr = malloc(sizeof(message) - 1);
        __builtin_memcpy(r_keys.v.error.ptr, message, sizeof(message) - 1);
        return &r_keys;
    }
    d1_key_response d1;
    d1_list_keys(rep, has_cursor, position, &d1);
    r_keys.is_err = d1.is_err;
    if (d1.is_err) {
        r_keys.v.error.tag = d1.v.error.tag;
        r_keys.v.error.ptr = d1.v.error.ptr;
        r_keys.v.error.len = d1.v.error.len;
        return &r_keys;
    }
    r_keys.v.ok.keys = d1.v.ok.keys;
    r_keys.v.ok.count = d1.v.ok.count;
    r_keys.v.ok.has_cursor = d1.v.ok.has_cursor;
    r_keys.v.ok.cursor = 0;
    r_keys.v.ok.cursor_len = 0;
    if (d1.v.ok.has_cursor) {
        char digits[20];
        u32 n = 0;
        u64 value = d1.v.ok.cursor;
        do { digits[n++] = (char)('0' + value % 10); value /= 10; } while (value);
        r_keys.v.ok.cursor = malloc(n);
        for (u32 i = 0; i < n; i++) r_keys.v.ok.cursor[i] = (u8)digits[n - 1 - i];
        r_keys.v.ok.cursor_len = n;
    }
    return &r_keys;
}
EXPORT("cabi_post_" D2_STORE "#[method]bucket.list-keys") void d2_list_keys_post(d2_key_response *r) {
    if (r->is_err) { free_error(1, r->v.error.tag, r->v.error.ptr, r->v.error.len); return; }
    for (u32 i = 0; i < r->v.ok.count; i++) free_list(r->v.ok.keys[i].ptr, r->v.ok.keys[i].len);
    free_list(r->v.ok.keys, r->v.ok.count * sizeof(string));
    if (r->v.ok.has_cursor) free_list(r->v.ok.cursor, r->v.ok.cursor_len);
}
