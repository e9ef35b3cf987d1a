"""Attention scoring for the editor: requests as plain data, one worker thread, stale results dropped.

The position-fair score renders and scores dozens of feed screens (about 1 s), and the first
request also analyses every competitor cover (text and face detection, several seconds), so it
runs in a QThreadPool with ONE thread: the ShelfScorer caches are then only ever touched by that
thread. Every request carries a generation number; a request that is no longer the newest when
it starts (or between its stages) is skipped, and results of old generations are ignored.

Every number in a finding comes from the attention engine (`xhscover.attention`,
`xhscover.score`); the thresholds are the engine's own constants.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from xhscover.editing.signals import connect_all, disconnect_all
from xhscover.feed.cards import Card
from xhscover.feed.images import source_rgb
from xhscover.feed.spec import FeedSpec

SCORE_DEBOUNCE_MS = 100
STATUS_LEVEL = {"pass": "good", "warn": "warn", "fail": "fail", "info": "info"}
PLACEMENTS = 12
FIRST_SCREEN_CARDS = 10
"""XHS.md: cover text smaller than ~1/15 of the cover width is hard to read at feed size."""


@dataclass
class Finding:
    key: str  # share, fair, verdict, legibility, contrast, clutter, colourfulness, distinct, faces
    level: str  # "good" | "warn" | "info"
    en: str
    zh: str
    value: float | None = None

    def text(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass
class ScoreRequest:
    generation: int
    spec: FeedSpec  # the first screen exactly as the feed dock shows it (full_scroll False)
    current: str  # card id of the current cover among spec.mine
    covers: dict[str, Any]  # card id -> (Cover copy, ImageStore) for exact text boxes
    all_cards: list[Card]  # every variant's card (for the A/B verdict)
    placements: int = PLACEMENTS
    seed: int = 0
    fair: bool = True


@dataclass
class ScoreResult:
    generation: int
    stage: str  # "screen" (quick) or "full"
    current: str
    screen: Any = None  # score.shares.Screen of the displayed first screen
    share: float | None = None
    rank: int = 0
    visible_cards: int = 0
    fair: dict[str, Any] = field(default_factory=dict)  # card id -> score.fair.FairScore
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""


class ScoreEngine:
    """The scorer state that survives between requests (competitor analysis is the slow part)."""

    def __init__(self) -> None:
        self._scorers: dict[tuple, Any] = {}
        self.lock = threading.Lock()

    def scorer(self, spec: FeedSpec):
        from xhscover.score.shares import ShelfScorer

        key = (tuple(id(c.image) for c in spec.competitors), tuple(c.title for c in spec.competitors),
               spec.device, spec.theme, spec.page, spec.query, spec.channel)
        sc = self._scorers.get(key)
        if sc is None:
            old = next(iter(self._scorers.values()), None)
            sc = ShelfScorer(spec.competitors, device=spec.device, theme=spec.theme, page=spec.page,
                             query=spec.query, channel=spec.channel)
            if old is not None:  # competitor facts do not depend on device/theme: keep them
                sc._facts.update(old._facts)
            self._scorers = {key: sc}
        return sc

    def run(self, req: ScoreRequest, emit: Callable[[ScoreResult], None], stale: Callable[[], bool]) -> None:
        with self.lock:
            if stale():
                return
            try:
                self._run(req, emit, stale)
            except Exception as exc:  # a failed score must never take the editor down
                emit(ScoreResult(req.generation, "full", req.current, error=f"{type(exc).__name__}: {exc}"))

    def _run(self, req: ScoreRequest, emit, stale) -> None:
        from xhscover.editing.rendering import PAINT_LOCK
        from xhscover.score.covers import facts_from_cover

        for card in [*req.spec.mine, *req.all_cards]:
            if "facts" not in card.extra and card.id in req.covers:
                cover, store = req.covers[card.id]
                _warm_faces(source_rgb(card.image))  # the slow part, outside the lock (cached by pixels)
                if stale():
                    return
                with PAINT_LOCK:  # text boxes are measured with the renderer's fonts
                    card.extra["facts"] = facts_from_cover(cover, store, id=card.id, rgb=source_rgb(card.image))
        scorer = self.scorer(req.spec)
        _guard(scorer, stale)
        from xhscover.feed.draw import feed_order

        # analyse the covers near the top one by one (text detection is the slow part), so a
        # newer request or closing the app never waits for more than one cover
        for card in [c for c in feed_order(req.spec) if not c.mine][:FIRST_SCREEN_CARDS]:
            if stale():
                return
            scorer.facts(card)
        try:
            screen = scorer.score_spec(req.spec)
        except _Stale:
            return
        result = ScoreResult(req.generation, "screen", req.current, screen=screen)
        visible = [c for c in screen.cards if c.visible > 0]
        result.visible_cards = len(visible)
        mine = next((c for c in screen.cards if c.id == req.current), None)
        if mine is not None:
            result.share, result.rank = mine.cover_share, mine.rank
        current_card = next((c for c in req.all_cards if c.id == req.current), None)
        result.findings = screen_findings(result) + self.cover_findings(current_card, scorer, screen, req.spec)
        emit(result)
        if not req.fair or stale():
            return
        from xhscover.score.fair import fair_scores

        for card in scorer.competitors:  # placements shuffle every competitor onto some screen
            if stale():
                return
            scorer.facts(card)  # detection only (no painting): outside PAINT_LOCK, cached
        try:
            fair = fair_scores(scorer, req.all_cards, placements=req.placements, seed=req.seed)
        except _Stale:
            return
        if stale():
            return
        full = ScoreResult(req.generation, "full", req.current, screen=screen, share=result.share,
                           rank=result.rank, visible_cards=result.visible_cards, fair=fair)
        full.findings = (screen_findings(full) + fair_findings(fair, req.current, req.all_cards)
                         + result.findings[len(screen_findings(result)):])
        emit(full)

    def shelf_stats(self, scorer: Any) -> Any:
        """Competitor looks for the distinctness finding; only the pixels are needed (no OCR)."""
        from types import SimpleNamespace

        from xhscover.score.diagnose import ShelfStats

        key = tuple(id(c.image) for c in scorer.competitors)
        if getattr(self, "_shelf_key", None) != key:
            self._shelf = ShelfStats.build([SimpleNamespace(id=c.id, rgb=source_rgb(c.image))
                                            for c in scorer.competitors])
            self._shelf_key = key
        return self._shelf

    def cover_findings(self, card: Card | None, scorer: Any, screen: Any, spec: FeedSpec) -> list[Finding]:
        """The score package's diagnosis of the cover (without the slow OCR check)."""
        if card is None:
            return []
        from xhscover.score.diagnose import card_width_pt, diagnose

        d = diagnose(scorer.facts(card), card_width_pt=card_width_pt(spec.device), shelf=self.shelf_stats(scorer),
                     ocr_check=False)
        return [Finding(f.key, STATUS_LEVEL.get(f.status, "info"), f.en, f.zh, f.value) for f in d.findings]


