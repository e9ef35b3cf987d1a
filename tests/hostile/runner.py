"""Run the hostile corpus through the real CLI, one forked process per case, and measure each.

A driver process imports the app once, then forks a child per case that runs `xhscover.cli.main`
on the case's arguments (so Qt, fonts and the renderer start in the child, as in a real run). The
driver waits and reads the child's peak memory and CPU time from the kernel (wait4's rusage), its
exit status or the signal that killed it. The time limit is on CPU seconds, so six engineers
sharing two cores do not turn a slow case into a "hang"; a wall-clock limit kills a true one.

    python -m tests.hostile.runner [--table] [--only NAME]   # builds the corpus in a temp folder
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tests.hostile.corpus import Case, build

CPU_LIMIT = 20.0  # CPU seconds (user + system): past this a case counts as a hang
TIME_LIMIT = 120.0  # wall seconds: a child still running then is killed (a hang on any machine)
MEMORY_LIMIT_MB = 1536


@dataclass
class Result:
    name: str
    group: str
    expect: str
    outcome: str  # clean-error, loaded, warned, skipped, internal-error, crash, hang
    exit: int | None
    signal: int | None
    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    stderr: str
    stdout: str
    ok: bool
    why: str = ""


def _child(case: Case, out: Path, err: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    fd_out = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    fd_err = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd_out, 1)
    os.dup2(fd_err, 2)
    code = 1
    try:
        from xhscover.cli import main

        code = main(list(case.argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _classify(case: Case, status: int | None, sig: int | None, hung: bool, stdout: str, stderr: str) -> tuple[str, bool, str]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    said = stdout + stderr
    if hung:
        outcome = "hang"
    elif sig is not None:
        outcome = "crash"
    elif status == 0:
        outcome = "warned" if ("warning" in said and case.says and case.says in said) else "loaded"
    elif status == 2 and lines and lines[-1].startswith("xhscover: error:") and "Traceback" not in stderr:
        outcome = "clean-error"
    elif status == 2 and any(line.startswith("xhscover: skipped") for line in lines) and "Traceback" not in stderr:
        outcome = "skipped"
    else:
        outcome = "internal-error"
    wanted = {"error": {"clean-error"}, "loaded": {"loaded", "warned"}, "warned": {"warned"},
              "skipped": {"skipped"}, "error|loaded": {"clean-error", "loaded", "warned"}}[case.expect]
    if outcome not in wanted:
        return outcome, False, f"expected {case.expect}, got {outcome}"
    if case.says and case.says not in said:
        return outcome, False, f"output does not say {case.says!r}"
    if outcome == "clean-error" and len([x for x in lines if x.startswith("xhscover: error:")]) != 1:
        return outcome, False, "more than one error line"
    return outcome, True, ""


def _start(case: Case, work: Path) -> tuple[int, float, Path, Path]:
    out, err = work / f"{case.name}.out", work / f"{case.name}.err"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        _child(case, out, err)
    return pid, time.monotonic(), out, err


def _finish(case: Case, started: float, status: int, usage: Any, hung: bool, out: Path, err: Path) -> Result:
    seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    sig = -code if code < 0 and not hung else None
    stdout = out.read_text(errors="replace") if out.exists() else ""
    stderr = err.read_text(errors="replace") if err.exists() else ""
    outcome, ok, why = _classify(case, code if code >= 0 else None, sig, hung, stdout, stderr)
    rss = usage.ru_maxrss / 1024  # KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    if ok and rss > MEMORY_LIMIT_MB:
        ok, why = False, f"peak memory {rss:.0f} MB is over {MEMORY_LIMIT_MB} MB"
    if ok and cpu > CPU_LIMIT:
        outcome, ok, why = "hang", False, f"{cpu:.1f} CPU seconds is over {CPU_LIMIT:.0f}"
    return Result(case.name, case.group, case.expect, outcome, code if code >= 0 else None, sig, round(seconds, 2),
                  round(cpu, 2), round(rss, 1), stderr[-600:], stdout[-300:], ok, why)


def run_all(cases: list[Case], work: Path, *, jobs: int = 2, time_limit: float = TIME_LIMIT) -> list[Result]:
    """Run every case, `jobs` at a time (one per core: each gets the CPU a real run would)."""
    # import what every case needs once, before forking (Qt itself starts in each child)
    import numpy  # noqa: F401
    import PIL.Image  # noqa: F401

    import xhscover.cli
    import xhscover.model.project  # noqa: F401

    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Result] = {}
    pending = list(cases)
    running: dict[int, tuple[Case, float, Path, Path]] = {}
    while pending or running:
        while pending and len(running) < jobs:
            case = pending.pop(0)
            pid, started, out, err = _start(case, work)
            running[pid] = (case, started, out, err)
        time.sleep(0.02)
        for pid, (case, started, out, err) in list(running.items()):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            hung = False
            if not done and time.monotonic() - started > time_limit:
                hung = True
                os.kill(pid, signal.SIGKILL)
                done, status, usage = os.wait4(pid, 0)
            if done:
                del running[pid]
                results[case.name] = _finish(case, started, status, usage, hung, out, err)
    return [results[c.name] for c in cases]


def table(results: list[Result]) -> str:
    rows = ["| case | group | expected | outcome | CPU s | wall s | max MB |", "|---|---|---|---|---|---|---|"]
    for r in results:
        mark = "" if r.ok else " **FAIL**"
        rows.append(f"| {r.name} | {r.group} | {r.expect} | {r.outcome}{mark} | {r.cpu_seconds:.1f} | {r.seconds:.1f} "
                    f"| {r.max_rss_mb:.0f} |")
    counts: dict[str, int] = {}
    for r in results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    peak = max((r.max_rss_mb for r in results), default=0.0)
    rows.append(f"\n{len(results)} tried: {summary}; max memory {peak:.0f} MB; "
                f"most CPU {max((r.cpu_seconds for r in results), default=0):.1f} s")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", action="store_true")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--only", action="append")
    ap.add_argument("--dir", help="build the corpus here (default: a temp folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.dir) if args.dir else Path(tmp)
        cases = build(root / "corpus")
        if args.only:
            cases = [c for c in cases if any(o in c.name for o in args.only)]
        results = run_all(cases, root / "work")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1))
    print(table(results))
    for r in results:
        if not r.ok:
            print(f"\nFAIL {r.name}: {r.why}\n  stderr: {r.stderr.strip()[-400:]}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
