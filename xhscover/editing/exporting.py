"""Export covers (one or all variants) as PNG or JPEG files, named after project and variant."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from xhscover.editing import rendering
from xhscover.errors import XhsError
from xhscover.model.project import Project


@dataclass
class ExportOptions:
    fmt: str = "png"  # "png" or "jpg"
    scale: float = 1.0
    quality: int = 92
    all_variants: bool = False


def _safe_stem(text: str) -> str:
    text = re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._")
    return text[:60] or "cover"


def export_covers(project: Project, cover_id: str, target: str | Path, opts: ExportOptions) -> list[Path]:
    """Write files; `target` is a file path for one cover or a folder (or file stem) for all variants.

    Raises XhsError with a readable message for unwritable folders or full disks.
    """
    ext = "jpg" if opts.fmt.lower() in ("jpg", "jpeg") else "png"
    target = Path(target)
    covers = project.covers if opts.all_variants else [project.cover(cover_id)]
    if opts.all_variants:
        folder = target if target.is_dir() or not target.suffix else target.parent
        stem = _safe_stem(project.title) if folder == target else target.stem
        paths = [folder / f"{stem}-{c.id}.{ext}" for c in covers]
    else:
        paths = [target if target.suffix.lower().lstrip(".") in ("png", "jpg", "jpeg") else target.with_suffix("." + ext)]
    folder = paths[0].parent
    if not folder.is_dir():
        raise XhsError(f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise XhsError(f"cannot write to {folder}: the folder is read-only")
    written = []
    for cover, path in zip(covers, paths, strict=True):
        img = rendering.render(cover, project.images, scale=opts.scale)
        try:
            rendering.save_image(img, path, quality=opts.quality)
        except OSError as exc:
            raise XhsError(f"cannot write {path.name}: {exc.strerror or exc}") from None
        written.append(path)
    return written
