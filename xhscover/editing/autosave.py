"""Autosave every minute and crash restore.

At start a session marker (JSON) is written to `<data dir>/autosave/`; autosaves go beside it. A clean
exit removes both. A marker left by a process that is no longer running means a crash: the next
start offers to restore its autosave. Every crashed session is offered (several windows or several
crashes leave several), an autosave whose marker was never updated (killed between the two writes)
is still found, and temporary files of saves killed mid-write are removed on start.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from xhscover.editing.document import EditorDocument
from xhscover.editing.paths import user_data_dir
from xhscover.errors import XhsError
from xhscover.model.project import clean_stale_temps, load_project, pid_alive, save_project

INTERVAL_MS = 60_000
_SESSION = re.compile(r"^session-([0-9a-f]{12})\.(json|xhscover)$")
log = logging.getLogger(__name__)


def autosave_dir(data_dir: Path | None = None) -> Path:
    d = (data_dir or user_data_dir()) / "autosave"
    d.mkdir(parents=True, exist_ok=True)
    return d


@dataclass
class Restore:
    marker: Path | None  # None: an autosave whose marker is gone (it is offered all the same)
    autosave: Path
    original: str | None
    saved_at: float

    @property
    def name(self) -> str:
        """What the user knows the project by: its file name, or "" for a never-saved one."""
        return Path(self.original).name if self.original else ""

    @property
    def when(self) -> str:
        return datetime.fromtimestamp(self.saved_at).strftime("%Y-%m-%d %H:%M") if self.saved_at else ""

    def load(self, parent: QObject | None = None) -> EditorDocument:
        """The autosaved project, marked unsaved and pointing at the original file (if any)."""
        doc = EditorDocument(load_project(self.autosave), self.original, parent)
        doc.undo_stack.resetClean()
        return doc

    def keep(self, folder: Path) -> Path:
        """Move the autosave to `folder` as `<name> (recovered <time>).xhscover` and forget the
        session: a crashed project that is not opened now is kept as a file, never deleted."""
        folder.mkdir(parents=True, exist_ok=True)
        stem = Path(self.name).stem if self.name else "untitled"
        stamp = datetime.fromtimestamp(self.saved_at or time.time()).strftime("%Y%m%d-%H%M%S")
        target = folder / f"{stem} (recovered {stamp}).xhscover"
        n = 2
        while target.exists():
            target = folder / f"{stem} (recovered {stamp}) {n}.xhscover"
            n += 1
        shutil.copyfile(self.autosave, target)
        self.discard()
        return target

    def discard(self) -> None:
        for p in (self.autosave, self.marker):
            if p is None:
                continue
            try:
                p.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                log.warning("could not remove %s: %s", p, exc)


def recovered_dir(data_dir: Path | None = None) -> Path:
    """Where crashed projects that were not reopened are kept (listed in the recent files)."""
    return (data_dir or user_data_dir()) / "recovered"


def pending_restores(data_dir: Path | None = None) -> list[Restore]:
    """Autosaves left behind by sessions that did not exit cleanly (crashed or killed), newest first.

    A session still running (another window) is left alone. Temporary files of autosaves killed
    mid-write are removed; a marker whose session never autosaved is removed.
    """
    folder = autosave_dir(data_dir)
    clean_stale_temps(folder)
    sessions: dict[str, dict[str, Path]] = {}
    for path in folder.iterdir():
        m = _SESSION.match(path.name)
        if m:
            sessions.setdefault(m.group(1), {})[m.group(2)] = path
    out: list[Restore] = []
    for files in sessions.values():
        marker, auto = files.get("json"), files.get("xhscover")
        info: dict[str, object] = {}
        if marker is not None:
            try:
                loaded = json.loads(marker.read_text(encoding="utf-8"))
                info = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                info = {}
            pid = info.get("pid")
            if isinstance(pid, int) and pid_alive(pid):
                continue
        if auto is None:
            if marker is not None:
                Restore(marker, folder / "none", None, 0).discard()  # crashed before anything worth keeping
            continue
        original = info.get("original")
        saved_at = info.get("saved_at")
        try:
            when = float(saved_at) if isinstance(saved_at, (int, float)) and saved_at else auto.stat().st_mtime
        except OSError:
            continue
        out.append(Restore(marker, auto, original if isinstance(original, str) else None, when))
    return sorted(out, key=lambda r: -r.saved_at)


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

    def is_current(self) -> bool:
        """True when the autosave file holds the document as it is now (its unsaved work is safe)."""
        doc = self.doc
        return doc is not None and self._has_file and self._saved_index == doc.undo_stack.index()

    def finish_clean(self) -> None:
        """Clean exit: nothing to restore next time."""
        self.timer.stop()
        self._remove(self.file)
        self._remove(self.marker)

    @staticmethod
    def _remove(p: Path) -> None:
        try:
            p.unlink()
        except FileNotFoundError:
            pass  # nothing was autosaved yet
        except OSError as exc:
            log.warning("could not remove %s: %s", p, exc)
