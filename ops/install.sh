#!/usr/bin/env bash
# Reproduce .venv from nothing: every package from the full lock, then Saleor itself.
# Saleor 2.10.1 declares Python 3.8 only and ranges that no longer resolve on 3.11,
# so it is installed without its declared dependencies (the lock provides them).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements/lock.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
  --ignore-requires-python saleor==2.10.1
# `typing` (an old backport that `prices` declares) breaks Python 3.11: it must never be there.
! .venv/bin/python -m pip show typing >/dev/null 2>&1 || .venv/bin/python -m pip uninstall -y -q typing
touch .venv/.installed
