"""Where a layer is on the canvas, and the maths of dragging it: rotated boxes, bounds, hit tests,
handles, resize / rotate / focal-point arithmetic.

Plain floats, no Qt, so the canvas interactions, align and distribute in the main window, and the
placement of new layers share one definition, and every formula is tested without a window.
Points are (x, y) and rects (x, y, w, h) in canvas pixels; a layer rotates about its box centre,
clockwise for positive degrees (y points down), as the renderer draws it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from xhscover.model.cover import Cover
from xhscover.model.layers import Layer

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
Box = tuple[float, float, float, float, float]  # x, y, w, h, rotation (degrees)

HANDLES: tuple[tuple[int, int], ...] = ((-1, -1), (0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0))
"""Resize handles as (hx, hy) in -1/0/1 of the half-size: corners and edge midpoints."""

MIN_SIZE = 8.0  # a box never gets narrower or shorter than this while resizing (canvas px)


@dataclass(frozen=True)
class Handle:
    """A handle under the pointer: rotate a single layer, resize it, or resize a multi-selection."""

    kind: Literal["rotate", "resize", "group"]
    hx: int = 0
    hy: int = 0

    @property
    def edges(self) -> set[str]:
        """The box edges this handle moves ('l', 'r', 't', 'b'), for edge snapping."""
        return {e for e, on in (("l", self.hx == -1), ("r", self.hx == 1), ("t", self.hy == -1),
                                ("b", self.hy == 1)) if on}

    @property
    def is_corner(self) -> bool:
        return self.hx != 0 and self.hy != 0


def box_of(lay: Layer) -> Box:
    return (lay.x, lay.y, lay.w, lay.h, lay.rotation)


def centre(lay: Layer) -> Point:
    return (lay.x + lay.w / 2, lay.y + lay.h / 2)


def rotate(p: Point, degrees: float) -> Point:
    """`p` rotated about the origin (clockwise on screen for positive degrees)."""
    rad = math.radians(degrees)
    c, s = math.cos(rad), math.sin(rad)
    return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)


def to_canvas(lay: Layer, local: Point) -> Point:
    """A point in the layer's own centre-origin axes -> canvas."""
    cx, cy = centre(lay)
    rx, ry = rotate(local, lay.rotation)
    return (cx + rx, cy + ry)


def to_local(lay: Layer, p: Point) -> Point:
    """A canvas point -> the layer's own centre-origin axes."""
    cx, cy = centre(lay)
    return rotate((p[0] - cx, p[1] - cy), -lay.rotation)


def corners(lay: Layer) -> list[Point]:
    """The four corners of the rotated box, clockwise from top-left."""
    hw, hh = lay.w / 2, lay.h / 2
    return [to_canvas(lay, p) for p in ((-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh))]


def bounds(lay: Layer) -> Rect:
    """The axis-aligned bounds of the rotated box."""
    pts = corners(lay)
    x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
    return (x0, y0, max(p[0] for p in pts) - x0, max(p[1] for p in pts) - y0)


def union(rects: Iterable[Rect]) -> Rect:
    rs = list(rects)
    if not rs:
        return (0.0, 0.0, 0.0, 0.0)
    x0 = min(r[0] for r in rs)
    y0 = min(r[1] for r in rs)
    x1 = max(r[0] + r[2] for r in rs)
    y1 = max(r[1] + r[3] for r in rs)
    return (x0, y0, x1 - x0, y1 - y0)


def rect_from_points(a: Point, b: Point) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), abs(b[0] - a[0]), abs(b[1] - a[1]))


def intersects(a: Rect, b: Rect) -> bool:
    return a[0] <= b[0] + b[2] and b[0] <= a[0] + a[2] and a[1] <= b[1] + b[3] and b[1] <= a[1] + a[3]


def overlap_area(a: Rect, b: Rect) -> float:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def contains(lay: Layer, p: Point) -> bool:
    x, y = to_local(lay, p)
    return abs(x) <= lay.w / 2 and abs(y) <= lay.h / 2


