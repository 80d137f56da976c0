# Peer Coach: build, test and benchmark. `make help` lists the targets.
# Each target first runs the part of scripts/setup.sh it needs; those steps
# are skipped in about a second when everything is installed.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# Targets run one after another, in the order written, even under `make -j`.
.NOTPARALLEL:

# npm's binaryen first: its wasm-opt is version 132, the one Trunk.toml pins
# (Debian's wasm-opt 108 produces a module that crashes in the browser).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk never downloads: it uses the PATH tools matching Trunk.toml's pins,
# runs cargo with --offline (setup's `cargo fetch` fills the cache) and skips
# its version check. (Global flag; `trunk --offline build` would misparse.)
export TRUNK_OFFLINE := true
export TRUNK_SKIP_VERSION_CHECK := true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# wasm-bindgen-test-runner (tests with `wasm_bindgen_test_configure!(run_in_browser)`)
# picks the WebDriver from $CHROMEDRIVER (else the first *driver on PATH) and
# adds headless, no-sandbox and disable-dev-shm-usage to the capabilities read
# from webdriver.json (the Chromium binary and our quiet-network flags).
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON ?= $(CURDIR)/webdriver.json
# Seconds per test binary (default 20); this machine has 2 slow cores.
export WASM_BINDGEN_TEST_TIMEOUT ?= 60

SETUP := scripts/setup.sh
# `make serve SERVE_PORT=8081` if 8080 is taken.
SERVE_PORT ?= 8080
WASM := --target wasm32-unknown-unknown

.PHONY: help setup serve build fmt-check lint test-native test-wasm test-e2e test bench fuzz clean

# How long `make fuzz` runs, in seconds.
FUZZ_SECONDS ?= 60

help:
	@echo 'make setup        install every tool (skips what is present)'
	@echo 'make serve        dev server with live reload at http://127.0.0.1:8080 (SERVE_PORT=...)'
	@echo 'make build        release build into dist/'
	@echo 'make fmt-check    cargo fmt --check'
	@echo 'make lint         clippy -D warnings, native and wasm32'
	@echo 'make test-native  cargo test (pure domain, natively)'
	@echo 'make test-wasm    wasm-bindgen tests in headless Chromium'
	@echo 'make test-e2e     release build + Playwright end-to-end tests'
	@echo 'make test         all of the above checks, in order (what CI runs)'
	@echo 'make bench        sizes, time to interactive, Lighthouse vs a bare counter, a keystroke'
	@echo '                  (BENCH_BEFORE=<dist of another build>: the keystroke there too)'
	@echo 'make fuzz         fuzz the share-link decoder (FUZZ_SECONDS=60)'
	@echo 'make clean        remove build outputs and reports'

setup:
	$(SETUP) all

# Dev build with live reload. It goes to dist-serve/, so a running `make serve`
# never overwrites the release dist/ that test-e2e and bench serve.
serve:
	$(SETUP) build
	trunk serve --address 127.0.0.1 --port $(SERVE_PORT) --dist dist-serve

build:
	$(SETUP) build
	trunk build --release

# rustfmt ships with the toolchain: nothing to set up.
fmt-check:
	cargo fmt --all --check

lint:
	$(SETUP) rust
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --all-targets -- -D warnings
	cargo clippy $(WASM) --features split --lib --bins -- -D warnings

test-native:
	$(SETUP) rust
	cargo test

# No debug info: the wasm test build is about a third of the size and time.
test-wasm:
	$(SETUP) wasm
	CARGO_PROFILE_DEV_DEBUG=0 cargo test $(WASM)

# Also a build for a project sub-path (as GitHub Pages serves a fork), which
# a journey opens under /peer-coach/ only.
test-e2e: build
	$(SETUP) test
	trunk build --release --public-url /peer-coach/ --dist dist-subpath
	npx playwright test
	tests/netns/run.sh dist

test: fmt-check lint test-native test-wasm build test-e2e

bench:
	$(SETUP) test
	scripts/bench.sh

fuzz:
	$(SETUP) fuzz
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	cargo clean
	rm -rf dist dist-serve dist-subpath bench/counter/dist bench/counter/target bench/report \
	  screenshots test-results playwright-report