def _warm_faces(rgb: np.ndarray) -> None:
    from xhscover.attention import detectors

    try:
        detectors.detect_faces(rgb)
    except Exception:  # a missing model is reported by the scorer itself
        pass


class _Stale(Exception):
    """A newer request exists: stop between two screens."""


def _guard(scorer: Any, stale: Callable[[], bool]) -> None:
    """Every screen the scorer paints holds PAINT_LOCK, and a stale run stops before the next one
    (fair scoring paints one screen per placement)."""
    from xhscover.editing.rendering import PAINT_LOCK

    if getattr(scorer, "_xhs_guarded", None) is stale:
        return
    cls = type(scorer)

    def score_spec(spec: FeedSpec) -> Any:
        if stale():
            raise _Stale
        with PAINT_LOCK:
            return cls.score_spec(scorer, spec)

    scorer.score_spec = score_spec
    scorer._xhs_guarded = stale


def build_request(feed: Any, generation: int, *, placements: int = PLACEMENTS, fair: bool = True) -> ScoreRequest:
    """A self-contained request from a FeedController (main thread): the first screen exactly as
    the dock shows it, every variant's card with its pixels as arrays and a copy of its cover."""
    import copy
    import dataclasses

    doc = feed.doc
    spec = feed.spec(full_scroll=False)
    cards: dict[str, Card] = {}
    covers: dict[str, Any] = {}
    for cover in doc.project.covers:
        card = feed.my_card(cover.id)
        cards[card.id] = dataclasses.replace(card, image=source_rgb(card.image),
                                             extra={"name": cover.name or cover.id, "cover_id": cover.id})
        covers[card.id] = (copy.deepcopy(cover), doc.store)
    spec.mine = [cards.get(c.id, c) for c in spec.mine]
    current = feed.my_card(doc.cover_id).id
    seed = int(feed.settings.seed) if feed.settings.placement == "random" else 0
    return ScoreRequest(generation=generation, spec=spec, current=current, covers=covers,
                        all_cards=list(cards.values()), placements=placements, seed=seed, fair=fair)


