"""Screenshots of the feed -> competitor cards: find the grid, read each card, flag and dedupe.

`read_screenshot` handles one image (an array) and `read_screenshot_file` one file; a screenshot
without a feed grid raises `NotAFeedError` ("no feed grid found in SHOT.png"). `mark_duplicates`
links the same note seen in several screenshots of one scrolled feed (by cover content).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from xhscover.errors import ImageError, XhsError
from xhscover.shelfimport.grid import Grid, find_grid
from xhscover.shelfimport.marks import blocked_rows, has_play_icon, overlaid
from xhscover.shelfimport.text import CardText, read_cards_text

Box = tuple[int, int, int, int]
MIN_SIDE = 240
"""Screenshots whose short side is below this many pixels are too small to read."""
ANALYSIS_WIDTH = 2000
"""Wider screenshots (4K browser windows) are searched for the grid at this width; crops and
text are still taken from the full-resolution pixels."""
DUPLICATE_CORRELATION = 0.93
"""Two covers are the same note when their 24x24 grey thumbnails correlate at least this well
(and their shapes and average colours agree); different notes rarely pass 0.8."""


class NotAFeedError(XhsError):
    """A screenshot with no feed grid in it (a note page, a chat, a photo)."""


@dataclass
class FoundCard:
    """One card read from a screenshot. Boxes are [x, y, w, h] in the screenshot's pixels."""

    source: str
    number: int  # 1-based, in reading order (top to bottom, left to right) within its screenshot
    cover_box: Box
    card_box: Box
    image: np.ndarray  # the cover's pixels, RGB uint8
    title: str = ""
    author: str = ""
    likes: int | None = None
    likes_text: str = ""
    video: bool = False
    cut_top: bool = False
    cut_bottom: bool = False
    overlaid: bool = False
    confidence: float = 0.0
    duplicate_of: tuple[str, int] | None = None

    @property
    def cut(self) -> bool:
        return self.cut_top or self.cut_bottom

    @property
    def importable(self) -> bool:
        """Kept by default: complete and not already seen in an earlier screenshot."""
        return not self.cut and self.duplicate_of is None

    def flags(self) -> list[str]:
        out = []
        if self.video:
            out.append("video")
        if self.cut_top:
            out.append("cut_top")
        if self.cut_bottom:
            out.append("cut_bottom")
        if self.overlaid:
            out.append("overlaid")
        return out


@dataclass
class ShotReading:
    source: str
    size: tuple[int, int]
    layout: str  # "app": cards have a body of their own; "web": text on the page colour
    theme: str  # "light" | "dark"
    columns: int
    cards: list[FoundCard] = field(default_factory=list)
    pixels: np.ndarray | None = field(default=None, repr=False)  # the screenshot itself, for previews

    def summary(self) -> str:
        """One line for the CLI: cards found, kept, skipped and why."""
        kept = [c for c in self.cards if c.importable]
        why = []
        for label, n in (("cut at the top", sum(c.cut_top for c in self.cards)),
                         ("cut at the bottom", sum(c.cut_bottom and not c.cut_top for c in self.cards)),
                         ("seen in an earlier screenshot",
                          sum(c.duplicate_of is not None and not c.cut for c in self.cards))):
            if n:
                why.append(f"{n} {label}")
        skipped = len(self.cards) - len(kept)
        line = (f"{self.source}: {len(self.cards)} cards found ({self.layout}, {self.theme}, "
                f"{self.columns} columns), {len(kept)} kept")
        if skipped:
            line += f", {skipped} skipped ({', '.join(why)})"
        extra = [f"{sum(c.video for c in self.cards)} video"] if any(c.video for c in self.cards) else []
        if any(c.overlaid for c in kept):
            extra.append(f"{sum(c.overlaid for c in kept)} partly covered by an overlay")
        return line + (f"; {'; '.join(extra)}" if extra else "")


