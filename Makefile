# The two commands in README.md are `make site` and `make test`; CI runs .ci/run (= make test).
# Recipes stay short: the logic lives in scripts/.
SHELL := /bin/bash
SITEGEN := .build/release/sitegen

.PHONY: setup site test wasm bench install tsan

# Installs missing Debian/PyPI tools; quiet and fast when everything is there.
setup:
	@scripts/setup.sh

# Builds the site at the repository root (sitegen's own docs) into dist/.
site: setup
	swift build -c release
	$(SITEGEN) build

# Native build and tests, the shared core as Embedded Swift under wasmtime, the asset
# adapters against a small C site under wasmtime serve, then
# `sitegen check` on the docs site (every internal link and anchor resolves), then a
# 200-page smoke run of the benchmark script so it cannot rot, then the threaded test
# targets under the thread sanitizer (`make tsan`; a second build, in .build-tsan).
test: setup
	swift build
	swift test
	scripts/wasm-test.sh
	mkdir -p Benchmarks/work && Tests/AdapterTests/run.sh 2> Benchmarks/work/adapter-test.log || { tail -40 Benchmarks/work/adapter-test.log; exit 1; }
	@echo "adapter tests: ok ($$(grep -c '^adapter-test: ok' Benchmarks/work/adapter-test.log) checks)"
	.build/debug/sitegen check
	mkdir -p Benchmarks/work && SMOKE=1 Benchmarks/run > Benchmarks/work/smoke.log 2>&1 || { tail -40 Benchmarks/work/smoke.log; exit 1; }
	@echo "benchmark smoke run: ok (Benchmarks/work/smoke/latest.md)"
	scripts/tsan.sh

# Only the Embedded wasm32 build of the shared core (SitegenHTML) into .wasm/.
wasm:
	scripts/build-wasm.sh

# Times a release build of the site.
bench: site
	mkdir -p Benchmarks/work
	hyperfine --warmup 1 --runs 10 --export-markdown Benchmarks/work/site-build.md '$(SITEGEN) build'

# Installs the binary into $(PREFIX)/bin and what it needs into $(PREFIX)/share/sitegen.
PREFIX ?= /usr/local
install: setup
	scripts/install.sh $(PREFIX)

# The test targets whose code runs threads (the build's parallel rendering, preview's server,
# guest pool and rebuilder) under the thread sanitizer; any report fails it. See scripts/tsan.sh.
tsan: setup
	scripts/tsan.sh
