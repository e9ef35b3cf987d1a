"""The package type-checks with mypy (configuration: [tool.mypy] in pyproject.toml).

Three tiers, so a failure says what is expected of the code it names:
- strict (`mypy --strict`): model, attention, score, feed, render and the top-level modules.
  Every function annotated, no implicit Any in generics (`dict[str, Any]`, not `dict`), no
  returning Any from a typed function (bind numpy/cv2 results to an annotated name first).
- editing/, cli.py, shelf.py, demo.py: every function body checked; annotations not yet required.
- ui/: as editing, and `None` is not tracked yet (widgets hold an optional document).
Tighten a module by moving it up a tier in pyproject.toml; never loosen one to pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIERS = __doc__.split("Three tiers", 1)[1].split("Tighten", 1)[0]


def test_mypy_clean() -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extras: pip install -e '.[test]'")
    res = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--no-pretty"],
        capture_output=True, text=True, cwd=ROOT,
    )
    if res.returncode != 0:
        errors = [line for line in res.stdout.splitlines() if ": error:" in line]
        shown = "\n".join(errors[:40]) or (res.stdout + res.stderr)[-4000:]
        more = f"\n... and {len(errors) - 40} more" if len(errors) > 40 else ""
        pytest.fail(
            f"mypy found {len(errors)} error(s) (run `.venv/bin/mypy` in the checkout to see them all).\n"
            f"What is checked{TIERS}\n{shown}{more}",
            pytrace=False,
        )