def _scaled_grid(rgb: np.ndarray) -> tuple[Grid | None, float]:
    """The grid, searched on a copy at most ANALYSIS_WIDTH wide; (grid, factor to full pixels)."""
    w = rgb.shape[1]
    if w <= ANALYSIS_WIDTH:
        return find_grid(rgb), 1.0
    f = ANALYSIS_WIDTH / w
    small = cv2.resize(rgb, (ANALYSIS_WIDTH, max(1, round(rgb.shape[0] * f))), interpolation=cv2.INTER_AREA)
    return find_grid(small), 1.0 / f


def _scale_box(box: Box, s: float) -> Box:
    if s == 1.0:
        return box
    x0, y0 = round(box[0] * s), round(box[1] * s)
    return x0, y0, round((box[0] + box[2]) * s) - x0, round((box[1] + box[3]) * s) - y0


def read_screenshot(rgb: np.ndarray, source: str = "screenshot") -> ShotReading:
    """Read the feed in one screenshot (RGB uint8); raises NotAFeedError when there is none."""
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
        raise ImageError(f"{source}: expected an RGB image.")
    h, w = rgb.shape[:2]
    if min(h, w) < MIN_SIDE:
        raise ImageError(f"{source} is {w}x{h}; too small to read a feed from.")
    grid, s = _scaled_grid(rgb)
    cards = [c for c in (grid.cards if grid else []) if c.author_row is not None or c.cut_bottom]
    if grid is None or not any(c.author_row is not None for c in cards):
        raise NotAFeedError(f"no feed grid found in {source}")
    if s != 1.0:  # text positions back to full resolution for the recogniser
        for c in cards:
            c.cover = _scale_box(c.cover, s)
            c.title_rows = [(round(a * s), round(b * s)) for a, b in c.title_rows]
            c.author_row = (round(c.author_row[0] * s), round(c.author_row[1] * s)) if c.author_row else None
            c.body_bottom = round(c.body_bottom * s)
    texts = read_cards_text(rgb, cards, grid.body)
    blocked = blocked_rows_full(rgb, grid, s)
    dark = float(np.mean(grid.canvas)) < 128
    found: list[FoundCard] = []
    order = sorted(range(len(cards)), key=lambda i: (cards[i].cover[1], cards[i].cover[0]))
    for n, i in enumerate(order, start=1):
        c, t = cards[i], texts[i]
        x, y, cw, ch = c.cover
        bottom = max(c.body_bottom, y + ch)
        crop = np.ascontiguousarray(rgb[y:y + ch, x:x + cw])
        min_rows = max(2, round(cw * 0.05 / s))  # a toast or badge is a good part of a card wide
        over = overlaid(blocked[c.column], round((y - grid.top * s) / s), round((bottom - grid.top * s) / s), min_rows)
        found.append(_found(source, n, c.cover, (x, y, cw, bottom - y), crop, t, c.cut_top, c.cut_bottom, over))
    return ShotReading(source=source, size=(w, h), layout="web" if grid.body == grid.canvas else "app",
                       theme="dark" if dark else "light", columns=grid.columns.count, cards=found, pixels=rgb)


def blocked_rows_full(rgb: np.ndarray, grid: Grid, s: float) -> list[tuple[np.ndarray, np.ndarray]]:
    """Overlay evidence beside each column, computed on the analysis-scale pixels."""
    if s == 1.0:
        return blocked_rows(rgb, grid.columns, grid.canvas, grid.top, grid.bottom)
    small = cv2.resize(rgb, (round(rgb.shape[1] / s), round(rgb.shape[0] / s)), interpolation=cv2.INTER_AREA)
    return blocked_rows(small, grid.columns, grid.canvas, grid.top, grid.bottom)


def _found(source: str, n: int, cover: Box, card: Box, crop: np.ndarray, t: CardText, cut_top: bool,
           cut_bottom: bool, over: bool) -> FoundCard:
    return FoundCard(source=source, number=n, cover_box=cover, card_box=card, image=crop, title=t.title,
                     author=t.author, likes=t.likes, likes_text=t.likes_text,
                     video=not cut_top and has_play_icon(crop), cut_top=cut_top, cut_bottom=cut_bottom,
                     overlaid=over, confidence=t.confidence)


