// `filesystem` adapter (world adapter-filesystem): serves assets from a preopened directory,
// e.g. `wasmtime serve -S cli --dir dist::/site`. Uses the preopen named "/site", else the first.
// Nothing is cached per path: every `read` is open-at + read + drop.
#include "cabi.h"
#include "path.h"

#define FS "wasi:filesystem/types@0.2.0"

// get-directories: func() -> list<tuple<descriptor, string>>
//   retptr: list ptr at +0, len at +4; element = { i32 handle, string ptr, string len } (12 bytes)
IMPORT("wasi:filesystem/preopens@0.2.0", "get-directories") void fs_get_directories(void *ret);
// [method]descriptor.open-at(self, path-flags, path ptr, path len, open-flags, descriptor-flags, retptr)
//   result<descriptor, error-code>: u8 disc at +0; handle (ok) or u8 error-code (err) at +4
IMPORT(FS, "[method]descriptor.open-at")
void fs_open_at(i32 self, i32 path_flags, const u8 *path, u32 path_len, i32 open_flags, i32 flags, void *ret);
// [method]descriptor.read(self, length: u64, offset: u64, retptr)
//   result<tuple<list<u8>, bool>, error-code>: u8 disc at +0; ok: list ptr +4, len +8, u8 eof +12
IMPORT(FS, "[method]descriptor.read") void fs_read(i32 self, u64 length, u64 offset, void *ret);
IMPORT(FS, "[resource-drop]descriptor") void fs_drop(i32 handle);

#define DESCRIPTOR_FLAGS_READ 1

typedef struct { i32 handle; const u8 *name; u32 name_len; } preopen;
typedef struct { u8 *ptr; u32 len; } list;
typedef struct { u8 is_err; i32 handle; } open_result;                 // err code in low byte of handle
typedef struct { u8 is_err; u8 *ptr; u32 len; u8 eof; } read_result;   // err code in low byte of ptr
_Static_assert(sizeof(preopen) == 12, "tuple<descriptor, string>");
_Static_assert(sizeof(read_result) == 16 && __builtin_offsetof(read_result, eof) == 12, "read result");

static int initialized;
static i32 root = -1;

static int is_site_name(const u8 *s, u32 n) {
    return n == 5 && s[0] == '/' && s[1] == 's' && s[2] == 'i' && s[3] == 't' && s[4] == 'e';
}

static void find_root(void) {
    initialized = 1;
    list dirs;
    fs_get_directories(&dirs);
    preopen *p = (preopen *)dirs.ptr;
    u32 pick = 0;
    for (u32 i = 0; i < dirs.len; i++)
        if (is_site_name(p[i].name, p[i].name_len)) { pick = i; break; }
    for (u32 i = 0; i < dirs.len; i++) {
        if (i == pick) root = p[i].handle; else fs_drop(p[i].handle);
        free_list((void *)p[i].name, p[i].name_len);
    }
    free_list(dirs.ptr, dirs.len * sizeof(preopen));
}

// Paths are checked by asset_path_ok (path.h) as defence in depth: the site component
// checks too, and wasi:filesystem confines open-at to the preopen.

static option_bytes ret_area;

EXPORT(ASSETS_READ)
option_bytes *assets_read(u8 *path, u32 path_len, u64 offset, u32 length) {
    ret_area.is_some = 0; ret_area.ptr = 0; ret_area.len = 0;
    if (!initialized) find_root();
    if (root < 0 || !asset_path_ok(path, path_len)) goto done;

    open_result o;
    fs_open_at(root, 0, path, path_len, 0, DESCRIPTOR_FLAGS_READ, &o);
    if (o.is_err) goto done;

    read_result r;
    fs_read(o.handle, length, offset, &r);
    if (r.is_err) { fs_drop(o.handle); goto done; }   // e.g. is-directory: no such asset
    u8 *buf = r.ptr; u32 got = r.len;
    // pread semantics: a read may come back short without being at the end. wasmtime reports
    // eof only on a 0-byte read, so a short read costs one more call to confirm the end.
    while (got < length && !r.eof && r.len > 0) {
        fs_read(o.handle, length - got, offset + got, &r);
        if (r.is_err) { free_list(buf, got); fs_drop(o.handle); goto done; }
        if (r.len) {   // got > 0 here: the loop runs only after a non-empty read
            u8 *grown = realloc(buf, (size_t)got + r.len);
            if (!grown) __builtin_trap();
            __builtin_memcpy(grown + got, r.ptr, r.len);
            free(r.ptr);
            buf = grown; got += r.len;
        }
    }
    fs_drop(o.handle);
    ret_area.is_some = 1; ret_area.ptr = buf; ret_area.len = got;
done:
    free_list(path, path_len);   // the caller's copy of `path` was allocated with cabi_realloc
    return &ret_area;
}

EXPORT(ASSETS_READ_POST)
void assets_read_post(option_bytes *ret) {
    if (ret->is_some) free_list(ret->ptr, ret->len);
}
