#!/usr/bin/env bash
# Install what xhscover needs on a fresh Debian/Ubuntu machine: system libraries for Qt (offscreen and
# a real window under Xvfb; a compiler and cmake, with which the installer build compiles a slim OpenCV),
# then a virtual environment in .venv with the app, its test tools and PyInstaller (for the installers).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libfribidi0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth
  python3-venv binutils dpkg-dev desktop-file-utils appstream
  cmake ninja-build g++ python3-dev icu-devtools
  strace
)

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "bootstrap: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test,build]'
opencv_count=$(.venv/bin/python -m pip list 2>/dev/null | grep -ci '^opencv' || true)
if [ "$opencv_count" != "1" ]; then
  echo "bootstrap: expected exactly one OpenCV wheel, found $opencv_count" >&2
  .venv/bin/python -m pip list | grep -i opencv >&2
  exit 1
fi
echo "bootstrap: ready (.venv)"