def _pct(v: float) -> str:
    return f"{100 * v:.1f}%"


def screen_findings(r: ScoreResult) -> list[Finding]:
    if r.share is None:
        return [Finding("share", "info", "Your cover is not on the first screen of this feed.",
                        "你的封面不在这个信息流的首屏。")]
    level = "good" if r.rank == 1 else ("warn" if r.visible_cards and r.rank > r.visible_cards / 2 else "info")
    return [Finding("share", level,
                    f"Attention share on this screen: {_pct(r.share)} (rank {r.rank} of {r.visible_cards} covers).",
                    f"本屏注意力份额：{_pct(r.share)}（{r.visible_cards} 个封面中排第 {r.rank}）。", r.share)]


def fair_findings(fair: dict[str, Any], current: str, cards: list[Card]) -> list[Finding]:
    out: list[Finding] = []
    fs = fair.get(current)
    if fs is not None and fs.n:
        ratio = fs.fair_ratio
        level = "good" if ratio >= 1.2 else ("warn" if ratio < 0.9 else "info")
        out.append(Finding("fair", level,
                           f"Fair ratio {ratio:.2f}x over {fs.n} placements: share {_pct(fs.share_mean)} ± "
                           f"{_pct(fs.share_std)} vs {_pct(fs.competitor_share_mean)} for an average "
                           f"competitor at the same slots.",
                           f"位置公平得分 {ratio:.2f} 倍（{fs.n} 次摆放）：份额 {_pct(fs.share_mean)} ± "
                           f"{_pct(fs.share_std)}，同位置平均竞品 {_pct(fs.competitor_share_mean)}。", ratio))
    names = {c.id: c.extra.get("name", c.id) for c in cards}
    import dataclasses

    from xhscover.score.ab import best_variant, compare_all

    named = {names.get(k, k): dataclasses.replace(v, id=names.get(k, k)) for k, v in fair.items() if v.n}
    if len(named) < 2:
        return out
    verdicts = compare_all(named, resamples=1000)
    best = best_variant(named, verdicts)
    for v in verdicts:
        out.append(Finding("verdict", "good" if v.clear else "info", "A/B: " + v.text_en(), "A/B：" + v.text_zh(),
                           v.diff_mean))
    if best is not None:
        out.append(Finding("verdict", "good", f"Best variant: {best}.", f"最佳方案：{best}。"))
    return out


def _on_screen(screen: Any, card_id: str) -> bool:
    if screen is None:
        return False
    return any(c.visible > 0 and (c.id == card_id or c.id.startswith(card_id + "#")) for c in screen.cards)


class _Emitter(QObject):
    result = Signal(object)


class _Job(QRunnable):
    def __init__(self, engine: ScoreEngine, req: ScoreRequest, emitter: _Emitter, stale: Callable[[], bool]) -> None:
        super().__init__()
        self.engine, self.req, self.emitter, self.stale = engine, req, emitter, stale

    def run(self) -> None:
        self.engine.run(self.req, self.emitter.result.emit, self.stale)


class ScoreWorker(QObject):
    """Submits requests to a one-thread pool; emits only results of the newest generation."""

    result = Signal(object)  # ScoreResult
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = ScoreEngine()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self._emitter = _Emitter()
        self._emitter.result.connect(self._deliver)
        self.dropped = 0
        self.latest: ScoreResult | None = None

    def next_generation(self) -> int:
        self.generation += 1
        return self.generation

    def submit(self, req: ScoreRequest) -> None:
        self.generation = max(self.generation, req.generation)
        gen = req.generation
        self.busy_changed.emit(True)
        self.pool.start(_Job(self.engine, req, self._emitter, lambda: gen != self.generation))

    def _deliver(self, res: ScoreResult) -> None:
        if res.generation != self.generation:
            self.dropped += 1
            return
        self.latest = res
        if res.stage == "full" or res.error:
            self.busy_changed.emit(False)
        self.result.emit(res)

    def cancel(self) -> None:
        """Make every queued or running request stale (they stop at their next check)."""
        self.generation += 1

    def wait(self, ms: int = 30000) -> bool:
        return self.pool.waitForDone(ms)


