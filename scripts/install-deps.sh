#!/usr/bin/env bash
# Installs the Debian packages Artifacta builds and tests with, when they are missing.
# Usage: scripts/install-deps.sh [extra-package …]
set -euo pipefail

packages=(libsqlite3-dev sqlite3 libcmark-gfm-dev libcmark-gfm-extensions-dev "$@")
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ! python3 -m venv --help >/dev/null 2>&1; then missing+=(python3-venv); fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
