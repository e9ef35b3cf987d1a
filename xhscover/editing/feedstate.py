"""The feed beside the editor, without widgets: settings as plain data, the debounce, and the
controller that turns the open project into a FeedSpec and a rendered feed.

Why here and not in the dock: the dock only shows pictures and edits these fields; everything
that decides *what* is shown (which covers changed, where the user's cover goes, competitor
titles, the physical-size zoom) is tested without a single widget.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from xhscover.editing import rendering
from xhscover.editing.document import EditorDocument
from xhscover.editing.shelfcommands import (
    set_competitor_title,
    set_competitors,
    set_shelf_settings,
    store_cover,
    use_sample_shelf,
)
from xhscover.editing.signals import connect_all, disconnect_all
from xhscover.feed.cards import (
    SHELF_COVER_WIDTH,
    Card,
    card_from_image,
    load_competitor_dir,
    load_sample_shelf,
    note_title,
)
from xhscover.feed.draw import RenderCache, render_feed
from xhscover.feed.profiles import Device, load_profiles
from xhscover.feed.saved import cards_from_shelf, shelf_card_ids
from xhscover.feed.spec import FeedSpec
from xhscover.model.images import ImageStore, read_image_file
from xhscover.model.shelf import SETTINGS as SHELF_SETTINGS
from xhscover.model.shelf import ShelfCard
from xhscover.shelfimport.reader import FoundCard

ZOOMS = ("fit", "100", "true")
PLACEMENTS = ("slot", "random")
COVER_PX = 600
"""The user's covers are rendered this wide for the feed: a card is ~190 pt = 570 px at 3x."""
COMPETITOR_PX = SHELF_COVER_WIDTH
"""Competitor covers are decoded this wide (a 3x feed card is ~570 px): JPEG draft mode at 1/2 scale."""
FEED_MAX_CARDS = 16
"""The scrolled feed shows this many notes (about three screens), enough to scroll past the first."""
FEED_DEBOUNCE_MS = 120
DISPLAY_ONLY = frozenset({"zoom", "heatmap"})
"""Settings the dock applies to the picture it already has (no new feed render)."""
_SAMPLE: tuple[list[Card], list[str]] | None = None


@dataclass
class FeedSettings:
    """What the feed dock shows. Plain data: copied into worker threads and into tests."""

    device: str = "iphone-15"
    theme: str = "light"
    page: str = "home"
    query: str = ""
    placement: str = "slot"  # "slot": the user's cover at `slot`; "random": slot and order from `seed`
    slot: int = 1
    seed: int = 1
    all_variants: bool = False
    zoom: str = "fit"  # "fit" | "100" | "true"
    squint: bool = False
    heatmap: bool = False
    competitor_dir: str = ""  # "" = the bundled sample shelf

    def replace(self, **changes: Any) -> FeedSettings:
        bad = set(changes) - {f.name for f in dataclasses.fields(self)}
        if bad:
            raise KeyError(", ".join(sorted(bad)))
        return dataclasses.replace(self, **changes)


DOCK_PIXEL_RATIO = 2.0


def true_size_zoom(device: Device, image_width_px: int, screen_dpi: float, device_pixel_ratio: float = 1.0,
                   correction: float = 1.0) -> float:
    """Scale for a feed image `image_width_px` wide so the phone shows at its physical size.

    `screen_dpi` is QScreen.physicalDotsPerInch (physical pixels per inch; often wrong on
    desktops, hence the user's `correction` factor from a ruler check); widgets draw in logical
    pixels, so the device pixel ratio divides it out.
    """
    width_in = device.true_size_mm[0] / 25.4
    logical_px = width_in * max(1.0, screen_dpi) * max(0.05, correction) / max(0.1, device_pixel_ratio)
    return logical_px / max(1, image_width_px)


def fit_zoom(image_w: int, screen_h: int, view_w: int, view_h: int) -> float:
    """Fit the FIRST screen (not the whole scroll) into the view."""
    return max(0.02, min(view_w / max(1, image_w), view_h / max(1, screen_h)))


