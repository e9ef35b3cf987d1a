"""Friendly layer names for the layers panel: the user's name, else the layout slot's role, else the kind.

Layouts name their slots by role ("title", "photo2", "tape1_text"); readers want 标题 / Title, 图片 2.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from xhscover.model.layers import Layer

SLOT_ROLES: dict[str, str] = {
    "title": "Title", "subtitle": "Subtitle", "caption": "Caption", "body": "Body text", "tag": "Tag",
    "label": "Label", "label_before": "“Before” label", "label_after": "“After” label", "photo": "Photo",
    "before": "Before photo", "after": "After photo", "sticker": "Sticker", "veil": "Veil", "band": "Band",
    "badge": "Badge", "frame": "Frame", "card": "Card", "rule": "Rule", "tape": "Tape", "tip": "Tip",
    "step": "Step", "tick": "Tick", "item": "Item", "num": "Number", "number": "Number", "date": "Date",
    "location": "Location", "location_pill": "Location pill", "author": "Author", "stripe": "Stripe",
    "plate": "Plate", "polaroid": "Polaroid", "masthead": "Masthead", "issue": "Issue", "rating": "Rating",
    "checklist": "Checklist", "corner": "Corner", "deco": "Decoration", "mark": "Mark", "pin": "Pin",
    "box": "Box", "margin": "Margin", "sun": "Sun", "day": "Day", "days": "Days", "vs_badge": "VS badge",
    "vs_arrow": "VS arrow", "q": "Question", "a": "Answer", "q_dot": "Question dot", "a_dot": "Answer dot",
}
KINDS = {"text": "Text", "image": "Image", "shape": "Shape", "sticker": "Sticker"}
_SLOT = re.compile(r"^([a-z_]+?)_?(\d*)(_text)?$")


def tr(text: str) -> str:
    return QCoreApplication.translate("names", text)


def display_name(layer: Layer) -> str:
    """Layer.name when the user set one; a known slot role (translated) with its number; else kind + id number."""
    if layer.name and layer.name not in (layer.slot, layer.id):  # layouts copy the slot id into name
        return layer.name
    slot = layer.slot or layer.id
    m = _SLOT.match(slot or "")
    if m and m.group(1) in SLOT_ROLES:
        base = tr(SLOT_ROLES[m.group(1)])
        if m.group(3):
            base += " · " + tr("text")
        return f"{base} {m.group(2)}" if m.group(2) else base
    num = re.search(r"(\d+)$", layer.id or "")
    kind = tr(KINDS.get(layer.kind, layer.kind))
    return f"{kind} {num.group(1)}" if num else (layer.id or kind)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
MAX_STEM = 40


def file_stem(text: str) -> str:
    """A file name stem from free text: its lines joined (Chinese lines directly, Latin words with a
    space), characters no file system takes replaced by a space, at most MAX_STEM characters;
    '' when nothing usable is left."""
    joined = ""
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        latin_seam = joined and joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii()
        joined += (" " if latin_seam else "") + line
    stem = " ".join(_UNSAFE.sub(" ", joined).split()).strip(" .")
    return stem[:MAX_STEM].rstrip(" .")


def default_stem(cover_note_title: str, cover_title_text: str, fallback: str) -> str:
    """What a new project or export is called before the user names it: the note title (what the
    post will be called on XHS), else the cover's title text, else `fallback` — never the layout's
    name, which every cover made from that layout shares."""
    return file_stem(cover_note_title) or file_stem(cover_title_text) or fallback
