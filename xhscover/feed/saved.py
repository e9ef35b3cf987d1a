"""Feed cards from a project's saved shelf (`xhscover.model.shelf`): covers decoded from the
project's images exactly as `load_competitor_dir` decodes files, so the app's feed and the CLI
see the same pixels for the same competitors."""

from __future__ import annotations

from xhscover.errors import XhsError
from xhscover.feed.cards import Card
from xhscover.feed.imagefiles import rgb_from_bytes
from xhscover.model.images import ImageStore
from xhscover.model.shelf import Shelf


def shelf_card_ids(shelf: Shelf) -> list[str]:
    """The feed id of every stored card: its name (a file stem, SHOT-N), made unique."""
    seen: dict[str, int] = {}
    out = []
    for i, c in enumerate(shelf.cards):
        base = c.name or f"card-{i + 1}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else f"{base}-{n + 1}")
    return out


def cards_from_shelf(shelf: Shelf, store: ImageStore, max_width: int) -> tuple[list[Card], list[str]]:
    """(cards, warnings) for the stored competitors; a cover that cannot be decoded is left out
    with a warning naming it (the project keeps its bytes)."""
    cards: list[Card] = []
    warnings: list[str] = []
    for i, (sc, cid) in enumerate(zip(shelf.cards, shelf_card_ids(shelf), strict=True)):
        try:
            rgb = rgb_from_bytes(store.raw(sc.image), cid, max_width)
        except XhsError as exc:
            warnings.append(f"Competitor {cid} not shown: {exc}")
            continue
        avatar = None
        if sc.avatar:
            try:
                avatar = rgb_from_bytes(store.raw(sc.avatar), f"{cid} avatar", 160)
            except XhsError as exc:
                warnings.append(f"Avatar of {cid} not used: {exc}")
        cards.append(Card(id=cid, image=rgb, aspect=rgb.shape[1] / rgb.shape[0], title=sc.title, author=sc.author,
                          likes=sc.likes, avatar=avatar, extra={"shelf_index": i, "video": sc.video,
                                                                "file": sc.source or cid}))
    return cards, warnings