def layer_at(cover: Cover, p: Point) -> Layer | None:
    """The topmost visible, unlocked layer whose rotated box holds `p`."""
    for lay in reversed(cover.layers):
        if lay.visible and not lay.locked and contains(lay, p):
            return lay
    return None


def layers_in(cover: Cover, rect: Rect) -> list[str]:
    """Ids of the visible, unlocked layers whose bounds touch `rect` (rubber-band selection)."""
    return [lay.id for lay in cover.layers if lay.visible and not lay.locked and intersects(rect, bounds(lay))]


def other_bounds(cover: Cover, exclude: set[str]) -> list[Rect]:
    """Bounds of the visible layers not being dragged: what a drag snaps to."""
    return [bounds(lay) for lay in cover.layers if lay.visible and lay.id not in exclude]


def handle_point(lay: Layer, hx: int, hy: int) -> Point:
    return to_canvas(lay, (hx * lay.w / 2, hy * lay.h / 2))


def rotate_handle_point(lay: Layer, offset: float) -> Point:
    """The rotation knob: `offset` canvas px above the middle of the top edge, in the layer's axes."""
    return to_canvas(lay, (0.0, -lay.h / 2 - offset))


def group_handle_point(rect: Rect, hx: int, hy: int) -> Point:
    x, y, w, h = rect
    return (x + (hx + 1) * w / 2, y + (hy + 1) * h / 2)


def handle_at(lay: Layer | None, group: Rect | None, p: Point, tolerance: float, rotate_offset: float,
              ) -> Handle | None:
    """The handle under `p`: of the single editable layer `lay`, else of the multi-selection bounds
    `group`. `tolerance` is the grab size in canvas px (the handle size at the current zoom)."""
    half = tolerance / 2 + 1
    if lay is None:
        if group is None:
            return None
        for hx, hy in HANDLES:
            cx, cy = group_handle_point(group, hx, hy)
            if abs(cx - p[0]) <= half and abs(cy - p[1]) <= half:
                return Handle("group", hx, hy)
        return None
    if math.dist(rotate_handle_point(lay, rotate_offset), p) <= tolerance:
        return Handle("rotate")
    for hx, hy in HANDLES:
        cx, cy = handle_point(lay, hx, hy)
        if abs(cx - p[0]) <= half and abs(cy - p[1]) <= half:
            return Handle("resize", hx, hy)
    return None


def _drag_edges(left: float, top: float, right: float, bottom: float, hx: int, hy: int, p: Point,
                ) -> tuple[float, float, float, float]:
    """Move the edges a handle holds to `p`, never closer than MIN_SIZE to the opposite edge."""
    if hx == 1:
        right = max(p[0], left + MIN_SIZE)
    elif hx == -1:
        left = min(p[0], right - MIN_SIZE)
    if hy == 1:
        bottom = max(p[1], top + MIN_SIZE)
    elif hy == -1:
        top = min(p[1], bottom - MIN_SIZE)
    return left, top, right, bottom


def _keep_aspect(left: float, top: float, right: float, bottom: float, w: float, h: float, hx: int, hy: int,
                 ) -> tuple[float, float, float, float]:
    """Grow the dragged corner so the box keeps w:h, anchored at the opposite corner."""
    k = max((right - left) / w, (bottom - top) / h)
    if hx == 1:
        right = left + w * k
    else:
        left = right - w * k
    if hy == 1:
        bottom = top + h * k
    else:
        top = bottom - h * k
    return left, top, right, bottom


