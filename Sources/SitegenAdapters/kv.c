// `kv` adapter (world adapter-kv): serves assets from a wasi:keyvalue@0.2.0-draft bucket.
// Key = the asset path (e.g. `posts/hello/index.html`), value = the file's bytes.
// The bucket is opened once per instance; its name is SG_KV_BUCKET (set at build time by
// scripts/build-adapters.sh kv --bucket NAME; default "sitegen-assets").
//
// `get` returns a whole value, but the site reads an asset in chunks (64 KiB), so the
// adapter keeps the value of the last `get` while a read sequence continues: a read of the
// same path at exactly the offset where the previous read ended is served from it. Any
// other read fetches again, and a short read (the end of the asset) drops it. Without
// this, a file of n chunks would be fetched n times (quadratic in its size).
#include "cabi.h"
#include "path.h"

#ifndef SG_KV_BUCKET
#define SG_KV_BUCKET "sitegen-assets"
#endif

#define KV "wasi:keyvalue/store@0.2.0-draft"

// open: func(identifier: string) -> result<bucket, error>
// [method]bucket.get: func(key: string) -> result<option<list<u8>>, error>
// [method]bucket.exists: func(key: string) -> result<bool, error>
// Return areas (align 4): u8 is_err at +0; payload at +4:
//   open ok: handle at +4;  get ok: option disc at +4, list ptr +8, len +12;  exists ok: bool at +4
//   err: variant error { no-such-store, access-denied, other(string) }: disc at +4, string +8/+12
IMPORT(KV, "open") void kv_open(const u8 *name, u32 name_len, void *ret);
IMPORT(KV, "[method]bucket.get") void kv_get(i32 bucket, const u8 *key, u32 key_len, void *ret);
IMPORT(KV, "[method]bucket.exists") void kv_exists(i32 bucket, const u8 *key, u32 key_len, void *ret);

typedef struct { u8 is_err; struct { u8 tag; u8 *ptr; u32 len; } v; } kv_result;
_Static_assert(__builtin_offsetof(kv_result, v.tag) == 4 && __builtin_offsetof(kv_result, v.ptr) == 8
               && sizeof(kv_result) == 16, "kv result layout");
#define KV_ERROR_OTHER 2

static void drop_error(kv_result *r) {   // frees other(string)
    if (r->is_err && r->v.tag == KV_ERROR_OTHER) free_list(r->v.ptr, r->v.len);
}

static const char bucket_name[] = SG_KV_BUCKET;
static i32 bucket = -1;

static int open_bucket(void) {
    if (bucket >= 0) return 1;
    kv_result r;
    kv_open((const u8 *)bucket_name, sizeof(bucket_name) - 1, &r);
    if (r.is_err) { drop_error(&r); return 0; }   // retried on the next read
    bucket = *(i32 *)&r.v;
    return 1;
}

// The value of the last `get` (see the top comment). Both buffers were allocated with our
// cabi_realloc (the path by the caller, the value by the host), so they are ours to free.
static u8 *c_path, *c_value;
static u32 c_path_len, c_value_len;
static u64 c_next;      // offset at which a continuing read starts
static int c_drop;      // set when a read hit the end: post-return drops the value

static void cache_clear(void) {
    free_list(c_path, c_path_len);
    free_list(c_value, c_value_len);
    c_path = c_value = 0;
    c_path_len = c_value_len = 0;
}

static option_bytes ret_area;

EXPORT(ASSETS_READ)
option_bytes *assets_read(u8 *path, u32 path_len, u64 offset, u32 length) {
    ret_area.is_some = 0; ret_area.ptr = 0; ret_area.len = 0;
    if (!asset_path_ok(path, path_len) || !open_bucket()) goto done;

    kv_result r;
    if (length == 0) {   // existence probe
        kv_exists(bucket, path, path_len, &r);
        if (r.is_err) drop_error(&r);
        else if (r.v.tag) ret_area.is_some = 1;   // some([]): ptr 0, len 0
        goto done;
    }
    if (c_path && c_path_len == path_len && offset == c_next
        && __builtin_memcmp(c_path, path, path_len) == 0) {
        free_list(path, path_len);
    } else {
        kv_get(bucket, path, path_len, &r);
        if (r.is_err || !r.v.tag) { drop_error(&r); goto done; }
        cache_clear();
        c_path = path; c_path_len = path_len;
        c_value = r.v.ptr; c_value_len = r.v.len;
    }
    u32 start = offset < c_value_len ? (u32)offset : c_value_len;
    u32 n = c_value_len - start;
    if (n > length) n = length;
    ret_area.is_some = 1; ret_area.ptr = c_value + start; ret_area.len = n;
    c_next = offset + n;
    c_drop = n < length;
    return &ret_area;   // `path` is now c_path (or was freed above)
done:
    free_list(path, path_len);   // the caller's copy of `path` was allocated with cabi_realloc
    return &ret_area;
}

EXPORT(ASSETS_READ_POST)
void assets_read_post(option_bytes *ret) {
    (void)ret;   // the list points into c_value, which stays until the next read...
    if (c_drop) { cache_clear(); c_drop = 0; }   // ...unless this read reached the end
}
