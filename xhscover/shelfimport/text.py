"""Reading a card's text band: title lines, nickname and like count, with the bundled PP-OCR.

The grid finder says where the title lines and the author row are, so recognition runs on those
crops alone (no text detection pass). The author row is split by its ink: the avatar at the left
is dropped, the heart icon separates the nickname from the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from xhscover.attention.detectors import recognize_lines
from xhscover.shelfimport.grid import CardBox, Rgb, ink_mask

OCR_MIN_WIDTH = 96
"""Short crops (a like count, a nickname) are padded to this width for the recogniser, not to
PP-OCR's 320: the same text, a third of the work for those lines."""
ELLIPSES = ("…", "...", "⋯", "。。。", "..")
_COUNT = re.compile(r"([0-9][0-9,]*(?:[.·][0-9]+)?)\s*([万wW亿kK]?)\s*\+?$")
_WHOLE = re.compile(r"^([0-9][0-9,]*(?:[.·][0-9]+)?)([万wW亿kK]?)\+?$")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8"})


@dataclass
class CardText:
    title: str = ""
    author: str = ""
    likes: int | None = None  # None: no count could be read
    likes_text: str = ""
    confidence: float = 0.0  # lowest recognition confidence of the parts read


def parse_like_count(text: str) -> int | None:
    """A like count as OCR reads it: 1234, 1.2万, 3.1w, 10万+, 赞 (no likes yet) -> int; else None."""
    t = text.strip().replace(" ", "")
    if not t:
        return None
    if t.endswith("赞"):
        head = t[:-1]
        return 0 if not head or not any(ch.isdigit() for ch in head) else parse_like_count(head)
    m = _WHOLE.match(t) or _WHOLE.match(t.translate(_OCR_DIGITS)) or _COUNT.search(t)
    if m is None:
        return None
    number, unit = m.group(1).replace(",", "").replace("·", "."), m.group(2)
    try:
        value = float(number)
    except ValueError:
        return None
    scale = {"": 1, "万": 10_000, "w": 10_000, "W": 10_000, "亿": 100_000_000, "k": 1000, "K": 1000}[unit]
    return int(round(value * scale))


