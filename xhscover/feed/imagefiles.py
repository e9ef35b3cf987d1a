"""Decoding cover and avatar files into RGB arrays with Pillow (no Qt), with the import limits.

Competitor folders come from users' downloads: a 12000 px photo, a decompression bomb or a file
that is not really an image must not stall the app, so files go through the shared opener
(`xhscover.model.images`: regular files only, format by content, size from the header) and are
shrunk right after decoding.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from xhscover.model.images import MAX_PIXELS, decode_image, display_name, open_image, read_image_file

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
MAX_IMPORT_WIDTH = 1080

__all__ = ["IMAGE_SUFFIXES", "MAX_IMPORT_WIDTH", "MAX_PIXELS", "is_image_file", "load_rgb", "rgb_from_bytes"]


def is_image_file(path: Path) -> bool:
    """A visible file named like a cover image (the content is checked when it is read)."""
    return path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".") and path.is_file()


def load_rgb(path: Path | str, max_width: int = MAX_IMPORT_WIDTH) -> np.ndarray:
    """Decode an image file to an (H, W, 3) uint8 RGB array no wider than `max_width`.

    Transparency is flattened onto white (how the app shows a transparent PNG); EXIF rotation
    is applied. Raises ImageError naming the file when it cannot be read or is over 100 MP.
    """
    return rgb_from_bytes(read_image_file(path), display_name(path), max_width)


def rgb_from_bytes(data: bytes, name: str, max_width: int = MAX_IMPORT_WIDTH) -> np.ndarray:
    """`load_rgb` for an image already in memory (a cover kept inside a project): the same
    decoding, so a cover gives the same pixels from its file and from the project."""
    w, h = open_image(data, name).size
    long_side = max(1, round(max_width * max(w, h) / w))  # the long side when the width is max_width
    img = decode_image(data, name, max_side=long_side)
    if img.mode == "RGBA":
        flat = Image.new("RGB", img.size, (255, 255, 255))
        flat.paste(img, mask=img.getchannel("A"))
        img = flat
    if img.width > max_width:
        new_h = max(1, round(img.height * max_width / img.width))
        img = img.resize((max_width, new_h), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return np.asarray(img.convert("RGB"), dtype=np.uint8).copy()
