# The two commands of the README: `make demo` (the main job on the default store) and
# `make test` (every test). Both install the Debian packages they need first.
STORE ?= .artifacta

.PHONY: demo test test-swift test-python test-browser deps bench bench-quick test-bench

deps:
	@scripts/install-deps.sh

demo: deps
	swift build --product artifacta --product classification-example
	.build/debug/classification-example --store $(STORE)
	.build/debug/artifacta runs --store $(STORE)
	.build/debug/artifacta build --store $(STORE) --out artifacta-site

test: deps test-swift test-python test-browser

test-swift:
	swift build --build-tests
	swift test --skip-build

test-python:
	@if [ -d clients/python ]; then scripts/test-python.sh; else echo "no Python client yet"; fi

# Headless Chromium loads every page type of the example site (tests/browser).
test-browser:
	@scripts/install-deps.sh chromium chromium-driver
	swift build --product artifacta
	swift build --product classification-example
	scripts/test-browser.sh

# Artifacta beside MLflow, Trackio, matplotlib and plotly in one run (DESIGN.md §9): release
# builds, W1 and larger workloads, raw numbers in bench-out/results.json, tables in BENCHMARKS.md.
bench:
	scripts/bench.sh

# The same harness on small workloads (a minute or two); BENCHMARKS.md is left alone.
bench-quick:
	scripts/bench.sh --quick

# The harness's quick Artifacta-only path end to end (tests/bench); not part of `make test`.
test-bench:
	@if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
	.venv/bin/pip install -q --disable-pip-version-check pytest numpy "selenium>=4.11"
	.venv/bin/pip install -q --disable-pip-version-check -e clients/python
	.venv/bin/python -m pytest -q tests/bench
