"""Per-cover facts the scorer needs once per cover, not once per placement.

Text and face boxes are stored as fractions of the cover (x, y, w, h in 0..1) so they can be
mapped onto whatever rectangle the feed draws the cover into, at any pixel ratio. The user's own
covers (from a project) carry the exact text layers, each only where the final cover still shows
it (a title under a photo is not text), plus what the detector finds elsewhere; image-only covers
(competitors, or the user's cover given as a PNG) get boxes from the text detector, run once per
image and cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from xhscover.attention import detectors
from xhscover.errors import ModelMissingError

FBox = tuple[float, float, float, float]
"""(x, y, w, h) as fractions of the cover's width and height."""

DETECT_LONG_SIDE = 384
"""Text detection on image-only covers runs with the long side at 384 px (a multiple of 32):
a feed card shows the cover about 190 pt wide, so type too small to be found at 384 px is too
small to matter on the phone either, and detection costs ~0.1 s instead of ~0.5 s at 960."""
OCR_BOX_PER_GLYPH = 1.3
"""Detector boxes are grown by the DB "unclip" ratio; measured on the bundled layouts a box is
1.1-1.4x the glyph height of its line, so an OCR'd title's glyph height is box height / 1.3."""
TITLE_LINE_FRACTION = 0.6
"""On image-only covers, the title is the group of text lines at least 0.6x as tall as the
tallest line (the biggest type on the cover is what a reader takes for the title)."""
ANALYSIS_LONG_SIDE = 1440
"""Covers are analysed at most this big (a 1080x1440 cover stays as it is)."""


