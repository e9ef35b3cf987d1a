"""Finding the masonry in a screenshot: columns, then covers and the text band under each.

Built on what every version of the feed shares, not on one app's pixel offsets:
- columns are equal-width strips at a constant pitch, and every cover's left and right edges lie
  on them, so the count of rows with a vertical edge at x peaks at the column edges;
- the gutters between columns show the page colour (canvas) for the whole height of the grid;
- a card is a cover flush to its top, then a text band (title rows, then the author row with the
  avatar at the left and the like count at the right) on the card body colour, which is the canvas
  colour itself on the web and in some app themes;
- real card tops have rounded corners, so a cover that starts with square corners at the edge of
  the grid was cut there by the chrome.
Everything is measured relative to the column width, so downscaled screenshots read the same.
Pure numpy and OpenCV core/imgproc; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

Rgb = tuple[int, int, int]
BoxXYWH = tuple[int, int, int, int]

EDGE_STEP = 7
"""Minimum colour step (max over channels, across 2 px) counted as a vertical edge: a white card
on the #F5F5F5 canvas steps by 10, JPEG noise on flat colour stays under 5."""
MIN_COLUMN_FRACTION = 0.1
"""Columns are at least this fraction of the screenshot width (6 web columns beside a sidebar)."""
MAX_GAP_FRACTION = 0.35
"""A gutter is at most this fraction of the column width."""
INK_STEP = 40
"""A pixel differing from the card body by more than this (max over channels) is text ink."""


@dataclass(frozen=True)
class Columns:
    """Column edges in pixels: column k spans lefts[k] <= x < rights[k]."""

    lefts: tuple[int, ...]
    rights: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.lefts)

    def right(self, k: int) -> int:
        return self.rights[k]

    @property
    def width(self) -> int:
        return int(np.median([r - left for left, r in zip(self.lefts, self.rights, strict=True)]))

    @property
    def gap(self) -> int:
        gaps = [self.lefts[k + 1] - self.rights[k] for k in range(self.count - 1)]
        return int(np.median(gaps)) if gaps else 0


@dataclass
class CardBox:
    """One card found in the grid, in the screenshot's pixels."""

    column: int
    cover: BoxXYWH
    title_rows: list[tuple[int, int]] = field(default_factory=list)  # [y0, y1) per title line
    author_row: tuple[int, int] | None = None
    body_bottom: int = 0  # where the card's text band ends (exclusive)
    cut_top: bool = False
    cut_bottom: bool = False
    cover_bottom_guessed: bool = False  # the cover's lower edge was invisible and placed from the text
    text_top: int | None = None  # the first text row over the author row, title or not (a toast may lie on it)

    def first_text_row(self) -> int | None:
        """Where the text band's lines begin: the title, else whatever lies right above the author row."""
        tops = [r[0] for r in self.title_rows[:1]] + ([self.text_top] if self.text_top is not None else [])
        if tops:
            return min(tops)
        return self.author_row[0] if self.author_row else None


@dataclass
class Grid:
    columns: Columns
    top: int
    bottom: int
    canvas: Rgb
    body: Rgb
    cards: list[CardBox]


# ------------------------------------------------------------------------------------------ columns

def _edge_profile(rgb: np.ndarray) -> np.ndarray:
    """Per x, how many rows have a vertical colour edge there (across x-1 .. x+1) that continues
    straight for a stretch of rows: a cover's side is one long line, texture and text are not."""
    h, w = rgb.shape[:2]
    diff = cv2.absdiff(np.ascontiguousarray(rgb[:, 2:]), np.ascontiguousarray(rgb[:, :-2]))
    step = channel_max(diff)
    _t, edges = cv2.threshold(step, EDGE_STEP - 1, 1, cv2.THRESH_BINARY)
    run = max(4, round(0.008 * w))
    edges = cv2.erode(edges, np.ones((run, 1), np.uint8))
    counts = cv2.reduce(edges, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)
    prof = np.zeros(w, np.float64)
    prof[1:-1] = counts
    return prof


def channel_max(px: np.ndarray) -> np.ndarray:
    """Max over the last (colour) axis of a uint8 array, through OpenCV (numpy's small-axis
    reductions are ~10x slower on screenshots)."""
    flat = np.ascontiguousarray(px).reshape(-1, px.shape[-1])
    return np.asarray(cv2.reduce(flat, 1, cv2.REDUCE_MAX).reshape(px.shape[:-1]))


def _scalar(color: Rgb) -> Any:
    """An OpenCV scalar (the stubs only know arrays): absdiff against it needs no full-size copy."""
    return (float(color[0]), float(color[1]), float(color[2]), 0.0)


def ink_mask(px: np.ndarray, body: Rgb) -> np.ndarray:
    """Pixels differing from the card body by more than INK_STEP in some channel: text ink."""
    flat = np.ascontiguousarray(px).reshape(-1, 1, 3)
    diff = cv2.absdiff(flat, _scalar(body))
    return np.asarray(channel_max(diff).reshape(px.shape[:-1]) > INK_STEP)


