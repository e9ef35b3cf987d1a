#!/usr/bin/env bash
# Build the Linux installers from a clean checkout: dist/xhscover-<v>-linux-<arch>.tar.xz and
# dist/xhscover_<v>_<arch>.deb. scripts/bootstrap.sh installs the system packages (Qt libraries, cmake
# and a compiler for the slim OpenCV, icu-devtools) and .venv; all options go to packaging/build.py
# (e.g. --skip-freeze, --no-smoke, --no-measure, --opencv wheel).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python packaging/build.py linux "$@"
