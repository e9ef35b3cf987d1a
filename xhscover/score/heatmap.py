"""Pictures for the reports: boxes, resizing, PNG and data: URIs. The heatmap overlay itself is
`xhscover.attention.heatmap.overlay_heatmap` (one overlay for the CLI, the reports and the app).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from xhscover.attention.files import encode_image, save_rgb
from xhscover.attention.heatmap import overlay_heatmap

__all__ = ["data_uri", "draw_boxes", "fit_width", "overlay_heatmap", "write_png"]


def draw_boxes(rgb: np.ndarray, boxes: Sequence[Sequence[int]], colour: tuple[int, int, int] = (255, 255, 255),
               thickness: int = 2) -> np.ndarray:
    """A copy of `rgb` with (x, y, w, h) rectangles outlined (for showing title/face regions)."""
    out = np.ascontiguousarray(rgb.copy())
    for x, y, w, h in boxes:
        cv2.rectangle(out, (int(x), int(y)), (int(x + w), int(y + h)), colour, thickness, cv2.LINE_AA)
    return out


def fit_width(rgb: np.ndarray, width: int) -> np.ndarray:
    """Resize to `width` px wide (area filter down, cubic up), keeping the aspect."""
    h, w = rgb.shape[:2]
    if w == width:
        return rgb
    size = (max(1, int(width)), max(1, round(h * width / w)))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA if width < w else cv2.INTER_CUBIC)


def write_png(rgb: np.ndarray, path: Path | str) -> Path:
    """Save an RGB array as PNG (fast compression level)."""
    return save_rgb(path, rgb)


def data_uri(rgb: np.ndarray, *, fmt: str = "jpeg", quality: int = 86) -> str:
    """The image as a base64 data: URI (JPEG for photos and screens, PNG for sharp graphics)."""
    mime = "image/png" if fmt == "png" else "image/jpeg"
    buf = encode_image(rgb, "png" if fmt == "png" else "jpeg", quality)
    return f"data:{mime};base64," + base64.b64encode(buf).decode("ascii")