def row_mean(mask: np.ndarray) -> np.ndarray:
    """Per row, the share of True in a 2-D boolean mask."""
    if mask.shape[1] == 0:
        return np.zeros(mask.shape[0])
    m = np.ascontiguousarray(mask, dtype=np.uint8)
    return np.asarray(cv2.reduce(m, 1, cv2.REDUCE_AVG, dtype=cv2.CV_32F).ravel())


def _prominence(prof: np.ndarray, half: int) -> np.ndarray:
    """The profile minus its running median: narrow column edges stand out of textured covers."""
    k = 2 * half + 1
    padded = np.pad(prof, half, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, k)
    return np.asarray(prof - np.median(windows, axis=1))


def _peaks(prom: np.ndarray, floor: float, limit: int = 28) -> list[int]:
    out: list[int] = []
    n = len(prom)
    for x in range(1, n - 1):
        v = prom[x]
        if v >= floor and v >= prom[x - 1] and v > prom[x + 1]:
            out.append(x)
    out.sort(key=lambda x: -prom[x])
    return sorted(out[:limit])


def _snap(prom: np.ndarray, x: float, tol: int) -> tuple[int, float]:
    """The strongest edge within tol of x: (position, prominence)."""
    lo, hi = max(0, int(round(x)) - tol), min(len(prom), int(round(x)) + tol + 1)
    if hi <= lo:
        return int(round(x)), 0.0
    i = lo + int(prom[lo:hi].argmax())
    return i, float(prom[i])