def load_screenshot(path: Path | str) -> np.ndarray:
    """A screenshot file as RGB uint8, through the app's image import (size limits, modes, EXIF)."""
    from xhscover.model.images import decode_image

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ImageError(f"{p.name} cannot be read ({exc.strerror or exc}).") from None
    img = decode_image(data, p.name)
    return np.asarray(img.convert("RGB"), dtype=np.uint8).copy()


def read_screenshot_file(path: Path | str) -> ShotReading:
    p = Path(path)
    return read_screenshot(load_screenshot(p), p.name)


# ------------------------------------------------------------------------------------------ duplicates

def fingerprint(cover: np.ndarray) -> np.ndarray:
    """A 24x24 grey thumbnail, zero mean and unit length: the same cover at any scale or JPEG
    quality gives nearly the same vector."""
    grey = cv2.cvtColor(cover, cv2.COLOR_RGB2GRAY)
    small = cv2.resize(grey, (24, 24), interpolation=cv2.INTER_AREA).astype(np.float64).ravel()
    small -= small.mean()
    norm = float(np.linalg.norm(small))
    return np.asarray(small / norm if norm > 1e-6 else small)


def same_cover(a: FoundCard, b: FoundCard) -> bool:
    """Same note: the covers match in shape, average colour and thumbnail."""
    ra = a.cover_box[2] / max(1, a.cover_box[3])
    rb = b.cover_box[2] / max(1, b.cover_box[3])
    if abs(ra - rb) > 0.06 * max(ra, rb):
        return False
    ma = a.image.reshape(-1, 3).mean(axis=0)
    mb = b.image.reshape(-1, 3).mean(axis=0)
    if float(np.abs(ma - mb).max()) > 20:
        return False
    return float(fingerprint(a.image) @ fingerprint(b.image)) >= DUPLICATE_CORRELATION


def mark_duplicates(readings: list[ShotReading]) -> int:
    """Link complete cards that repeat a complete card of an earlier screenshot; returns how many
    were marked."""
    seen: list[FoundCard] = []
    marked = 0
    for r in readings:
        earlier = list(seen)  # one screen never shows a note twice: compare with earlier shots only
        for c in r.cards:
            c.duplicate_of = None
            if c.cut:
                continue
            for s in earlier:
                if same_cover(c, s):
                    c.duplicate_of = (s.source, s.number)
                    marked += 1
                    break
            else:
                seen.append(c)
    return marked


# ------------------------------------------------------------------------------------------ several files

def read_screenshot_files(paths: Sequence[Path | str], *, keep_pixels: bool = False,
                          progress: Callable[[int, str], bool] | None = None
                          ) -> tuple[list[ShotReading], dict[str, str]]:
    """Read every file; duplicates across them are marked. Returns (readings in order, {file name:
    the one line saying why it gave no cards}) for screenshots with no feed or bad image files.

    `progress(i, name)` is called before file i is read; returning False stops (the rest unread)."""
    readings: list[ShotReading] = []
    failed: dict[str, str] = {}
    for i, path in enumerate(paths):
        p = Path(path)
        if progress is not None and not progress(i, p.name):
            break
        try:
            reading = read_screenshot_file(p)
        except XhsError as exc:
            failed[p.name] = str(exc)
            continue
        if not keep_pixels:
            reading.pixels = None
        readings.append(reading)
    mark_duplicates(readings)
    return readings, failed


def shelf_cards(readings: list[ShotReading], *, include_cut: bool = False) -> list[FoundCard]:
    """The cards to import, in screenshot and reading order: complete ones not seen before (and the
    ones cut by the screen edge when asked)."""
    return [c for r in readings for c in r.cards
            if c.importable or (include_cut and c.cut and c.duplicate_of is None)]
