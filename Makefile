# The two commands of the README: `make demo` (the main job on the default store) and
# `make test` (every test). Both install the Debian packages they need first.
STORE ?= .artifacta

.PHONY: demo test test-swift test-python test-browser deps

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
