"""Attention scoring for the editor: requests as plain data, one worker thread, stale results dropped.

The position-fair score renders and scores dozens of feed screens (about 1 s), and the first
request also analyses every competitor cover (text and face detection, several seconds), so it
runs in a QThreadPool with ONE thread: the ShelfScorer caches are then only ever touched by that
thread. Every request carries a generation number; a request that is no longer the newest when
it starts (or between its stages) is skipped, and results of old generations are ignored.

One code path with the CLI: the covers are rendered at their own size and turned into cards by
`score.user_covers.cover_card`, the findings come from `score.run.diagnose_mine` and the fair
scores and A/B verdicts from `score.run.score_shelf`, exactly as `xhscover score` computes
them, so the panel and the CLI show the same numbers for the same project and settings.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from xhscover.editing.signals import connect_all, disconnect_all
from xhscover.feed.cards import Card, note_title
from xhscover.feed.spec import FeedSpec

SCORE_DEBOUNCE_MS = 100
FIRST_SCREEN_CARDS = 10


def default_placements() -> int:
    """The CLI's default number of placements (`xhscover score --placements`)."""
    from xhscover.score.fair import DEFAULT_PLACEMENTS

    return DEFAULT_PLACEMENTS


@dataclass
class ScoreRequest:
    generation: int
    spec: FeedSpec  # the first screen exactly as the feed dock shows it (full_scroll False)
    current: str  # cover id of the cover being edited
    covers: dict[str, Any]  # cover id -> (Cover copy, ImageStore, note title), in the project's order
    dock_ids: dict[str, str]  # cover id -> the id of its card in the dock's spec
    placements: int = 32
    seed: int = 0
    fair: bool = True


@dataclass
class ScoreResult:
    generation: int
    stage: str  # "screen" (the dock's screen and the findings) or "full" (+ fair scores and A/B)
    current: str  # cover id
    screen: Any = None  # score.shares.Screen of the displayed first screen
    share: float | None = None
    rank: int = 0
    visible_cards: int = 0
    diagnosis: Any = None  # score.diagnose.Diagnosis of the current cover
    run: Any = None  # score.run.ScoreRun over every variant (stage "full")
    names: dict[str, str] = dataclasses.field(default_factory=dict)  # cover id -> variant name
    warnings: list[str] = dataclasses.field(default_factory=list)
    error: str = ""

    @property
    def findings(self) -> list[Any]:
        """The current cover's findings (`score.diagnose.Finding`), as the CLI reports them."""
        return list(self.diagnosis.findings) if self.diagnosis is not None else []

    @property
    def fair(self) -> dict[str, Any]:
        """Cover id -> `score.fair.FairScore` (empty before the full stage)."""
        return dict(self.run.scores) if self.run is not None else {}