class Debouncer(QObject):
    """Restarting single-shot timer: `poke()` many times, `fired` once, `delay_ms` after the last."""

    fired = Signal()

    def __init__(self, delay_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(delay_ms))
        self.timer.timeout.connect(self.fired)

    def poke(self) -> None:
        self.timer.start()

    def pending(self) -> bool:
        return self.timer.isActive()

    def flush(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.fired.emit()


class FeedController(QObject):
    """Keeps the feed in step with the document: only covers that changed are re-rendered
    (their cards get the new image through `Card.with_image`); everything else comes from the
    RenderCache's scaled covers."""

    rendered = Signal(QImage, dict)  # the feed image and its description
    competitors_changed = Signal()
    settings_changed = Signal()

    def __init__(self, settings: FeedSettings | None = None, delay_ms: int = FEED_DEBOUNCE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or FeedSettings()
        self.doc: EditorDocument | None = None
        self.cache = RenderCache()
        self.competitors: list[Card] = []
        self.warnings: list[str] = []
        self._title_overrides: dict[str, str] = {}  # without a document: edited competitor titles
        self._from_shelf: tuple[tuple[str, str], ...] | None = None  # image keys of the shown stored shelf
        self._cards: dict[str, Card] = {}  # cover id -> the user's card (image rendered from the cover)
        self._dirty: set[str] = set()
        self._preview: tuple[str, Any] | None = None  # (cover id, RGB) shown instead of that cover
        self.renders = 0
        self.cover_renders = 0
        self.last_image: QImage | None = None
        self.last_description: dict | None = None
        self.debounce = Debouncer(delay_ms, self)
        self.debounce.fired.connect(self.render_now)

    # --- document --------------------------------------------------------------------------------
    def set_document(self, doc: EditorDocument | None) -> None:
        if self.doc is not None:
            disconnect_all(self._connections(self.doc))
        self.doc = doc
        self._cards.clear()
        self._dirty.clear()
        if doc is not None:
            connect_all(self._connections(doc))
            self._on_shelf()
            self.schedule()

    def _connections(self, d: EditorDocument) -> list[tuple[Any, Any]]:
        return [(d.changed, self._on_changed), (d.structure_changed, self._on_structure),
                (d.current_cover_changed, self._on_current), (d.shelf_changed, self._on_shelf)]

    def _on_shelf(self) -> None:
        """The project's shelf changed (opened, imported, undone): follow its settings and cards."""
        if self.doc is None:
            return
        shelf = self.doc.project.shelf
        values: dict[str, Any] = {k: getattr(shelf, k) for k in SHELF_SETTINGS}
        notes = []
        if values["device"] not in load_profiles().devices:
            notes.append(f"Device {values['device']!r} is not known to this version; showing "
                         f"{load_profiles().default_device} instead.")
            values["device"] = load_profiles().default_device
        keys = tuple((c.image, c.avatar) for c in shelf.cards)
        new = self.settings.replace(**values, competitor_dir=shelf.origin)
        settings_changed, self.settings = new != self.settings, new  # before the cards: the dock reads both
        if shelf.cards:
            if keys != self._from_shelf or len(self.competitors) != len(shelf.cards):
                cards, warnings = cards_from_shelf(shelf, self.doc.store, COMPETITOR_PX)
            else:  # same covers, other titles or counts: keep the decoded pixels (and their analysis)
                ids = shelf_card_ids(shelf)
                cards = [dataclasses.replace(c, id=ids[i], title=sc.title, author=sc.author, likes=sc.likes,
                                             extra={**c.extra, "video": sc.video})
                         for c in self.competitors
                         for i, sc in [(c.extra["shelf_index"], shelf.cards[c.extra["shelf_index"]])]]
                warnings = [w for w in self.warnings if not w.startswith("Device ")]
            self._from_shelf = keys
            self._set_competitors(cards, notes + warnings, shelf.origin, emit_settings=False)
        elif self._from_shelf is not None or notes:  # back to the sample shelf: loaded when first drawn
            self._from_shelf = None
            self._set_competitors([], notes, "", emit_settings=False)
        if settings_changed:
            self.settings_changed.emit()
        self.schedule()

    def _on_changed(self, cover_id: str, _ids: list) -> None:
        self.mark_dirty(cover_id)

    def _on_structure(self, cover_id: str) -> None:
        self.mark_dirty(cover_id)
        if self.doc is not None:  # variants added/removed
            ids = {c.id for c in self.doc.project.covers}
            for gone in set(self._cards) - ids:
                del self._cards[gone]

    def _on_current(self, _cover_id: str) -> None:
        self.schedule()

    def mark_dirty(self, cover_id: str) -> None:
        self._dirty.add(cover_id)
        self.schedule()

    def schedule(self) -> None:
        self.debounce.poke()

    # --- settings and competitors --------------------------------------------------------------------
    def update(self, **changes: Any) -> None:
        """Change what the dock shows. Settings the project keeps (device, theme, page, query,
        placement, slot, seed) become one undo step on the open document; the rest are the view's."""
        new = self.settings.replace(**changes)
        if new == self.settings:
            return
        kept = {k: v for k, v in changes.items() if k in SHELF_SETTINGS and getattr(self.settings, k) != v}
        if self.doc is not None and kept:
            command = set_shelf_settings(self.doc, **kept)
            if command is not None:
                self.doc.push(command)  # -> _on_shelf: settings follow the project
            rest = {k: v for k, v in changes.items() if k not in SHELF_SETTINGS}
            new = self.settings.replace(**rest)
            if new == self.settings:
                return
        redraw = any(getattr(new, k) != getattr(self.settings, k) for k in changes if k not in DISPLAY_ONLY)
        self.settings = new
        self.settings_changed.emit()
        if redraw:
            self.schedule()

    def shuffle(self) -> int:
        """A new random placement: switch to random mode with the next seed."""
        self.update(placement="random", seed=self.settings.seed + 1)
        return self.settings.seed

    def ensure_competitors(self) -> None:
        if not self.competitors:
            self._show_sample()

    def _show_sample(self) -> list[str]:
        global _SAMPLE
        if _SAMPLE is None:  # decoded once per process: every new document reuses it
            _SAMPLE = load_sample_shelf_small()
        cards, warnings = _SAMPLE
        self._set_competitors(cards, warnings + [w for w in self.warnings if w.startswith("Device ")], "")
        return warnings

    def use_sample_shelf(self) -> list[str]:
        """The bundled sample shelf as the competitors (one undo step on the open document)."""
        if self.doc is not None:
            command = use_sample_shelf(self.doc)
            if command is not None:
                self.doc.push(command)
        else:
            self._title_overrides.clear()
        return self._show_sample()

    def import_folder(self, folder: str | Path) -> list[str]:
        """Competitors from a folder; raises XhsError for a missing folder, returns warnings.

        With a document the covers are kept in the project (byte for byte, so they decode to the
        same pixels the CLI reads from the folder) and the import is one undo step."""
        cards, warnings = load_competitor_dir(folder, max_width=COMPETITOR_PX)
        if self.doc is None:
            self._title_overrides.clear()
            self._set_competitors(cards, warnings, str(folder))
            return warnings
        stored = []
        for card in cards:
            file = card.extra.get("file")
            if not file:  # the sample shelf standing in for an empty folder
                self.use_sample_shelf()
                self.warnings = list(warnings)
                self.competitors_changed.emit()
                return warnings
            stored.append(ShelfCard(image=keep_file(self.doc.store, Path(file)), name=card.id, title=card.title,
                                    author=card.author, likes=card.likes, source=Path(file).name,
                                    avatar=store_cover(self.doc.store, card.avatar, "avatar")
                                    if isinstance(card.avatar, np.ndarray) else ""))
        self.doc.push(set_competitors(self.doc, stored, str(folder)))
        self.warnings = list(warnings) + self.warnings
        self.competitors_changed.emit()
        return warnings

    def import_found(self, found: list[FoundCard], origin: str) -> None:
        """Cards read from screenshots become the competitor shelf, kept in the project (one undo step)."""
        if self.doc is None:
            raise ValueError("no document to keep the imported shelf in")
        stored = [ShelfCard(image=store_cover(self.doc.store, c.image, c.source), name=found_card_name(c),
                            title=c.title, author=c.author, likes=int(c.likes or 0), video=c.video,
                            source=c.source, rect=c.cover_box) for c in found]
        self.doc.push(set_competitors(self.doc, stored, origin))

    def _set_competitors(self, cards: list[Card], warnings: list[str], folder: str,
                         emit_settings: bool = True) -> None:
        self.competitors = list(cards)
        self.warnings = list(warnings)
        if emit_settings:
            self.settings = self.settings.replace(competitor_dir=folder)
        self.competitors_changed.emit()
        self.schedule()

    @property
    def title_overrides(self) -> dict[str, str]:
        """Edited titles of competitors that are not stored cards (the sample shelf's)."""
        if self.doc is not None and not self.doc.project.shelf.cards:
            return self.doc.project.shelf.sample_titles
        return self._title_overrides

    def set_competitor_title(self, card_id: str, title: str) -> None:
        if self.competitor_titles().get(card_id) == title:
            return
        if self.doc is not None:
            command = set_competitor_title(self.doc, card_id, title)
            if command is not None:
                self.doc.push(command)
            return
        self._title_overrides[card_id] = title
        self.settings_changed.emit()
        self.schedule()

    def competitor_titles(self) -> dict[str, str]:
        overrides = self.title_overrides
        return {c.id: overrides.get(c.id, c.title) for c in self.competitors}

    def competitor_cards(self) -> list[Card]:
        overrides = self.title_overrides
        out = []
        for c in self.competitors:
            t = overrides.get(c.id)
            out.append(c if t is None or t == c.title else dataclasses.replace(c, title=t))
        return out

    # --- the user's cards ----------------------------------------------------------------------------
    def shown_cover_ids(self) -> list[str]:
        if self.doc is None:
            return []
        if self.settings.all_variants:
            return [c.id for c in self.doc.project.covers]
        return [self.doc.cover_id]

    def my_card(self, cover_id: str) -> Card:
        """The card of one of the user's covers; re-rendered only when that cover changed."""
        if self.doc is None:
            raise KeyError(cover_id)  # no document, no covers of the user's
        cover = self.doc.project.cover(cover_id)
        card = self._cards.get(cover_id)
        title = note_title(cover)  # as the CLI titles it
        if card is None or cover_id in self._dirty:
            img = rendering.render(cover, self.doc.store, scale=COVER_PX / max(1, cover.width))
            self.cover_renders += 1
            if card is None:
                card = card_from_image(img, id=f"mine-{cover_id}", title=title)
            else:
                card = card.with_image(img)
                card.extra = {}  # facts of the old pixels must not follow the new ones
            self._dirty.discard(cover_id)
        if card.title != title:
            card = dataclasses.replace(card, title=title)
        card.extra["cover_id"] = cover_id
        self._cards[cover_id] = card
        preview = self._preview
        if preview is not None and preview[0] == cover_id:
            return dataclasses.replace(card.with_image(preview[1]), extra={"cover_id": cover_id, "preview": True})
        return card

    def set_preview(self, cover_id: str | None, image: Any = None) -> None:
        """Show `image` (RGB) as that cover in the feed until cleared with None (a 帮我改 preview:
        the document is not touched)."""
        self._preview = (cover_id, image) if cover_id and image is not None else None
        self.schedule()

    def my_cards(self) -> list[Card]:
        return [self.my_card(i) for i in self.shown_cover_ids()]

    # --- spec and rendering --------------------------------------------------------------------------
    def spec(self, *, full_scroll: bool = True) -> FeedSpec:
        s = self.settings
        self.ensure_competitors()
        mine = self.my_cards()
        random_mode = s.placement == "random"
        return FeedSpec(device=s.device, theme=s.theme, page=s.page, query=s.query, mine=mine,
                        competitors=self.competitor_cards(), slot=None if random_mode else max(0, int(s.slot)),
                        seed=int(s.seed) if random_mode else None, full_scroll=full_scroll,
                        mark_first_screen=full_scroll,
                        max_cards=FEED_MAX_CARDS if full_scroll else None)

    def render_now(self, wait: bool = False) -> tuple[QImage, dict] | None:
        """Render the feed now; when the score worker is painting, try again shortly (or `wait`)."""
        self.debounce.timer.stop()
        if self.doc is None:
            return None
        if not rendering.PAINT_LOCK.acquire(timeout=-1 if wait else 0.02):
            self.debounce.timer.start(30)
            return None
        try:
            # 2 px per pt is sharp at any laptop zoom and ~half the cost of the phone's 3x;
            # exports re-render at the device's own ratio
            image, desc = render_feed(self.spec(), self.cache, pixel_ratio=min(DOCK_PIXEL_RATIO, self.device().pixel_ratio))
        finally:
            rendering.PAINT_LOCK.release()
        self.renders += 1
        self.last_image, self.last_description = image, desc
        self.rendered.emit(image, desc)
        return image, desc

    def device(self) -> Device:
        return load_profiles().device(self.settings.device)

    def export(self, image_path: str | Path, json_path: str | Path | None = None) -> tuple[Path, Path]:
        """Write what the dock shows (the scrolled feed) as PNG + JSON description."""
        from xhscover.feed.export import write_description, write_image

        with rendering.PAINT_LOCK:
            image, description = render_feed(self.spec(), self.cache)  # the device's own pixel ratio
        img = write_image(image, image_path)
        desc = dict(description, image=img.name, competitor_dir=self.settings.competitor_dir or None)
        js = write_description(desc, Path(json_path) if json_path else img.with_suffix(".json"))
        return img, js


def load_sample_shelf_small() -> tuple[list[Card], list[str]]:
    """The bundled shelf decoded at COMPETITOR_PX wide (JPEG draft mode: ~2x faster to open)."""
    from xhscover.feed.cards import sample_shelf_dir
    from xhscover.feed.imagefiles import is_image_file

    shelf = sample_shelf_dir()
    if shelf.is_dir() and any(is_image_file(p) for p in shelf.iterdir()):
        return load_competitor_dir(shelf, max_width=COMPETITOR_PX)
    return load_sample_shelf()


def device_choices() -> list[tuple[str, str]]:
    """(id, display name) of every device profile, in the data file's order."""
    return [(d.id, d.name) for d in load_profiles().devices.values()]


def keep_file(store: ImageStore, path: Path) -> str:
    """A competitor's cover file kept in the project as it is (a clean PNG or JPEG is not
    re-encoded), so it decodes to the same pixels as the file; returns its image key."""
    import hashlib

    data = read_image_file(path)
    ext = path.suffix.lower().lstrip(".") or "img"
    key = f"{hashlib.sha1(data).hexdigest()[:16]}.{ext}"
    store.adopt(key, data)
    return key


def found_card_name(card: FoundCard) -> str:
    """A screenshot card's id in the feed: the screenshot's name and the card's number there."""
    return f"{Path(card.source).stem}-{card.number}"
