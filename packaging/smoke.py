"""Smoke-run a frozen xhscover and fail on any error (qutebrowser-style: unexpected stderr fails too).

Runs, from an empty working directory with a throw-away HOME:
  1. `EXE --version`                    -> exit 0, prints "xhscover <version>", empty stderr
  2. `EXE demo --out DIR [--fast]`      -> exit 0, covers rendered; feed PNG / score report checked
                                           when the demo says it wrote them
  3. `EXE` (the GUI) offscreen          -> main window shown, quits by itself (XHSCOVER_QUIT_AFTER_MS),
                                           exit 0, no traceback, only allow-listed Qt chatter on stderr

    python packaging/smoke.py PATH/TO/xhscover[.exe|-cli.exe] [--fast] [--gui-exe PATH]

Exit status 1 and a list of problems when anything is off. Used by packaging/build.py, the CI
workflow on all three platforms and tests/packaging/test_frozen.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# stderr lines Qt prints in a headless run that say nothing about our app
ALLOWED_STDERR = [
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),  # offscreen platform
    re.compile(r"^This plugin does not support raise\(\)$"),
    re.compile(r"^QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to .*$"),
    re.compile(r"^QStandardPaths: runtime directory .* permissions .*$"),
    re.compile(r"^QStandardPaths: wrong permissions on runtime directory .*$"),
]
BAD_WORDS = re.compile(r"Traceback|Error|error:|Exception|Segmentation|core dumped|not found|cannot|Cannot")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"RIFF")


@dataclass
class Run:
    args: list[str]
    code: int
    out: str
    err: str
    seconds: float


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def check(self, ok: bool, message: str) -> bool:
        if not ok:
            self.problems.append(message)
        return ok


def clean_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """A user's environment: fresh HOME, no checkout on any path, no dev overrides."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "XHSCOVER_", "QT_", "VIRTUAL_ENV", "LD_"))}
    env.update({
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"), "XDG_STATE_HOME": str(home / ".local/state"),
        "APPDATA": str(home / "AppData/Roaming"), "LOCALAPPDATA": str(home / "AppData/Local"),
        "LANG": env.get("LANG", "C.UTF-8"),
    })
    env.update(extra or {})
    return env


def hiding_prefix(paths: list[Path]) -> list[str]:
    """Command prefix that runs a program with `paths` covered by empty tmpfs mounts (Linux, root or
    user namespaces): the frozen app must not need the checkout or ../shared. [] when impossible."""
    paths = [p for p in paths if p.is_dir()]
    if not paths or not sys.platform.startswith("linux") or not shutil.which("unshare"):
        return []
    script = 'for d in $XHS_HIDE; do mount -t tmpfs tmpfs "$d" || exit 97; done; exec "$@"'
    prefix = ["unshare", "-m", "--", "sh", "-c", script, "sh"]
    probe = subprocess.run([*prefix, "true"], env=dict(os.environ, XHS_HIDE=" ".join(map(str, paths))),
                           capture_output=True)
    return prefix if probe.returncode == 0 else []


PREFIX: list[str] = []  # set by smoke(hide=...)


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Run:
    t0 = time.perf_counter()
    proc = subprocess.run([*PREFIX, *args], cwd=cwd, env=env, capture_output=True, timeout=timeout,
                          encoding="utf-8", errors="replace")
    return Run(args, proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - t0)


def unexpected_stderr(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip() and not any(p.match(line) for p in ALLOWED_STDERR)]


def describe(r: Run) -> str:
    return f"`{' '.join(Path(a).name if i == 0 else a for i, a in enumerate(r.args))}` exit {r.code}\n" \
           f"--- stdout\n{r.out.strip()}\n--- stderr\n{r.err.strip()}"


