"""Writing a rendered feed: the screenshot (PNG, or JPEG for speed) and its JSON description."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from xhscover.errors import XhsError
from xhscover.feed.draw import render_feed
from xhscover.feed.spec import FeedSpec


def write_image(image: QImage, path: Path | str, *, quality: int = -1, png_compression: int | None = None) -> Path:
    """Save by extension (.png/.jpg/.jpeg/.webp). For PNG, `png_compression` 0..9 trades size for
    speed (Qt maps it onto its 0..100 quality scale); `quality` is the JPEG/WebP quality."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}.get(path.suffix.lower())
    if fmt is None:
        raise XhsError(f"Cannot write {path.name}: use a .png, .jpg or .webp name.")
    q = quality
    if fmt == "PNG" and png_compression is not None:
        q = round((9 - max(0, min(9, png_compression))) * 100 / 9)  # Qt: quality 0 = max compression
    if fmt == "JPEG" and q < 0:
        q = 92
    if not image.save(str(path), None, q):  # Qt picks the format from the suffix checked above
        raise XhsError(f"Could not write {path}.")
    return path


def write_description(description: dict[str, Any], path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(description, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def export_feed(spec: FeedSpec, image_path: Path | str, json_path: Path | str | None = None, *,
                quality: int = -1, png_compression: int | None = None) -> tuple[Path, Path, dict[str, Any]]:
    """Render `spec` and write the image plus JSON (default: same name with .json)."""
    image, desc = render_feed(spec)
    img_path = write_image(image, image_path, quality=quality, png_compression=png_compression)
    desc = dict(desc, image=img_path.name)
    jpath = write_description(desc, Path(json_path) if json_path else img_path.with_suffix(".json"))
    return img_path, jpath, desc
