"""帮我改: score variants of the user's cover on its shelf and say which change wins the tap.

Every candidate (`score.candidates`) is scored with the position-fair method on the user's
shelf under the SAME seeded placements as the original, so the comparison is paired: each
placement puts the original and the candidate in the same slot among the same neighbours.

Speed: the screens of the plan are rendered once with the user's cover pure black and pure
white, which gives every screen's pixels without the cover and the cover's exact coverage (its
rounded corners, chrome drawn over it); a candidate is then pasted into each screen instead of
re-drawing the feed. The original is scored through the same paste, so the pairing is exact.
Candidates are first scored on one placement per visible slot (stage 1, in priority order, so
the app can show results early); the best of each kind of change are then scored on the whole
plan (stage 2) and ranked by their gain in fair ratio, with a paired bootstrap interval.

A candidate must pass the legibility findings (title >= 18 pt at feed size, WCAG contrast >=
4.5) or it is dropped. A gain counts as clear only when its paired interval excludes zero AND it
is bigger than the placement noise of the original's own fair ratio (half its 95% interval over
placements): a smaller gain is what reshuffling the shelf alone does to the number.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from xhscover.attention import diagnostics as D
from xhscover.errors import XhsError
from xhscover.feed.cards import Card, card_from_image
from xhscover.feed.images import crop_scale
from xhscover.model.cover import Cover
from xhscover.score import ab
from xhscover.score import candidates as K
from xhscover.score.covers import CoverFacts, FBox, covered, detected_boxes, facts_from_cover, facts_from_image
from xhscover.score.diagnose import LEGIBLE_GOOD_PT, Subject, card_width_pt, diagnose_cached, title_contrast, title_size
from xhscover.score.fair import FairScore, fair_from_screens, placements_for
from xhscover.score.palette import Palette
from xhscover.score.shares import Screen, ShelfScorer
from xhscover.score.verdict import ratio_interval, ratio_samples, resamples

DEFAULT_N = 50
DEFAULT_TOP = 5
CONFIRM_EXTRA = 2
"""Stage 2 scores the best `top + 2` kinds of change on the whole plan, so a candidate that was
lucky in stage 1 can still lose its place to the next one."""
MIN_COMPETITORS = 2
"""The fair share compares the cover with competitors in the same slot: with a single competitor
the slot it never shares with the cover has no baseline."""
LEGIBLE_CONTRAST = D.WCAG_AA_TEXT
"""Candidates must keep the title at >= 18 pt at feed size and >= 4.5:1 contrast (issue 12)."""
_EMPTY = np.zeros((1, 1, 3), np.uint8)
_EMPTY_MAP = np.zeros((1, 1), np.float32)


class Cancelled(XhsError):
    """The user stopped the run."""


# ---------------------------------------------------------------- pasting covers into screens

@dataclass
class _Slot:
    seed: int
    slot: int
    desc: dict[str, Any]
    scale: float
    base: np.ndarray
    """The screen with the cover pure black (uint8)."""
    alpha: np.ndarray
    """The cover's coverage inside `rect` (float32, 0..1, 3 channels)."""
    rect: tuple[int, int, int, int]


