"""Heatmap overlays: the attention map painted over the image it belongs to (numpy/OpenCV only).

The map is scaled by a high percentile (not its maximum), so one hot pixel does not wash the rest
out, and the colour is blended in with an opacity that grows with attention: cold areas keep
the picture visible, hot areas glow. Colours: OpenCV's perceptually ordered "turbo" map.
"""

from __future__ import annotations

import base64
from pathlib import Path

import cv2
import numpy as np

from xhscover.attention.files import encode_image, save_rgb

PERCENTILE = 99.5
MAX_ALPHA = 0.72
GAMMA = 0.8
DIM = 0.78
"""The picture is dimmed slightly under the overlay so the heat reads on bright covers."""


def overlay_heatmap(rgb: np.ndarray, smap: np.ndarray, *, max_alpha: float = MAX_ALPHA) -> np.ndarray:
    """RGB uint8 image of `rgb` with `smap` (any size, non-negative) painted over it."""
    img = np.ascontiguousarray(rgb[:, :, :3]).astype(np.float32)
    h, w = img.shape[:2]
    m = np.asarray(smap, dtype=np.float32)
    if m.shape != (h, w):
        m = cv2.resize(m, (w, h), interpolation=cv2.INTER_LINEAR)
    top = float(np.percentile(m, PERCENTILE)) if m.size else 0.0
    if not top > 0:
        return np.ascontiguousarray(img.astype(np.uint8))
    v = np.clip(m / top, 0.0, 1.0) ** GAMMA
    colour = cv2.applyColorMap((v * 255).astype(np.uint8), cv2.COLORMAP_TURBO)[:, :, ::-1].astype(np.float32)
    alpha = (max_alpha * np.clip(v * 1.6, 0.0, 1.0))[:, :, None]
    base = img * (DIM + (1 - DIM) * (1 - alpha))
    out = base * (1 - alpha) + colour * alpha
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def draw_boxes(rgb: np.ndarray, boxes, colour=(255, 255, 255), thickness: int = 2) -> np.ndarray:
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
