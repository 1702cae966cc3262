// `blobstore` adapter (world adapter-blobstore): serves assets from a
// wasi:blobstore@0.2.0-draft container. Object name = the asset path. Each read is one
// ranged `get-data(name, offset, offset + length - 1)` (inclusive end) consumed with
// `incoming-value-consume-sync`, so only the requested bytes cross the boundary. The
// container is looked up once per instance; its name is SG_BLOB_CONTAINER (set at build
// time by scripts/build-adapters.sh blobstore --container NAME; default "sitegen-assets").
//
// wash 2.10's filesystem blobstore cannot read an empty object with consume-sync (it reads
// one byte at [0, 0] and fails), and `get-data` accepts a directory (it only checks that the
// path exists). So when get-data succeeds but consume-sync fails, `object-info` decides:
// size 0 is an empty asset (some([])); anything else (a directory, an I/O error) is none.
// A length-0 read (existence probe) reads byte [0, 0] the same way.
#include "cabi.h"
#include "path.h"

#ifndef SG_BLOB_CONTAINER
#define SG_BLOB_CONTAINER "sitegen-assets"
#endif

// blobstore.get-container: func(name: container-name) -> result<container, error>
// [method]container.get-data: func(name, start: u64, end: u64) -> result<incoming-value, error>
// [static]incoming-value.incoming-value-consume-sync: func(this) -> result<list<u8>, error>
//   return areas (align 4): u8 is_err at +0; handle at +4, or list/string ptr +4, len +8
// [method]container.object-info: func(name) -> result<object-metadata, error>
//   align 8: u8 is_err at +0; ok: name +8/+12, container +16/+20, created-at +24, size +32;
//   err: string +8/+12
IMPORT("wasi:blobstore/blobstore@0.2.0-draft", "get-container")
void bs_get_container(const u8 *name, u32 name_len, void *ret);
IMPORT("wasi:blobstore/container@0.2.0-draft", "[method]container.get-data")
void bs_get_data(i32 self, const u8 *name, u32 name_len, u64 start, u64 end, void *ret);
IMPORT("wasi:blobstore/container@0.2.0-draft", "[method]container.object-info")
void bs_object_info(i32 self, const u8 *name, u32 name_len, void *ret);
IMPORT("wasi:blobstore/types@0.2.0-draft", "[static]incoming-value.incoming-value-consume-sync")
void bs_consume_sync(i32 value, void *ret);

typedef struct { u8 is_err; u8 *ptr; u32 len; } bs_result;   // ptr doubles as the handle
typedef struct {
    u8 is_err;
    struct { u8 *name; u32 name_len; u8 *container; u32 container_len; u64 created_at, size; } ok;
} bs_info;
_Static_assert(sizeof(bs_result) == 12, "result<handle or list, string>");
_Static_assert(__builtin_offsetof(bs_info, ok.container) == 16 && __builtin_offsetof(bs_info, ok.size) == 32,
               "result<object-metadata, string>");

static const char container_name[] = SG_BLOB_CONTAINER;
static i32 container = -1;

static int open_container(void) {
    if (container >= 0) return 1;
    bs_result r;
    bs_get_container((const u8 *)container_name, sizeof(container_name) - 1, &r);
    if (r.is_err) { free_list(r.ptr, r.len); return 0; }   // retried on the next read
    container = (i32)(size_t)r.ptr;
    return 1;
}

// object-info's verdict after a failed consume: 1 for an empty object, else 0.
static int is_empty_object(const u8 *path, u32 path_len) {
    bs_info info;
    bs_object_info(container, path, path_len, &info);
    if (info.is_err) { free_list(info.ok.name, info.ok.name_len); return 0; }   // error string
    free_list(info.ok.name, info.ok.name_len);
    free_list(info.ok.container, info.ok.container_len);
    return info.ok.size == 0;
}

static option_bytes ret_area;

EXPORT(ASSETS_READ)
option_bytes *assets_read(u8 *path, u32 path_len, u64 offset, u32 length) {
    ret_area.is_some = 0; ret_area.ptr = 0; ret_area.len = 0;
    if (!asset_path_ok(path, path_len) || !open_container()) goto done;

    u64 start = length ? offset : 0;
    u64 end = length ? offset + length - 1 : 0;
    if (end < start) end = ~0ull;   // offset + length overflowed u64: read to the end
    bs_result r;
    bs_get_data(container, path, path_len, start, end, &r);
    if (r.is_err) { free_list(r.ptr, r.len); goto done; }   // no such object
    bs_consume_sync((i32)(size_t)r.ptr, &r);                // consumes the incoming-value
    if (r.is_err) {
        free_list(r.ptr, r.len);
        if (is_empty_object(path, path_len)) ret_area.is_some = 1;   // some([])
        goto done;
    }
    ret_area.is_some = 1;
    if (length) {   // the host's list, freed in post-return (by pointer, so clamping is fine)
        ret_area.ptr = r.ptr;
        ret_area.len = r.len < length ? r.len : length;
    } else {
        free_list(r.ptr, r.len);   // probe: the byte is not wanted
    }
done:
    free_list(path, path_len);   // the caller's copy of `path` was allocated with cabi_realloc
    return &ret_area;
}

EXPORT(ASSETS_READ_POST)
void assets_read_post(option_bytes *ret) {
    if (ret->is_some) free_list(ret->ptr, ret->len);
}
