"""Colours for suggestions, derived from the cover and its shelf (numpy/OpenCV, no Qt).

A suggested title fill, stroke, marker band, label box or background colour has to do two
things at once: read clearly against what is behind it (WCAG contrast) and look different from
the neighbours on the shelf (a red title among red covers does not stand out). So candidates are
the colours XHS covers commonly use plus the cover's own dominant colours, ranked by how rare
their hue is on the shelf, and every pick is checked for contrast where it is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from xhscover.attention import diagnostics as D

RGB = tuple[int, int, int]

COMMON = ("#FFFFFF", "#1A1A1A", "#FF2442", "#FFE45C", "#FF8A00", "#2F6BFF", "#1FA463", "#FF6FA8", "#7B4DFF",
          "#FFF4E0", "#00B8D9", "#8A0015")
"""Colours seen on XHS covers: white and near-black type, the brand red, marker yellow, and a
few strong hues; the cover's own dominant colours are added to them."""
HUE_BINS = 12
NEUTRAL_SAT = 0.18
"""Pixels (and colours) below this HSV saturation count as neutral (white, grey, black)."""
THUMB = 64


def hex_rgb(value: str) -> RGB:
    v = value.lstrip("#")
    return (int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16))


def rgb_hex(rgb: Sequence[float]) -> str:
    r, g, b = (int(round(min(255.0, max(0.0, float(c))))) for c in rgb[:3])
    return f"#{r:02X}{g:02X}{b:02X}"


def contrast(a: Sequence[float], b: Sequence[float]) -> float:
    return float(D.contrast_ratio(a, b))


def _hsv(rgb: Sequence[float]) -> tuple[float, float, float]:
    px = np.array([[list(rgb[:3])]], dtype=np.uint8)
    h, s, v = cv2.cvtColor(px, cv2.COLOR_RGB2HSV_FULL)[0, 0]
    return float(h) / 256.0, float(s) / 255.0, float(v) / 255.0


def _bin(rgb: Sequence[float]) -> int:
    """Hue bin 0..HUE_BINS-1, or HUE_BINS for a neutral colour."""
    h, s, _v = _hsv(rgb)
    return HUE_BINS if s < NEUTRAL_SAT else int(h * HUE_BINS) % HUE_BINS


def hue_histogram(images: Sequence[np.ndarray]) -> np.ndarray:
    """Share of the images' pixels per hue bin (plus one neutral bin), weighted by saturation."""
    hist = np.zeros(HUE_BINS + 1, np.float64)
    for rgb in images:
        h, w = rgb.shape[:2]
        s = THUMB / max(h, w)
        small = cv2.resize(np.ascontiguousarray(rgb[:, :, :3]), (max(1, round(w * s)), max(1, round(h * s))),
                           interpolation=cv2.INTER_AREA)
        hsv = cv2.cvtColor(small, cv2.COLOR_RGB2HSV_FULL).reshape(-1, 3).astype(np.float64)
        sat = hsv[:, 1] / 255.0
        bins = np.where(sat < NEUTRAL_SAT, HUE_BINS, (hsv[:, 0] / 256.0 * HUE_BINS).astype(int) % HUE_BINS)
        weight = np.where(sat < NEUTRAL_SAT, 1.0, sat)
        hist += np.bincount(bins, weights=weight, minlength=HUE_BINS + 1)
    total = float(hist.sum())
    return hist / total if total > 0 else hist


def dominant_colours(rgb: np.ndarray, k: int = 4) -> list[RGB]:
    """The image's k main colours (k-means on a 64 px thumbnail, seeded), biggest cluster first."""
    h, w = rgb.shape[:2]
    s = THUMB / max(h, w)
    small = cv2.resize(np.ascontiguousarray(rgb[:, :, :3]), (max(1, round(w * s)), max(1, round(h * s))),
                       interpolation=cv2.INTER_AREA)
    data = small.reshape(-1, 3).astype(np.float32)
    k = max(1, min(k, len(data)))
    cv2.setRNGSeed(0)
    _c, labels, centres = cv2.kmeans(data, k, None, (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.5),
                                     2, cv2.KMEANS_PP_CENTERS)
    counts = np.bincount(labels.ravel(), minlength=k)
    order = np.argsort(-counts)
    return [tuple(int(round(float(v))) for v in centres[i]) for i in order]  # type: ignore[misc]


@dataclass
class Palette:
    """Colours to try, each with how rare its hue is on the shelf (1 = nobody uses it)."""

    colours: list[RGB]
    shelf_hist: np.ndarray

    @classmethod
    def build(cls, cover_rgb: np.ndarray, shelf: Sequence[np.ndarray]) -> Palette:
        seen: list[RGB] = []
        for c in [hex_rgb(x) for x in COMMON] + dominant_colours(cover_rgb):
            if all(sum(abs(a - b) for a, b in zip(c, o, strict=True)) > 40 for o in seen):
                seen.append(c)
        return cls(seen, hue_histogram(shelf) if shelf else np.zeros(HUE_BINS + 1))

    def rarity(self, colour: Sequence[float]) -> float:
        hist = self.shelf_hist
        top = float(hist.max()) if hist.size else 0.0
        if not top > 0:
            return 1.0
        return 1.0 - float(hist[_bin(colour)]) / top

    def against(self, background: Sequence[float], *, min_contrast: float = D.WCAG_AA_TEXT,
                exclude: Sequence[Sequence[float]] = (), n: int = 3) -> list[RGB]:
        """Up to n colours that read on `background` (contrast >= min_contrast), rarest on the
        shelf first, then the highest contrast; colours close to `exclude` are left out."""
        out = []
        for c in self.colours:
            if any(sum(abs(a - float(b)) for a, b in zip(c, e, strict=False)) < 60 for e in exclude):
                continue
            ratio = contrast(c, background)
            if ratio >= min_contrast:
                out.append((round(self.rarity(c), 2), ratio, c))
        out.sort(key=lambda t: (-t[0], -t[1]))
        return [c for _r, _k, c in out[:n]]

    def best_text_on(self, background: Sequence[float]) -> RGB:
        """White or near-black, whichever reads better on `background`."""
        white, black = hex_rgb("#FFFFFF"), hex_rgb("#1A1A1A")
        return white if contrast(white, background) >= contrast(black, background) else black