def find_columns(rgb: np.ndarray) -> tuple[Columns, float] | None:
    """Equal-width columns at a constant pitch whose edges the covers share; (columns, score).

    Each next edge is searched near where the pitch puts it (and snapped to the strongest edge
    there), so fractional CSS widths that drift by a pixel per column still line up."""
    h, w = rgb.shape[:2]
    prof = _edge_profile(rgb)
    prom = _prominence(prof, max(4, w // 120))
    floor = max(6.0, 0.04 * h)
    peaks = _peaks(prom, floor)
    if len(peaks) < 4:
        return None
    tol = max(2, round(w / 600))
    best: tuple[float, Columns] | None = None
    min_w = MIN_COLUMN_FRACTION * w
    for i, left in enumerate(peaks):
        for right in peaks[i + 1:]:
            cw = right - left
            if cw < min_w or cw > 0.5 * w:
                continue
            for nxt in peaks:
                gap = nxt - right
                if gap < 2 or gap > MAX_GAP_FRACTION * cw:
                    continue
                lefts, rights = [left], [right]
                total = float(prom[left] + prom[right])
                # further columns may have weaker edges (white covers on a white page): half the floor
                while True:
                    el_x, el = _snap(prom, rights[-1] + gap, tol)
                    if el_x + cw > w + tol or el_x < rights[-1] + 2:
                        break
                    er_x, er = _snap(prom, el_x + cw, tol)
                    if min(el, er) < floor / 2 or er_x > w:
                        break
                    lefts.append(el_x)
                    rights.append(er_x)
                    total += el + er
                while True:
                    er_x, er = _snap(prom, lefts[0] - gap, tol)
                    if er_x - cw < -tol or er_x > lefts[0] - 2:
                        break
                    el_x, el = _snap(prom, er_x - cw, tol)
                    if min(el, er) < floor / 2 or el_x < 0:
                        break
                    lefts.insert(0, el_x)
                    rights.insert(0, er_x)
                    total += el + er
                if len(lefts) < 2:
                    continue
                if best is None or total > best[0]:
                    best = (total, Columns(tuple(lefts), tuple(rights)))
    if best is None:
        return None
    return best[1], best[0]


# ------------------------------------------------------------------------------------------ colours

def mode_color(pixels: np.ndarray, tol: int = 6) -> tuple[Rgb, float]:
    """Most common colour of some pixels and the share of pixels within `tol` of it."""
    flat = pixels.reshape(-1, 3)
    if flat.size == 0:
        return (0, 0, 0), 0.0
    if len(flat) > 200_000:
        flat = flat[:: len(flat) // 200_000 + 1]
    q = flat.astype(np.int32) >> 3
    packed = (q[:, 0] << 10) | (q[:, 1] << 5) | q[:, 2]
    values, counts = np.unique(packed, return_counts=True)
    mean = flat[packed == values[int(counts.argmax())]].mean(axis=0)
    color = (int(round(mean[0])), int(round(mean[1])), int(round(mean[2])))
    return color, float(near(flat, color, tol).mean())


def near(pixels: np.ndarray, color: Rgb, tol: int, chroma: int | None = None) -> np.ndarray:
    """Pixels close to `color`: lightness within `tol`, each channel within `chroma` (default
    2 tol + 4: JPEG shifts chroma more than lightness, and 2x2 chroma subsampling smears colour
    across thin gutters)."""
    px = np.ascontiguousarray(pixels, dtype=np.uint8)
    shape = px.shape[:-1]
    flat = px.reshape(-1, 1, 3)
    ref = np.array(color, np.uint8).reshape(1, 1, 3)
    luma = cv2.cvtColor(flat, cv2.COLOR_RGB2GRAY).astype(np.int16)
    ref_luma = int(cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY)[0, 0])
    d = channel_max(cv2.absdiff(flat, _scalar(color))).reshape(-1, 1)
    limit = 2 * tol + 4 if chroma is None else chroma
    ok = (np.abs(luma - ref_luma) <= tol) & (d <= limit)
    return np.asarray(ok.reshape(shape))


def _inner_gutter_pixels(rgb: np.ndarray, cols: Columns) -> np.ndarray:
    xs: list[int] = []
    for k in range(cols.count - 1):
        a, b = cols.right(k), cols.lefts[k + 1]
        xs.extend(range(a + 2, b - 2) if b - a > 5 else [(a + b) // 2])
    return rgb[:, xs]


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of every run of True."""
    if mask.size == 0:
        return []
    m = np.concatenate([[False], mask.astype(bool), [False]])
    d = np.diff(m.astype(np.int8))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(), strict=True))


def _bridged_runs(mask: np.ndarray, bridge: int, min_run: int = 1) -> list[tuple[int, int]]:
    """Runs of True at least min_run long, joined across gaps of up to `bridge`."""
    runs = [r for r in _runs(mask) if r[1] - r[0] >= min_run]
    out: list[list[int]] = []
    for a, b in runs:
        if out and a - out[-1][1] <= bridge:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _grid_crossings(rgb: np.ndarray, cols: Columns) -> np.ndarray:
    """Per row, whether cards cross it: a vertical colour step at a quarter or more of the column
    edges. A toast over the gutter leaves the outer edges of the cards beside it; a bar of the
    app's or the browser's chrome runs across every column edge without a step."""
    h, w = rgb.shape[:2]
    steps = []
    for x0, x1 in zip(cols.lefts, cols.rights, strict=True):
        for a, b in ((max(0, x0 - 2), min(w - 1, x0 + 2)), (max(0, x1 - 3), min(w - 1, x1 + 1))):
            d = cv2.absdiff(np.ascontiguousarray(rgb[:, a]), np.ascontiguousarray(rgb[:, b]))
            steps.append(channel_max(d) >= EDGE_STEP)
    counts = np.sum(steps, axis=0)
    return np.asarray(counts >= max(1.0, 0.25 * len(steps)))


def _grid_rows(rgb: np.ndarray, cols: Columns, canvas: Rgb, tol: int) -> tuple[int, int]:
    """The rows of the grid: the longest run of rows whose inner gutters show the canvas, bridging
    interruptions up to 9% of the height that cards cross (toasts and badges lie over the grid;
    a bar of chrome is crossed by no card)."""
    gut = _inner_gutter_pixels(rgb, cols)
    open_rows = row_mean(near(gut, canvas, tol)) >= 0.9
    h = len(open_rows)
    crossed = _grid_crossings(rgb, cols)
    bridge = max(2, int(0.09 * h))
    runs: list[list[int]] = []
    for a, b in _runs(open_rows):
        if b - a < max(3, h // 100):
            continue
        if runs and a - runs[-1][1] <= bridge and crossed[runs[-1][1]:a].mean() >= 0.6:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    if not runs:
        return 0, 0
    top, bottom = max(runs, key=lambda r: r[1] - r[0])
    # the first rows (the top padding, where card corners and the chrome's edge blur the gutter
    # in a JPEG) may be a short open run just outside: take it in
    near_gap = max(2, int(0.012 * h))
    for a, b in reversed(_runs(open_rows[:top])):
        if top - b > near_gap or crossed[b:top].mean() < 0.6:
            break
        top = a
    return top, bottom


# ------------------------------------------------------------------------------------------ rows

G, B, C = 0, 1, 2


@dataclass
class _Column:
    k: int
    x0: int
    x1: int
    labels: np.ndarray  # per grid row: G canvas gap, B card body / text band, C cover
    ink: np.ndarray  # (rows, width) text ink against the body colour


def canvas_noise(rgb: np.ndarray, cols: Columns, top: int, bottom: int, canvas: Rgb) -> int:
    """How far (in lightness) the page colour strays in the gutters: 0 in a PNG, a few levels in
    a JPEG. Colour tests against the canvas use it, so a card body 5 levels off the canvas is
    told apart in a clean screenshot without mistaking JPEG noise for it in another."""
    gut = _inner_gutter_pixels(rgb[top:bottom], cols)
    px = np.ascontiguousarray(gut).reshape(-1, 1, 3)
    luma = cv2.cvtColor(px, cv2.COLOR_RGB2GRAY).astype(np.int16).ravel()
    ref = int(cv2.cvtColor(np.array(canvas, np.uint8).reshape(1, 1, 3), cv2.COLOR_RGB2GRAY)[0, 0])
    dev = np.abs(luma - ref)
    dev = dev[dev <= 12]  # what lies over the gutter (toasts) is not noise
    return int(np.percentile(dev, 95)) if dev.size else 0


def body_color(rgb: np.ndarray, cols: Columns, top: int, bottom: int, canvas: Rgb, noise: int = 2) -> Rgb:
    """The card body colour: the flat colour right above most canvas gaps in the columns (the
    padding at the bottom of each card). Cards with no body of their own (the web, some app
    themes) have none: their text stands on the canvas, which is returned."""
    voted: list[Rgb] = []
    starts = 0
    wd = cols.width
    for left, right in zip(cols.lefts, cols.rights, strict=True):
        inner = rgb[top:bottom, left + wd // 20:right - wd // 20]
        ctol = max(2, min(6, noise + 1))  # tight in clean screenshots: a body may be 5 levels off
        is_canvas = row_mean(near(inner, canvas, ctol, 2 * ctol + 2)) >= 0.97
        for a, b in _runs(is_canvas):
            # the end of a card: a short canvas gap under a row reaching both sides of the column,
            # whose corners just above are rounded (a browser's tab bar ends square)
            if a < 4 or b - a < 2 or b - a > 0.1 * wd:
                continue
            row = inner[a - 3]
            z = max(2, len(row) // 30)
            if near(np.concatenate([row[:z], row[-z:]]), canvas, ctol).mean() >= 0.5:
                continue  # text standing on the canvas (chrome, web text bands): not a card's edge
            if not _corners(rgb, left, right, top + a, (canvas,), ctol, down=False):
                continue
            starts += 1
            med = np.median(row, axis=0)
            if near(row, tuple(int(v) for v in med), 5).mean() < 0.97:  # type: ignore[arg-type]
                continue
            if np.abs(med - np.array(canvas)).max() <= 4:
                continue
            voted.append((int(med[0]), int(med[1]), int(med[2])))
    if not voted:
        return canvas
    # the colour most votes agree with (JPEG spreads one body colour over a few levels)
    arr = np.array(voted, np.uint8).reshape(-1, 1, 3)
    support = [int(near(arr, c, 5).sum()) for c in voted]
    best = int(np.argmax(support))
    if support[best] < 2 or support[best] < 0.5 * starts:
        return canvas
    agree = arr[near(arr, voted[best], 5)].reshape(-1, 3).mean(axis=0)
    return _refine_color(rgb, cols, top, bottom, (int(agree[0]), int(agree[1]), int(agree[2])))


def _refine_color(rgb: np.ndarray, cols: Columns, top: int, bottom: int, approx: Rgb) -> Rgb:
    pix = np.concatenate([rgb[top:bottom, x0 + 2:x1 - 2:7].reshape(-1, 3)
                          for x0, x1 in zip(cols.lefts, cols.rights, strict=True)])
    sel = pix[near(pix, approx, 4)]
    if len(sel) == 0:
        return approx
    m = sel.mean(axis=0)
    return (int(round(m[0])), int(round(m[1])), int(round(m[2])))


def _smooth_runs(labels: np.ndarray, value: int, max_len: float, into: int, inside: tuple[int, ...]) -> None:
    """Relabel runs of `value` shorter than max_len that sit between labels in `inside`."""
    n = len(labels)
    for a, b in _runs(labels == value):
        if b - a >= max_len or a == 0 or b >= n:
            continue
        if labels[a - 1] in inside and labels[b] in inside:
            labels[a:b] = into


def _classify(rgb: np.ndarray, x0: int, x1: int, top: int, bottom: int, canvas: Rgb, body: Rgb, tol: int,
              same: bool) -> tuple[np.ndarray, np.ndarray]:
    strip = rgb[top:bottom, x0:x1]
    wd = x1 - x0
    edge = max(1, round(wd * 0.005))
    zone = max(2, round(wd * 0.01))
    inner = strip[:, edge:wd - edge]
    nb = near(inner, body, tol)
    fb = row_mean(nb)
    zones = row_mean(np.concatenate([nb[:, :zone], nb[:, -zone:]], axis=1))
    labels = np.full(bottom - top, B, np.uint8)
    labels[(zones < 0.5) | (fb < 0.3)] = C
    if not same:  # the canvas between cards, and chrome standing on the canvas (dark themes)
        nc = near(inner, canvas, tol, tol + 3)  # strict on colour: pale covers are not the canvas
        zc = row_mean(np.concatenate([nc[:, :zone], nc[:, -zone:]], axis=1))
        fc = row_mean(nc)
        labels[(fc >= 0.97) | ((fc >= 0.6) & (zc >= 0.8))] = G
    if not same:  # a single row where a cover's edge blends into the card (downscaling, JPEG);
        # not more: a row gap stays a few points while a tablet's columns are twice a phone's, so
        # a 560-pixel column may sit over a 4-pixel gap
        thin = 2.0
        _smooth_runs(labels, G, thin, C, (C,))
        _smooth_runs(labels, G, thin, B, (B, C))
        _smooth_runs(labels, C, thin, G, (G,))
    _smooth_runs(labels, C, 0.06 * wd, B, (B,))  # dense rows of big bold titles
    _smooth_runs(labels, B, 0.05 * wd, C, (C,))  # light lines across covers
    ink = ink_mask(inner, body)
    return labels, ink


# ------------------------------------------------------------------------------------------ text band

def _text_lines(ink: np.ndarray, min_h: int, join: int) -> list[tuple[int, int, int, int]]:
    """Ink runs of rows: (y0, y1, leftmost ink x, rightmost ink x); runs split by <= join rows are one."""
    rows = ink.sum(axis=1) > 0
    spans = _bridged_runs(rows, join)
    out = []
    for y0, y1 in spans:
        if y1 - y0 < min_h:
            continue
        cols = np.flatnonzero(ink[y0:y1].any(axis=0))
        out.append((y0, y1, int(cols[0]), int(cols[-1])))
    return out


def _author_index(lines: list[tuple[int, int, int, int]], wd: int) -> int | None:
    """The author row: the lowest line starting at the left padding (avatar) and ending at the
    right padding (the like count is right-aligned)."""
    for i in range(len(lines) - 1, -1, -1):
        y0, y1, lx, rx = lines[i]
        if lx < 0.12 * wd and rx > 0.8 * wd and 0.04 * wd <= (y1 - y0) < 0.2 * wd:
            return i
    return None


def _band_author_index(lines: list[tuple[int, int, int, int]], start: int, wd: int) -> int | None:
    """Without a card body the text band has no end of its own (the next cover may start with the
    page colour): it is at most two title lines and the author row, set close together right
    under the cover. The author row is the lowest of those; None when they hold none."""
    chain: list[int] = []
    below = start
    for i, (y0, y1, _lx, _rx) in enumerate(lines):
        if y1 <= start:
            continue
        if y0 - below > 0.1 * wd or len(chain) == 3:
            break
        chain.append(i)
        below = y1
    sub = [lines[i] for i in chain]
    k = _author_index(sub, wd)
    return chain[k] if k is not None else None


def _text_top(lines: list[tuple[int, int, int, int]], author: int, wd: int, floor: int) -> int | None:
    """With no title rows found: the top of a line right above the author row too tall to be one
    title line (two lines merged by a toast lying over them), which is still where the title is."""
    if author == 0:
        return None
    y0, y1 = lines[author - 1][0], lines[author - 1][1]
    if y0 < floor or y1 - y0 <= 0.16 * wd or lines[author][0] - y1 > 0.06 * wd:
        return None
    return y0


def _title_rows(lines: list[tuple[int, int, int, int]], author: int, wd: int) -> list[tuple[int, int]]:
    """Up to two lines right above the author row, left-aligned at the padding, a line apart."""
    rows: list[tuple[int, int]] = []
    below = lines[author][0]
    ah = lines[author][1] - lines[author][0]
    for j in range(author - 1, -1, -1):
        y0, y1, lx, _rx = lines[j]
        h = y1 - y0
        # title lines are a line apart; the author row may sit up to two lines under the title
        reach = max(1.2 * h, 0.06 * wd) if rows else max(2.0 * h, 0.1 * wd)
        if lx > 0.12 * wd or h > 0.16 * wd or h < 0.3 * ah or below - y1 > reach:
            break
        rows.insert(0, (y0, y1))
        below = y0
        if len(rows) == 2:
            break
    return rows


# ------------------------------------------------------------------------------------------ cards

def _corners(rgb: np.ndarray, x0: int, x1: int, y: int, bg: tuple[Rgb, ...], tol: int, down: bool) -> bool | None:
    """At a cover's top (down=True: its first rows are y, y+1) or a card's bottom (down=False: its
    last rows are y-1, y-2), is the page colour showing at both outer corners, while the card
    reaches the edges a little further in? True: rounded corners; False: square (cut by the
    screen or the chrome); None: cannot tell. Three pixels are looked at on each side: a column
    edge found may sit on the page's last pixel or the card's first."""
    h = rgb.shape[0]
    wd = x1 - x0
    rows = [y, y + 1] if down else [y - 1, y - 2]
    far = y + max(6, round(0.03 * wd)) if down else y - max(6, round(0.05 * wd))
    if min(rows) < 0 or max(rows) >= h or not 0 <= far < h or wd < 8:
        return None

    def is_bg(px: np.ndarray) -> np.ndarray:
        m = np.zeros(px.shape[:-1], bool)
        for c in bg:
            m |= near(px, c, tol)
        return m

    inner = np.stack([rgb[far, x0 + 2], rgb[far, x1 - 3]])
    if is_bg(inner).any():
        return None  # the card's own edge is the page colour here: no evidence either way

    def nearer_bg(px: np.ndarray, own: np.ndarray) -> np.ndarray:
        """Closer to the page than to the card's own edge colour (a corner blurred by scaling)."""
        p = px.astype(np.int32)
        d_own = np.abs(p - own.astype(np.int32)).sum(axis=-1)
        d_bg = np.min([np.abs(p - np.array(c, np.int32)).sum(axis=-1) for c in bg], axis=0)
        return np.asarray(d_bg < d_own)

    left = nearer_bg(np.stack([rgb[r, x0:x0 + 3] for r in rows]), inner[0])
    right = nearer_bg(np.stack([rgb[r, x1 - 3:x1] for r in rows]), inner[1])
    if left.any() and right.any():
        return True
    if not left[:, 1:].any() and not right[:, :-1].any():
        return False
    return None


def find_cards(rgb: np.ndarray, cols: Columns, top: int, bottom: int, canvas: Rgb, body: Rgb,
               noise: int = 2) -> list[CardBox]:
    """Every card in every column between the grid rows top..bottom."""
    diff = int(np.abs(np.array(canvas) - np.array(body)).max())
    same = diff < 5
    tol = 6 if same else max(2, min(6, int(diff * 0.45), noise + 2))
    cards: list[CardBox] = []
    columns = []
    for k, (x0, x1) in enumerate(zip(cols.lefts, cols.rights, strict=True)):
        labels, ink = _classify(rgb, x0, x1, top, bottom, canvas, body, tol, same)
        columns.append(_Column(k, x0, x1, labels, ink))
        cards.extend(_column_cards(rgb, columns[-1], top, canvas, body, tol, same))
    if same:
        cards.extend(_page_coloured_covers(cards, columns, top))
        _fix_invisible_tops(cards, cols.width)
    _fix_invisible_edges(cards, cols.width)
    bg = (canvas,) if same else (canvas, body)
    out = []
    for c in cards:
        if c.cut_top and c.cover[1] - top <= max(2, 0.01 * c.cover[2]):
            _trim_chrome(rgb, c, bg, tol)
        # complete covers are at least 0.7 column widths tall: a sliver is the end of a cover cut by
        # the chrome, or of one whose visible top is the colour of the page; nothing to import
        if c.cover[3] < 0.05 * c.cover[2]:
            continue
        out.append(c)
    return out


def _trim_chrome(rgb: np.ndarray, card: CardBox, bg: tuple[Rgb, ...], tol: int) -> None:
    """A card cut at the top of the grid may start under the chrome's last bar (tabs, chips on
    the page colour): its visible cover begins at the first rows filling the column edge to edge
    (the chrome's buttons and pills do not reach the column's edges)."""
    x, y, w, h = card.cover
    z = max(2, round(w * 0.01))
    e = max(1, round(w * 0.005))
    rows = rgb[y:y + h]
    sides = np.concatenate([rows[:, x + e:x + e + z], rows[:, x + w - e - z:x + w - e]], axis=1)
    is_bg = np.zeros(sides.shape[:2], bool)
    for c in bg:
        is_bg |= near(sides, c, tol)
    fills = np.asarray(~is_bg[:, :z].all(axis=1) & ~is_bg[:, z:].all(axis=1))
    need = max(3, round(0.02 * w))
    for a, b in _runs(fills):
        if b - a >= need or b == h:
            if a:
                card.cover = (x, y + a, w, h - a)
            return
    card.cover = (x, y + h, w, 0)  # no cover shows under the chrome


def _column_cards(rgb: np.ndarray, col: _Column, top: int, canvas: Rgb, body: Rgb, tol: int,
                  same: bool) -> list[CardBox]:
    """Cards of one column. With a card body (the app), a card is a run of rows between canvas
    gaps: its text band is read from the bottom up and the cover is the rest, flush to the top, so
    a cover the colour of the body is still found. Without one (the web), covers are the runs of
    cover rows and the text band is what lies between one cover and the next."""
    wd = col.x1 - col.x0
    labels = col.labels
    n = len(labels)
    spans: list[tuple[int, int, int]] = []  # (card top, cover bottom, text band end)
    if not same:
        for a, e in _runs(labels != G):
            if e - a < 0.15 * wd and 0 < a and e < n:
                continue
            b = e
            while b > a:  # up through the text band to the first cover run of some height
                if labels[b - 1] == C:
                    c0 = b - 1
                    while c0 > a and labels[c0 - 1] == C:
                        c0 -= 1
                    if b - c0 >= 0.05 * wd or c0 == a:
                        break
                    b = c0
                else:
                    b -= 1
            if b == a:
                # no cover rows: chrome, a banner, a search field; or a cover the colour of the
                # card body (a white text card), which still makes a card-shaped run: after a
                # gap, tall enough for a cover and its text, rounded on the canvas at the top
                if (0 < a and e < n and e - a >= 0.8 * wd
                        and _corners(rgb, col.x0, col.x1, a + top, (canvas,), tol, down=True)):
                    spans.append((a, a, e))  # the cover's lower edge is placed from its title below
                continue
            spans.append((a, b, e))
    else:
        covers = [(a, b) for a, b in _runs(labels == C) if b - a >= 0.2 * wd or a == 0 or b >= n]
        for i, (a, b) in enumerate(covers):
            spans.append((a, b, covers[i + 1][0] if i + 1 < len(covers) else n))
    min_line = max(2, round(wd * 0.015))
    join = max(1, round(wd * 0.008))
    bg = (canvas,) if same else (canvas, body)
    out: list[CardBox] = []
    for a, b, end in spans:
        lines = _text_lines(col.ink[b:end], min_line, join)
        lines = [(y0 + b, y1 + b, lx, rx) for y0, y1, lx, rx in lines]
        card = CardBox(column=col.k, cover=(col.x0, a + top, wd, b - a), body_bottom=end + top)
        top_round = _corners(rgb, col.x0, col.x1, a + top, bg, tol, down=True)
        if top_round and a <= max(2, 0.01 * wd):  # at the chrome's edge: look past a blended row
            top_round = _corners(rgb, col.x0, col.x1, a + top + 2, bg, tol, down=True)
        # square corners where the cover starts: cut by the chrome; no evidence either way (the
        # cover's edge is the page colour): cut when it starts at the top of the grid
        card.cut_top = top_round is False or (top_round is None and a <= max(2, 0.01 * wd))
        ai = _author_index(lines, wd - 2)
        if same and ai is not None:
            ai = _band_author_index(lines, b, wd - 2)
            if ai is None:
                ai = _author_index(lines, wd - 2)
            else:  # what lies below is the next card's (its cover may be the page's colour)
                card.body_bottom = min(end, lines[ai][1] + max(2, round(0.03 * wd))) + top
        if ai is not None:
            card.author_row = (lines[ai][0] + top, lines[ai][1] + top)
            card.title_rows = [(y0 + top, y1 + top) for y0, y1 in _title_rows(lines, ai, wd - 2)]
            if not card.title_rows:
                tt = _text_top(lines, ai, wd - 2, b)
                card.text_top = tt + top if tt is not None else None
            # a complete card keeps some padding under its author row before the grid ends
            card.cut_bottom = b >= n or (end >= n and n - lines[ai][1] < 0.01 * wd)
        else:
            # no author row: only a cover running into the bottom of the grid (or the chrome
            # there) is a card, and then only one that fills its column like a cover does
            if end - b > 0.04 * wd and end < n:
                continue
            if b - a < 0.1 * wd or card.cut_top or not _fills_column(labels[a:b], col, a, b, bg, tol, rgb, top):
                continue
            card.cut_bottom = True
        out.append(card)
    return out


def _fills_column(labels: np.ndarray, col: _Column, a: int, b: int, bg: tuple[Rgb, ...], tol: int,
                  rgb: np.ndarray, top: int) -> bool:
    """Most rows of a cover reach both edges of the column (chrome buttons and pills do not)."""
    wd = col.x1 - col.x0
    z = max(2, round(wd * 0.01))
    e = max(1, round(wd * 0.005))
    rows = rgb[top + a:top + b]
    sides = np.concatenate([rows[:, col.x0 + e:col.x0 + e + z], rows[:, col.x1 - e - z:col.x1 - e]], axis=1)
    is_bg = np.zeros(sides.shape[:2], bool)
    for c in bg:
        is_bg |= near(sides, c, tol)
    left_ok = ~is_bg[:, :z].all(axis=1)
    right_ok = ~is_bg[:, z:].all(axis=1)
    return bool((left_ok & right_ok).mean() >= 0.6)


def _page_coloured_covers(cards: list[CardBox], columns: list[_Column], top: int) -> list[CardBox]:
    """Cards whose cover is the page's own colour (a white text card on the white web page) show
    only their text band. Each author row that belongs to no card found so far gets one, its cover
    placed where the other cards put theirs: the typical gap above the title, and below the card
    above (or 3:4 tall when it is the first in its column)."""
    pads, gaps = [], []
    by_col: dict[int, list[CardBox]] = {}
    for c in cards:
        by_col.setdefault(c.column, []).append(c)
        if c.author_row is not None and not c.cut_bottom:
            first = c.title_rows[0][0] if c.title_rows else c.author_row[0]
            pads.append(first - (c.cover[1] + c.cover[3]))
    for cs in by_col.values():
        cs.sort(key=lambda c: c.cover[1])
        for a, b in zip(cs, cs[1:], strict=False):
            if a.author_row is not None and not b.cut_top:
                gaps.append(b.cover[1] - a.author_row[1])
    if len(pads) < 2:
        return []
    pad = float(np.median(pads))
    gap = float(np.median(gaps)) if gaps else pad
    ah = float(np.median([c.author_row[1] - c.author_row[0] for c in cards if c.author_row is not None]))
    out: list[CardBox] = []
    for col in columns:
        wd = col.x1 - col.x0
        mine = sorted(by_col.get(col.k, []), key=lambda c: c.cover[1])
        taken = np.zeros(len(col.labels), bool)
        for c in mine:
            taken[max(0, c.cover[1] - top):max(0, max(c.body_bottom, c.cover[1] + c.cover[3]) - top)] = True
        free = col.ink.copy()
        free[taken] = False
        lines = _text_lines(free, max(2, round(wd * 0.015)), max(1, round(wd * 0.008)))
        i = 0
        while i < len(lines):
            # lines set close together (a page-coloured cover's own text, then the text band):
            # the author row is the lowest author-like one
            j = i + 1
            while j < len(lines) and lines[j][0] - lines[j - 1][1] <= 0.1 * wd:
                j += 1
            # ... of the height the author rows of the cards found have (a cover's big text is taller)
            cands = [m for m in range(i, j) if _author_index([lines[m]], wd - 2) == 0
                     and abs(lines[m][1] - lines[m][0] - ah) <= 0.35 * ah]
            if not cands:
                i = j
                continue
            ai = cands[-1]
            i = ai + 1
            y0, y1 = lines[ai][0], lines[ai][1]
            titles = _title_rows(lines, ai, wd - 2)
            first = titles[0][0] if titles else y0
            bottom = int(round(first - pad))
            above = [c for c in mine if c.cover[1] - top < bottom]
            if above and above[-1].author_row is not None:
                start = int(round(above[-1].author_row[1] - top + gap))
            else:
                start = int(round(bottom - wd / 0.75))
            if start < 0 or bottom - start < 0.3 * wd:
                continue  # its cover would reach above the grid: under the chrome, nothing to import
            card = CardBox(column=col.k, cover=(col.x0, start + top, wd, bottom - start), body_bottom=y1 + top,
                           cover_bottom_guessed=True)
            card.author_row = (y0 + top, y1 + top)
            card.title_rows = [(a + top, b + top) for a, b in titles]
            out.append(card)
            mine = sorted([*mine, card], key=lambda c: c.cover[1])
    return out


def _fix_invisible_tops(cards: list[CardBox], wd: int) -> None:
    """Without a card body, a cover whose upper part is the page's colour (a white backdrop) starts
    too late: further below the card above than the others do. Move its top up to where the
    typical gap under the card above says it is."""
    by_col: dict[int, list[CardBox]] = {}
    for c in cards:
        by_col.setdefault(c.column, []).append(c)
    pairs = []
    for cs in by_col.values():
        cs.sort(key=lambda c: c.cover[1])
        pairs += [(a, b) for a, b in zip(cs, cs[1:], strict=False) if a.author_row is not None and not b.cut_top]
    if len(pairs) < 3:
        return
    typical = float(np.median([b.cover[1] - a.author_row[1] for a, b in pairs if a.author_row is not None]))
    for a, b in pairs:
        assert a.author_row is not None
        x, y, w, h = b.cover
        if y - a.author_row[1] > typical + 0.04 * wd:
            y_new = int(round(a.author_row[1] + typical))
            b.cover = (x, y_new, w, h + y - y_new)


def _fix_invisible_edges(cards: list[CardBox], wd: int) -> None:
    """A cover whose lower part has the body colour (a white text card on a white card body) ends
    too early: its title starts further below than on the other cards. Move its edge down to where
    the typical gap above the title says it is."""
    gaps = []
    for c in cards:
        first = c.first_text_row()
        if first is not None and not c.cut_bottom:
            gaps.append(first - (c.cover[1] + c.cover[3]))
    if len(gaps) < 3:
        return
    typical = float(np.median(gaps))
    for c in cards:
        first = c.first_text_row()
        if first is None:
            continue
        x, y, w, h = c.cover
        gap = first - (y + h)
        if gap > typical + 0.04 * wd:
            c.cover = (x, y, w, int(round(first - typical - y)))
            c.cover_bottom_guessed = True


# ------------------------------------------------------------------------------------------ entry

def find_grid(rgb: np.ndarray) -> Grid | None:
    """The feed grid of a screenshot, or None when it has no masonry of covers."""
    found = find_columns(rgb)
    if found is None:
        return None
    cols, _score = found
    canvas, share = mode_color(_inner_gutter_pixels(rgb, cols))
    if share < 0.5:
        return None
    top, bottom = _grid_rows(rgb, cols, canvas, 6)
    if bottom - top < 0.6 * cols.width:
        return None
    noise = canvas_noise(rgb, cols, top, bottom, canvas)
    body = body_color(rgb, cols, top, bottom, canvas, noise)
    cards = find_cards(rgb, cols, top, bottom, canvas, body, noise)
    return Grid(columns=cols, top=top, bottom=bottom, canvas=canvas, body=body, cards=cards)
