"""The app's crash handler: an uncaught exception becomes a crash log and one dialog, not a dead app.

PySide6 hands an exception raised in a slot or event handler to `sys.excepthook` and carries on, so
the window usually survives the bug. The hook writes `crashes/crash-<time>.log` in the user data
folder (version, platform, the traceback, the last log lines: what the user just did), has the
autosaver save the open project at once, and shows one dialog saying where the log is and that the
work is in the autosave. Exceptions in worker threads come through `threading.excepthook` and are
shown from the GUI thread. While the dialog is open, or within a few seconds of the last one,
further crashes are logged but do not stack more dialogs (a failing paint would repeat forever).
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QObject, Signal, qVersion

from xhscover import __version__, logs
from xhscover.editing.paths import user_data_dir

log = logging.getLogger(__name__)
QUIET_S = 5.0  # no second dialog within this many seconds of the last one
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def crash_dir() -> Path:
    d = user_data_dir() / "crashes"
    d.mkdir(parents=True, exist_ok=True)
    return d


def crash_report(exc: ExcInfo, where: str = "main thread") -> str:
    """The text of a crash log: what ran, what failed, and what happened just before."""
    lines = [
        f"xhscover {__version__} crash log, {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}; Qt {qVersion()}, PySide6 {PYSIDE_VERSION}",
        f"in: {where}",
        "",
        "".join(traceback.format_exception(*exc)).rstrip(),
        "",
        "last log lines (oldest first):",
        *logs.recent(),
    ]
    return "\n".join(lines) + "\n"


def write_crash_log(exc: ExcInfo, where: str = "main thread") -> Path:
    """Write the crash log; the file name is unique per crash (second + a counter)."""
    folder = crash_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}.log"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"crash-{stamp}-{n}.log"
    path.write_text(crash_report(exc, where), encoding="utf-8")
    return path


class CrashHandler(QObject):
    """Installed once by the app (`install`); `handle` can also be called directly (tests)."""

    _from_thread = Signal(object, str)  # (exc info, thread name), delivered in the GUI thread

    def __init__(self, show: Callable[[Path, str], None], save_work: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show = show  # (log path, work state) -> shows the dialog
        self.save_work = save_work  # autosave now: "saved", "clean" (nothing unsaved) or "failed"
        self.crashes: list[Path] = []
        self._showing = False
        self._last_dialog = 0.0
        self._previous_hooks: tuple[Any, Any] | None = None
        self._from_thread.connect(self._thread_crash)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._threading_hook

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None

    def _excepthook(self, etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(etype, KeyboardInterrupt):  # Ctrl+C in the terminal that started the app
            sys.__excepthook__(etype, value, tb)
            return
        self.handle((etype, value, tb))

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "a worker thread"
        self._from_thread.emit((args.exc_type, args.exc_value, args.exc_traceback), name)

    def _thread_crash(self, exc: ExcInfo, name: str) -> None:
        self.handle(exc, f"thread {name}")

    def handle(self, exc: ExcInfo, where: str = "main thread") -> Path | None:
        """Log, write the crash log, autosave, and show the dialog unless one is up or just was."""
        try:
            path: Path | None = write_crash_log(exc, where)  # before logging it: the log quotes what came before
        except OSError as err:  # no crash log possible: the log file and stderr still have it
            log.error("could not write a crash log: %s", err)
            path = None
        log.error("uncaught exception in %s (crash log: %s)", where, path, exc_info=exc)
        if path is not None:
            self.crashes.append(path)
        try:
            state = self.save_work()
        except Exception as err:  # the document may be what broke: the crash log must still be shown
            log.error("autosave after the crash failed: %s", err, exc_info=True)
            state = "failed"
        now = time.monotonic()
        if self._showing or now - self._last_dialog < QUIET_S or path is None:
            return path
        self._showing = True
        try:
            self.show(path, state)
        finally:
            self._showing = False
            self._last_dialog = time.monotonic()
        return path