class Paster:
    """The plan's screens rendered once; any cover of the original's shape scored in them."""

    def __init__(self, scorer: ShelfScorer, card: Card, plan: Sequence[tuple[int, int]],
                 lock: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
        self.scorer, self.card_id, self.lock = scorer, card.id, lock
        self.aspect, self.title = card.aspect, card.title
        self.plan = list(plan)
        self._slots: dict[int, _Slot] = {}
        self._cover_of: np.ndarray | None = None
        self._cover_cache: dict[tuple[int, int], np.ndarray] = {}
        h = 400
        w = max(1, round(h * self.aspect))
        self._plain = {v: np.full((h, w, 3), v, np.uint8) for v in (0, 255)}
        """Pure black and white covers, the same arrays for every screen (the feed caches their scaling)."""

    def _card(self, image: np.ndarray, facts: CoverFacts) -> Card:
        c = card_from_image(image, id=self.card_id, title=self.title, mine=True)
        c.extra["facts"] = facts
        return c

    def slot(self, i: int, facts: CoverFacts) -> _Slot:
        hit = self._slots.get(i)
        if hit is not None:
            return hit
        seed, slot = self.plan[i]
        renders = []
        for value in (0, 255) if self.scorer.reads_screen_pixels else (0,):
            spec = self.scorer.spec([self._card(self._plain[value], facts)], seed=seed, slot=slot)
            with self.lock():
                rgb, desc, s = self.scorer.render(spec)
            renders.append((rgb.astype(np.float32), desc, s))
        black, desc, s = renders[0]
        white = renders[-1][0] if len(renders) > 1 else black  # no pasting: the screen is only measured
        mine = next((d for d in desc["cards"] if d["mine"]), None)
        if mine is None:
            rect = (0, 0, 0, 0)
            alpha = np.zeros((0, 0, 3), np.float32)
        else:
            x, y, rw, rh = (int(round(v * s)) for v in mine["cover"])
            y0, y1 = max(0, y), min(black.shape[0], y + rh)
            rect = (x, y, rw, rh)
            alpha = np.zeros((rh, rw, 3), np.float32)
            alpha[y0 - y:y1 - y] = (white[y0:y1, x:x + rw] - black[y0:y1, x:x + rw]) / 255.0
        out = _Slot(seed, slot, desc, s, black.astype(np.uint8), np.clip(alpha, 0.0, 1.0), rect)
        self._slots[i] = out
        return out

    def _scaled(self, image: np.ndarray, w: int, h: int) -> np.ndarray:
        """The cover as the feed draws it into a w x h slot (one resize per cover and slot size,
        not per screen; slots differ by a pixel of rounding)."""
        if self._cover_of is not image:
            self._cover_of, self._cover_cache = image, {}
        scaled = self._cover_cache.get((w, h))
        if scaled is None:
            scaled = self._cover_cache[(w, h)] = crop_scale(image, w, h).astype(np.float32)
        return scaled

    def picture(self, i: int, image: np.ndarray, facts: CoverFacts) -> Screen:
        """Placement i drawn for real with `image` as the user's cover, and scored: for the feed
        heatmaps shown with the suggestions."""
        seed, slot = self.plan[i]
        spec = self.scorer.spec([self._card(image, facts)], seed=seed, slot=slot)
        with self.lock():
            rgb, desc, s = self.scorer.render(spec)
        return self.scorer.score_image(spec, rgb, desc, s)

    def screen(self, i: int, image: np.ndarray, facts: CoverFacts, *, slim: bool = True) -> tuple[int, Screen]:
        """Placement i of the plan with `image` as the user's cover, scored."""
        sl = self.slot(i, facts)
        pixels = sl.base.copy()
        x, y, w, h = sl.rect
        if w and h and self.scorer.reads_screen_pixels:
            cover = self._scaled(image, w, h)
            y0, y1 = max(0, y), min(pixels.shape[0], y + h)
            a = sl.alpha[y0 - y:y1 - y]
            region = pixels[y0:y1, x:x + w].astype(np.float32) + a * cover[y0 - y:y1 - y]
            pixels[y0:y1, x:x + w] = np.clip(region + 0.5, 0, 255).astype(np.uint8)
        spec = self.scorer.spec([self._card(image, facts)], seed=sl.seed, slot=sl.slot)
        screen = self.scorer.score_image(spec, pixels, sl.desc, sl.scale)
        if slim:  # keep the shares, not the pictures (50 candidates x 32 screens)
            screen.rgb, screen.smap = _EMPTY, _EMPTY_MAP
        return sl.seed, screen


_pasters: dict[tuple[Any, ...], Paster] = {}


def _paster(scorer: ShelfScorer, card: Card, plan: Sequence[tuple[int, int]],
            lock: Callable[[], AbstractContextManager[Any]]) -> Paster:
    """The last run's pasted screens when the shelf, the cover's shape and title and the plan are
    the same (running 帮我改 again after an edit elsewhere reuses them)."""
    key = (id(scorer), scorer.device, scorer.theme, scorer.page, scorer.query, tuple(id(c.image) for c in
           scorer.competitors), round(card.aspect, 6), card.title, card.id, tuple(plan))
    hit = _pasters.get(key)
    if hit is None or hit.scorer is not scorer:
        hit = Paster(scorer, card, plan, lock)
        _pasters.clear()
        _pasters[key] = hit
    hit.lock = lock
    return hit


# ---------------------------------------------------------------- statistics

def paired_gain(original: FairScore, candidate: FairScore, *, seed: int = 0) -> tuple[float, float, float, int]:
    """(gain, ci_low, ci_high, placements ahead): gain = fair ratio / the original's - 1, its
    paired bootstrap interval over the shared placements (resampled together), seeded."""
    keys_o = [(p.seed, p.slot) for p in original.placements]
    keys_c = [(p.seed, p.slot) for p in candidate.placements]
    if keys_o != keys_c:
        raise ValueError("a suggestion must be scored under the original's placements")
    n = len(keys_o)
    gain = candidate.fair_ratio / original.fair_ratio - 1 if original.fair_ratio > 0 else float("nan")
    ahead = int(sum(c.share > o.share for c, o in zip(candidate.placements, original.placements, strict=True)))
    if n < 2:
        return gain, gain, gain, ahead
    idx = resamples(n, seed)
    g = ratio_samples(candidate, idx) / ratio_samples(original, idx) - 1
    g = g[np.isfinite(g)]
    alpha = (1 - ab.CONFIDENCE) / 2
    return gain, float(np.quantile(g, alpha)), float(np.quantile(g, 1 - alpha)), ahead


def placement_noise(original: FairScore, *, seed: int = 0) -> float:
    """Half the 95% interval of the original's own fair ratio over placements, relative to it:
    how much reshuffling the shelf alone moves its number."""
    if original.n < 2 or not original.fair_ratio > 0:
        return float("inf")
    low, high = ratio_interval(original, seed=seed)
    return float((high - low) / 2 / original.fair_ratio)


# ---------------------------------------------------------------- results

@dataclass
class Suggestion:
    candidate: K.Candidate
    rgb: np.ndarray
    """The variant rendered at its own size."""
    facts: CoverFacts
    score: FairScore
    gain: float
    ci_low: float
    ci_high: float
    ahead: int
    confirmed: bool
    """Scored on the whole plan (stage 2); False = one placement per slot so far."""
    noise: float
    title_pt: float | None
    contrast: float | None
    screen: Screen | None = None
    """The first placement's screen (pictures kept), for the feed heatmap."""

    @property
    def n(self) -> int:
        return self.score.n

    @property
    def clear(self) -> bool:
        """Better beyond the placement noise (see the module docstring)."""
        return bool(self.ci_low > 0 and self.gain > self.noise)

    @property
    def worse(self) -> bool:
        """Worse beyond the placement noise: its whole interval below zero and the loss bigger than
        the noise. Such a change is not a suggestion (it was listed as "inside the noise" before)."""
        return bool(self.ci_high < 0 and -self.gain > self.noise)

    @property
    def id(self) -> str:
        return self.candidate.id

    def gain_en(self) -> str:
        tail = "" if self.clear else "; inside the placement noise"
        return (f"{100 * self.gain:+.0f}% attention share (position-fair), {self.ahead} of {self.n} placements "
                f"ahead{tail}")

    def gain_zh(self) -> str:
        tail = "" if self.clear else "；在摆放位置带来的波动之内"
        return f"注意力份额 {100 * self.gain:+.0f}%（同位置比较），{self.n} 次摆放中 {self.ahead} 次领先{tail}"

    def to_dict(self) -> dict[str, Any]:
        c = self.candidate
        return {"id": c.id, "change": [ch.to_dict() for ch in c.changes], "kind": c.key,
                "gain": round(self.gain, 4), "ci_low": round(self.ci_low, 4), "ci_high": round(self.ci_high, 4),
                "clear": self.clear, "inside_noise": not self.clear, "ahead": self.ahead, "placements": self.n,
                "confirmed": self.confirmed, "fair_ratio": round(self.score.fair_ratio, 4),
                "share_mean": round(self.score.share_mean, 5), "title_pt": _r(self.title_pt, 1),
                "contrast": _r(self.contrast, 2), "fixes": list(c.fixes), "text_zh": c.text_zh(),
                "text_en": c.text_en(), "gain_zh": self.gain_zh(), "gain_en": self.gain_en()}


def _r(v: float | None, nd: int) -> float | None:
    return None if v is None or not np.isfinite(v) else round(float(v), nd)


@dataclass
class Dropped:
    candidate: K.Candidate
    reason_en: str
    reason_zh: str


@dataclass
class SuggestResult:
    original: FairScore
    original_rgb: np.ndarray
    original_screen: Screen | None
    noise: float
    suggestions: list[Suggestion]
    """The top distinct suggestions, best first (clear ones before the ones inside the noise)."""
    tried: int
    dropped: list[Dropped]
    placements: int
    seed: int
    stage1_placements: int
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    finished: bool = True

    @property
    def best(self) -> Suggestion | None:
        """The best suggestion that is clearly better than the original, else None."""
        return next((s for s in self.suggestions if s.clear), None)

    def headline_en(self) -> str:
        b = self.best
        if not self.suggestions and len(self.dropped) >= self.tried:
            return (f"None of the {self.tried} variants tried keeps the title legible (>= {LEGIBLE_GOOD_PT:g} pt at "
                    f"feed size and >= {LEGIBLE_CONTRAST:g}:1 contrast): shorten the title so it can grow.")
        if b is None:
            return (f"Nothing clearly better: none of the {self.tried} variants tried beats this cover beyond the "
                    f"placement noise (±{100 * self.noise:.0f}%).")
        return f"Best change: {b.candidate.text_en()} ({b.gain_en()})."

    def headline_zh(self) -> str:
        b = self.best
        if not self.suggestions and len(self.dropped) >= self.tried:
            return (f"试过的 {self.tried} 个改法都不能让标题清楚可读（信息流里字高 ≥ {LEGIBLE_GOOD_PT:g} pt、"
                    f"对比度 ≥ {LEGIBLE_CONTRAST:g}:1）：把标题缩短，它才能放大。")
        if b is None:
            return (f"没有明显更好的方案：试过的 {self.tried} 个改法都没有超出摆放位置带来的波动"
                    f"（±{100 * self.noise:.0f}%）。")
        return f"最好的改法：{b.candidate.text_zh()}（{b.gain_zh()}）。"

    def for_finding(self, key: str) -> Suggestion | None:
        """The best clear suggestion whose change works on this finding (the panel's link)."""
        return next((s for s in self.suggestions if s.clear and key in s.candidate.fixes), None)


# ---------------------------------------------------------------- the run

Progress = Callable[[int, int, list[Suggestion]], None]


@dataclass
class _Original:
    cover: Cover
    store: Any
    rgb: np.ndarray
    facts: CoverFacts
    found: tuple[list[FBox], list[tuple[FBox, float]], list[str]]
    """The detectors' text boxes, faces and warnings on the original's pixels."""
    by_layer: dict[str, tuple[FBox, list[FBox]]]
    """Text layer id -> (its box, the detected boxes inside it)."""
    pictures: list[FBox]
    """Detected text under no text layer (words inside photos and stickers)."""
    image_only: bool


def _layer_boxes(cover: Cover) -> dict[str, FBox]:
    from xhscover.render.text import text_boxes

    cw, ch = float(cover.width), float(cover.height)
    return {lid: (x / cw, y / ch, w / cw, h / ch) for lid, (x, y, w, h), _lay in text_boxes(cover)}


def _moved(box: FBox, src: FBox, dst: FBox) -> FBox:
    """`box` (inside `src`) carried along when `src` becomes `dst`."""
    sx = dst[2] / src[2] if src[2] > 0 else 1.0
    sy = dst[3] / src[3] if src[3] > 0 else 1.0
    return (dst[0] + (box[0] - src[0]) * sx, dst[1] + (box[1] - src[1]) * sy, box[2] * sx, box[3] * sy)


def _facts_for(orig: _Original, cand: K.Candidate, rgb: np.ndarray,
               lock: Callable[[], AbstractContextManager[Any]], *, exact: bool) -> CoverFacts:
    """A candidate's facts, made as the original's are (`exact`: the detectors run on its pixels).

    Not exact (stage 1, for speed): when the pictures are unchanged, the original's detected text
    is reused, each text layer's detected lines carried along with that layer's new box."""
    if orig.image_only:
        return facts_from_image(rgb, id=orig.facts.id, mine=True)
    detected = None
    if not exact and cand.same_pictures:
        with lock():
            now = _layer_boxes(cand.cover)
        carried = [_moved(b, src, now[lid]) for lid, (src, inside) in orig.by_layer.items() if lid in now
                   for b in inside]
        detected = (orig.pictures + carried, orig.found[1], orig.found[2])
    with lock():  # text boxes are measured with the renderer's fonts
        return facts_from_cover(cand.cover, orig.store, id=orig.facts.id, rgb=rgb, detected=detected)


def _legibility(facts: CoverFacts, width: float, gate: bool) -> tuple[float | None, float | None, str]:
    """(title pt, contrast, "" or why the candidate is dropped)."""
    s = Subject(facts, width)
    size, con = title_size(s), title_contrast(s)
    pt, ratio = size.value, con.value
    if not gate:
        return pt, ratio, ""
    if pt is None or pt < LEGIBLE_GOOD_PT:
        return pt, ratio, "title" if pt is not None else "no title"
    if ratio is None or ratio < LEGIBLE_CONTRAST:
        return pt, ratio, "contrast"
    return pt, ratio, ""


def _render(cover: Cover, store: Any) -> np.ndarray:
    from xhscover.score.user_covers import render_rgb

    return render_rgb(cover, store)


class SuggestRun:
    """One 帮我改 run: prepare the original, then score candidates (progressively) and rank them.

    `lock` guards every paint (cover renders, feed screens, text measuring): the app passes its
    paint lock, since its feed dock paints on the main thread meanwhile."""

    def __init__(self, scorer: ShelfScorer, card: Card, cover: Cover, store: Any, *, placements: int = 32,
                 seed: int = 0, n: int = DEFAULT_N, top: int = DEFAULT_TOP, image_only: bool = False,
                 lock: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
        if not 1 <= n <= 500:
            raise XhsError("the number of candidates must be between 1 and 500.")
        if not 1 <= top <= 20:
            raise XhsError("the number of suggestions shown must be between 1 and 20.")
        if len(scorer.competitors) < MIN_COMPETITORS:
            raise XhsError(f"the shelf has {len(scorer.competitors)} competitor cover(s); 帮我改 compares your cover "
                           f"with competitors in the same feed slot and needs at least {MIN_COMPETITORS}.")
        self.scorer, self.card, self.cover, self.store = scorer, card, cover, store
        self.placements, self.seed, self.n, self.top = int(placements), int(seed), int(n), int(top)
        self.image_only, self.lock = image_only, lock
        self.timings: dict[str, float] = {}
        self.warnings: list[str] = []
        self.prepared = False

    # -- steps
    def prepare(self) -> None:
        """The original's facts, the plan, the screens rendered once, and the original's scores."""
        t = time.perf_counter()
        facts = self.scorer.facts(self.card)
        rgb = np.ascontiguousarray(facts.rgb)
        found: tuple[list[FBox], list[tuple[FBox, float]], list[str]] = ([], [], [])
        by_layer: dict[str, tuple[FBox, list[FBox]]] = {}
        pictures: list[FBox] = []
        if not self.image_only:
            found = detected_boxes(rgb)
            with self.lock():
                layer_boxes = _layer_boxes(self.cover)
            by_layer = {lid: (box, []) for lid, box in layer_boxes.items()}
            for b in found[0]:
                owner = next((lid for lid, box in layer_boxes.items() if covered(b, [box])), None)
                (by_layer[owner][1] if owner is not None else pictures).append(b)
        self.orig = _Original(self.cover, self.store, rgb, facts, found, by_layer, pictures, self.image_only)
        self.width = card_width_pt(self.scorer.device)
        with self.lock():
            self.plan = placements_for(self.scorer, self.placements, self.seed)
        self.paster = _paster(self.scorer, self.card, self.plan, self.lock)
        v = len({slot for _s, slot in self.plan})
        self.stage1 = min(v, len(self.plan))
        d = diagnose_cached(facts, card_width_pt=self.width, ocr_check=False)
        self.statuses = {f.key: f.status for f in d.findings}
        self.gate = facts.glyph_height is not None
        self.timings["prepare"] = time.perf_counter() - t
        t = time.perf_counter()
        self.original_screens = self._screens(rgb, facts, range(self.stage1))
        self.original_stage1 = fair_from_screens(self.card.id, self.original_screens, keep_first_screen=False,
                                                 seed=self.plan[0][0])
        self.noise = placement_noise(self.original_stage1, seed=self.seed)  # until every placement is scored
        self.timings["original"] = time.perf_counter() - t
        self.prepared = True

    def score_original(self) -> None:
        """The original on every placement of the plan (stage 2 compares with it), and its noise."""
        t = time.perf_counter()
        screens = self.original_screens + self._screens(self.orig.rgb, self.orig.facts,
                                                        range(self.stage1, len(self.plan)))
        self.original_full = fair_from_screens(self.card.id, screens, keep_first_screen=False, seed=self.plan[0][0])
        self.noise = placement_noise(self.original_full, seed=self.seed)
        self.timings["original"] += time.perf_counter() - t

    def _screens(self, rgb: np.ndarray, facts: CoverFacts, which: Sequence[int] | range) -> list[tuple[int, Screen]]:
        return [self.paster.screen(i, rgb, facts) for i in which]

    def generate(self) -> list[K.Candidate]:
        t = time.perf_counter()
        shelf = [_source(c) for c in self.scorer.competitors]
        ctx = K.Context(self.cover, self.store, self.orig.rgb, self.width, Palette.build(self.orig.rgb, shelf),
                        self.statuses)
        with self.lock():
            cands = K.generate_image_only(ctx, self.orig.facts) if self.image_only else K.generate(ctx, self.n)
        self.timings["generate"] = time.perf_counter() - t
        return cands

    def _title_pt(self, cand: K.Candidate) -> float | None:
        """The candidate's title glyph height at feed size from the text layout alone (no render)."""
        title = cand.cover.title_layer()
        if title is None:
            return None
        from xhscover.render.text import layout_text

        with self.lock():
            glyph = layout_text(title).glyph_height
        return float(glyph) * self.width / max(1, cand.cover.width) if glyph else None

    def _suggestion(self, cand: K.Candidate, rgb: np.ndarray, facts: CoverFacts, fs: FairScore, confirmed: bool,
                    pt: float | None, ratio: float | None) -> Suggestion:
        original = self.original_full if confirmed else self.original_stage1
        gain, lo, hi, ahead = paired_gain(original, fs, seed=self.seed)
        return Suggestion(cand, rgb, facts, fs, gain, lo, hi, ahead, confirmed, self.noise, pt, ratio)

    def run(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> SuggestResult:
        """Everything: every candidate rendered and gated, the survivors scored on one placement per
        visible slot (different kinds of change first, progress after each), the best kinds scored
        on every placement and ranked."""
        stop = cancelled or (lambda: False)

        def check() -> None:
            if stop():
                raise Cancelled("stopped")

        if not self.prepared:
            self.prepare()
        cands = self.generate()
        confirm = self.top + CONFIRM_EXTRA
        work = [0, len(cands) + confirm]
        scored: list[Suggestion] = []

        def step(top: list[Suggestion] | None = None) -> None:
            work[0] += 1
            if progress is not None:
                progress(min(work[0], work[1]), work[1], top if top is not None else _top(scored, self.top))

        # 1. every candidate rendered and gated, the legible ones scored on one placement per slot
        # at once: one kind of change after another, so the first results come early and varied
        t = time.perf_counter()
        seen = {_probe(self.orig.rgb)}
        repeats = 0
        dropped: list[Dropped] = []
        kept: dict[str, list[tuple[int, Screen]]] = {}
        for cand in _round_robin(cands):
            check()
            small = self._title_pt(cand) if self.gate and not self.image_only else None
            if small is not None and small < LEGIBLE_GOOD_PT:  # dropped before it is even rendered
                dropped.append(_dropped(cand, "title", small, None))
                step()
                continue
            with self.lock():
                rgb = _render(cand.cover, self.store)
            probe = _probe(rgb)
            if probe in seen:  # no visible change, or the same picture as an earlier candidate
                repeats += 1
            else:
                seen.add(probe)
                if not (cand.same_pictures or self.image_only):
                    detected_boxes(rgb)  # the detectors, outside the paint lock (cached by pixels)
                facts = _facts_for(self.orig, cand, rgb, self.lock, exact=False)
                pt, ratio, why = _legibility(facts, self.width, self.gate)
                if why:
                    dropped.append(_dropped(cand, why, pt, ratio))
                else:
                    screens = self._screens(rgb, facts, range(self.stage1))
                    kept[cand.id] = screens
                    fs = fair_from_screens(self.card.id, screens, keep_first_screen=False, seed=self.plan[0][0])
                    scored.append(self._suggestion(cand, rgb, facts, fs, False, pt, ratio))
            step()
        work[1] = work[0] + confirm
        self.timings["stage1"] = time.perf_counter() - t

        # 3. stage 2: the original and the best kinds on every placement
        t = time.perf_counter()
        check()
        self.score_original()
        best = _top(scored, confirm)
        for s in scored:  # only the confirmed ones keep their full-size pictures
            if s not in best:
                s.rgb = _EMPTY
        confirmed: list[Suggestion] = []
        for s in best:
            check()
            if s.candidate.same_pictures and not self.image_only:
                # the detectors on the candidate's own pixels, as for the original (and as `score`
                # will see the variant once applied): every placement is scored again with them
                detected_boxes(s.rgb)
                facts = _facts_for(self.orig, s.candidate, s.rgb, self.lock, exact=True)
                screens = self._screens(s.rgb, facts, range(len(self.plan)))
            else:  # stage 1 already used exact facts
                facts = s.facts
                screens = kept[s.id] + self._screens(s.rgb, facts, range(self.stage1, len(self.plan)))
            fs = fair_from_screens(self.card.id, screens, keep_first_screen=False, seed=self.plan[0][0])
            confirmed.append(self._suggestion(s.candidate, s.rgb, facts, fs, True, s.title_pt, s.contrast))
            step(_top(confirmed, self.top))
        final = _top(confirmed, self.top)
        for s in final:  # the first placement's screen, drawn, for the feed heatmap
            s.screen = self.paster.picture(0, s.rgb, s.facts)
        self.timings["stage2"] = time.perf_counter() - t
        if progress is not None:
            progress(work[1], work[1], final)
        return SuggestResult(original=self.original_full, original_rgb=self.orig.rgb,
                             original_screen=self.paster.picture(0, self.orig.rgb, self.orig.facts),
                             noise=self.noise, suggestions=final, tried=len(cands) - repeats, dropped=dropped,
                             placements=len(self.plan), seed=self.seed, stage1_placements=self.stage1,
                             timings=dict(self.timings), warnings=list(self.warnings))


def _round_robin(cands: Sequence[K.Candidate]) -> list[K.Candidate]:
    """Candidates reordered so that consecutive ones make different kinds of change (each kind
    keeps its own priority order; kinds that keep the pictures come first)."""
    groups: dict[str, list[K.Candidate]] = {}
    for c in sorted(cands, key=lambda c: not c.same_pictures):  # restyles first: no detector to run
        groups.setdefault(c.key, []).append(c)
    out = []
    while groups:
        for key in list(groups):
            out.append(groups[key].pop(0))
            if not groups[key]:
                del groups[key]
    return out


def _probe(rgb: np.ndarray) -> bytes:
    """A cheap fingerprint of a render (every 4th pixel): equal renders, equal probes."""
    import hashlib

    return hashlib.blake2b(np.ascontiguousarray(rgb[::4, ::4]).tobytes(), digest_size=16).digest()


def _source(card: Card) -> np.ndarray:
    from xhscover.feed.images import source_rgb

    return source_rgb(card.image)


def _dropped(cand: K.Candidate, why: str, pt: float | None, ratio: float | None) -> Dropped:
    if why == "contrast":
        return Dropped(cand, f"title contrast {ratio or 0:.1f}:1 is below {LEGIBLE_CONTRAST:g}:1",
                       f"标题对比度 {ratio or 0:.1f}:1 低于 {LEGIBLE_CONTRAST:g}:1")
    if why == "title":
        return Dropped(cand, f"title glyphs {pt or 0:.1f} pt at feed size are below {LEGIBLE_GOOD_PT:g} pt",
                       f"标题在信息流里字高 {pt or 0:.1f} pt，低于 {LEGIBLE_GOOD_PT:g} pt")
    return Dropped(cand, "the title is no longer found", "找不到标题了")


def _top(scored: Sequence[Suggestion], k: int) -> list[Suggestion]:
    """The best k by gain in fair ratio, one per kind of change (distinct); changes that are
    clearly worse than the original are left out (not suggestions)."""
    ranked = sorted(scored, key=lambda s: (-s.gain if np.isfinite(s.gain) else 1e9, s.candidate.id))
    out: list[Suggestion] = []
    seen: set[str] = set()
    for s in ranked:
        if s.candidate.key in seen or s.worse:
            continue
        seen.add(s.candidate.key)
        out.append(s)
        if len(out) == k:
            break
    return out
