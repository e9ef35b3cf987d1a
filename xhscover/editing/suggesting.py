"""帮我改 in the editor: a background job on the score worker's thread, with progress and cancel.

The job runs `score.suggest.SuggestRun` (the same code as `xhscover suggest`) on the score
worker's one-thread pool, under the engine's lock, so it shares the competitor analysis the
score panel already paid for and never races the live score. It scores on its own twin of the
shelf scorer (same caches): the live score's stale-request guard must not stop it. Results
arrive progressively (`progress`), then once (`finished`); `cancel` stops it at the next
candidate. Previews and 应用 are the panel's and the main window's business.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from xhscover.feed.cards import note_title
from xhscover.feed.spec import FeedSpec


@dataclass
class SuggestRequest:
    generation: int
    spec: FeedSpec  # the feed's shelf and device (its competitors are scored against)
    cover_id: str
    cover: Any  # a copy of the cover to improve
    store: Any
    title: str
    placements: int
    seed: int
    n: int
    top: int


@dataclass
class SuggestUpdate:
    generation: int
    cover_id: str
    done: int = 0
    total: int = 0
    suggestions: list[Any] | None = None  # score.suggest.Suggestion, best first (preliminary until finished)
    result: Any = None  # score.suggest.SuggestResult when finished
    error: str = ""
    cancelled: bool = False


def build_suggest_request(feed: Any, generation: int, *, placements: int, n: int, top: int) -> SuggestRequest:
    """The current cover and the feed's shelf, copied on the main thread (the job never reads the document)."""
    from xhscover.score.suggest import DEFAULT_N, DEFAULT_TOP

    doc = feed.doc
    cover = doc.cover
    seed = int(feed.settings.seed) if feed.settings.placement == "random" else 0
    return SuggestRequest(generation=generation, spec=feed.spec(full_scroll=False), cover_id=cover.id,
                          cover=copy.deepcopy(cover), store=doc.store, title=note_title(cover),
                          placements=int(placements), seed=seed, n=int(n or DEFAULT_N), top=int(top or DEFAULT_TOP))


class _Emitter(QObject):
    update = Signal(object)


class _Job(QRunnable):
    def __init__(self, engine: Any, req: SuggestRequest, emit: Callable[[SuggestUpdate], None],
                 cancelled: Callable[[], bool]) -> None:
        super().__init__()
        self.engine, self.req, self.emit, self.cancelled = engine, req, emit, cancelled

    def run(self) -> None:
        req = self.req
        with self.engine.lock:
            try:
                self._run()
            except Exception as exc:  # a failed 帮我改 must never take the editor down: it is shown
                from xhscover.errors import XhsError
                from xhscover.score.suggest import Cancelled

                if isinstance(exc, Cancelled):
                    self.emit(SuggestUpdate(req.generation, req.cover_id, cancelled=True))
                elif isinstance(exc, XhsError):  # bad input: its own one sentence
                    self.emit(SuggestUpdate(req.generation, req.cover_id, error=str(exc)))
                else:
                    self.emit(SuggestUpdate(req.generation, req.cover_id, error=f"{type(exc).__name__}: {exc}"))

    def _run(self) -> None:
        from xhscover.editing.rendering import PAINT_LOCK
        from xhscover.score.suggest import SuggestRun
        from xhscover.score.user_covers import cover_card, render_rgb, warm

        req = self.req
        with PAINT_LOCK:
            rgb = render_rgb(req.cover, req.store)
        warm(rgb)
        with PAINT_LOCK:
            card = cover_card(req.cover, req.store, id=req.cover_id, title=req.title, rgb=rgb)
        scorer = self.engine.twin_scorer(req.spec)
        for competitor in scorer.competitors:  # usually cached by the live score already
            if self.cancelled():
                self.emit(SuggestUpdate(req.generation, req.cover_id, cancelled=True))
                return
            scorer.facts(competitor)
        run = SuggestRun(scorer, card, req.cover, req.store, placements=req.placements, seed=req.seed, n=req.n,
                         top=req.top, lock=lambda: PAINT_LOCK)

        def progress(done: int, total: int, top: list[Any]) -> None:
            self.emit(SuggestUpdate(req.generation, req.cover_id, done, total, list(top)))

        result = run.run(progress=progress, cancelled=self.cancelled)
        self.emit(SuggestUpdate(req.generation, req.cover_id, result.tried, result.tried, list(result.suggestions),
                                result=result))


class SuggestWorker(QObject):
    """Starts 帮我改 jobs on the score worker's pool; only the newest job's updates come out."""

    update = Signal(object)  # SuggestUpdate
    busy_changed = Signal(bool)

    def __init__(self, score_worker: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.score_worker = score_worker
        self.generation = 0
        self.busy = False
        self._cancel = threading.Event()
        self._emitter = _Emitter()
        self._emitter.update.connect(self._deliver)
        self.latest: SuggestUpdate | None = None

    def start(self, req: SuggestRequest) -> None:
        self.cancel()
        self.generation = req.generation = self.generation + 1
        flag = self._cancel = threading.Event()
        self.busy = True
        self.busy_changed.emit(True)
        self.score_worker.pool.start(_Job(self.score_worker.engine, req, self._emitter.update.emit, flag.is_set))

    def cancel(self) -> None:
        """Stop the running job at its next candidate (its last update says `cancelled`)."""
        self._cancel.set()

    def _deliver(self, up: SuggestUpdate) -> None:
        if up.generation != self.generation:
            return
        self.latest = up
        if up.result is not None or up.error or up.cancelled:
            self.busy = False
            self.busy_changed.emit(False)
        self.update.emit(up)

    def wait(self, ms: int = 60000) -> bool:
        return bool(self.score_worker.pool.waitForDone(ms))
