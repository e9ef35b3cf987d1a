"""Entry script of the frozen app (PyInstaller). Same behaviour as the `xhscover` console script, plus:

- a bare file argument (`xhscover cover.xhscover`, what file managers and the Windows shell pass)
  becomes `xhscover open cover.xhscover`;
- the windowed Windows exe has no stdout/stderr: point them at os.devnull so a stray print()
  cannot kill the app;
- smoke-test and start-up hooks for the GUI (used by CI and packaging/measure.py):
    XHSCOVER_QUIT_AFTER_MS=N        quit the event loop N ms after it starts
    XHSCOVER_STARTUP_REPORT=PATH    write "shown <unix time>" when the main window is first shown
"""

from __future__ import annotations

import argparse
import os
import sys
import time

# imported here and not only inside cli.main so PyInstaller sees every package the app needs
import xhscover.cli


def _fix_std_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _commands() -> set[str]:
    for action in xhscover.cli.build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _normalise_argv(argv: list[str]) -> list[str]:
    if len(argv) == 1 and not argv[0].startswith("-") and os.path.isfile(argv[0]) and argv[0] not in _commands():
        return ["open", argv[0]]
    return argv


def _install_gui_hooks() -> None:
    """Create the QApplication early (run_app reuses it) and attach the quit timer / show probe."""
    quit_ms = os.environ.get("XHSCOVER_QUIT_AFTER_MS")
    report = os.environ.get("XHSCOVER_STARTUP_REPORT")
    if not quit_ms and not report:
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class ShowProbe(QObject):
        done = False

        def eventFilter(self, obj, event):
            if not self.done and event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
                self.done = True
                with open(report, "w", encoding="utf-8") as fh:
                    fh.write(f"shown {time.time():.6f}\n")
            return False

    if report:
        probe = ShowProbe(app)
        app.installEventFilter(probe)
    if quit_ms:
        QTimer.singleShot(int(quit_ms), app.quit)


def main() -> int:
    _fix_std_streams()
    argv = _normalise_argv(sys.argv[1:])
    if not argv or argv[0] == "open":
        _install_gui_hooks()
    return xhscover.cli.main(argv)


if __name__ == "__main__":
    sys.exit(main())
