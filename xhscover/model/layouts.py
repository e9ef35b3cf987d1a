"""Layouts: reusable cover recipes in `assets/layouts/*.json`, validated on load.

A layout places slots in fractions of the canvas (x, y, w, h in 0-1), so one recipe adapts to 3:4,
1:1 and 4:3; a `ratios` block may override any slot field for one ratio. Font sizes are pixels for
a canvas whose short side is 1080 (true of all three ratios).

File format (all keys but `id`, `name`, `genre` and `slots` optional)::

    {"id": "big-title", "name": {"zh": "大字报", "en": "Big title"}, "genre": "big-title",
     "tags": ["knowledge"], "background": {<Background>},
     "slots": [{"id": "title", "kind": "text", "rect": [0.08, 0.3, 0.84, 0.4],
                "role": "title", "text": "占位标题", "style": {<TextStyle>}},
               {"id": "photo", "kind": "image", "rect": [...], "src": "asset:photos/food-01.jpg",
                "corner_radius": 24},
               {"kind": "shape", "shape": "rounded_rect", "rect": [...], "fill": {...}},
               {"kind": "sticker", "sticker": "must-see", "rect": [...], "rotation": -8}],
     "ratios": {"4:3": {"title": {"rect": [...], "style": {"size": 120}}}}}
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from xhscover.errors import LayoutError, XhsError
from xhscover.model.cover import RATIOS, Background, Cover, canvas_size
from xhscover.model.layers import ImageLayer, Layer, TextLayer
from xhscover.model.serialize import from_dict, read_layer
from xhscover.paths import assets_dir

GENRES = (
    "big-title", "photo-title", "collage", "compare", "list", "tutorial", "product", "place",
    "plog", "knowledge", "quote", "other",
)


@dataclass
class Layout:
    id: str
    name_zh: str
    name_en: str
    genre: str
    slots: list[dict[str, Any]]
    background: dict[str, Any] = field(default_factory=dict)
    ratios: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    source: str = ""

    def image_slots(self) -> list[str]:
        return [s["id"] for s in self.slots if s.get("kind") == "image" and "id" in s]

    def text_slots(self) -> list[str]:
        return [s["id"] for s in self.slots if s.get("kind") == "text" and "id" in s]


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else copy.deepcopy(v)
    return out


def _slot_layer(slot: dict[str, Any], index: int, ratio: str, where: str) -> Layer:
    """Turn one slot (fractions) into a layer (pixels) for the ratio's canvas."""
    cw, ch = canvas_size(ratio)
    rect = slot.get("rect")
    if (
        not isinstance(rect, list)
        or len(rect) != 4
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in rect)
    ):
        raise LayoutError(f"{where}.rect: expected [x, y, w, h] as fractions of the canvas")
    x, y, w, h = rect
    if w <= 0 or h <= 0 or x < -0.5 or y < -0.5 or x + w > 1.5 or y + h > 1.5:
        raise LayoutError(f"{where}.rect: {rect} is not a sensible box inside the canvas")
    data = {k: v for k, v in slot.items() if k not in ("rect", "id")}
    data["id"] = slot.get("id") or f"{slot.get('kind', 'layer')}-{index}"
    data["slot"] = slot.get("id")
    data.update(x=x * cw, y=y * ch, w=w * cw, h=h * ch)
    data.setdefault("name", slot.get("id") or data["id"])
    try:
        return read_layer(data, where)
    except LayoutError:
        raise
    except XhsError as exc:
        raise LayoutError(str(exc)) from None


