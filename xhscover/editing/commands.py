"""Undo commands. Each one changes the MODEL only, then tells the document what changed.

Views never get touched here; they follow `EditorDocument` signals. Commands that carry a
`gesture` token merge with the previous command of the same gesture, so a whole drag or slider
movement is one undo step; keyboard nudges merge the same way while they continue.
"""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any, get_args

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from xhscover.editing.document import EditorDocument
from xhscover.editing.props import get_path, set_path
from xhscover.model.cover import Cover, canvas_size
from xhscover.model.layers import ImageLayer, Layer, ShapeKind, StickerLayer, TextLayer
from xhscover.model.runs import remap, style_range

SET_PROPS_ID = 1001
NUDGE_WINDOW_S = 1.5  # string gestures merge only within this window; int gestures (drags) always

# target None = the cover itself (background, name, note title); otherwise a layer id
Changes = dict[str | None, dict[str, Any]]


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def _target(cover: Cover, target: str | None) -> Any:
    return cover if target is None else cover.layer(target)


class SetProps(QUndoCommand):
    """Set fields (dotted paths) on layers and/or the cover; the general-purpose edit."""

    def __init__(self, doc: EditorDocument, changes: Changes, text: str = "", *,
                 cover_id: str | None = None, gesture: Any = None) -> None:
        super().__init__(text or tr("Change properties"))
        self.doc = doc
        self.cover_id = cover_id or doc.cover_id
        cover = doc.project.cover(self.cover_id)
        self.new: Changes = {t: {p: copy.deepcopy(v) for p, v in c.items()} for t, c in changes.items()}
        self.old: Changes = {
            t: {p: copy.deepcopy(get_path(_target(cover, t), p)) for p in c} for t, c in changes.items()
        }
        self.gesture = gesture
        self.stamp = time.monotonic()

    def id(self) -> int:
        return SET_PROPS_ID if self.gesture is not None else -1

    def _apply(self, values: Changes) -> None:
        cover = self.doc.project.cover(self.cover_id)
        for t, c in values.items():
            obj = _target(cover, t)
            for p, v in c.items():
                set_path(obj, p, copy.deepcopy(v))
        self.doc.notify_changed(self.cover_id, [t for t in values if t is not None])

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetProps) or other.gesture != self.gesture or other.cover_id != self.cover_id:
            return False
        if isinstance(self.gesture, str) and other.stamp - self.stamp > NUDGE_WINDOW_S:
            return False  # keyboard-ish gestures (nudges, spin boxes) merge only while they continue
        for t, c in other.new.items():
            mine = self.new.setdefault(t, {})
            olds = self.old.setdefault(t, {})
            for p, v in c.items():
                if p not in olds:
                    olds[p] = copy.deepcopy(other.old[t][p])
                mine[p] = v
        self.stamp = other.stamp
        if self.new == self.old:
            self.setObsolete(True)
        return True


def move_layers(doc: EditorDocument, ids: list[str], dx: float, dy: float, *, gesture: Any = None) -> SetProps:
    cover = doc.cover
    changes: Changes = {}
    for i in ids:
        lay = cover.layer(i)
        changes[i] = {"x": lay.x + dx, "y": lay.y + dy}
    return SetProps(doc, changes, tr("Move"), gesture=gesture)


def nudge(doc: EditorDocument, ids: list[str], dx: float, dy: float) -> SetProps:
    """Arrow-key nudge; successive nudges of the same layers merge into one undo step."""
    return move_layers(doc, ids, dx, dy, gesture="nudge:" + ",".join(sorted(ids)))