def heat_overlay_rgb(rgb: np.ndarray, smap: np.ndarray) -> np.ndarray:
    from xhscover.score.heatmap import overlay_heatmap

    return overlay_heatmap(rgb, smap)


def cover_heatmap(image: Any, cover: Any) -> Any:
    """The cover picture (QImage at any scale) with its attention map painted over it.

    The cover's own text layers are given to the model as exact boxes (no OCR needed); faces
    are detected when the detector model is installed."""
    from xhscover.attention.saliency import saliency_map
    from xhscover.errors import ModelMissingError
    from xhscover.feed.images import qimage_to_rgb, rgb_to_qimage
    from xhscover.render.text import text_boxes

    rgb = qimage_to_rgb(image)
    s = rgb.shape[1] / max(1, cover.width)
    boxes = [[b[0] * s, b[1] * s, b[2] * s, b[3] * s] for _lid, b, _l in text_boxes(cover)]
    try:
        smap = saliency_map(rgb, text_boxes=boxes, detect_text=False, detect_faces=True)
    except ModelMissingError:
        smap = saliency_map(rgb, text_boxes=boxes, detect_text=False, detect_faces=False)
    return rgb_to_qimage(heat_overlay_rgb(rgb, smap))


def feed_heatmap(feed_image: Any, screen: Any, screen_size: Any) -> Any:
    """The first screen of a rendered feed with a scored Screen's map over it.

    `screen_size` is (w, h) of one screen in the feed image's pixels (the dock's description):
    the map is stretched onto exactly that, whatever resolution the scorer rendered at."""
    from xhscover.feed.images import qimage_to_rgb, rgb_to_qimage

    w, h = int(screen_size[0]), int(screen_size[1])
    part = feed_image.copy(0, 0, min(w, feed_image.width()), min(h, feed_image.height()))
    return rgb_to_qimage(heat_overlay_rgb(qimage_to_rgb(part), screen.smap))


class LiveScore(QObject):
    """Re-scores the current cover SCORE_DEBOUNCE_MS after the last edit or feed change, while
    enabled (the score panel or a heatmap is showing); results come from `worker.result`."""

    def __init__(self, feed: Any, delay_ms: int = SCORE_DEBOUNCE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from xhscover.editing.feedstate import Debouncer

        self.feed = feed
        self.worker = ScoreWorker(self)
        self.debounce = Debouncer(delay_ms, self)
        self.debounce.fired.connect(self.submit_now)
        self.enabled = True
        self.placements = PLACEMENTS
        self.requests = 0
        self._doc = None
        self._key: tuple | None = None
        feed.settings_changed.connect(self._feed_changed)
        feed.competitors_changed.connect(self.poke)

    def set_document(self, doc: Any) -> None:
        if self._doc is not None:
            disconnect_all(self._connections(self._doc))
        self._doc = doc
        if doc is not None:
            connect_all(self._connections(doc))
            self.poke()

    def _connections(self, doc: Any):
        return [(sig, self.poke) for sig in (doc.changed, doc.structure_changed, doc.current_cover_changed)]

    def set_enabled(self, on: bool) -> None:
        was, self.enabled = self.enabled, bool(on)
        if on and not was:
            self.poke()
        elif not on:
            self.debounce.timer.stop()
            self.worker.cancel()

    def feed_key(self) -> tuple:
        """What the score depends on in the feed settings (zoom, squint, heatmap do not count)."""
        s = self.feed.settings
        return (s.device, s.theme, s.page, s.query, s.placement, s.slot, s.seed, s.all_variants,
                tuple(sorted(self.feed.title_overrides.items())), id(self.feed.competitors))

    def _feed_changed(self) -> None:
        if self.feed_key() != self._key:
            self.poke()

    def poke(self, *_args: Any) -> None:
        if self.enabled and self.feed.doc is not None:
            self.debounce.poke()

    def submit_now(self) -> None:
        self.debounce.timer.stop()
        if not self.enabled or self.feed.doc is None:
            return
        self.requests += 1
        self._key = self.feed_key()
        self.worker.submit(build_request(self.feed, self.worker.next_generation(), placements=self.placements))
