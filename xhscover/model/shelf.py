"""The project's shelf: the competitor cards and the feed settings a project remembers. No Qt.

Saved inside the project (`project.json` key "shelf"; cover images in the zip's `images/` beside
the user's own), so a project reopens on the same simulated feed: the same competitors (imported
from screenshots or a folder, or the bundled sample shelf when `cards` is empty), device, theme,
page, search query and the user's slot or random seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from xhscover.errors import ProjectError
from xhscover.model import limits
from xhscover.model.images import clean_text

THEMES = ("light", "dark")
PAGES = ("home", "search")
PLACEMENTS = ("slot", "random")
MAX_SHELF_CARDS = 200
"""Competitor cards one project keeps (a feed shows a few dozen)."""
MAX_SLOT = 10_000
MAX_SEED = 2**31 - 1
MAX_LIKES = 10**12
SETTINGS = ("device", "theme", "page", "query", "placement", "slot", "seed")
"""The feed settings a shelf holds (what the feed dock edits besides the cards)."""


@dataclass
class ShelfCard:
    """One competitor note: its cover (a key into the project's images) and what the feed shows."""

    image: str
    name: str = ""  # the card's id in the feed and in reports (a file stem, or SHOT-N)
    title: str = ""
    author: str = ""
    likes: int = 0
    avatar: str = ""  # key of the nickname's avatar picture in the project's images, or none
    video: bool = False
    source: str = ""  # the screenshot or folder file it came from
    rect: tuple[int, int, int, int] | None = None  # the cover's [x, y, w, h] in that screenshot


@dataclass
class Shelf:
    cards: list[ShelfCard] = field(default_factory=list)  # empty: the bundled sample shelf
    origin: str = ""  # where the cards came from, for the dock's caption ("" with the sample shelf)
    device: str = "iphone-15"
    theme: str = "light"
    page: str = "home"
    query: str = ""
    placement: str = "slot"  # "slot": the user's cover at `slot`; "random": slot and order from `seed`
    slot: int = 1
    seed: int = 1
    sample_titles: dict[str, str] = field(default_factory=dict)  # edited titles of sample-shelf cards, by id

    def images(self) -> set[str]:
        return {c.image for c in self.cards if c.image} | {c.avatar for c in self.cards if c.avatar}


def card_to_dict(card: ShelfCard) -> dict[str, Any]:
    out: dict[str, Any] = {"image": card.image, "name": card.name, "title": card.title, "author": card.author,
                           "likes": card.likes}
    if card.avatar:
        out["avatar"] = card.avatar
    if card.video:
        out["video"] = True
    if card.source:
        out["source"] = card.source
    if card.rect is not None:
        out["rect"] = list(card.rect)
    return out


def shelf_to_dict(shelf: Shelf) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(shelf, name) for name in SETTINGS}
    out["origin"] = shelf.origin
    out["cards"] = [card_to_dict(c) for c in shelf.cards]
    if shelf.sample_titles:
        out["sample_titles"] = dict(shelf.sample_titles)
    return out


def _text(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise ProjectError(f"{where}: '{key}' must be text")
    if len(value) > limits.MAX_TEXT:
        raise ProjectError(f"{where}: '{key}' is {len(value)} characters; the limit is {limits.MAX_TEXT}")
    return clean_text(value)


def _int(data: dict[str, Any], key: str, where: str, default: int, low: int, high: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ProjectError(f"{where}: '{key}' must be a whole number from {low} to {high}")
    return value


def _choice(data: dict[str, Any], key: str, where: str, options: tuple[str, ...], default: str) -> str:
    value = data.get(key, default)
    if value not in options:
        raise ProjectError(f"{where}: '{key}' must be one of {', '.join(options)}")
    return str(value)


def card_from_dict(data: Any, where: str) -> ShelfCard:
    if not isinstance(data, dict):
        raise ProjectError(f"{where}: a shelf card must be an object")
    image = _text(data, "image", where)
    if not image:
        raise ProjectError(f"{where}: a shelf card needs its 'image'")
    rect = data.get("rect")
    if rect is not None:
        if (not isinstance(rect, list) or len(rect) != 4
                or not all(isinstance(v, int) and not isinstance(v, bool) and abs(v) <= 10**6 for v in rect)):
            raise ProjectError(f"{where}: 'rect' must be four whole numbers")
        rect = (rect[0], rect[1], rect[2], rect[3])
    video = data.get("video", False)
    if not isinstance(video, bool):
        raise ProjectError(f"{where}: 'video' must be true or false")
    name = _text(data, "name", where)
    if len(name) > 200:
        raise ProjectError(f"{where}: 'name' is too long")
    return ShelfCard(image=image, name=name, title=_text(data, "title", where), author=_text(data, "author", where),
                     likes=_int(data, "likes", where, 0, 0, MAX_LIKES), avatar=_text(data, "avatar", where),
                     video=video, source=_text(data, "source", where), rect=rect)


def shelf_from_dict(data: Any, where: str = "shelf") -> Shelf:
    """A shelf from project.json, every value checked; missing fields take their defaults."""
    if data is None:
        return Shelf()
    if not isinstance(data, dict):
        raise ProjectError(f"{where}: the shelf must be an object")
    cards_data = data.get("cards", [])
    if not isinstance(cards_data, list):
        raise ProjectError(f"{where}: 'cards' must be a list")
    if len(cards_data) > MAX_SHELF_CARDS:
        raise ProjectError(f"{where}: {len(cards_data)} competitor cards; the limit is {MAX_SHELF_CARDS}")
    titles = data.get("sample_titles", {})
    if (not isinstance(titles, dict) or len(titles) > MAX_SHELF_CARDS
            or not all(isinstance(k, str) and isinstance(v, str) and len(k) <= 200 and len(v) <= limits.MAX_TEXT
                       for k, v in titles.items())):
        raise ProjectError(f"{where}: 'sample_titles' must map card ids to titles")
    default = Shelf()
    device = _text(data, "device", where, default.device)
    if not device or len(device) > 100:
        raise ProjectError(f"{where}: 'device' must name a device profile")
    return Shelf(
        cards=[card_from_dict(c, f"{where}: cards[{i}]") for i, c in enumerate(cards_data)],
        origin=_text(data, "origin", where),
        device=device,
        theme=_choice(data, "theme", where, THEMES, default.theme),
        page=_choice(data, "page", where, PAGES, default.page),
        query=_text(data, "query", where),
        placement=_choice(data, "placement", where, PLACEMENTS, default.placement),
        slot=_int(data, "slot", where, default.slot, 0, MAX_SLOT),
        seed=_int(data, "seed", where, default.seed, 0, MAX_SEED),
        sample_titles={clean_text(k): clean_text(v) for k, v in titles.items()},
    )


def shelf_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Shelf))
