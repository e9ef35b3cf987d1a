"""Autosave every minute and crash restore.

At start a session marker (JSON) is written to `<data dir>/autosave/`; autosaves go beside it. A clean
exit removes both. A marker left by a process that is no longer running means a crash: the next
start offers to restore its autosave.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from xhscover.editing.document import EditorDocument
from xhscover.editing.paths import user_data_dir
from xhscover.errors import XhsError
from xhscover.model.project import load_project, save_project

INTERVAL_MS = 60_000


def autosave_dir(data_dir: Path | None = None) -> Path:
    d = (data_dir or user_data_dir()) / "autosave"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return os.name != "nt"  # on Windows os.kill(pid, 0) is not a probe; assume dead
    return True


@dataclass
class Restore:
    marker: Path
    autosave: Path
    original: str | None
    saved_at: float

    def load(self, parent: QObject | None = None) -> EditorDocument:
        """The autosaved project, marked unsaved and pointing at the original file (if any)."""
        doc = EditorDocument(load_project(self.autosave), self.original, parent)
        doc.undo_stack.resetClean()
        return doc

    def discard(self) -> None:
        for p in (self.autosave, self.marker):
            try:
                p.unlink()
            except OSError:
                pass


def pending_restores(data_dir: Path | None = None) -> list[Restore]:
    """Autosaves left behind by sessions that did not exit cleanly (crashed or killed)."""
    out = []
    for marker in sorted(autosave_dir(data_dir).glob("session-*.json")):
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
            pid = int(info["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _pid_alive(pid):
            continue
        auto = info.get("autosave")
        if auto and Path(auto).is_file():
            out.append(Restore(marker, Path(auto), info.get("original"), float(info.get("saved_at", 0))))
        else:
            try:
                marker.unlink()  # crashed before anything worth keeping
            except OSError:
                pass
    return out


class Autosaver(QObject):
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, data_dir: Path | None = None, interval_ms: int = INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dir = autosave_dir(data_dir)
        token = uuid.uuid4().hex[:12]
        self.marker = self.dir / f"session-{token}.json"
        self.file = self.dir / f"session-{token}.xhscover"
        self.doc: EditorDocument | None = None
        self._saved_index: int | None = None
        self._has_file = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave_now)

    def start(self) -> None:
        self._write_marker(None)
        self.timer.start()

    def set_document(self, doc: EditorDocument | None) -> None:
        self.doc = doc
        self._saved_index = None
        self._remove(self.file)
        self._has_file = False
        self._write_marker(None)

    def _write_marker(self, saved_at: float | None) -> None:
        info = {
            "pid": os.getpid(),
            "started": time.time(),
            "original": str(self.doc.path) if self.doc and self.doc.path else None,
            "autosave": str(self.file) if self._has_file else None,
            "saved_at": saved_at or 0,
        }
        try:
            self.marker.write_text(json.dumps(info), encoding="utf-8")
        except OSError as exc:
            self.failed.emit(str(exc))

    def autosave_now(self) -> bool:
        """Save when there are unsaved changes not yet autosaved; never raises."""
        doc = self.doc
        if doc is None or not doc.is_modified():
            return False
        index = doc.undo_stack.index()
        if self._has_file and index == self._saved_index:
            return False
        try:
            save_project(doc.project, self.file)
        except (XhsError, OSError) as exc:
            self.failed.emit(str(exc))
            return False
        self._has_file = True
        self._saved_index = index
        self._write_marker(time.time())
        self.saved.emit(str(self.file))
        return True

    def finish_clean(self) -> None:
        """Clean exit: nothing to restore next time."""
        self.timer.stop()
        self._remove(self.file)
        self._remove(self.marker)

    @staticmethod
    def _remove(p: Path) -> None:
        try:
            p.unlink()
        except OSError:
            pass