class _StructureCommand(QUndoCommand):
    """Swap the cover's whole layer list; simple and exact for add/remove/reorder/duplicate."""

    def __init__(self, doc: EditorDocument, new_layers: list[Layer], text: str, select: list[str] | None = None,
                 cover_id: str | None = None) -> None:
        super().__init__(text)
        self.doc = doc
        self.cover_id = cover_id or doc.cover_id
        self.old_layers = list(doc.project.cover(self.cover_id).layers)
        self.new_layers = list(new_layers)
        self.select = select

    def redo(self) -> None:
        self.doc.project.cover(self.cover_id).layers = list(self.new_layers)
        self.doc.notify_structure(self.cover_id)
        if self.select is not None and self.cover_id == self.doc.cover_id:
            self.doc.set_selection(self.select)

    def undo(self) -> None:
        self.doc.project.cover(self.cover_id).layers = list(self.old_layers)
        self.doc.notify_structure(self.cover_id)


def add_layer(doc: EditorDocument, layer: Layer, index: int | None = None) -> QUndoCommand:
    layers = list(doc.cover.layers)
    if not layer.id or any(lay.id == layer.id for lay in layers):
        layer.id = doc.cover.new_layer_id(layer.kind)
    layers.insert(len(layers) if index is None else index, layer)
    return _StructureCommand(doc, layers, tr("Add layer"), [layer.id])


def remove_layers(doc: EditorDocument, ids: list[str]) -> QUndoCommand:
    layers = [lay for lay in doc.cover.layers if lay.id not in set(ids)]
    return _StructureCommand(doc, layers, tr("Delete"), [])


def reorder_layer(doc: EditorDocument, layer_id: str, new_index: int) -> QUndoCommand:
    """Move one layer to `new_index` in the bottom-first list (clamped)."""
    layers = list(doc.cover.layers)
    lay = doc.cover.layer(layer_id)
    layers.remove(lay)
    layers.insert(max(0, min(new_index, len(layers))), lay)
    return _StructureCommand(doc, layers, tr("Reorder"))


def set_order(doc: EditorDocument, ids_bottom_first: list[str]) -> QUndoCommand:
    by_id = {lay.id: lay for lay in doc.cover.layers}
    layers = [by_id[i] for i in ids_bottom_first if i in by_id]
    layers += [lay for lay in doc.cover.layers if lay.id not in set(ids_bottom_first)]
    return _StructureCommand(doc, layers, tr("Reorder"))


def duplicate_layers(doc: EditorDocument, ids: list[str], offset: float = 24.0) -> QUndoCommand:
    cover = doc.cover
    layers = list(cover.layers)
    taken = {lay.id for lay in layers}
    new_ids: list[str] = []
    group_map: dict[str, str] = {}
    for lay in [lay for lay in cover.layers if lay.id in set(ids)]:
        dup = copy.deepcopy(lay)
        n = 1
        while f"{lay.kind}{n}" in taken:
            n += 1
        dup.id = f"{lay.kind}{n}"
        taken.add(dup.id)
        dup.slot = None
        dup.name = (lay.name or lay.id) + " " + tr("copy")
        dup.x += offset
        dup.y += offset
        if lay.group:
            dup.group = group_map.setdefault(lay.group, _new_group_id(cover, set(group_map.values())))
        layers.append(dup)  # on top, where the user sees it
        new_ids.append(dup.id)
    return _StructureCommand(doc, layers, tr("Duplicate"), new_ids)


def _new_group_id(cover: Cover, extra: set[str] | None = None) -> str:
    taken = {lay.group for lay in cover.layers if lay.group} | (extra or set())
    n = 1
    while f"g{n}" in taken:
        n += 1
    return f"g{n}"


def group_layers(doc: EditorDocument, ids: list[str]) -> SetProps:
    gid = _new_group_id(doc.cover)
    return SetProps(doc, {i: {"group": gid} for i in ids}, tr("Group"))


def ungroup_layers(doc: EditorDocument, ids: list[str]) -> SetProps:
    return SetProps(doc, {i: {"group": None} for i in ids}, tr("Ungroup"))


def set_visible(doc: EditorDocument, layer_id: str, visible: bool) -> SetProps:
    return SetProps(doc, {layer_id: {"visible": visible}}, tr("Show") if visible else tr("Hide"))


