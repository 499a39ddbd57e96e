#!/usr/bin/env bash
# Runs the Python client's tests in a virtual environment (.venv), installing pytest and numpy there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install -q --disable-pip-version-check pytest numpy
.venv/bin/pip install -q --disable-pip-version-check -e clients/python
.venv/bin/python -m pytest -q clients/python/tests
