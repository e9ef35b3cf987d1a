"""Canvas drags, one class per mode: move, resize, group resize, rotate, focal point, rubber band.

The pattern of orange-canvas-core's `document/interactions.py`, trimmed to what a cover needs: the
canvas creates an interaction on press (`interaction_for_press`), hands it every pointer move, and
ends it on release (`finish`) or Escape (`cancel`). Interactions change the model only through undo
commands that share one gesture token, so a whole drag is one undo step, and a cancelled drag
leaves no step behind. What they show while running (snapping guides, the rubber band) lives on
the interaction and disappears with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from xhscover.editing import commands as C
from xhscover.editing import geometry as G
from xhscover.editing.document import EditorDocument
from xhscover.editing.snapping import Gap, Guide, snap_edges, snap_move
from xhscover.errors import ImageError
from xhscover.model.layers import ImageLayer

if TYPE_CHECKING:
    from xhscover.ui.canvas import CoverCanvas

SNAP_PX = 6  # snapping reach in screen pixels, whatever the zoom
DEAD_ZONE_PX = 3  # a press that moves less than this (screen px) is a click, not a drag


@dataclass(frozen=True)
class DragKeys:
    """Modifier state during a drag: Alt turns snapping off, Shift constrains (aspect / 15° steps)."""

    snap: bool = True
    shift: bool = False

    @classmethod
    def from_qt(cls, mods: Qt.KeyboardModifier) -> DragKeys:
        return cls(snap=not (mods & Qt.KeyboardModifier.AltModifier),
                   shift=bool(mods & Qt.KeyboardModifier.ShiftModifier))


class Interaction:
    """One press-drag-release gesture on the canvas."""

    cursor: Qt.CursorShape | None = None  # shown while the drag runs (None: keep the hover cursor)

    def __init__(self, canvas: CoverCanvas, doc: EditorDocument, start: G.Point) -> None:
        self.canvas = canvas
        self.doc = doc
        self.start = start
        self.gesture = doc.new_gesture()
        self.moved = False
        self.guides: list[Guide] = []
        self.gaps: list[Gap] = []  # smart-spacing matches, drawn as measured segments
        self.band: G.Rect | None = None

    def move(self, p: G.Point, keys: DragKeys) -> None:
        """Pointer moved to canvas point `p`; small jitters right after the press are ignored."""
        if not self.moved and math.hypot(p[0] - self.start[0], p[1] - self.start[1]) * self.canvas.zoom() \
                < DEAD_ZONE_PX:
            return
        self.moved = True
        self.drag(p, keys)

    def drag(self, p: G.Point, keys: DragKeys) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Release: the gesture's merged command is already on the stack."""

    def cancel(self) -> None:
        """Escape: put the model back as it was at the press (no undo step remains)."""

    # helpers -------------------------------------------------------------------------------------
    def snap_reach(self) -> float:
        return SNAP_PX / self.canvas.zoom()

    def push(self, changes: C.Changes, text: str) -> None:
        self.doc.push(C.SetProps(self.doc, changes, text, gesture=self.gesture))

    def restore(self, changes: C.Changes, text: str) -> None:
        """Push the press-time values under the same gesture: the merged command then equals the
        model's old state, QUndoStack drops it as obsolete, and the drag leaves no undo step."""
        if self.moved:
            self.push(changes, text)


class MoveInteraction(Interaction):
    """Drag the selection; its bounds snap to the canvas, to the other layers' edges and centres,
    and to equal spacing between neighbours (smart spacing)."""

    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, canvas: CoverCanvas, doc: EditorDocument, start: G.Point) -> None:
        super().__init__(canvas, doc, start)
        movable = [lay for lay in doc.selected_layers() if not lay.locked]
        self.orig = {lay.id: (lay.x, lay.y) for lay in movable}
        self.bounds = G.union(G.rects_of(movable))

    def drag(self, p: G.Point, keys: DragKeys) -> None:
        if not self.orig:
            return
        dx, dy = p[0] - self.start[0], p[1] - self.start[1]
        self.guides, self.gaps = [], []
        if keys.snap:
            cover = self.doc.cover
            moved, self.guides, self.gaps = snap_move(G.translate(self.bounds, dx, dy), (cover.width, cover.height),
                                                      G.other_bounds(cover, set(self.orig)), self.snap_reach())
            dx, dy = moved[0] - self.bounds[0], moved[1] - self.bounds[1]
        self.push({i: {"x": round(x + dx, 2), "y": round(y + dy, 2)} for i, (x, y) in self.orig.items()},
                  C.tr("Move"))

    def cancel(self) -> None:
        self.restore({i: {"x": x, "y": y} for i, (x, y) in self.orig.items()}, C.tr("Move"))


