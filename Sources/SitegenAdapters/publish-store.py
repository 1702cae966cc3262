#!/usr/bin/env python3
"""Publishes a built site into a directory-backed store: a wash key-value bucket or
blobstore container on disk (scripts/publish-kv.sh, scripts/publish-blobstore.sh).

    publish-store.py DIST_DIR DEST_DIR

wash 2.10's filesystem backends (`dev.wasi_keyvalue_path`, `dev.wasi_blobstore_path`)
keep one plain file per key/object: <root>/<bucket or container>/<key>, the file's bytes
being the value, with no metadata or index; a '/' in a key is a subdirectory. So the
store for a site is a copy of its dist tree, and DEST_DIR is <root>/<bucket>.

Mirrors DIST_DIR into DEST_DIR: the same file selection as embed-site.py (everything
except the top-level `server.wasm` and `components/`, and paths that are not UTF-8).
Changed files are written to a temporary file and renamed into place, so a running
server sees the old or the new bytes of a file, never a partial one; unchanged files
are left alone; files and directories DIST_DIR no longer has are removed afterwards.
Prints "N files (U written, R removed), B bytes".
"""
import filecmp
import os
import sys

EXCLUDED_TOP = {b"server.wasm", b"components"}
TMP_SUFFIX = b".sitegen-publish.tmp"


def collect(root: bytes):
    """{relative path (bytes, '/'-separated): absolute path} of the files to publish."""
    files = {}
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if rel_dir == b".":
            dirnames[:] = [d for d in dirnames if d not in EXCLUDED_TOP]
            filenames = [f for f in filenames if f not in EXCLUDED_TOP]
        for name in filenames:
            full = os.path.join(dirpath, name)
            if not os.path.isfile(full):
                continue
            rel = name if rel_dir == b"." else os.path.join(rel_dir, name)
            try:
                rel.decode("utf-8")
            except UnicodeDecodeError:
                print(f"publish-store: skipping {full!r}: path is not UTF-8", file=sys.stderr)
                continue
            files[rel] = full
    return files


def place(src: bytes, dest_root: bytes, rel: bytes) -> bool:
    """Copies src to dest_root/rel through a temporary file and a rename; False if it was equal."""
    dest = os.path.join(dest_root, rel)
    if os.path.isfile(dest) and not os.path.islink(dest) and filecmp.cmp(src, dest, shallow=False):
        return False
    parent = dest_root
    for seg in rel.split(b"/")[:-1]:
        parent = os.path.join(parent, seg)
        if os.path.lexists(parent) and not os.path.isdir(parent):
            os.remove(parent)   # a file where the new tree has a directory
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if os.path.isdir(dest) and not os.path.islink(dest):
        remove_tree(dest)   # a directory where the new tree has a file
    tmp = dest + TMP_SUFFIX
    with open(src, "rb") as fin, open(tmp, "wb") as fout:
        while True:
            chunk = fin.read(1 << 20)
            if not chunk:
                break
            fout.write(chunk)
    os.replace(tmp, dest)
    return True


def remove_tree(path: bytes):
    for dirpath, dirnames, filenames in os.walk(path, topdown=False):
        for f in filenames:
            os.remove(os.path.join(dirpath, f))
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                os.remove(full)
            else:
                os.rmdir(full)
    os.rmdir(path)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: publish-store.py DIST_DIR DEST_DIR")
    root, dest = (os.fsencode(a) for a in sys.argv[1:])
    if not os.path.isdir(root):
        sys.exit(f"publish-store: {sys.argv[1]} is not a directory")
    if os.path.realpath(dest) == os.path.realpath(root):
        sys.exit("publish-store: DEST_DIR is DIST_DIR")
    os.makedirs(dest, exist_ok=True)
    files = collect(root)

    written = total = 0
    for rel in sorted(files):
        src = files[rel]
        total += os.path.getsize(src)
        if place(src, dest, rel):
            written += 1

    removed = 0
    for dirpath, dirnames, filenames in os.walk(dest, topdown=False):
        rel_dir = os.path.relpath(dirpath, dest)
        for name in filenames:
            rel = name if rel_dir == b"." else os.path.join(rel_dir, name)
            if rel not in files:
                os.remove(os.path.join(dirpath, name))
                removed += 1
        if dirpath != dest and not os.listdir(dirpath):
            os.rmdir(dirpath)
    print(f"{len(files)} files ({written} written, {removed} removed), {total} bytes")


if __name__ == "__main__":
    main()