def is_image(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(8)
    return path.stat().st_size > 100 and head.startswith(IMAGE_MAGIC)


def check_version(exe: Path, work: Path, env: dict[str, str], rep: Report, expected: str | None) -> None:
    r = run([str(exe), "--version"], work, env, 60)
    rep.notes.append(f"--version: {r.seconds:.2f} s")
    rep.check(r.code == 0, f"--version failed: {describe(r)}")
    if expected:
        rep.check(r.out.strip() == f"xhscover {expected}", f"--version printed {r.out.strip()!r}, expected 'xhscover {expected}'")
    rep.check(not unexpected_stderr(r.err), f"--version wrote to stderr: {describe(r)}")


def check_demo(exe: Path, work: Path, env: dict[str, str], rep: Report, fast: bool) -> None:
    out = work / "demo-out"
    args = [str(exe), "demo", "--out", str(out)] + (["--fast"] if fast else [])
    r = run(args, work, env, 900)
    rep.notes.append(f"demo{' --fast' if fast else ''}: {r.seconds:.1f} s")
    if not rep.check(r.code == 0 and not BAD_WORDS.search(r.err), f"demo failed: {describe(r)}"):
        return
    rep.check(not unexpected_stderr(r.err), f"demo wrote to stderr: {describe(r)}")
    files = [p for p in out.rglob("*") if p.is_file()]
    covers = [p for p in files if p.parent.name == "covers"]
    rep.check(len(covers) > 0, f"demo wrote no covers into {out}/covers: {describe(r)}")
    rep.check(all(is_image(p) for p in covers), "demo wrote a cover that is not a PNG/JPEG/WebP image")
    rep.check(all(p.stat().st_size > 0 for p in files), "demo wrote an empty file")
    text = r.out.lower()
    if "feed" in text:  # the shelf simulator has landed
        feeds = [p for p in files if "feed" in p.as_posix().lower() and p.suffix.lower() == ".png"]
        rep.check(bool(feeds) and all(is_image(p) for p in feeds), f"demo mentions a feed but wrote no feed PNG: {describe(r)}")
    if "score" in text or "report" in text:  # the attention report has landed
        reports = [p for p in files if p.suffix.lower() in (".html", ".json", ".csv") and
                   any(k in p.as_posix().lower() for k in ("score", "report"))]
        rep.check(bool(reports), f"demo mentions a score report but wrote none: {describe(r)}")
    rep.notes.append(f"demo files: {len(files)} ({len(covers)} covers)")


def check_gui(exe: Path, work: Path, env: dict[str, str], rep: Report, quit_ms: int) -> None:
    report = work / "startup.txt"
    genv = dict(env, QT_QPA_PLATFORM="offscreen", XHSCOVER_QUIT_AFTER_MS=str(quit_ms),
                XHSCOVER_STARTUP_REPORT=str(report))
    t0 = time.time()
    r = run([str(exe)], work, genv, 120)
    rep.check(r.code == 0, f"GUI run failed: {describe(r)}")
    rep.check(not BAD_WORDS.search(r.err) and not unexpected_stderr(r.err), f"GUI wrote unexpected stderr: {describe(r)}")
    if rep.check(report.is_file(), f"GUI never showed its main window: {describe(r)}"):
        shown = float(report.read_text().split()[1])
        rep.notes.append(f"GUI: main window shown {shown - t0:.2f} s after launch; run {r.seconds:.1f} s")


def smoke(exe: Path, *, gui_exe: Path | None = None, fast: bool = False, expected_version: str | None = None,
          quit_ms: int = 3000, gui: bool = True, hide: list[Path] | None = None) -> Report:
    """Run the three checks; `hide` lists folders (the checkout, ../shared) to make invisible."""
    global PREFIX
    rep = Report()
    hide = [p for p in hide or [] if p.is_dir()]
    PREFIX = hiding_prefix(hide)
    extra = {"XHS_HIDE": " ".join(str(p) for p in hide or [])} if PREFIX else {}
    if hide:
        rep.notes.append(f"hidden from the app: {', '.join(map(str, hide))}" if PREFIX
                         else "could not hide the checkout (no unshare/mount): ran with it visible")
    with tempfile.TemporaryDirectory(prefix="xhscover-smoke-") as tmp:
        work = Path(tmp) / "cwd"
        home = Path(tmp) / "home"
        work.mkdir()
        home.mkdir()
        env = clean_env(home, extra)
        check_version(exe, work, env, rep, expected_version)
        check_demo(exe, work, env, rep, fast)
        if gui:
            check_gui(gui_exe or exe, work, env, rep, quit_ms)
    return rep


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("exe", type=Path, help="the frozen CLI executable")
    p.add_argument("--gui-exe", type=Path, help="the GUI executable when it is a separate file (Windows)")
    p.add_argument("--fast", action="store_true", help="demo --fast")
    p.add_argument("--no-gui", action="store_true")
    p.add_argument("--hide", action="append", type=Path, default=[],
                   help="folder the app must not need (covered by an empty tmpfs when possible); repeatable")
    p.add_argument("--version", dest="expected", help="expected version (default: xhscover.__version__ when importable)")
    args = p.parse_args(argv)
    expected = args.expected
    if expected is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        try:
            from xhscover import __version__ as expected
        except ImportError:
            expected = None
    rep = smoke(args.exe.resolve(), gui_exe=args.gui_exe.resolve() if args.gui_exe else None, fast=args.fast,
                expected_version=expected, gui=not args.no_gui, hide=[h.resolve() for h in args.hide])
    for note in rep.notes:
        print(f"smoke: {note}")
    for problem in rep.problems:
        print(f"smoke: FAIL: {problem}", file=sys.stderr)
    print("smoke: OK" if not rep.problems else f"smoke: {len(rep.problems)} problem(s)")
    return 1 if rep.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
