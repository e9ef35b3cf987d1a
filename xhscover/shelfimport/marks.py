"""Marks on and around a card: the video play icon, and things lying over the grid (toasts,
browser-extension badges) found where the page should show nothing but its own colour."""

from __future__ import annotations

import cv2
import numpy as np

from xhscover.shelfimport.grid import Columns, Rgb, near, row_mean

PLAY_REGION = 0.26
"""The play icon sits in the cover's top-right corner, within this fraction of the cover width."""


def has_play_icon(cover: np.ndarray) -> bool:
    """A white right-pointing triangle in the cover's top-right corner (a video note's mark).

    Shape, not template: the triangle is found as a bright blob that fills its enclosing triangle
    and is heavier on its left side (it points right), whatever its size, disc or shadow."""
    h, w = cover.shape[:2]
    s = int(round(w * PLAY_REGION))
    if s < 12 or h < s:
        return False
    region = cover[:s, w - s:]
    bright = (region.min(axis=2) >= 215).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=8)
    for i in range(1, count):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if not 0.025 * w <= bh <= 0.14 * w or not 0.55 <= bw / bh <= 1.15:
            continue
        if x == 0 or y == 0 or x + bw >= s or y + bh >= s:
            continue  # touching the region's border: part of something bigger
        mask = labels[y:y + bh, x:x + bw] == i
        pts = np.argwhere(mask)[:, ::-1].astype(np.float32).reshape(-1, 1, 2)
        tri_area, _tri = cv2.minEnclosingTriangle(pts)
        if tri_area <= 0 or area / tri_area < 0.7:
            continue
        third = max(1, bw // 3)
        if mask[:, :third].sum() < 1.8 * mask[:, -third:].sum():
            continue  # not pointing right
        # the triangle's tip is at mid-height on the right side
        tip_rows = np.flatnonzero(mask[:, -max(1, bw // 6):].any(axis=1))
        if len(tip_rows) == 0 or abs((tip_rows.mean() + 0.5) / bh - 0.5) > 0.15:
            continue
        # it stands out: its surroundings are darker than the triangle itself
        ring = region[max(0, y - bh // 3):y + bh + bh // 3, max(0, x - bw // 3):x + bw + bw // 3]
        if float(ring.mean()) > 200:
            continue
        return True
    return False


def blocked_rows(rgb: np.ndarray, cols: Columns, canvas: Rgb, top: int, bottom: int,
                 tol: int = 8) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per column k: (rows where the page beside its left edge is covered, same for its right edge),
    over the grid rows top..bottom. Gutters are split in halves between their two columns; the
    3 px next to a card are left out (JPEG rings there beside a bright cover)."""
    h = bottom - top
    width = rgb.shape[1]
    out = []
    for k in range(cols.count):
        sides = []
        for side in (-1, 1):
            if side < 0:
                lo = cols.right(k - 1) if k > 0 else max(0, cols.lefts[k] - cols.gap)
                a, b = (lo + cols.lefts[k]) // 2 if k > 0 else lo, cols.lefts[k] - 3
            else:
                hi = cols.lefts[k + 1] if k + 1 < cols.count else min(width, cols.right(k) + cols.gap)
                a, b = cols.right(k) + 3, (cols.right(k) + hi + 1) // 2 if k + 1 < cols.count else hi
            if b - a < 1:
                sides.append(np.zeros(h, bool))
                continue
            strip = rgb[top:bottom, a:b]
            sides.append(row_mean(near(strip, canvas, tol)) < 0.9)
        out.append((sides[0], sides[1]))
    return out


def overlaid(blocked: tuple[np.ndarray, np.ndarray], y0: int, y1: int, min_rows: int) -> bool:
    """Something lies over a card spanning rows y0..y1 (grid-relative) if the page beside it is
    covered for at least min_rows rows in a row there."""
    for side in blocked:
        seg = side[max(0, y0):max(0, y1)]
        if seg.size == 0:
            continue
        run = 0
        for v in seg:
            run = run + 1 if v else 0
            if run >= min_rows:
                return True
    return False
