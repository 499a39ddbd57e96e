#!/usr/bin/env bash
# Runs the browser tests (tests/browser): builds the example site and loads every page type in
# headless Chromium through chromedriver. Needs .build/debug/{artifacta,classification-example}
# (make test-browser builds them) and the Debian packages chromium and chromium-driver.
# Extra arguments go to pytest; ARTIFACTA_SCREENSHOTS=DIR also saves light and dark screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install -q --disable-pip-version-check pytest "selenium>=4.11"
.venv/bin/pip install -q --disable-pip-version-check -e clients/python
.venv/bin/python -m pytest -q tests/browser "$@"
