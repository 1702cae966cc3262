#!/usr/bin/env python3
"""A stand-in CDN for the `cdn` adapter test: serves a directory over HTTP/1.1 on loopback
with single-range support (`python3 -m http.server` ignores Range).

    range_server.py ROOT [--prefix /base] [--no-range] [--port-file FILE] [--log FILE]

- GET/HEAD of PREFIX/<path>: the file, percent-decoded path; 404 for anything else (missing,
  a directory, outside PREFIX, a ".." segment).
- `Range: bytes=a-b` / `bytes=a-`: 206 with `Content-Range`; a start at or past the end: 416.
  Other range forms (suffix, several ranges) are ignored (200), as RFC 9110 allows.
- --no-range: ignore Range (always 200), like an origin without range support.
- Listens on 127.0.0.1, port 0 (the OS picks); writes the port to --port-file (else stdout).
- --log: appends "METHOD PATH RANGE STATUS" per request, for the test to inspect.
"""
import argparse
import http.server
import os
import re
import sys
import urllib.parse

RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--prefix", default="")
    ap.add_argument("--no-range", action="store_true")
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    args = ap.parse_args()
    root = os.path.realpath(args.root)
    prefix = args.prefix.rstrip("/")

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):   # quiet; --log has what the test needs
            pass

        def record(self, status):
            if args.log:
                with open(args.log, "a") as f:
                    f.write(f"{self.command} {self.path} {self.headers.get('Range', '-')} {status}\n")

        def send_empty(self, status, extra=()):
            self.send_response(status)
            for k, v in extra:
                self.send_header(k, v)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.record(status)

        def resolve(self):
            raw = self.path.split("?", 1)[0]
            if not raw.startswith(prefix + "/"):
                return None
            rel = urllib.parse.unquote(raw[len(prefix) + 1:], errors="strict")
            if not rel or any(seg == ".." for seg in rel.split("/")):
                return None
            full = os.path.realpath(os.path.join(root, rel))
            if not full.startswith(root + os.sep) or not os.path.isfile(full):
                return None
            return full

        def serve(self, with_body):
            try:
                full = self.resolve()
            except UnicodeDecodeError:
                full = None
            if full is None:
                return self.send_empty(404)
            size = os.path.getsize(full)
            start, end, status = 0, size - 1, 200
            m = RANGE.match(self.headers.get("Range", "")) if not args.no_range else None
            if m:
                start = int(m.group(1))
                end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
                if start >= size:
                    return self.send_empty(416, [("Content-Range", f"bytes */{size}")])
                if end < start:
                    start, end = 0, size - 1   # invalid range: ignore it
                else:
                    status = 206
            length = max(0, end - start + 1)
            self.send_response(status)
            self.send_header("Content-Length", str(length))
            self.send_header("Accept-Ranges", "none" if args.no_range else "bytes")
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            self.end_headers()
            self.record(status)
            if with_body and length:
                with open(full, "rb") as f:
                    f.seek(start)
                    left = length
                    while left:
                        chunk = f.read(min(left, 65536))
                        if not chunk:
                            break
                        self.wfile.write(chunk)
                        left -= len(chunk)

        def do_GET(self):
            self.serve(True)

        def do_HEAD(self):
            self.serve(False)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(f"{port}\n")
        os.replace(args.port_file + ".tmp", args.port_file)
    else:
        print(port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
