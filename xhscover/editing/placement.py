"""Where a new sticker or picture goes on a cover: a size relative to the canvas, and the spot that
covers the least text (then the least of the other small layers), inside the safe margin.

A sticker dropped on the title hides the words the cover is made of; creators then have to drag
it off first. The text is measured as the renderer draws it (`render.text.text_boxes`: the ink of
the glyphs with their strokes), so a wide text box with short lines leaves its empty side usable.
"""

from __future__ import annotations

import math

from xhscover.editing import geometry as G
from xhscover.model.cover import Cover
from xhscover.render.text import text_boxes

STICKER_SIDE = 0.22  # a new sticker's longer side, as a fraction of the canvas's shorter side
IMAGE_WIDTH = 0.6  # a new picture's width, as a fraction of the canvas width ...
IMAGE_HEIGHT = 0.5  # ... and its height at most this fraction of the canvas height
SAFE_MARGIN = 0.06  # keep new layers this fraction of the shorter side away from the edges
BACKGROUND_COVER = 0.5  # layers over this share of the canvas are backdrops, not things to avoid
OTHER_WEIGHT = 0.25  # covering another small layer costs this much per pixel, text costs 1
GRID = 24  # candidate positions per axis


def sticker_size(cover: Cover, aspect: float) -> tuple[float, float]:
    """(w, h) of a new sticker of width/height `aspect`: its longer side a fixed share of the canvas,
    so a tall sticker does not come out taller than a wide one on the same cover."""
    side = STICKER_SIDE * min(cover.width, cover.height)
    aspect = max(0.05, aspect)
    return (side, side / aspect) if aspect >= 1 else (side * aspect, side)


def image_size(cover: Cover, image_w: int, image_h: int) -> tuple[float, float]:
    """(w, h) of a new picture at its own aspect, within IMAGE_WIDTH x IMAGE_HEIGHT of the canvas."""
    iw, ih = max(1, image_w), max(1, image_h)
    s = min(cover.width * IMAGE_WIDTH / iw, cover.height * IMAGE_HEIGHT / ih)
    return iw * s, ih * s


def _avoid(cover: Cover, exclude: set[str]) -> tuple[list[G.Rect], list[G.Rect]]:
    """(text ink boxes, boxes of the other small visible layers) on the cover."""
    text = [box for lid, box, _layout in text_boxes(cover) if lid not in exclude]
    area = cover.width * cover.height
    others = [G.bounds(lay) for lay in cover.layers
              if lay.visible and lay.kind != "text" and lay.id not in exclude
              and lay.w * lay.h < BACKGROUND_COVER * area]
    return text, others


def free_spot(cover: Cover, w: float, h: float, *, exclude: set[str] | None = None) -> tuple[float, float]:
    """Top-left (x, y) for a w x h box that covers the least text, then the least of the other
    small layers; among equally free spots the one nearest the centre (where people look first)."""
    text, others = _avoid(cover, exclude or set())
    m = SAFE_MARGIN * min(cover.width, cover.height)
    x0, y0 = m, m
    x1, y1 = max(m, cover.width - m - w), max(m, cover.height - m - h)
    cx, cy = cover.width / 2, cover.height / 2
    diag = math.hypot(cover.width, cover.height)
    best: tuple[float, float, float, float] | None = None  # cost, distance, x, y
    for i in range(GRID + 1):
        x = x0 + (x1 - x0) * i / GRID
        for j in range(GRID + 1):
            y = y0 + (y1 - y0) * j / GRID
            box = (x, y, w, h)
            cost = sum(G.overlap_area(box, t) for t in text) + OTHER_WEIGHT * sum(G.overlap_area(box, o)
                                                                                 for o in others)
            dist = math.hypot(x + w / 2 - cx, y + h / 2 - cy) / diag
            key = (round(cost, 3), dist)
            if best is None or key < (best[0], best[1]):
                best = (key[0], key[1], x, y)
    assert best is not None
    return best[2], best[3]
