"""Writing rendered covers to PNG or JPEG, atomically, with one clear error when it cannot."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage, QImageWriter

from xhscover.errors import XhsError

FORMATS = {".png": b"png", ".jpg": b"jpeg", ".jpeg": b"jpeg"}


def save_image(img: QImage, path: str | os.PathLike[str], *, quality: int = 92, fast: bool = False) -> None:
    """Save as PNG or JPEG by suffix. `fast` trades PNG size for speed (previews, feed frames).

    Written to a temporary file and renamed, so a failed export never leaves a half file behind.
    """
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise XhsError(f"{p.name}: unsupported image type {p.suffix or '(none)'}; use .png or .jpg")
    if img.isNull():
        raise XhsError(f"{p.name}: nothing to save (empty image)")
    if not p.parent.is_dir():
        raise XhsError(f"cannot save {p}: folder {p.parent} does not exist")
    if fmt == b"jpeg" and img.format() != QImage.Format.Format_RGB32:
        img = img.convertToFormat(QImage.Format.Format_RGB32)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".xhs-", suffix=p.suffix, dir=p.parent)
    except OSError as exc:
        raise XhsError(f"cannot save {p}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; an exported picture is an ordinary file
    except OSError:
        pass
    try:
        writer = QImageWriter(tmp, fmt)
        if fmt == b"png":
            # Qt maps PNG "quality" to zlib effort: higher quality = less compression = faster.
            writer.setQuality(80 if fast else -1)  # 80 -> zlib level 1
        else:
            writer.setQuality(max(1, min(100, int(quality))))
            writer.setOptimizedWrite(not fast)
        if not writer.write(img):
            raise XhsError(f"cannot save {p}: {writer.errorString()}")
        os.replace(tmp, p)
    except OSError as exc:
        raise XhsError(f"cannot save {p}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
