"""Input checks shared by every attention function: one place decides what an "image" is.

Every public function in `xhscover.attention` accepts the same image forms so callers never
convert by hand: RGB uint8 HxWx3 (the canonical form), grey HxW, RGBA HxWx4 (composited over
white, because a transparent cover shows the feed's white card behind it), and float arrays
in [0, 1] (scaled to uint8). Anything else raises `ImageError` with one clear sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from xhscover.errors import ImageError

Box = tuple[int, int, int, int]
"""(x, y, w, h) in pixels of the image the box belongs to; x, y is the top-left corner."""


def as_rgb_uint8(image: np.ndarray) -> np.ndarray:
    """Return `image` as a C-contiguous RGB uint8 HxWx3 array (a view when already so)."""
    arr = np.asarray(image)
    if arr.ndim not in (2, 3) or arr.size == 0:
        raise ImageError(f"Expected an HxW, HxWx3 or HxWx4 image, got an array of shape {arr.shape}.")
    if arr.dtype != np.uint8:
        if arr.dtype == np.bool_:
            arr = arr.astype(np.uint8) * 255
        elif np.issubdtype(arr.dtype, np.floating):
            if not np.all(np.isfinite(arr)):
                raise ImageError("The image contains NaN or infinite values.")
            arr = np.clip(np.rint(arr * 255.0), 0, 255).astype(np.uint8)
        elif arr.dtype == np.uint16:
            arr = (arr >> 8).astype(np.uint8)
        else:
            raise ImageError(f"Unsupported image dtype {arr.dtype}; use uint8 or float in [0, 1].")
    if arr.ndim == 2:
        return np.ascontiguousarray(np.repeat(arr[:, :, None], 3, axis=2))
    channels = arr.shape[2]
    if channels == 1:
        return np.ascontiguousarray(np.repeat(arr, 3, axis=2))
    if channels == 3:
        return np.ascontiguousarray(arr)
    if channels == 4:
        alpha = arr[:, :, 3:4].astype(np.float32) / 255.0
        rgb = arr[:, :, :3].astype(np.float32) * alpha + 255.0 * (1.0 - alpha)
        flat: np.ndarray = np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
        return flat
    raise ImageError(f"Expected 1, 3 or 4 colour channels, got {channels}.")


def as_map(smap: np.ndarray) -> np.ndarray:
    """Return a saliency/fixation map as finite float64 HxW; reject anything else."""
    arr = np.asarray(smap, dtype=np.float64)
    if arr.ndim != 2 or arr.size == 0:
        raise ImageError(f"Expected a 2-D map, got an array of shape {arr.shape}.")
    if not np.all(np.isfinite(arr)):
        raise ImageError("The map contains NaN or infinite values.")
    return arr


def as_boxes(boxes: Iterable[Sequence[float]] | None) -> list[Box]:
    """Normalise boxes to a list of integer (x, y, w, h); drop empty ones."""
    out: list[Box] = []
    for box in boxes or ():
        if len(box) != 4:
            raise ImageError(f"A box must be (x, y, w, h), got {tuple(box)!r}.")
        x, y, w, h = (float(v) for v in box)
        if not all(np.isfinite([x, y, w, h])):
            raise ImageError(f"A box has a non-finite coordinate: {tuple(box)!r}.")
        if w > 0 and h > 0:
            out.append((int(round(x)), int(round(y)), max(1, int(round(w))), max(1, int(round(h)))))
    return out


def clip_box(box: Box, width: int, height: int) -> Box | None:
    """Intersect a box with the image rectangle; None when nothing is left."""
    x, y, w, h = box
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(width, x + w), min(height, y + h)
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def normalise_map(values: np.ndarray) -> np.ndarray:
    """Make a non-negative float32 map that sums to 1; uniform when all zero or non-finite.

    Works in place on float32 input (the saliency models hand over a fresh array), so a
    full-size 1080x1440 map costs about a millisecond.
    """
    arr = np.asarray(values)
    if arr.dtype != np.float32:
        arr = arr.astype(np.float32)
    total = float(arr.sum())
    if not np.isfinite(total):
        arr = np.where(np.isfinite(arr), arr, np.float32(0.0))
    np.maximum(arr, 0.0, out=arr)
    total = float(arr.sum(dtype=np.float64)) if arr.size < 4096 else float(arr.sum())
    if not total > 0.0 or not np.isfinite(total):
        return np.full(arr.shape, 1.0 / arr.size, dtype=np.float32)
    arr *= np.float32(1.0 / total)
    return arr