@dataclass
class CoverFacts:
    """What the scorer knows about one cover, independent of where it lands in the feed."""

    id: str
    rgb: np.ndarray
    """The cover pixels (RGB uint8), long side at most `ANALYSIS_LONG_SIDE`."""
    text_boxes: list[FBox] = field(default_factory=list)
    title_boxes: list[FBox] = field(default_factory=list)
    """The title's box(es): one per title layer line block (project) or the biggest OCR lines."""
    title_text: str = ""
    """The title as written on the cover ("" when only known from OCR boxes)."""
    glyph_height: float | None = None
    """Title glyph height as a fraction of the cover width (exact for layers, estimated for OCR)."""
    text_source: str = "none"
    """"layers" (exact, from the project), "ocr" (detected) or "none" (no text found)."""
    faces: list[tuple[FBox, float]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mine: bool = False
    title_visible: float = 1.0
    """Share of the title layer's drawn pixels still visible in the final cover (1 for
    image-only covers, whose title is what the detector finds in the pixels)."""

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of `rgb` in pixels."""
        return self.rgb.shape[1], self.rgb.shape[0]

    def px_boxes(self, boxes: Sequence[FBox]) -> list[tuple[int, int, int, int]]:
        """Fractional boxes as whole-pixel (x, y, w, h) boxes of `rgb`."""
        w, h = self.size
        out = []
        for x, y, bw, bh in boxes:
            x0, y0 = round(x * w), round(y * h)
            x1, y1 = round((x + bw) * w), round((y + bh) * h)
            if x1 > x0 and y1 > y0:
                out.append((x0, y0, x1 - x0, y1 - y0))
        return out


def _fraction(box: Sequence[float], width: float, height: float) -> FBox:
    x, y, w, h = (float(v) for v in box[:4])
    x0, y0 = max(0.0, x / width), max(0.0, y / height)
    x1, y1 = min(1.0, (x + w) / width), min(1.0, (y + h) / height)
    return (x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))


def _limit(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    scale = ANALYSIS_LONG_SIDE / max(h, w)
    if scale >= 1:
        return np.ascontiguousarray(rgb)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(np.ascontiguousarray(rgb), size, interpolation=cv2.INTER_AREA)


def _faces(rgb: np.ndarray, warnings: list[str]) -> list[tuple[FBox, float]]:
    h, w = rgb.shape[:2]
    try:
        found = detectors.detect_faces(rgb)
    except ModelMissingError as exc:
        warnings.append(f"faces not detected: {exc}")
        return []
    return [(_fraction(box, w, h), float(score)) for box, score in found]


_lock = threading.Lock()
_image_facts: OrderedDict[str, tuple[list[FBox], list[tuple[FBox, float]], list[str]]] = OrderedDict()
_CACHE_SIZE = 256


def detected_boxes(rgb: np.ndarray) -> tuple[list[FBox], list[tuple[FBox, float]], list[str]]:
    """(text boxes, faces, warnings) of an image-only cover, as fractions; cached by content."""
    key = detectors.image_key(rgb)
    with _lock:
        hit = _image_facts.get(key)
        if hit is not None:
            _image_facts.move_to_end(key)
            return hit
    h, w = rgb.shape[:2]
    warnings: list[str] = []
    try:
        texts = [_fraction(b, w, h) for b in detectors.detect_text_boxes(rgb, long_side=DETECT_LONG_SIDE)]
    except ModelMissingError as exc:
        warnings.append(f"text not detected: {exc}")
        texts = []
    value = (texts, _faces(rgb, warnings), warnings)
    with _lock:
        _image_facts[key] = value
        while len(_image_facts) > _CACHE_SIZE:
            _image_facts.popitem(last=False)
    return value


def facts_from_image(rgb: np.ndarray, *, id: str, mine: bool = False, title_text: str = "") -> CoverFacts:
    """Facts of an image-only cover: detected text lines (the tallest ones are the title) and faces."""
    rgb = _limit(rgb)
    texts, faces, warnings = detected_boxes(rgb)
    titles: list[FBox] = []
    glyph = None
    if texts:
        h, w = rgb.shape[:2]
        tallest = max(b[3] for b in texts)
        titles = [b for b in texts if b[3] >= TITLE_LINE_FRACTION * tallest]
        glyph = tallest * h / OCR_BOX_PER_GLYPH / w
    return CoverFacts(id=id, rgb=rgb, text_boxes=list(texts), title_boxes=titles, title_text=title_text,
                      glyph_height=glyph, text_source="ocr" if texts else "none", faces=list(faces),
                      warnings=list(warnings), mine=mine)


def covered(box: FBox, by: list[FBox], fraction: float = 0.5) -> bool:
    """True when more than `fraction` of `box`'s area lies inside one of the boxes `by`."""
    x, y, w, h = box
    for bx, by_, bw, bh in by:
        iw = min(x + w, bx + bw) - max(x, bx)
        ih = min(y + h, by_ + bh) - max(y, by_)
        if iw > 0 and ih > 0 and iw * ih > fraction * w * h:
            return True
    return False


TITLE_VISIBLE_MIN = 0.5
"""A text layer with less than half of its drawn pixels visible in the final cover (a photo or
sticker over it) is hidden: it is not text to the attention model, and for the title the findings
say so instead of judging its size and contrast."""
VISIBILITY_SCALE = 0.25
"""Visibility is measured on renders at a quarter of the cover's size (270x360 for 1080x1440)."""
VISIBILITY_DELTA = 12
"""A pixel belongs to a layer when drawing the layer changes one of its channels by more than this."""


def layer_visibility(cover: Any, store: Any, layer_id: str) -> float:
    """Share of a layer's drawn pixels that are still visible once every layer above it is drawn.

    Compares renders with and without the layer, once with the layers above it and once
    without them: what the layer changes in the final cover over what it changes on its own.
    1.0 when nothing is drawn above it; 0.0 for a layer that draws nothing."""
    from xhscover.render.convert import qimage_to_rgb
    from xhscover.render.cover import render_cover

    ids = [layer.id for layer in cover.layers]
    if layer_id not in ids:
        raise KeyError(layer_id)
    above = {layer.id for layer in cover.layers[ids.index(layer_id) + 1:] if layer.visible}
    if not above:
        return 1.0

    def changed(hide: set[str]) -> np.ndarray:
        with_it = qimage_to_rgb(render_cover(cover, store, scale=VISIBILITY_SCALE, hide=hide)).astype(np.int16)
        without = qimage_to_rgb(render_cover(cover, store, scale=VISIBILITY_SCALE,
                                             hide=hide | {layer_id})).astype(np.int16)
        mask: np.ndarray = np.abs(with_it - without).max(axis=2) > VISIBILITY_DELTA
        return mask

    alone = changed(set(above))
    drawn = int(alone.sum())
    if not drawn:
        return 0.0
    return float((changed(set()) & alone).sum()) / drawn


def _overlapped_from_above(cover: Any, layer_id: str, box: Sequence[float]) -> bool:
    """Whether a visible layer drawn above `layer_id` reaches its box (rotation allowed for: each
    layer above counts by a square around its centre as wide as its diagonal)."""
    ids = [layer.id for layer in cover.layers]
    x, y, w, h = box
    for layer in cover.layers[ids.index(layer_id) + 1:]:
        if not layer.visible:
            continue
        r = 0.5 * float(np.hypot(layer.w, layer.h))
        cx, cy = layer.x + 0.5 * layer.w, layer.y + 0.5 * layer.h
        if cx - r < x + w and cx + r > x and cy - r < y + h and cy + r > y:
            return True
    return False


def covered_by_union(box: FBox, by: list[FBox], fraction: float = 0.5, samples: int = 24) -> bool:
    """True when more than `fraction` of `box` lies inside the union of `by` (a 2-line title box
    is covered by its two detected line boxes together), measured on a grid of sample points."""
    if not by:
        return False
    x, y, w, h = box
    xs = x + (np.arange(samples) + 0.5) / samples * w
    ys = y + (np.arange(samples) + 0.5) / samples * h
    inside = np.zeros((samples, samples), bool)
    for bx, by_, bw, bh in by:
        inside |= ((ys >= by_) & (ys < by_ + bh))[:, None] & ((xs >= bx) & (xs < bx + bw))[None, :]
    return float(inside.mean()) > fraction


def facts_from_cover(cover: Any, store: Any, *, id: str | None = None, rgb: np.ndarray | None = None,
                     detected: tuple[list[FBox], list[tuple[FBox, float]], list[str]] | None = None) -> CoverFacts:
    """Facts of one of the user's covers from its project: exact text layer boxes, title layer
    (role "title") glyph height, and detected faces. Renders the cover unless `rgb` is given.

    Text layers count only where the final cover shows them (`layer_visibility`: a title under a
    photo is not text, and `title_visible` lets the findings say so), and only where the detector,
    run on the final pixels as for competitors, did not find them already; the detector's boxes
    also bring text the layers do not know about (words drawn inside stickers or photos), so the
    user's cover is scored with the same text as a competitor (layer boxes, tighter than the
    detector's, gave a cover 7% less share than its own PNG). `detected` passes `detected_boxes` of a cover whose pictures are the same (suggestions that only restyle
    the title reuse the original's instead of running the detectors on every candidate)."""
    from xhscover.render.text import text_boxes

    if rgb is None:
        from xhscover.render.convert import qimage_to_rgb
        from xhscover.render.cover import render_cover

        rgb = qimage_to_rgb(render_cover(cover, store))
    rgb = _limit(rgb)
    cw, ch = float(cover.width), float(cover.height)
    boxes = text_boxes(cover)
    # Text counts from the final pixels: a text layer mostly covered by a photo or sticker drawn
    # above it is not text to the reader (renders only when something above reaches its box).
    visible = {lid: layer_visibility(cover, store, lid) if _overlapped_from_above(cover, lid, box) else 1.0
               for lid, box, _layout in boxes}
    title = cover.title_layer()
    layer_texts = [_fraction(box, cw, ch) for lid, box, _layout in boxes if visible[lid] >= TITLE_VISIBLE_MIN]
    titles: list[FBox] = []
    glyph = None
    title_text = ""
    title_visible = 1.0
    for lid, box, layout in boxes:
        if title is not None and lid == title.id:
            titles.append(_fraction(box, cw, ch))
            glyph = float(layout.glyph_height) / cw if layout.glyph_height else None
            title_text = title.text
            title_visible = visible[lid]
    found, faces, warnings = detected if detected is not None else detected_boxes(rgb)
    warnings = list(warnings)
    # The detector's boxes first, as for every competitor (a cover scores the same from its project
    # as from its exported PNG); a visible layer the detector missed (decorative lettering) is added.
    texts = list(found) + [b for b in layer_texts if not covered_by_union(b, list(found))]
    if title is None:
        warnings.append(f"cover {cover.id}: no visible text layer with role 'title'")
    elif title_visible < TITLE_VISIBLE_MIN:
        warnings.append(f"cover {cover.id}: the title is hidden by layers above it ({round(100 * title_visible)}% visible)")
    return CoverFacts(id=id or cover.id, rgb=rgb, text_boxes=texts, title_boxes=titles, title_text=title_text,
                      glyph_height=glyph, text_source="layers", faces=list(faces), warnings=warnings, mine=True,
                      title_visible=title_visible)


def clear_cache() -> None:
    with _lock:
        _image_facts.clear()
