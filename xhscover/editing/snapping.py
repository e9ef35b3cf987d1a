"""Pure snapping: a moving rect snaps to the canvas (edges, centre, thirds) and other layers' edges/centres.

Rects are (x, y, w, h) tuples in canvas pixels. No Qt, so it is trivially testable.
"""

from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Guide:
    """A line to draw while dragging: vertical (x = pos) or horizontal (y = pos)."""

    orientation: str  # "v" or "h"
    pos: float


def _targets(canvas: tuple[float, float], others: list[Rect]) -> tuple[list[float], list[float]]:
    cw, ch = canvas
    xs = [0.0, cw / 3, cw / 2, 2 * cw / 3, cw]
    ys = [0.0, ch / 3, ch / 2, 2 * ch / 3, ch]
    for x, y, w, h in others:
        xs += [x, x + w / 2, x + w]
        ys += [y, y + h / 2, y + h]
    return xs, ys


def _best(points: list[float], targets: list[float], threshold: float) -> tuple[float, float] | None:
    """(shift, target) of the closest point/target pair within the threshold."""
    best: tuple[float, float] | None = None
    for p in points:
        for t in targets:
            d = t - p
            if abs(d) <= threshold and (best is None or abs(d) < abs(best[0])):
                best = (d, t)
    return best


def snap_rect(rect: Rect, canvas: tuple[float, float], others: list[Rect], threshold: float,
              ) -> tuple[Rect, list[Guide]]:
    """Shift `rect` so its nearest edge or centre meets a target within `threshold` px, per axis."""
    x, y, w, h = rect
    xs, ys = _targets(canvas, others)
    guides: list[Guide] = []
    bx = _best([x, x + w / 2, x + w], xs, threshold)
    if bx:
        x += bx[0]
        guides.append(Guide("v", bx[1]))
    by = _best([y, y + h / 2, y + h], ys, threshold)
    if by:
        y += by[0]
        guides.append(Guide("h", by[1]))
    return (x, y, w, h), guides


def snap_edges(rect: Rect, moving: set[str], canvas: tuple[float, float], others: list[Rect],
               threshold: float) -> tuple[Rect, list[Guide]]:
    """Resize snapping: only the edges in `moving` ("l", "r", "t", "b") move to targets."""
    x, y, w, h = rect
    lft, r, t, b = x, x + w, y, y + h
    xs, ys = _targets(canvas, others)
    guides: list[Guide] = []
    for edge in moving:
        if edge in "lr":
            hit = _best([lft if edge == "l" else r], xs, threshold)
            if hit:
                if edge == "l":
                    lft += hit[0]
                else:
                    r += hit[0]
                guides.append(Guide("v", hit[1]))
        else:
            hit = _best([t if edge == "t" else b], ys, threshold)
            if hit:
                if edge == "t":
                    t += hit[0]
                else:
                    b += hit[0]
                guides.append(Guide("h", hit[1]))
    return (lft, t, max(1.0, r - lft), max(1.0, b - t)), guides
