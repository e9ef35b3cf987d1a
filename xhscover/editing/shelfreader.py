"""Reading screenshots for the app, off the UI thread: OCR takes a second or more per screenshot.

One worker thread reads the files in order and reports each step; the dialog shows the result
when all are read. Cancelling stops before the next file (a file being read finishes first).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from xhscover.shelfimport.reader import read_screenshot_files


class _Emitter(QObject):
    progress = Signal(int, int, str)
    done = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, paths: list[str], emitter: _Emitter, cancelled: threading.Event) -> None:
        super().__init__()
        self.paths, self.emitter, self.cancelled = paths, emitter, cancelled

    def run(self) -> None:
        total = len(self.paths)

        def step(i: int, name: str) -> bool:
            self.emitter.progress.emit(i, total, name)
            return not self.cancelled.is_set()

        try:
            readings, failed = read_screenshot_files(self.paths, keep_pixels=True, progress=step)
        except Exception as exc:  # a bug must reach the dialog as a message, not kill the thread silently
            self.emitter.done.emit([], {"": f"internal error: {type(exc).__name__}: {exc}"})
            return
        self.emitter.progress.emit(total, total, "")
        self.emitter.done.emit(readings, failed)


class ShelfReader(QObject):
    """Reads screenshots in a worker thread: `progress(done, total, file)`, then
    `finished(readings, failed)` on the UI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object, object)  # list[ShotReading], dict[file name, reason]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._emitter = _Emitter()
        self._emitter.progress.connect(self.progress)
        self._emitter.done.connect(self._done)
        self._cancelled = threading.Event()
        self.running = False
        self.readings: list[Any] = []
        self.failed: dict[str, str] = {}

    def start(self, paths: Sequence[str]) -> None:
        self._cancelled.clear()
        self.running = True
        self.pool.start(_Job([str(p) for p in paths], self._emitter, self._cancelled))

    def cancel(self) -> None:
        self._cancelled.set()

    def wait(self, ms: int = 60000) -> bool:
        return self.pool.waitForDone(ms)

    def _done(self, readings: list[Any], failed: dict[str, str]) -> None:
        self.running = False
        self.readings, self.failed = readings, failed
        self.finished.emit(readings, failed)