class ResizeInteraction(Interaction):
    """Drag a handle of one layer; images and stickers keep their aspect at corners (Shift frees it),
    other layers the other way round. Unrotated free edges snap."""

    def __init__(self, canvas: CoverCanvas, doc: EditorDocument, start: G.Point, layer_id: str,
                 handle: G.Handle) -> None:
        super().__init__(canvas, doc, start)
        self.layer_id = layer_id
        self.handle = handle
        lay = doc.cover.layer(layer_id)
        self.box = G.box_of(lay)
        self.aspect_by_default = lay.kind in ("image", "sticker")
        self.cursor = resize_cursor(handle)

    def drag(self, p: G.Point, keys: DragKeys) -> None:
        keep = self.handle.is_corner and (self.aspect_by_default != keys.shift)
        rect = G.resize_box(self.box, self.handle, p, keep_aspect=keep)
        self.guides = []
        if keys.snap and abs(self.box[4]) < 0.01 and not keep:
            cover = self.doc.cover
            rect, self.guides = snap_edges(rect, self.handle.edges, (cover.width, cover.height),
                                           G.other_bounds(cover, {self.layer_id}), self.snap_reach())
        x, y, w, h = (round(v, 2) for v in rect)
        self.push({self.layer_id: {"x": x, "y": y, "w": w, "h": h}}, C.tr("Resize"))

    def cancel(self) -> None:
        x, y, w, h, _ = self.box
        self.restore({self.layer_id: {"x": x, "y": y, "w": w, "h": h}}, C.tr("Resize"))


class GroupResizeInteraction(Interaction):
    """Scale a multi-selection about its bounds; corners keep the group's aspect (Shift frees it),
    so a resized group looks like the same design, just larger or smaller."""

    def __init__(self, canvas: CoverCanvas, doc: EditorDocument, start: G.Point, handle: G.Handle) -> None:
        super().__init__(canvas, doc, start)
        self.handle = handle
        movable = canvas.multi_editable()
        self.bounds = G.union(G.rects_of(movable))
        self.orig = {lay.id: (lay.x, lay.y, lay.w, lay.h) for lay in movable}
        self.cursor = resize_cursor(handle)

    def drag(self, p: G.Point, keys: DragKeys) -> None:
        keep = self.handle.is_corner and not keys.shift
        rect = G.resize_group(self.bounds, self.handle, p, keep_aspect=keep)
        self.guides = []
        if keys.snap and not keep:
            cover = self.doc.cover
            rect, self.guides = snap_edges(rect, self.handle.edges, (cover.width, cover.height),
                                           G.other_bounds(cover, set(self.orig)), self.snap_reach())
        changes: C.Changes = {
            i: {"x": round(x, 2), "y": round(y, 2), "w": round(w, 2), "h": round(h, 2)}
            for i, (x, y, w, h) in G.scale_into(self.orig, self.bounds, rect).items()}
        self.push(changes, C.tr("Resize"))

    def cancel(self) -> None:
        self.restore({i: {"x": x, "y": y, "w": w, "h": h} for i, (x, y, w, h) in self.orig.items()},
                     C.tr("Resize"))


