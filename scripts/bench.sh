#!/usr/bin/env bash
# The benchmark harness (DESIGN.md §9, BENCHMARKS.md): `make bench` runs it.
#   scripts/bench.sh [--quick] [--no-peers] [--out DIR]
# Builds the release executables (one job at a time: the machine is shared), creates
# .venv-bench with the peers (MLflow, Trackio, matplotlib, plotly) and Selenium, runs
# Benchmarks/bench.py (every measurement in its own process, raw numbers in
# bench-out/results.json, the results drawn by Artifacta in bench-out/site) and, unless
# --quick, writes its tables into BENCHMARKS.md with Benchmarks/report.py.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
peers=1
for argument in "$@"; do
    case "$argument" in
        --quick) quick=1 ;;
        --no-peers) peers=0 ;;
    esac
done

started=$(date +%s)
scripts/install-deps.sh chromium chromium-driver wrk

for product in artifacta artifacta-site-bench artifacta-bench artifacta-test-writer; do
    swift build -c release -j 1 --product "$product"
done

if [ ! -x .venv-bench/bin/python ]; then python3 -m venv .venv-bench; fi
packages=(numpy "selenium>=4.11")
if [ "$peers" = 1 ]; then packages+=(mlflow trackio matplotlib plotly); fi
.venv-bench/bin/pip install -q --disable-pip-version-check "${packages[@]}"
.venv-bench/bin/pip install -q --disable-pip-version-check -e clients/python

.venv-bench/bin/python Benchmarks/bench.py --bin .build/release "$@"
if [ "$quick" = 0 ]; then
    out=bench-out
    previous=""
    for argument in "$@"; do
        if [ "$previous" = "--out" ]; then out="$argument"; fi
        previous="$argument"
    done
    .venv-bench/bin/python Benchmarks/report.py "$out/results.json" BENCHMARKS.md
fi
echo "make bench: $(( $(date +%s) - started )) s in all (builds and installs included)" >&2
