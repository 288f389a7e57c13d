#!/usr/bin/env bash
# Saleor 2.10.1's own upstream test suite against our .venv and compat layer.
# SALEOR_SRC: the release's source tree (repository saleor/saleor, tag 2.10.1); the wheel
# ships no tests. Its test tools come from the package index, installed apart from the
# lock: this cannot run without network (not in CI). Prints the counts; fails below
# PLATFORM_CHECK_MIN_PASSED passed tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
: "${SALEOR_SRC:?usage: make platform-check SALEOR_SRC=<saleor 2.10.1 source tree>}"
[ -f "$SALEOR_SRC/tests/settings.py" ] || { echo "no tests/settings.py in $SALEOR_SRC" >&2; exit 2; }
WORK=$ROOT/.data/platform-check
TOOLS=$WORK/tools
if ! cmp -s requirements/platform-check.txt "$TOOLS/.installed" 2>/dev/null; then
  rm -rf "$TOOLS"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    --target "$TOOLS" -r requirements/platform-check.txt
  cp requirements/platform-check.txt "$TOOLS/.installed"
fi
# The suite runs from a copy of its tests/ alone, so that `saleor` is the installed
# package (a source tree's saleor/ folder would shadow it).
rm -rf "$WORK/run" && mkdir -p "$WORK/run"
cp -r "$SALEOR_SRC/tests" "$WORK/run/tests"
cat > "$WORK/run/pytest.ini" <<'INI'
[pytest]
addopts = -p no:cacheprovider --vcr-record=none
markers =
    integration
filterwarnings =
    ignore::DeprecationWarning
    ignore::PendingDeprecationWarning
INI
cd "$WORK/run"
set +e
PYTHONPATH="$WORK/run:$ROOT:$TOOLS" DJANGO_SETTINGS_MODULE=saleor_config.settings_upstream \
  "$ROOT/.venv/bin/python" -m pytest tests -q -n "${PLATFORM_CHECK_WORKERS:-2}" \
  --junitxml="$WORK/junit.xml" -o junit_family=xunit1 ${PLATFORM_CHECK_ARGS:-}
set -e
"$ROOT/.venv/bin/python" - "$WORK/junit.xml" "${PLATFORM_CHECK_MIN_PASSED:-2894}" <<'PY'
import sys
import xml.etree.ElementTree as ET

suite = ET.parse(sys.argv[1]).getroot()
suite = suite.find("testsuite") if suite.tag == "testsuites" else suite
total, failed, errors, skipped = (
    int(suite.get(key, 0)) for key in ("tests", "failures", "errors", "skipped")
)
passed = total - failed - errors - skipped
print(f"platform-check: {passed} passed, {failed} failed, {skipped} skipped, {errors} errors")
sys.exit(0 if passed >= int(sys.argv[2]) else 1)
PY
