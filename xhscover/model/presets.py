"""花字 presets: ready text styles (stacked strokes, shadows, gradients, markers, labels) from a data file.

`assets/presets/text-styles.json` lists them; applying one replaces a text layer's fill and effects
(and its family, weight or letter spacing when the preset names them) and keeps everything else:
size, alignment, box, styled runs. Checked on load with the project-file reader, so a broken preset
is reported by name rather than drawn wrong.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from xhscover.errors import XhsError
from xhscover.model.serialize import from_dict, to_dict
from xhscover.model.styles import TextStyle
from xhscover.paths import assets_dir

# Always replaced (a preset without a shadow removes the text's shadow, so presets never pile up).
EFFECTS = ("fill", "strokes", "shadow", "highlight", "label")
# Replaced only when the preset names them.
OPTIONAL = ("family", "weight", "letter_spacing", "italic")
_TEXT_STYLE_FIELDS = {f.name for f in fields(TextStyle)}


@dataclass(frozen=True)
class TextPreset:
    id: str
    name_zh: str
    name_en: str
    style: TextStyle  # the preset over a default style
    sets: tuple[str, ...]  # the TextStyle fields applying it changes

    def name(self, english: bool) -> str:
        return self.name_en if english else self.name_zh


def _parse(entry: Any, i: int) -> TextPreset:
    where = f"text-styles.json: presets[{i}]"
    if not isinstance(entry, dict):
        raise XhsError(f"{where}: expected an object")
    for key in ("id", "name_zh", "name_en"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise XhsError(f"{where}.{key}: missing")
    raw = entry.get("style")
    if not isinstance(raw, dict) or "fill" not in raw:
        raise XhsError(f"{where}.style: a preset needs at least a fill")
    unknown = set(raw) - set(EFFECTS) - set(OPTIONAL)
    if unknown:
        raise XhsError(f"{where}.style: {', '.join(sorted(unknown))} cannot be set by a preset")
    base = to_dict(TextStyle())
    base.update({k: None for k in ("shadow", "highlight", "label")}, strokes=[])
    base.update(raw)
    style = from_dict(TextStyle, base, f"{where}.style")
    return TextPreset(entry["id"], entry["name_zh"], entry["name_en"], style,
                      tuple(EFFECTS) + tuple(k for k in OPTIONAL if k in raw))


@lru_cache(maxsize=1)
def text_presets() -> tuple[TextPreset, ...]:
    """Every bundled preset, in gallery order."""
    path = assets_dir() / "presets" / "text-styles.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise XhsError(f"the text style presets cannot be read ({exc}); reinstall xhscover") from None
    entries = data.get("presets") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise XhsError("text-styles.json: no presets")
    presets = tuple(_parse(e, i) for i, e in enumerate(entries))
    ids = [p.id for p in presets]
    if len(set(ids)) != len(ids):
        raise XhsError("text-styles.json: preset ids must be unique")
    return presets


def get_preset(preset_id: str) -> TextPreset:
    for p in text_presets():
        if p.id == preset_id:
            return p
    raise XhsError(f"unknown text style {preset_id!r}; see `xhscover presets` for the list")


def preset_changes(preset: TextPreset, current: TextStyle) -> dict[str, Any]:
    """Dotted-path changes ('style.fill': ...) that apply `preset` to a layer styled `current`."""
    changes = {f"style.{name}": copy.deepcopy(getattr(preset.style, name)) for name in preset.sets}
    if "family" in preset.sets and "weight" not in preset.sets:
        changes["style.weight"] = nearest_weight(preset.style.family, current.weight)
    return changes


def apply_preset(style: TextStyle, preset: TextPreset) -> TextStyle:
    """A copy of `style` with `preset` applied."""
    out = copy.deepcopy(style)
    for path, value in preset_changes(preset, style).items():
        setattr(out, path.split(".", 1)[1], value)
    return out


def nearest_weight(family: str, weight: int) -> int:
    """The weight the family really has that is closest to `weight` (得意黑 has only 400)."""
    from xhscover.model.fonts import get_family

    try:
        return get_family(family).nearest_weight(weight)
    except XhsError:  # a family missing from this install: the renderer reports it when drawing
        return weight
