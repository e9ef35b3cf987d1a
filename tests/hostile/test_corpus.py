"""Every hostile case of issue 14 (tests/hostile/corpus.py) meets the real CLI and gets what it must:
one clear error line, a load, or a load that says what it skipped. None crashes, none takes more
than 20 CPU seconds, none peaks above 1.5 GB (tests/hostile/runner.py measures each in its own process).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_hostile_corpus(tmp_path: Path) -> None:
    report = tmp_path / "results.json"
    res = subprocess.run([sys.executable, "-m", "tests.hostile.runner", "--dir", str(tmp_path), "--json", str(report)],
                         cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert report.is_file(), res.stdout[-3000:] + res.stderr[-3000:]
    results = json.loads(report.read_text())
    assert len(results) >= 60
    failed = [f"{r['name']}: {r['why']} | {r['stderr'].strip()[-300:]}" for r in results if not r["ok"]]
    assert not failed, "\n".join(failed) + "\n\n" + res.stdout[-4000:]
    assert res.returncode == 0, res.stdout[-2000:]
