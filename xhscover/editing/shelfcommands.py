"""Undo commands on the project's shelf: competitor cards and the feed settings the project keeps.

The shelf is project data (saved with it), so every change is one undo step and marks the project
unsaved: importing screenshots or a folder, going back to the sample shelf, editing a competitor's
title, choosing a device, theme, page, query, slot or seed. Typing a query or spinning the slot
merges into one step while it continues.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import time
from typing import Any

import numpy as np
from PIL import Image
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from xhscover.editing.document import EditorDocument
from xhscover.model.images import ImageStore
from xhscover.model.shelf import SETTINGS, Shelf, ShelfCard

SET_SHELF_ID = 1101
MERGE_WINDOW_S = 1.5
STORED_COVER_WIDTH = 720
"""Competitor covers are kept at most this wide in the project (a 430 pt phone at 3x draws a
card 622 px wide), as JPEG like every photo the project stores."""


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class SetShelf(QUndoCommand):
    """Replace the project's shelf with `new`; edits of one setting in a row merge."""

    def __init__(self, doc: EditorDocument, new: Shelf, text: str, merge_key: str | None = None) -> None:
        super().__init__(text)
        self.doc = doc
        self.old = copy.deepcopy(doc.project.shelf)
        self.new = copy.deepcopy(new)
        self.merge_key = merge_key
        self.stamp = time.monotonic()

    def id(self) -> int:
        return SET_SHELF_ID if self.merge_key is not None else -1

    def _apply(self, shelf: Shelf) -> None:
        self.doc.project.shelf = copy.deepcopy(shelf)
        self.doc.notify_shelf()

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetShelf) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        if other.stamp - self.stamp > MERGE_WINDOW_S:
            return False
        self.new = copy.deepcopy(other.new)
        self.stamp = other.stamp
        if self.new == self.old:
            self.setObsolete(True)
        return True


def _setting_text(key: str) -> str:
    """The undo-menu text of a change to one feed setting (several at once: the general one)."""
    return {
        "device": tr("Change feed device"), "theme": tr("Change feed theme"), "page": tr("Change feed page"),
        "query": tr("Change search query"), "placement": tr("Change cover placement"),
        "slot": tr("Move cover in the feed"), "seed": tr("Shuffle the feed"),
    }.get(key, tr("Change feed settings"))


def set_shelf_settings(doc: EditorDocument, **changes: Any) -> SetShelf | None:
    """Change feed settings the project keeps (device, theme, page, query, placement, slot, seed)."""
    bad = set(changes) - set(SETTINGS)
    if bad:
        raise KeyError(", ".join(sorted(bad)))
    shelf = doc.project.shelf
    changed = {k: v for k, v in changes.items() if getattr(shelf, k) != v}
    if not changed:
        return None
    key = next(iter(changed)) if len(changed) == 1 else "+".join(sorted(changed))
    return SetShelf(doc, dataclasses.replace(shelf, **changed), _setting_text(key), merge_key=key)


def set_competitors(doc: EditorDocument, cards: list[ShelfCard], origin: str) -> SetShelf:
    """Make `cards` the competitor shelf (their images must be in the project's store already)."""
    shelf = dataclasses.replace(doc.project.shelf, cards=list(cards), origin=origin, sample_titles={})
    return SetShelf(doc, shelf, tr("Import competitors"))


def use_sample_shelf(doc: EditorDocument) -> SetShelf | None:
    shelf = doc.project.shelf
    if not shelf.cards and not shelf.origin:
        return None
    return SetShelf(doc, dataclasses.replace(shelf, cards=[], origin="", sample_titles={}), tr("Use the sample shelf"))


def set_competitor_title(doc: EditorDocument, card_id: str, title: str) -> SetShelf | None:
    """Edit one competitor's note title: a stored card by its id (`shelf-01`...), or a sample-shelf card."""
    shelf = doc.project.shelf
    index = shelf_card_index(card_id)
    if shelf.cards and index is not None and index < len(shelf.cards):
        if shelf.cards[index].title == title:
            return None
        cards = list(shelf.cards)
        cards[index] = dataclasses.replace(cards[index], title=title)
        new = dataclasses.replace(shelf, cards=cards)
    elif not shelf.cards:
        if shelf.sample_titles.get(card_id) == title:
            return None
        new = dataclasses.replace(shelf, sample_titles={**shelf.sample_titles, card_id: title})
    else:
        raise KeyError(card_id)
    return SetShelf(doc, new, tr("Edit competitor title"), merge_key=f"title:{card_id}")


def shelf_card_id(index: int) -> str:
    """The feed id of the stored competitor at `index` (stable while the shelf is unchanged)."""
    return f"shelf-{index + 1:02d}"


def shelf_card_index(card_id: str) -> int | None:
    if card_id.startswith("shelf-") and card_id[6:].isdigit():
        return int(card_id[6:]) - 1
    return None


def store_cover(store: ImageStore, rgb: np.ndarray, name: str = "competitor") -> str:
    """Put a competitor cover (RGB array) into the project's images, at most STORED_COVER_WIDTH wide."""
    img = Image.fromarray(np.ascontiguousarray(rgb[:, :, :3]).astype(np.uint8))
    if img.width > STORED_COVER_WIDTH:
        img = img.resize((STORED_COVER_WIDTH, max(1, round(img.height * STORED_COVER_WIDTH / img.width))),
                         Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=92)
    return store.add_bytes(buf.getvalue(), name)