def set_locked(doc: EditorDocument, layer_id: str, locked: bool) -> SetProps:
    return SetProps(doc, {layer_id: {"locked": locked}}, tr("Lock") if locked else tr("Unlock"))


def rename_layer(doc: EditorDocument, layer_id: str, name: str) -> SetProps:
    return SetProps(doc, {layer_id: {"name": name}}, tr("Rename"))


def replace_image(doc: EditorDocument, layer_id: str, path: str | Path) -> SetProps:
    """Import the file into the project store (raises ImageError for bad files), then point the layer at it."""
    key = doc.store.add_file(path)
    return SetProps(doc, {layer_id: {"src": key}}, tr("Replace image"))


def set_background_image(doc: EditorDocument, path: str | Path | None) -> SetProps:
    """Import the file (raises ImageError for bad files) and draw it under the layers; None removes it."""
    if path is None:
        return SetProps(doc, {None: {"background.image": None}}, tr("Remove background image"))
    key = doc.store.add_file(path)
    return SetProps(doc, {None: {"background.image": key}}, tr("Background image"))


def set_sticker(doc: EditorDocument, ids: list[str], sticker_id: str = "", emoji: str = "") -> SetProps | None:
    """Swap what sticker layers show (a bundled SVG or an emoji), keeping each box's width and centre.

    An SVG sticker keeps its own aspect, so the box height follows it; a name that was the old
    sticker's automatic one follows the new sticker too. None when there is nothing to change.
    """
    if not sticker_id and not emoji:
        return None
    from xhscover.model.assets import sticker_catalog

    aspect, new_name = 1.0, emoji
    catalog = sticker_catalog()  # AssetError (one clear line) when the bundle is broken
    if sticker_id:
        st = catalog.get(sticker_id)  # the picker offers catalogue ids only: unknown is an error
        aspect, new_name = max(0.05, _svg_aspect(st.path)), st.name_zh
    names = {s.id: s.name_zh for s in catalog}
    changes: Changes = {}
    for i in ids:
        lay = doc.cover.layer(i)
        if not isinstance(lay, StickerLayer) or (lay.sticker, lay.emoji) == (sticker_id, "" if sticker_id else emoji):
            continue
        c: dict[str, Any] = {"sticker": sticker_id, "emoji": "" if sticker_id else emoji}
        h = lay.w / aspect if sticker_id else lay.w
        if abs(h - lay.h) > 0.01:
            c["h"], c["y"] = round(h, 2), round(lay.y + (lay.h - h) / 2, 2)
        auto = {"", lay.emoji, tr("Sticker")}
        if lay.sticker in names:  # a sticker this version does not ship has no automatic name
            auto.add(names[lay.sticker])
        if lay.name in auto and new_name:
            c["name"] = new_name
        changes[i] = c
    return SetProps(doc, changes, tr("Change sticker")) if changes else None


def set_background(doc: EditorDocument, **fields: Any) -> SetProps:
    return SetProps(doc, {None: {f"background.{k}": v for k, v in fields.items()}}, tr("Background"))


def new_image_layer(doc: EditorDocument, key: str) -> ImageLayer:
    """An image layer at the picture's aspect and a size relative to the canvas, placed where it
    covers the least text (`editing.placement`). Raises ImageError if the stored picture is unreadable."""
    from xhscover.editing.placement import free_spot, image_size

    cover = doc.cover
    iw, ih = doc.store.load(key).size
    w, h = image_size(cover, iw, ih)
    x, y = free_spot(cover, w, h)
    return ImageLayer(id=cover.new_layer_id("image"), name=tr("Image"), x=round(x, 2), y=round(y, 2),
                      w=round(w, 2), h=round(h, 2), src=key, fit="cover")


