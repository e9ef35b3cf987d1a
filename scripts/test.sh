#!/usr/bin/env bash
# Install everything (scripts/bootstrap.sh), then run the whole test suite, the slow `packaging`
# tests included (they build the Linux installers and run the frozen app).
# For the quick suite while developing: .venv/bin/python -m pytest -q
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m pytest -q -m "packaging or not packaging"
