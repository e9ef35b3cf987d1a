"""Small pictures of saved projects for the start page's recent list, cached on disk.

A thumbnail is the project's first cover drawn by the renderer, keyed by the file's path, size and
modification time, so a project changed elsewhere (the CLI, another copy of the app) is redrawn.
The app writes the thumbnail when it saves, so the usual case never loads a project just to draw it.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtGui import QImage

from xhscover.editing import rendering
from xhscover.editing.paths import user_data_dir
from xhscover.model.project import Project, load_project

log = logging.getLogger(__name__)
THUMB_W = 96  # pixels wide; the height follows the cover's ratio
VERSION = 1


def cache_file(project_path: str | Path) -> Path:
    """Where the thumbnail of the file as it is now would be cached (OSError if it cannot be read)."""
    p = Path(project_path).resolve()
    st = p.stat()
    key = f"{p}|{st.st_size}|{st.st_mtime_ns}|{THUMB_W}|v{VERSION}"
    folder = user_data_dir() / "thumbs" / "projects"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / (hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + ".png")


def draw(project: Project) -> QImage:
    cover = project.covers[0]
    return rendering.render(cover, project.images, scale=THUMB_W / cover.width)


def remember(project: Project, path: str | Path) -> None:
    """After a save: cache the thumbnail of the file just written (a failure only costs a redraw later)."""
    try:
        target = cache_file(path)
        if not draw(project).save(str(target), None):  # PNG, from the suffix
            log.warning("could not write the thumbnail %s", target)
    except OSError as exc:
        log.warning("no thumbnail for %s: %s", path, exc)


def cached(path: str | Path) -> QImage | None:
    """The cached thumbnail of the file as it is now, or None (not cached yet, or the file is gone)."""
    try:
        f = cache_file(path)
    except OSError:
        return None
    img = QImage(str(f)) if f.exists() else QImage()
    return None if img.isNull() else img


def thumbnail(path: str | Path) -> QImage:
    """The cached thumbnail, else load the project, draw and cache it. Raises ProjectError (and the
    other XhsErrors of loading) for a file that is gone or cannot be opened."""
    img = cached(path)
    if img is not None:
        return img
    img = draw(load_project(path))
    target = cache_file(path)
    if not img.save(str(target), None):  # PNG, from the suffix
        log.warning("could not write the thumbnail %s", target)
    return img