class _VariantsCommand(QUndoCommand):
    """Swap the project's cover list (add / duplicate / delete / replace a variant)."""

    def __init__(self, doc: EditorDocument, covers: list[Cover], text: str, switch_to: str | None) -> None:
        super().__init__(text)
        self.doc = doc
        self.old = list(doc.project.covers)
        self.old_current = doc.cover_id
        self.new = list(covers)
        self.switch_to = switch_to

    def _set(self, covers: list[Cover], current: str | None) -> None:
        self.doc.project.covers = list(covers)
        self.doc.notify_structure(current or self.doc.cover_id)
        if current and any(c.id == current for c in covers):
            self.doc.set_current_cover(current)

    def redo(self) -> None:
        self._set(self.new, self.switch_to)

    def undo(self) -> None:
        self._set(self.old, self.old_current)


def duplicate_variant(doc: EditorDocument, cover_id: str | None = None) -> QUndoCommand:
    src = doc.project.cover(cover_id or doc.cover_id)
    new = copy.deepcopy(src)
    new.id = new.name = doc.project.next_variant_id()
    covers = list(doc.project.covers)
    covers.insert(covers.index(src) + 1, new)
    return _VariantsCommand(doc, covers, tr("Duplicate variant"), new.id)


def add_variant(doc: EditorDocument, cover: Cover, name: str | None = None) -> QUndoCommand:
    cover.id = cover.name = doc.project.next_variant_id()
    if name:
        cover.name = name
    return _VariantsCommand(doc, [*doc.project.covers, cover], tr("Add variant"), cover.id)


def delete_variant(doc: EditorDocument, cover_id: str) -> QUndoCommand | None:
    if len(doc.project.covers) <= 1:
        return None
    covers = [c for c in doc.project.covers if c.id != cover_id]
    switch = doc.cover_id if doc.cover_id != cover_id else covers[0].id
    return _VariantsCommand(doc, covers, tr("Delete variant"), switch)


def rename_variant(doc: EditorDocument, cover_id: str, name: str) -> SetProps:
    return SetProps(doc, {None: {"name": name}}, tr("Rename variant"), cover_id=cover_id)


def change_ratio(doc: EditorDocument, ratio: str, cover_id: str | None = None) -> QUndoCommand:
    """Rescale every layer box to the new canvas (fractions kept), as layouts do."""
    old = doc.project.cover(cover_id or doc.cover_id)
    new = copy.deepcopy(old)
    cw, ch = canvas_size(ratio)
    sx, sy = cw / old.width, ch / old.height
    s = min(sx, sy)
    new.ratio, new.width, new.height = ratio, cw, ch
    for lay in new.layers:
        cx, cy = (lay.x + lay.w / 2) * sx, (lay.y + lay.h / 2) * sy
        if lay.kind == "image":
            lay.w, lay.h = lay.w * sx, lay.h * sy
        else:  # text, stickers, shapes keep their proportions
            lay.w, lay.h = lay.w * s, lay.h * s
        lay.x, lay.y = cx - lay.w / 2, cy - lay.h / 2
    covers = [new if c is old else c for c in doc.project.covers]
    return _VariantsCommand(doc, covers, tr("Change ratio"), new.id)


def set_note_title(doc: EditorDocument, cover_id: str, title: str) -> SetProps:
    """The note title under the cover in the feed; typing merges into one step (string gesture)."""
    return SetProps(doc, {None: {"note_title": title}}, tr("Note title"), cover_id=cover_id,
                    gesture="note_title:" + cover_id)


SHAPE_KINDS: tuple[ShapeKind, ...] = get_args(ShapeKind)


