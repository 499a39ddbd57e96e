# The two commands of the README: `make demo` (the main job on the default store) and
# `make test` (every test). Both install the Debian packages they need first.
STORE ?= .artifacta

.PHONY: demo test test-swift test-python test-autolog test-browser test-faults deps fuzz-short bench bench-quick test-bench

deps:
	@scripts/install-deps.sh

demo: deps
	swift build --product artifacta --product classification-example
	.build/debug/classification-example --store $(STORE)
	.build/debug/artifacta runs --store $(STORE)
	.build/debug/artifacta build --store $(STORE) --out artifacta-site

test: deps test-swift test-python test-autolog test-browser test-faults fuzz-short

test-swift:
	swift build --build-tests
	swift test --skip-build

test-python:
	@if [ -d clients/python ]; then scripts/test-python.sh; else echo "no Python client yet"; fi

# ds.autolog() with PyTorch Lightning and Keras installed (a separate, large venv).
test-autolog:
	scripts/test-autolog.sh

# Headless Chromium loads every page type of the example site (tests/browser).
test-browser:
	@scripts/install-deps.sh chromium chromium-driver
	swift build --product artifacta
	swift build --product classification-example
	scripts/test-browser.sh

# kill -9 of a writer, of the server and of a build at random moments, and a full disk (a
# small tmpfs: needs root, as CI has). ARTIFACTA_FAULT_TRIALS=100 for the long soak.
test-faults:
	@test -x .venv/bin/python || python3 -m venv .venv
	@.venv/bin/pip install -q --disable-pip-version-check pytest
	swift build --product artifacta --product artifacta-test-writer --product classification-example
	.venv/bin/python -m pytest -q tests/faults

# A short libFuzzer run of each target (wire decoders, Markdown and math, charts), 20 s each
# after building them with swiftc -sanitize=fuzzer,address (scripts/fuzz.sh).
fuzz-short:
	@for target in wire markdown charts; do \
		SWIFT_BACKTRACE=enable=no scripts/fuzz.sh $$target 20 > .build-fuzz-$$target.log 2>&1; status=$$?; \
		grep -E '^(compiling|fuzzing|Done)|ERROR|Fatal error|runtime failure|error:' .build-fuzz-$$target.log || true; \
		if [ $$status -ne 0 ]; then echo "fuzz-short: $$target failed (exit $$status); see .build-fuzz-$$target.log" >&2; exit 1; fi; \
	done

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
