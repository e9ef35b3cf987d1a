"""Heatmap overlay of a saliency map on its image (pure arrays, for previews and reports)."""

from __future__ import annotations

import cv2
import numpy as np

from xhscover.attention._checks import as_map, as_rgb_uint8


def map_to_uint8(smap: np.ndarray, height: int | None = None, width: int | None = None) -> np.ndarray:
    """Scale a map so its maximum is 255 (uint8), resized to (height, width) when given.

    Scaling by the maximum (not the sum) keeps the hottest spot red whatever the image size.
    """
    arr = as_map(smap).astype(np.float32)
    if height is not None and width is not None and arr.shape != (height, width):
        arr = cv2.resize(arr, (width, height), interpolation=cv2.INTER_LINEAR)
    arr = np.maximum(arr, 0.0)
    peak = float(arr.max())
    if not peak > 0:
        return np.zeros(arr.shape, np.uint8)
    return np.clip(np.rint(arr * (255.0 / peak)), 0, 255).astype(np.uint8)


def overlay_heatmap(image: np.ndarray, smap: np.ndarray, alpha: float = 0.5) -> np.ndarray:
    """RGB uint8 image blended with the map in OpenCV's "turbo" colormap (blue cold, red hot).

    `alpha` is the heatmap's opacity (0 = image only, 1 = heatmap only); the map is resized to
    the image. Accepts the same image forms as every attention function.
    """
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be within [0, 1], got {alpha}.")
    rgb = as_rgb_uint8(image)
    grey = map_to_uint8(smap, rgb.shape[0], rgb.shape[1])
    colour = cv2.applyColorMap(grey, cv2.COLORMAP_TURBO)[:, :, ::-1]
    return cv2.addWeighted(rgb, 1.0 - alpha, np.ascontiguousarray(colour), alpha, 0.0)
