"""The heatmap overlay: an attention map painted over its image (pure arrays). It is the only
one: `saliency --overlay`, the score reports, the app's canvas and feed heatmaps all call it.

The map is scaled by a high percentile (not its maximum), so one hot pixel does not wash the rest
out, and the colour is blended in with an opacity that grows with attention: cold areas keep
the picture visible, hot areas glow. Colours: OpenCV's perceptually ordered "turbo" map.
"""

from __future__ import annotations

import cv2
import numpy as np

from xhscover.attention._checks import as_map, as_rgb_uint8

PERCENTILE = 99.5
MAX_ALPHA = 0.72
GAMMA = 0.8
DIM = 0.78
"""The picture is dimmed slightly under the overlay so the heat reads on bright covers."""


def map_to_uint8(smap: np.ndarray, height: int | None = None, width: int | None = None) -> np.ndarray:
    """Scale a map so its maximum is 255 (uint8), resized to (height, width) when given.

    Scaling by the maximum (not the sum) keeps the hottest spot red whatever the image size.
    """
    arr: np.ndarray = as_map(smap).astype(np.float32)
    if height is not None and width is not None and arr.shape != (height, width):
        arr = cv2.resize(arr, (width, height), interpolation=cv2.INTER_LINEAR)
    arr = np.maximum(arr, np.float32(0.0))
    peak = float(arr.max())
    if not peak > 0:
        return np.zeros(arr.shape, np.uint8)
    out: np.ndarray = np.clip(np.rint(arr * (255.0 / peak)), 0, 255).astype(np.uint8)
    return out


def overlay_heatmap(image: np.ndarray, smap: np.ndarray, alpha: float = MAX_ALPHA) -> np.ndarray:
    """RGB uint8 image with `smap` (any size, non-negative) painted over it in "turbo" colours.

    `alpha` is the opacity of the hottest areas (0 = image only, 1 = colour only there); colder
    areas get less. Accepts the same image forms as every attention function.
    """
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be within [0, 1], got {alpha}.")
    img = as_rgb_uint8(image).astype(np.float32)
    h, w = img.shape[:2]
    m = np.maximum(np.asarray(smap, dtype=np.float32), 0.0)
    if m.shape != (h, w):
        m = cv2.resize(m, (w, h), interpolation=cv2.INTER_LINEAR)
    top = float(np.percentile(m, PERCENTILE)) if m.size else 0.0
    if not top > 0:  # a map whose mass sits on a few pixels: scale by its peak instead
        top = float(m.max()) if m.size else 0.0
    if not top > 0:
        return np.ascontiguousarray(img.astype(np.uint8))
    v = np.clip(m / top, 0.0, 1.0) ** GAMMA
    colour = cv2.applyColorMap((v * 255).astype(np.uint8), cv2.COLORMAP_TURBO)[:, :, ::-1].astype(np.float32)
    a = (alpha * np.clip(v * 1.6, 0.0, 1.0))[:, :, None]
    base = img * (DIM + (1 - DIM) * (1 - a))
    out = base * (1 - a) + colour * a
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)