class RotateInteraction(Interaction):
    """Turn one layer about its centre by the knob above it; sticks to 0/90/180°, Shift: 15° steps."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: CoverCanvas, doc: EditorDocument, start: G.Point, layer_id: str) -> None:
        super().__init__(canvas, doc, start)
        self.layer_id = layer_id
        lay = doc.cover.layer(layer_id)
        self.centre = G.centre(lay)
        self.rotation0 = lay.rotation

    def drag(self, p: G.Point, keys: DragKeys) -> None:
        ang = G.rotation_towards(self.centre, p, step=15.0 if keys.shift else None)
        self.push({self.layer_id: {"rotation": round(ang, 2)}}, C.tr("Rotate"))

    def cancel(self) -> None:
        self.restore({self.layer_id: {"rotation": self.rotation0}}, C.tr("Rotate"))


class FocalInteraction(Interaction):
    """Alt-drag inside a cropping image: slide the picture in its box (moves the focal point)."""

    cursor = Qt.CursorShape.ClosedHandCursor

    def __init__(self, canvas: CoverCanvas, doc: EditorDocument, start: G.Point, layer: ImageLayer) -> None:
        super().__init__(canvas, doc, start)
        self.layer_id = layer.id
        self.focal0 = (float(layer.focal[0]), float(layer.focal[1]))
        self.rotation = layer.rotation
        iw, ih = doc.store.load(layer.src).size  # raises ImageError for a broken image: no drag then
        self.overflow = G.crop_overflow(layer.w, layer.h, iw, ih)

    def drag(self, p: G.Point, keys: DragKeys) -> None:
        focal = G.focal_after_drag(self.focal0, self.overflow, self.rotation,
                                   p[0] - self.start[0], p[1] - self.start[1])
        self.doc.push(C.set_focal(self.doc, self.layer_id, focal, gesture=self.gesture))

    def cancel(self) -> None:
        if self.moved:
            self.doc.push(C.set_focal(self.doc, self.layer_id, self.focal0, gesture=self.gesture))


class BandInteraction(Interaction):
    """Rubber-band selection from an empty spot; with Shift it adds to the selection it started with."""

    def __init__(self, canvas: CoverCanvas, doc: EditorDocument, start: G.Point, *, add: bool) -> None:
        super().__init__(canvas, doc, start)
        self.base = doc.selection if add else []
        self.before = doc.selection
        if not add:
            doc.set_selection([])

    def move(self, p: G.Point, keys: DragKeys) -> None:
        self.moved = True  # a band follows the pointer from the first pixel
        self.drag(p, keys)

    def drag(self, p: G.Point, keys: DragKeys) -> None:
        self.band = G.rect_from_points(self.start, p)
        hits = G.layers_in(self.doc.cover, self.band)
        self.doc.set_selection(list(dict.fromkeys(self.base + self.doc.expand_groups(hits))))

    def cancel(self) -> None:
        self.doc.set_selection(self.before)


def interaction_for_press(canvas: CoverCanvas, doc: EditorDocument, p: G.Point,
                          mods: Qt.KeyboardModifier) -> Interaction | None:
    """Decide what a left press at canvas point `p` starts, updating the selection as a click does.

    Handles win over layers; Alt on a cropping image slides the picture; Shift-click toggles a
    layer (and its group) in the selection; an empty spot starts a rubber band."""
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    handle = canvas.handle_at(p)
    if handle is not None and handle.kind == "group":
        return GroupResizeInteraction(canvas, doc, p, handle)
    if handle is not None:
        single = canvas.single_editable()
        assert single is not None  # handle_at only finds single-layer handles on one
        if handle.kind == "rotate":
            return RotateInteraction(canvas, doc, p, single.id)
        return ResizeInteraction(canvas, doc, p, single.id, handle)
    hit = G.layer_at(doc.cover, p)
    if hit is None:
        return BandInteraction(canvas, doc, p, add=shift)
    if mods & Qt.KeyboardModifier.AltModifier and isinstance(hit, ImageLayer) and hit.fit == "cover":
        doc.set_selection([hit.id])
        try:
            return FocalInteraction(canvas, doc, p, hit)
        except ImageError as exc:  # the picture cannot be read: say so, and there is nothing to slide
            canvas.problem.emit(str(exc))
            return None
    group = doc.expand_groups([hit.id])
    if shift:
        sel = doc.selection
        if hit.id in sel:
            doc.set_selection([i for i in sel if i not in group])
            return None
        doc.set_selection(sel + group)
    elif hit.id not in doc.selection:
        doc.set_selection(group)
    return MoveInteraction(canvas, doc, p)


def resize_cursor(h: G.Handle) -> Qt.CursorShape:
    if h.hx == 0:
        return Qt.CursorShape.SizeVerCursor
    if h.hy == 0:
        return Qt.CursorShape.SizeHorCursor
    return Qt.CursorShape.SizeFDiagCursor if h.hx == h.hy else Qt.CursorShape.SizeBDiagCursor
