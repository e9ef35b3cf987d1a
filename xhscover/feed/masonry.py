"""Masonry geometry of the two-column feed, in pt. Pure Python: no Qt, no images.

The app appends each next card to the shorter column (ties go left), so where a cover lands
depends on every card above it; this module is the single place that rule lives.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from xhscover.feed.profiles import Device, Profiles


class CardLike(Protocol):
    id: str
    aspect: float
    title: str
    mine: bool


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def to_px(self, ratio: float, dy: float = 0.0) -> list[int]:
        """[x, y, w, h] in whole device pixels; edges are rounded (not sizes) so that
        neighbouring rectangles share edges exactly, as the drawing code does."""
        x0, y0 = round(self.x * ratio), round((self.y + dy) * ratio)
        x1, y1 = round(self.right * ratio), round((self.bottom + dy) * ratio)
        return [x0, y0, x1 - x0, y1 - y0]

    def overlaps_y(self, top: float, bottom: float) -> bool:
        return self.y < bottom and self.bottom > top


@dataclass(frozen=True)
class PlacedCard:
    index: int  # position in feed order (slot)
    id: str
    mine: bool
    column: int  # 0 left, 1 right
    card: Rect
    cover: Rect
    title: Rect
    author: Rect  # the whole author row
    avatar: Rect
    title_lines: int
    cover_aspect: float  # after the 3:4 .. 4:3 clamp
    visible: bool  # at least partly inside the first-screen viewport


@dataclass(frozen=True)
class FeedGeometry:
    width: float
    height: float  # one screen
    content_height: float  # bottom of the lowest card plus a gap (for the scrolled export)
    top_chrome: float  # status bar + page chrome above the grid
    bottom_chrome: float  # bottom bar + home indicator (0 bar on the search page)
    viewport: Rect  # the part of the first screen where cards can be seen
    column_width: float
    margin: float
    gap: float
    cards: tuple[PlacedCard, ...]

    @property
    def visible_ids(self) -> list[str]:
        return [c.id for c in self.cards if c.visible]


def clamp_aspect(aspect: float, profiles: Profiles) -> float:
    """Covers taller than 3:4 are cropped to 3:4; wider than 4:3 shown at 4:3."""
    f = profiles.feed
    return min(max(aspect, f["cover_min_aspect"]), f["cover_max_aspect"])


def chrome_heights(device: Device, profiles: Profiles, page: str) -> tuple[float, float]:
    """(top, bottom) pt covered by status bar, page chrome, bottom bar and home indicator."""
    p = profiles.page(page)
    if page == "home":
        top = device.status_bar + p["nav_height"] + p["channel_height"]
    else:
        top = device.status_bar + p["nav_height"] + p["tabs_height"] + p["chips_height"]
    bottom = p.get("bottom_bar_height", 0) + device.home_indicator if p.get("bottom_bar_height", 0) else 0.0
    return float(top), float(bottom)


def column_metrics(device: Device, profiles: Profiles) -> tuple[float, float, float]:
    """(column width, outer margin, gap between columns) for a screen width."""
    f = profiles.feed
    col = device.width * f["column_fraction"]
    margin = device.width * f["outer_margin_fraction"]
    gap = device.width - 2 * col - 2 * margin
    return col, margin, gap


def card_text_height(lines: int, profiles: Profiles) -> float:
    """Height of the white part under the cover for a title of `lines` lines."""
    f = profiles.feed
    title = f["title_pad_top"] + lines * f["title_line_height"] + f["author_gap"] if lines else f["title_pad_top"]
    return title + f["author_row_height"] + f["pad_bottom"]


def layout_feed(cards: Sequence[CardLike], device: Device, profiles: Profiles, page: str = "home",
                title_lines: Callable[[str, float], int] | None = None) -> FeedGeometry:
    """Place cards (in feed order) into two columns; `title_lines(title, width_pt)` -> 0..2."""
    f = profiles.feed
    col_w, margin, gap = column_metrics(device, profiles)
    top, bottom = chrome_heights(device, profiles, page)
    if title_lines is None:
        def title_lines(title: str, width: float) -> int:  # rough: ~14 pt per CJK glyph
            return 0 if not title else min(int(f["title_max_lines"]), 1 if len(title) * f["title_font_size"] <= width else 2)
    viewport = Rect(0.0, top, device.width, device.height - top - bottom)
    heights = [top + f["top_padding"], top + f["top_padding"]]
    text_w = col_w - 2 * f["title_pad_x"]
    placed = []
    for i, c in enumerate(cards):
        column = 0 if heights[0] <= heights[1] + 1e-9 else 1
        x = margin + column * (col_w + gap)
        y = heights[column]
        aspect = clamp_aspect(c.aspect, profiles)
        cover_h = col_w / aspect
        lines = min(int(f["title_max_lines"]), max(0, title_lines(c.title, text_w))) if c.title else 0
        card_h = cover_h + card_text_height(lines, profiles)
        title_y = y + cover_h + f["title_pad_top"]
        title = Rect(x + f["title_pad_x"], title_y, text_w, lines * f["title_line_height"])
        author_y = title.bottom + f["author_gap"] if lines else title_y
        author = Rect(x + f["title_pad_x"], author_y, text_w, f["author_row_height"])
        av = f["avatar_size"]
        avatar = Rect(author.x, author_y + (f["author_row_height"] - av) / 2, av, av)
        card_rect = Rect(x, y, col_w, card_h)
        placed.append(PlacedCard(
            index=i, id=c.id, mine=bool(c.mine), column=column, card=card_rect,
            cover=Rect(x, y, col_w, cover_h), title=title, author=author, avatar=avatar,
            title_lines=lines, cover_aspect=aspect,
            visible=card_rect.overlaps_y(viewport.y, viewport.bottom)))
        heights[column] = y + card_h + f["row_gap"]
    content = max(heights)
    return FeedGeometry(width=device.width, height=device.height, content_height=content, top_chrome=top,
                        bottom_chrome=bottom, viewport=viewport, column_width=col_w, margin=margin, gap=gap,
                        cards=tuple(placed))


def arrange(mine: Sequence[Any], competitors: Sequence[Any], slot: int | Sequence[int] | None = None,
            seed: int | None = None, first_screen_slots: int = 6) -> list[Any]:
    """Feed order with the user's cover(s) inserted among competitors.

    slot: index in feed order (0 = top left); one int places several variants at slot, slot+1, ...
    (side by side in the two columns when they are level). seed: reproducible shuffle of the
    competitors and, when no slot is given, random distinct slots among the first-screen slots.
    With neither, the user's covers go to random-with-seed-0 first-screen slots.
    Cards are returned as given except that ids are made unique and `mine` is set (dataclasses).
    """
    comp = list(competitors)
    rng = random.Random(seed if seed is not None else 0)
    if seed is not None:
        rng.shuffle(comp)
    total = len(comp) + len(mine)
    if not mine:
        return _unique_ids(comp)
    if slot is None:
        pool = list(range(min(max(first_screen_slots, len(mine)), total)))
        slots = sorted(rng.sample(pool, len(mine)))
    elif isinstance(slot, int):
        start = max(0, min(int(slot), total - len(mine)))
        slots = list(range(start, start + len(mine)))
    else:
        slots = [max(0, min(int(s), total - 1)) for s in slot]
        if len(slots) != len(mine) or len(set(slots)) != len(slots):
            raise ValueError("give one distinct slot per cover of yours")
    feed: list[Any] = [None] * total
    for s, m in zip(slots, mine, strict=True):
        feed[s] = _as_mine(m, True)
    it = iter(comp)
    for i in range(total):
        if feed[i] is None:
            feed[i] = _as_mine(next(it), False)
    return _unique_ids(feed)


def _as_mine(card: Any, mine: bool) -> Any:
    if getattr(card, "mine", None) == mine:
        return card
    try:
        return replace(card, mine=mine)
    except TypeError:
        return card


def _unique_ids(cards: list[Any]) -> list[Any]:
    seen: dict[str, int] = {}
    out = []
    for c in cards:
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        out.append(c if n == 0 else replace(c, id=f"{c.id}-{n + 1}"))
    return out