class ScoreEngine:
    """The scorer state that survives between requests (competitor analysis is the slow part)."""

    def __init__(self) -> None:
        self._scorers: dict[tuple[Any, ...], Any] = {}
        self.lock = threading.Lock()

    def scorer(self, spec: FeedSpec) -> Any:
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

    def twin_scorer(self, spec: FeedSpec) -> Any:
        """A scorer for the same shelf sharing the live scorer's caches, without its stale-request
        guard (帮我改 runs on it: an edit made meanwhile must not stop it). Pool thread only."""
        from xhscover.score.shares import ShelfScorer

        live = self.scorer(spec)
        twin = getattr(self, "_twin", None)
        if twin is None or twin[0] is not live:
            sc = ShelfScorer(live.competitors, device=live.device, theme=live.theme, page=live.page,
                             query=live.query, channel=live.channel, model=live.model, cache=live.cache)
            sc._facts = live._facts
            self._twin = twin = (live, sc)
        return twin[1]

    def run(self, req: ScoreRequest, emit: Callable[[ScoreResult], None], stale: Callable[[], bool]) -> None:
        with self.lock:
            if stale():
                return
            try:
                self._run(req, emit, stale)
            except Exception as exc:  # a failed score must never take the editor down
                emit(ScoreResult(req.generation, "full", req.current, error=f"{type(exc).__name__}: {exc}"))

    def cards(self, req: ScoreRequest, stale: Callable[[], bool]) -> dict[str, Card] | None:
        """Every variant as the CLI makes its card (full-size render, exact facts); None when stale."""
        from xhscover.editing.rendering import PAINT_LOCK
        from xhscover.score.user_covers import cover_card, render_rgb, warm

        out: dict[str, Card] = {}
        for cid, (cover, store, title) in req.covers.items():
            with PAINT_LOCK:
                rgb = render_rgb(cover, store)
            warm(rgb)  # text and face detection: the slow part, outside the lock (cached by pixels)
            if stale():
                return None
            with PAINT_LOCK:  # text boxes are measured with the renderer's fonts
                out[cid] = cover_card(cover, store, id=cid, title=title, rgb=rgb)
        return out

    def _run(self, req: ScoreRequest, emit: Callable[[ScoreResult], None], stale: Callable[[], bool]) -> None:
        from xhscover.feed.draw import feed_order
        from xhscover.score.run import diagnose_mine, score_shelf

        cards = self.cards(req, stale)
        if cards is None:
            return
        names = {cid: str(cover.name or cid) for cid, (cover, _s, _t) in req.covers.items()}
        scorer = self.scorer(req.spec)
        _guard(scorer, stale)
        # analyse the covers near the top one by one (text detection is the slow part), so a
        # newer request or closing the app never waits for more than one cover
        for card in [c for c in feed_order(req.spec) if not c.mine][:FIRST_SCREEN_CARDS]:
            if stale():
                return
            scorer.facts(card)
        back = {dock: cid for cid, dock in req.dock_ids.items()}
        spec = dataclasses.replace(req.spec, mine=[cards[back[c.id]] if c.id in back else c for c in req.spec.mine])
        try:
            screen = scorer.score_spec(spec)
        except _Stale:
            return
        result = ScoreResult(req.generation, "screen", req.current, screen=screen, names=names)
        visible = [c for c in screen.cards if c.visible > 0]
        result.visible_cards = len(visible)
        mine = next((c for c in screen.cards if c.id == req.current), None)
        if mine is not None:
            result.share, result.rank = mine.cover_share, mine.rank
        result.diagnosis = diagnose_mine(scorer, cards[req.current])
        result.warnings = list(scorer.facts(cards[req.current]).warnings)
        emit(result)
        if not req.fair or stale():
            return
        for card in scorer.competitors:  # placements shuffle every competitor onto some screen
            if stale():
                return
            scorer.facts(card)  # detection only (no painting): outside PAINT_LOCK, cached
        try:
            run = score_shelf(list(cards.values()), scorer.competitors, placements=req.placements, seed=req.seed,
                              scorer=scorer, diagnose_competitors=False, pictures=False)
        except _Stale:
            return
        if stale():
            return
        emit(dataclasses.replace(result, stage="full", run=run, diagnosis=run.diagnoses[req.current],
                                 warnings=list(run.warnings)))


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


def build_request(feed: Any, generation: int, *, placements: int | None = None, fair: bool = True) -> ScoreRequest:
    """A self-contained request from a FeedController (main thread): the first screen exactly as
    the dock shows it and a copy of every variant (the worker renders them at full size)."""
    import copy

    doc = feed.doc
    spec = feed.spec(full_scroll=False)
    covers: dict[str, Any] = {}
    dock_ids: dict[str, str] = {}
    for cover in doc.project.covers:
        covers[cover.id] = (copy.deepcopy(cover), doc.store, note_title(cover))
        dock_ids[cover.id] = feed.my_card(cover.id).id
    seed = int(feed.settings.seed) if feed.settings.placement == "random" else 0
    return ScoreRequest(generation=generation, spec=spec, current=doc.cover_id, covers=covers, dock_ids=dock_ids,
                        placements=default_placements() if placements is None else int(placements), seed=seed,
                        fair=fair)


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
    from xhscover.attention.heatmap import overlay_heatmap

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
        self.placements = default_placements()
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
