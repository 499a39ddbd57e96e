#!/usr/bin/env bash
# ds.autolog() against the real frameworks: PyTorch Lightning and Keras (tensorflow-cpu) from
# PyPI in their own virtual environment (.venv-autolog, several GB: PyPI's PyTorch brings its
# CUDA libraries). Each framework runs in its own pytest process: PyTorch and TensorFlow
# cannot be imported into one process (both bundle LLVM).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-autolog/bin/python ]; then python3 -m venv .venv-autolog; fi
.venv-autolog/bin/pip install -q --disable-pip-version-check pytest pytorch-lightning tensorflow-cpu
.venv-autolog/bin/pip install -q --disable-pip-version-check -e clients/python
export TF_CPP_MIN_LOG_LEVEL=3
# Here the frameworks are installed: a test that cannot import one fails rather than skips.
export ARTIFACTA_FRAMEWORKS_REQUIRED=1
run() { .venv-autolog/bin/python -m pytest -q -p no:cacheprovider "$@"; }
run clients/python/tests/test_autolog.py -k "lightning or before_the_import"
run clients/python/tests/test_autolog.py -k "keras or turned_off"
# The guide's autolog snippets, verbatim (each framework in a child process).
run clients/python/tests/test_guide.py -k autolog
