"""FeedSpec: everything that defines one simulated feed, as plain data (no Qt).

The UI keeps one of these and changes fields; the CLI builds one from arguments; `render_feed`
turns it into pixels plus a description of where every card landed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xhscover.feed.cards import Card

PAGES = ("home", "search")
THEMES = ("light", "dark")


@dataclass
class FeedSpec:
    device: str = "iphone-15"
    theme: str = "light"  # "light" | "dark"
    page: str = "home"  # "home" | "search"
    query: str = ""  # search page: the text in the search field
    channel: str = "推荐"  # home page: the active channel chip
    mine: list[Card] = field(default_factory=list)  # the user's cover(s), variants side by side
    competitors: list[Card] = field(default_factory=list)
    slot: int | list[int] | None = None  # feed index of the user's cover(s); None: random by seed
    seed: int | None = None  # shuffles competitors and picks random slots reproducibly
    full_scroll: bool = False  # export the whole scrolled feed instead of one screen
    mark_first_screen: bool = False  # dashed line + label where the first screen ends
    outline_mine: bool = False  # thin brand-red outline around the user's cards (off: realistic)
    time_text: str = "9:41"
    max_cards: int | None = None  # cap on cards laid out (None: all)
