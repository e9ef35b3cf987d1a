"""Nothing leaves the machine: the demo and a score open no internet socket and leave no telemetry.

Runs the real CLI under `strace -f -e trace=connect,openat` with a fresh HOME and fails on any
AF_INET/AF_INET6 connect (a DNS lookup is one: ONNX Runtime's telemetry resolved its collector
during `xhscover demo` before it was switched off) and on any file ONNX Runtime's telemetry writes
(`~/.cache/Microsoft/DeveloperTools/.onnxruntime/`). strace is installed by scripts/bootstrap.sh.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

INET = re.compile(r"connect\(.*sa_family=AF_INET6?\b")


def _traced(args: list[str], home: Path, log: Path) -> subprocess.CompletedProcess[str]:
    strace = shutil.which("strace")
    if strace is None:
        pytest.fail("strace is missing; scripts/bootstrap.sh installs it (apt-get install strace)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "XHSCOVER_", "ORT_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    cmd = [strace, "-f", "-qq", "-e", "trace=connect,openat", "-o", str(log),
           sys.executable, "-m", "xhscover", *args]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)


def _check(log: Path, home: Path) -> None:
    trace = log.read_text(errors="replace")
    assert "onnxruntime" in trace, "ONNX Runtime was never loaded: this run proves nothing about its telemetry"
    connects = [line for line in trace.splitlines() if INET.search(line)]
    assert not connects, "internet sockets opened:\n" + "\n".join(connects[:10])
    telemetry = [p for p in home.rglob("*") if p.is_file() and ("Microsoft" in p.parts or "onnxruntime" in p.name)]
    assert not telemetry, f"telemetry files written: {telemetry}"


def test_demo_and_score_open_no_internet_socket(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "demo"
    res = _traced(["demo", "--fast", "--out", str(out)], home, tmp_path / "demo.strace")
    assert res.returncode == 0, res.stderr[-2000:]
    _check(tmp_path / "demo.strace", home)

    cover = next((out / "covers").glob("*.jpg"))
    res = _traced(["score", "--mine", str(cover), "--placements", "2"], home, tmp_path / "score.strace")
    assert res.returncode == 0, res.stderr[-2000:]
    _check(tmp_path / "score.strace", home)