def resize_box(box: Box, handle: Handle, p: Point, *, keep_aspect: bool) -> Rect:
    """The unrotated rect (x, y, w, h) of a box whose `handle` was dragged to canvas point `p`.

    The opposite edge or corner stays where it is on the canvas, also for rotated boxes (the
    drag is measured in the box's own axes and the new centre is rotated back)."""
    x, y, w, h, rot = box
    w, h = max(w, 1e-6), max(h, 1e-6)
    cx, cy = x + w / 2, y + h / 2
    m = rotate((p[0] - cx, p[1] - cy), -rot)
    left, top, right, bottom = _drag_edges(-w / 2, -h / 2, w / 2, h / 2, handle.hx, handle.hy, m)
    if keep_aspect and handle.is_corner:
        left, top, right, bottom = _keep_aspect(left, top, right, bottom, w, h, handle.hx, handle.hy)
    nw, nh = right - left, bottom - top
    dx, dy = rotate(((left + right) / 2, (top + bottom) / 2), rot)
    return (cx + dx - nw / 2, cy + dy - nh / 2, nw, nh)


def resize_group(rect: Rect, handle: Handle, p: Point, *, keep_aspect: bool) -> Rect:
    """The new bounds of a multi-selection whose bounds `handle` was dragged to `p`."""
    x, y, w, h = rect
    w, h = max(w, 1e-6), max(h, 1e-6)
    left, top, right, bottom = _drag_edges(x, y, x + w, y + h, handle.hx, handle.hy, p)
    if keep_aspect and handle.is_corner:
        left, top, right, bottom = _keep_aspect(left, top, right, bottom, w, h, handle.hx, handle.hy)
    return (left, top, right - left, bottom - top)


def scale_into(boxes: dict[str, Rect], old: Rect, new: Rect) -> dict[str, Rect]:
    """Each box scaled about `old` bounds so the group fills `new` (centres and sizes follow)."""
    bx, by, bw, bh = old
    nx, ny, nw, nh = new
    sx, sy = nw / max(bw, 1e-6), nh / max(bh, 1e-6)
    out: dict[str, Rect] = {}
    for i, (x, y, w, h) in boxes.items():
        cx, cy = nx + (x + w / 2 - bx) * sx, ny + (y + h / 2 - by) * sy
        lw, lh = max(1.0, w * sx), max(1.0, h * sy)
        out[i] = (cx - lw / 2, cy - lh / 2, lw, lh)
    return out


def rotation_towards(c: Point, p: Point, *, step: float | None = None, snap: float = 90.0,
                     tolerance: float = 4.0) -> float:
    """The rotation (degrees in [-180, 180)) that points a box's top at `p`.

    With `step` (Shift) the angle goes in steps of that many degrees; otherwise it sticks to
    multiples of `snap` within `tolerance` degrees, so upright is easy to hit."""
    ang = math.degrees(math.atan2(p[1] - c[1], p[0] - c[0])) + 90
    if step:
        ang = round(ang / step) * step
    elif abs(ang - round(ang / snap) * snap) < tolerance:
        ang = round(ang / snap) * snap
    return (ang + 180) % 360 - 180


def crop_overflow(box_w: float, box_h: float, image_w: int, image_h: int) -> tuple[float, float]:
    """How far (canvas px) a cropping (fit=cover) picture overflows its box: the focal point's
    0..1 range maps onto this distance."""
    s = max(box_w / max(1, image_w), box_h / max(1, image_h))
    return image_w * s - box_w, image_h * s - box_h


def focal_after_drag(focal: Point, overflow: Point, rotation: float, dx: float, dy: float) -> Point:
    """The focal point after dragging the picture by (dx, dy) canvas px inside its box.

    The picture follows the hand: moving it right shows more of its left side. Clamped to 0..1."""
    lx, ly = rotate((dx, dy), -rotation)
    sw, sh = overflow
    fx = focal[0] - lx / sw if sw > 0 else focal[0]
    fy = focal[1] - ly / sh if sh > 0 else focal[1]
    return (min(1.0, max(0.0, fx)), min(1.0, max(0.0, fy)))


def translate(rect: Rect, dx: float, dy: float) -> Rect:
    return (rect[0] + dx, rect[1] + dy, rect[2], rect[3])


def rects_of(layers: Sequence[Layer]) -> list[Rect]:
    return [bounds(lay) for lay in layers]