def new_shape_layer(doc: EditorDocument, shape: str) -> Layer:
    """A brand-red shape, a third of the canvas wide, centred; lines and arrows are thin and stroked."""
    from xhscover.model.layers import ShapeLayer
    from xhscover.model.styles import Fill, Stroke

    if shape not in SHAPE_KINDS:
        raise ValueError(f"unknown shape {shape!r}")
    cover = doc.cover
    w = cover.width * 0.36
    h = w * (0.7 if shape in ("rect", "rounded_rect") else 1.0)
    names = {"rect": tr("Rectangle"), "rounded_rect": tr("Rounded rectangle"), "ellipse": tr("Ellipse"),
             "line": tr("Line"), "arrow": tr("Arrow")}
    lay = ShapeLayer(id=cover.new_layer_id("shape"), name=names[shape], shape=shape)
    if shape in ("line", "arrow"):
        h = cover.width * 0.06
        lay.fill = Fill.solid("#FF2442") if shape == "arrow" else None
        lay.stroke = Stroke("#FF2442", 14)
    lay.w, lay.h = w, h
    lay.x, lay.y = (cover.width - w) / 2, (cover.height - h) / 2
    return lay


def new_sticker_layer(doc: EditorDocument, sticker_id: str = "", emoji: str = "", name: str = "") -> Layer:
    """A bundled SVG sticker (kept at its aspect) or an emoji, its longer side a fixed share of the
    canvas, placed where it covers the least text (`editing.placement`)."""
    from xhscover.editing.placement import free_spot, sticker_size

    cover = doc.cover
    aspect = 1.0
    if sticker_id:
        from xhscover.model.assets import sticker_catalog

        st = sticker_catalog().get(sticker_id)  # AssetError for an id the bundle does not have
        aspect = _svg_aspect(st.path)
        name = name or st.name_zh
    w, h = sticker_size(cover, aspect)
    x, y = free_spot(cover, w, h)
    return StickerLayer(id=cover.new_layer_id("sticker"), name=name or emoji or tr("Sticker"),
                        x=round(x, 2), y=round(y, 2), w=round(w, 2), h=round(h, 2),
                        sticker=sticker_id, emoji=emoji if not sticker_id else "")


def _svg_aspect(path: Path) -> float:
    import re

    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    m = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', head)
    return float(m.group(1)) / float(m.group(2)) if m else 1.0


def set_focal(doc: EditorDocument, layer_id: str, focal: tuple[float, float], *, gesture: Any = None) -> SetProps:
    """Move the point kept in view by a cropping (fit=cover) image; one drag = one step."""
    fx, fy = (min(1.0, max(0.0, float(v))) for v in focal)
    return SetProps(doc, {layer_id: {"focal": (fx, fy)}}, tr("Focal point"), gesture=gesture)


def set_text(doc: EditorDocument, layer_id: str, text: str, *, gesture: Any = None) -> SetProps | None:
    """Replace a text layer's text; its styled runs follow the edit (typing inside 西湖 keeps the style)."""
    lay = doc.cover.layer(layer_id)
    if not isinstance(lay, TextLayer) or lay.text == text:
        return None
    return SetProps(doc, {layer_id: {"text": text, "runs": remap(lay.runs, lay.text, text)}}, tr("Edit text"),
                    gesture=gesture)


def style_text_range(doc: EditorDocument, layer_id: str, start: int, end: int, **changes: Any) -> SetProps | None:
    """Style characters [start, end) of a text layer (color=, scale=, strokes=, highlight=): one undo step."""
    lay = doc.cover.layer(layer_id)
    if not isinstance(lay, TextLayer):
        return None
    runs = style_range(lay.runs, len(lay.text), start, end, **changes)
    if runs == lay.runs:
        return None
    return SetProps(doc, {layer_id: {"runs": runs}}, tr("Style text"))


def apply_text_preset(doc: EditorDocument, ids: list[str], preset_id: str) -> SetProps | None:
    """Give every listed text layer a 花字 preset's look: one undo step for the whole selection."""
    from xhscover.model.presets import get_preset, preset_changes

    preset = get_preset(preset_id)
    changes: Changes = {}
    for lid in ids:
        lay = doc.cover.layer(lid)
        if isinstance(lay, TextLayer):
            changes[lid] = preset_changes(preset, lay.style)
    if not changes:
        return None
    return SetProps(doc, changes, tr("Apply text style"))
