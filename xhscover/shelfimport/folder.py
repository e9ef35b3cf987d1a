"""Writing imported cards as a competitor folder: cover crops plus `cards.json`.

The folder is the format `xhscover feed/score --competitors DIR` and the app's "Import folder"
already read (`xhscover/feed/metadata.py`): one row per cover with file, title, author and likes
(an integer). The reader's extra facts ride along in each row (flags, the rectangle in the
screenshot, which screenshot) and are ignored by older readers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PIL import Image

from xhscover.errors import XhsError
from xhscover.feed.imagefiles import is_image_file
from xhscover.shelfimport.reader import FoundCard

GENERATOR = "xhscover import-shelf"
JPEG_QUALITY = 92


def card_file_name(card: FoundCard, index: int) -> str:
    stem = re.sub(r"[^0-9A-Za-z_-]+", "-", Path(card.source).stem).strip("-")[:40] or "shot"
    return f"{index:02d}-{stem}-{card.number}.jpg"


def card_row(card: FoundCard, file: str) -> dict[str, Any]:
    """The cards.json row of one card."""
    return {
        "file": file,
        "title": card.title,
        "author": card.author,
        "likes": int(card.likes or 0),
        "video": card.video,
        "cut_top": card.cut_top,
        "cut_bottom": card.cut_bottom,
        "overlaid": card.overlaid,
        "source": card.source,
        "rect": [int(v) for v in card.cover_box],
        "card_rect": [int(v) for v in card.card_box],
    }


def _previous_import(folder: Path) -> list[str] | None:
    """Cover files of an earlier import into `folder`, or None when it holds something else."""
    meta = folder / "cards.json"
    if not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != GENERATOR:
        return None
    return [str(r.get("file")) for r in data.get("cards", []) if isinstance(r, dict)]


def write_competitor_folder(cards: Sequence[FoundCard], folder: Path | str) -> Path:
    """Write covers and cards.json into `folder` (created; an earlier import there is replaced).

    Refuses a folder that already holds other images or metadata, so a user's own competitor
    folder is never mixed with or overwritten by an import.
    """
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise XhsError(f"{out} is a file, not a folder.")
    out.mkdir(parents=True, exist_ok=True)
    old = _previous_import(out)
    if old is None and any(is_image_file(p) or p.name in ("cards.json", "cards.csv") for p in out.iterdir()):
        raise XhsError(f"{out} already holds covers or card metadata; choose an empty folder for the import.")
    for name in old or []:
        p = out / Path(name).name
        if p.is_file():
            p.unlink()
    rows = []
    try:
        for i, card in enumerate(cards, start=1):
            name = card_file_name(card, i)
            Image.fromarray(card.image).save(out / name, "JPEG", quality=JPEG_QUALITY)
            rows.append(card_row(card, name))
        payload = {"generator": GENERATOR, "cards": rows}
        (out / "cards.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        raise XhsError(f"cannot write to {out}: {exc.strerror or exc}.") from None
    return out / "cards.json"
