"""The user's covers as feed cards for scoring, made the same way for the CLI and the app.

A cover is scored from its render at its own size (1080 px wide for 3:4) with its exact text
boxes attached. The app's feed dock shows a smaller render for speed; scoring that one instead
gave other numbers than the CLI for the same project (contrast 12.8:1 vs 13.4:1), so both call
`cover_card` here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from xhscover.feed.cards import Card, card_from_image, note_title
from xhscover.score.covers import detected_boxes, facts_from_cover

__all__ = ["cover_card", "note_title", "render_rgb", "warm"]


def render_rgb(cover: Any, store: Any) -> np.ndarray:
    """The cover at its own size as RGB (the renderer's fonts: hold the app's paint lock)."""
    from xhscover.render.convert import qimage_to_rgb
    from xhscover.render.cover import render_cover

    return qimage_to_rgb(render_cover(cover, store))


def warm(rgb: np.ndarray) -> None:
    """Run the text and face detectors on a render now (cached by its pixels): the slow part of
    `cover_card`, which needs no paint lock, so the app runs it outside that lock."""
    detected_boxes(rgb)


def cover_card(cover: Any, store: Any, *, id: str, title: str, rgb: np.ndarray | None = None) -> Card:
    """A feed card of one of the user's covers, its exact facts in `card.extra["facts"]`.

    `rgb` is `render_rgb(cover, store)` when the caller has it already."""
    if rgb is None:
        rgb = render_rgb(cover, store)
    card = card_from_image(rgb, id=id, title=title, mine=True)
    card.extra["facts"] = facts_from_cover(cover, store, id=id, rgb=rgb)
    card.extra["cover_id"] = cover.id
    return card