def parse_layout(data: Any, source: str) -> Layout:
    """Validate a layout dict; every error names the file and the field."""
    if not isinstance(data, dict):
        raise LayoutError(f"{source}: a layout must be a JSON object")
    for key in ("id", "genre", "slots", "name"):
        if key not in data:
            raise LayoutError(f"{source}: missing field '{key}'")
    name = data["name"]
    if not isinstance(name, dict) or not isinstance(name.get("zh"), str) or not isinstance(name.get("en"), str):
        raise LayoutError(f"{source}: field 'name' must be {{\"zh\": ..., \"en\": ...}}")
    if not isinstance(data["id"], str) or not data["id"]:
        raise LayoutError(f"{source}: field 'id' must be a non-empty string")
    if data["genre"] not in GENRES:
        raise LayoutError(f"{source}: field 'genre' {data['genre']!r} is not one of {', '.join(GENRES)}")
    slots = data["slots"]
    if not isinstance(slots, list) or not slots or not all(isinstance(s, dict) for s in slots):
        raise LayoutError(f"{source}: field 'slots' must be a non-empty list of objects")
    ids = [s["id"] for s in slots if "id" in s]
    if len(ids) != len(set(ids)):
        raise LayoutError(f"{source}: slot ids must be unique")
    ratios = data.get("ratios", {})
    if not isinstance(ratios, dict) or any(r not in RATIOS for r in ratios):
        raise LayoutError(f"{source}: field 'ratios' keys must be among {', '.join(RATIOS)}")
    for r, overrides in ratios.items():
        if not isinstance(overrides, dict):
            raise LayoutError(f"{source}: ratios.{r} must be an object of slot overrides")
        unknown = set(overrides) - set(ids) - {"background"}
        if unknown:
            raise LayoutError(f"{source}: ratios.{r} overrides unknown slots {sorted(unknown)}")
    background = data.get("background", {})
    tags = data.get("tags", [])
    layout = Layout(
        id=data["id"], name_zh=name["zh"], name_en=name["en"], genre=data["genre"],
        slots=slots, background=background if isinstance(background, dict) else {},
        ratios=ratios, tags=[t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
        source=source,
    )
    for ratio in RATIOS:  # every ratio must build: errors surface at load, not at render
        build_cover(layout, ratio)
    return layout


def build_cover(layout: Layout, ratio: str = "3:4", content: dict[str, str] | None = None) -> Cover:
    """A new cover from the layout in `ratio`, with slot content (text, or an image ref) filled in."""
    cw, ch = canvas_size(ratio)
    overrides = layout.ratios.get(ratio, {})
    bg_data = _merge(layout.background, overrides.get("background", {}))
    try:
        background = from_dict(Background, bg_data, f"{layout.source}: background")
    except XhsError as exc:
        raise LayoutError(str(exc)) from None
    layers: list[Layer] = []
    for i, slot in enumerate(layout.slots):
        slot_id = slot.get("id")
        merged = _merge(slot, overrides.get(slot_id, {})) if slot_id else slot
        layers.append(_slot_layer(merged, i, ratio, f"{layout.source}: slots[{i}]"))
    cover = Cover(ratio=ratio, width=cw, height=ch, background=background, layers=layers, layout=layout.id)
    for slot_id, value in (content or {}).items():
        fill_slot(cover, slot_id, value)
    return cover


def fill_slot(cover: Cover, slot_id: str, value: str) -> None:
    """Put text into a text slot or an image reference into an image slot (or the background)."""
    if slot_id == "background":
        cover.background.image = value
        return
    layer = cover.find_slot(slot_id)
    if layer is None:
        known = [lay.slot for lay in cover.layers if lay.slot] + ["background"]
        raise XhsError(f"no slot {slot_id!r} in this layout; slots: {', '.join(known)}")
    if isinstance(layer, TextLayer):
        layer.text = value
        layer.runs = []  # the layout's runs styled its sample text, not this one
    elif isinstance(layer, ImageLayer):
        layer.src = value
    else:
        raise XhsError(f"slot {slot_id!r} holds neither text nor an image")


def load_layout_file(path: str | Path) -> Layout:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LayoutError(f"{path.name}: cannot read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise LayoutError(f"{path.name}: invalid JSON ({exc})") from None
    return parse_layout(data, path.name)


def layouts_dir() -> Path:
    return assets_dir() / "layouts"


@cache
def bundled_layouts() -> tuple[Layout, ...]:
    """Every bundled layout, sorted by genre then id. Cached: they are read-only."""
    layouts = [load_layout_file(p) for p in sorted(layouts_dir().glob("*.json"))]
    ids = [lay.id for lay in layouts]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise LayoutError(f"duplicate layout ids: {sorted(dupes)}")
    order = {g: i for i, g in enumerate(GENRES)}
    return tuple(sorted(layouts, key=lambda lay: (order[lay.genre], lay.id)))


def get_layout(layout_id: str) -> Layout:
    for layout in bundled_layouts():
        if layout.id == layout_id:
            return layout
    known = ", ".join(lay.id for lay in bundled_layouts())
    raise LayoutError(f"no layout {layout_id!r}; known layouts: {known}")
