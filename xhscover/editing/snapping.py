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


def _aligned(points: list[float], shift: float, targets: list[float], orientation: str) -> list[Guide]:
    """Every target a snapped box now meets within half a pixel (its left edge and its centre can
    both line up), one guide per place."""
    hits = sorted({round(t, 2) for p in points for t in targets if abs(p + shift - t) < 0.5})
    return [Guide(orientation, t) for t in hits]


def snap_rect(rect: Rect, canvas: tuple[float, float], others: list[Rect], threshold: float,
              ) -> tuple[Rect, list[Guide]]:
    """Shift `rect` so its nearest edge or centre meets a target within `threshold` px, per axis."""
    x, y, w, h = rect
    xs, ys = _targets(canvas, others)
    guides: list[Guide] = []
    bx = _best([x, x + w / 2, x + w], xs, threshold)
    if bx:
        guides += _aligned([x, x + w / 2, x + w], bx[0], xs, "v")
        x += bx[0]
    by = _best([y, y + h / 2, y + h], ys, threshold)
    if by:
        guides += _aligned([y, y + h / 2, y + h], by[0], ys, "h")
        y += by[0]
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


@dataclass(frozen=True)
class Gap:
    """One gap of a smart-spacing match, drawn as a measured segment: along x ("h", from `start`
    to `end` at height `at`) or along y ("v", from `start` to `end` at x = `at`)."""

    orientation: str  # "h" (a horizontal gap between boxes side by side) or "v" (stacked boxes)
    start: float
    end: float
    at: float

    @property
    def size(self) -> float:
        return self.end - self.start


def _overlaps(a0: float, a1: float, b0: float, b1: float) -> bool:
    return a0 < b1 and b0 < a1


def _spacing_axis(lo: float, size: float, cross: tuple[float, float], others: list[Rect], axis: int,
                  threshold: float) -> tuple[float, list[Gap]] | None:
    """Best smart-spacing shift of a box spanning [lo, lo + size] on `axis` (0 = x, 1 = y), among
    the boxes beside it on that axis (overlapping `cross` on the other): equal gaps to the nearest
    neighbours on both sides, or a gap equal to one between two neighbours already in the row."""
    o = 1 - axis
    row = [(r[axis], r[axis] + r[axis + 2], r[o], r[o] + r[o + 2]) for r in others
           if _overlaps(cross[0], cross[1], r[o], r[o] + r[o + 2])]
    hi = lo + size
    before = [r for r in row if r[1] <= lo + threshold and r[1] < hi]
    after = [r for r in row if r[0] >= hi - threshold and r[0] > lo]
    left = max(before, key=lambda r: r[1], default=None)
    right = min(after, key=lambda r: r[0], default=None)
    orient = "h" if axis == 0 else "v"

    def mid(a: tuple[float, float, float, float]) -> float:
        """Where a gap between the moving box and `a` is drawn: the middle of their shared span."""
        s0, s1 = max(cross[0], a[2]), min(cross[1], a[3])
        return (s0 + s1) / 2

    existing: list[tuple[float, Gap]] = []  # gaps between neighbours already in the row
    ordered = sorted(row, key=lambda r: r[0])
    for i, a in enumerate(ordered):
        nxt = [b for b in ordered[i + 1:] if b[0] >= a[1] and _overlaps(a[2], a[3], b[2], b[3])]
        if nxt:
            b = min(nxt, key=lambda r: r[0])
            at = (max(a[2], b[2]) + min(a[3], b[3])) / 2
            existing.append((b[0] - a[1], Gap(orient, a[1], b[0], at)))
    best: tuple[float, list[Gap]] | None = None

    def offer(shift: float, gaps: list[Gap]) -> None:
        nonlocal best
        if abs(shift) <= threshold and (best is None or abs(shift) < abs(best[0])):
            best = (shift, gaps)

    if left is not None and right is not None and right[0] - left[1] > size:
        new_lo = (left[1] + right[0] - size) / 2
        offer(new_lo - lo, [Gap(orient, left[1], new_lo, mid(left)), Gap(orient, new_lo + size, right[0], mid(right))])
    for g, gap in existing:
        if g <= 0:
            continue
        if left is not None and (left[1], left[1] + g) != (gap.start, gap.end):
            new_lo = left[1] + g
            offer(new_lo - lo, [Gap(orient, left[1], new_lo, mid(left)), gap])
        if right is not None:
            new_lo = right[0] - g - size
            offer(new_lo - lo, [Gap(orient, new_lo + size, right[0], mid(right)), gap])
    return best


def snap_move(rect: Rect, canvas: tuple[float, float], others: list[Rect], threshold: float,
              ) -> tuple[Rect, list[Guide], list[Gap]]:
    """Move snapping, per axis the closer of: an edge or centre meeting a target (a guide line),
    or smart spacing (equal gaps to the neighbours, or a gap the row already uses)."""
    x, y, w, h = rect
    xs, ys = _targets(canvas, others)
    guides: list[Guide] = []
    gaps: list[Gap] = []
    for axis, points, targets in ((0, [x, x + w / 2, x + w], xs), (1, [y, y + h / 2, y + h], ys)):
        edge = _best(points, targets, threshold)
        lo, size = (x, w) if axis == 0 else (y, h)
        cross = (y, y + h) if axis == 0 else (x, x + w)
        spacing = _spacing_axis(lo, size, cross, others, axis, threshold)
        if edge is not None and (spacing is None or abs(edge[0]) <= abs(spacing[0])):
            shift = edge[0]
            guides += _aligned(points, shift, targets, "v" if axis == 0 else "h")
        elif spacing is not None:
            shift = spacing[0]
            gaps += spacing[1]
        else:
            continue
        if axis == 0:
            x += shift
        else:
            y += shift
    # the gaps' cross positions were measured before the other axis moved: follow it
    return (x, y, w, h), guides, [_follow(g, rect, (x, y, w, h)) for g in gaps]


def _follow(g: Gap, old: Rect, new: Rect) -> Gap:
    """A gap touching the moving box is drawn at its final position on the other axis too."""
    if g.orientation == "h":
        return Gap(g.orientation, g.start, g.end, g.at + (new[1] - old[1]) if _touches(g, old, new, 0) else g.at)
    return Gap(g.orientation, g.start, g.end, g.at + (new[0] - old[0]) if _touches(g, old, new, 1) else g.at)


def _touches(g: Gap, old: Rect, new: Rect, axis: int) -> bool:
    lo, hi = new[axis], new[axis] + new[axis + 2]
    return abs(g.end - lo) < 1e-6 or abs(g.start - hi) < 1e-6