def clean_title(lines: list[str]) -> str:
    """Title lines joined (a space kept between Latin words), a trailing ellipsis dropped."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    for e in ELLIPSES:
        if out.endswith(e):
            out = out[: -len(e)].rstrip()
            break
    return _FULLWIDTH_BAR.sub("｜", out)


_FULLWIDTH_BAR = re.compile(r"(?<=[^\x00-\x7f])\s*\|\s*|\s*\|\s*(?=[^\x00-\x7f])")
"""The recogniser reads the full-width bar titles use (周末去哪儿｜露营) as an ASCII one."""


def _ink(crop: np.ndarray, body: Rgb) -> np.ndarray:
    return ink_mask(crop, body)


def _segments(ink: np.ndarray, join: int) -> list[tuple[int, int]]:
    """Runs of ink columns, joined across gaps of up to `join` columns."""
    cols = ink.any(axis=0)
    segs: list[list[int]] = []
    start = None
    for x, on in enumerate(np.append(cols, False)):
        if on and start is None:
            start = x
        elif not on and start is not None:
            if segs and start - segs[-1][1] <= join:
                segs[-1][1] = x
            else:
                segs.append([start, x])
            start = None
    return [(a, b) for a, b in segs]


def _is_heart(ink: np.ndarray, crop: np.ndarray) -> bool:
    """A heart icon: about as wide as tall, an outline (hollow middle) or filled brand red."""
    ys, xs = np.nonzero(ink)
    if len(ys) == 0:
        return False
    h, w = ys.max() - ys.min() + 1, xs.max() - xs.min() + 1
    if not 0.8 <= w / max(1, h) <= 1.45:
        return False
    box = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    fill = box.mean()
    cy, cx = int(h * 0.45), w // 2
    core = box[max(0, cy - h // 8):cy + h // 8 + 1, max(0, cx - w // 8):cx + w // 8 + 1]
    if fill < 0.6 and core.mean() < 0.2:
        return True
    px = crop[ys, xs].astype(np.int16)
    red = (px[:, 0] > 180) & (px[:, 1] < 110) & (px[:, 2] < 130)
    return bool(red.mean() > 0.5 and fill > 0.5)


def _pad_crop(rgb: np.ndarray, x0: int, x1: int, y0: int, y1: int, dark: bool) -> np.ndarray:
    """A text crop with a little margin, dark text on light (the recogniser reads that best)."""
    h = y1 - y0
    p = max(2, h // 5)
    crop = rgb[max(0, y0 - p):min(rgb.shape[0], y1 + p), max(0, x0 - p):min(rgb.shape[1], x1 + p)]
    return np.ascontiguousarray(255 - crop) if dark else crop


@dataclass
class _Parts:
    title: list[np.ndarray]
    nick: np.ndarray | None
    likes: np.ndarray | None
    author_row: np.ndarray | None  # whole row minus the avatar, when no heart separates the parts


def _cut_parts(rgb: np.ndarray, card: CardBox, body: Rgb) -> _Parts:
    x, _y, w, _h = card.cover
    dark = float(np.mean(body)) < 128
    m = max(2, w // 100)
    titles = []
    for y0, y1 in card.title_rows:
        ink = _ink(rgb[y0:y1, x + m:x + w - m], body)
        cols = np.flatnonzero(ink.any(axis=0))
        if len(cols):
            titles.append(_pad_crop(rgb, x + m + int(cols[0]), x + m + int(cols[-1]) + 1, y0, y1, dark))
    parts = _Parts(titles, None, None, None)
    if card.author_row is None:
        return parts
    y0, y1 = card.author_row
    row = rgb[y0:y1, x + m:x + w - m]
    ink = _ink(row, body)
    rh = y1 - y0
    segs = _segments(ink, max(1, round(rh * 0.12)))
    if not segs:
        return parts
    # the avatar: the first blob at the left padding, about as wide as the row is tall
    a0, a1 = segs[0]
    if a0 < 0.15 * w and 0.55 * rh <= a1 - a0 <= 1.6 * rh:
        segs = segs[1:]
    heart = None
    for i in range(len(segs) - 1, 0, -1):
        s0, s1 = segs[i]
        if _is_heart(ink[:, s0:s1], row[:, s0:s1]):
            heart = i
            break
        if s1 - s0 > rh * 1.6 and i < len(segs) - 1:
            break  # a wide run of text before any heart: the nickname
    # a heart glued to the count (no gap at this size): split the last run at its own heart
    if heart is None and segs:
        s0, s1 = segs[-1]
        sub = _segments(ink[:, s0:s1], 0)
        for j in range(len(sub) - 1):
            b0, b1 = sub[j]
            if _is_heart(ink[:, s0 + b0:s0 + b1], row[:, s0 + b0:s0 + b1]):
                segs = [*segs[:-1], (s0, s0 + b1), (s0 + sub[j + 1][0], s1)]
                heart = len(segs) - 2
                break
    if heart is not None:
        nick = segs[:heart]
        likes = segs[heart + 1:]
        if nick:
            parts.nick = _pad_crop(rgb, x + m + nick[0][0], x + m + nick[-1][1], y0, y1, dark)
        if likes:
            parts.likes = _pad_crop(rgb, x + m + likes[0][0], x + m + likes[-1][1], y0, y1, dark)
    elif segs:
        parts.author_row = _pad_crop(rgb, x + m + segs[0][0], x + m + segs[-1][1], y0, y1, dark)
    return parts


def read_cards_text(rgb: np.ndarray, cards: list[CardBox], body: Rgb) -> list[CardText]:
    """OCR every card's title, nickname and likes in one batched recognition run."""
    crops: list[np.ndarray] = []
    plan: list[tuple[int, str]] = []
    for i, card in enumerate(cards):
        parts = _cut_parts(rgb, card, body)
        for c in parts.title:
            crops.append(c)
            plan.append((i, "title"))
        for kind, crop in (("nick", parts.nick), ("likes", parts.likes), ("row", parts.author_row)):
            if crop is not None:
                crops.append(crop)
                plan.append((i, kind))
    results = recognize_lines(crops, min_width=OCR_MIN_WIDTH) if crops else []
    texts = [CardText() for _ in cards]
    titles: dict[int, list[str]] = {}
    conf: dict[int, list[float]] = {}
    for (i, kind), (text, score) in zip(plan, results, strict=True):
        conf.setdefault(i, []).append(score)
        t = texts[i]
        if kind == "title":
            titles.setdefault(i, []).append(text)
        elif kind == "nick":
            t.author = text.strip()
        elif kind == "likes":
            t.likes_text = text.strip()
            t.likes = parse_like_count(t.likes_text)
        else:  # nickname and count in one crop: the count is the last number (or 赞)
            t.author, t.likes_text = split_author_row(text)
            t.likes = parse_like_count(t.likes_text)
    for i, t in enumerate(texts):
        t.title = clean_title(titles.get(i, []))
        t.confidence = min(conf.get(i, [0.0]))
    return texts


_ROW_TAIL = re.compile(r"(?:(?<=\s)[Oo]\s*|[♡♥❤◯○]\s*)?([0-9][0-9,.]*\s*[万wW亿]?\+?|赞)\s*$")


def split_author_row(text: str) -> tuple[str, str]:
    """'nickname ♡ 1.2万' read as one line -> ('nickname', '1.2万')."""
    t = text.strip()
    m = _ROW_TAIL.search(t)
    if m is None:
        return t, ""
    return t[: m.start()].rstrip(" ♡♥❤◯○"), m.group(1)
