"""Wires 帮我改 together in the editor: the score panel's buttons, the background job, the
preview on the canvas and in the feed, and 应用 (a new variant, one undo step).

A preview never edits the document: the canvas and the feed show the suggestion's cover until
the user picks another, ends the preview, applies it, or edits the cover (then the suggestions,
made for the cover as it was, are dropped and a running job is stopped).
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject

from xhscover.editing import commands as C
from xhscover.editing.signals import connect_all, disconnect_all
from xhscover.editing.suggesting import SuggestWorker, build_suggest_request


class SuggestLink(QObject):
    def __init__(self, panel: Any, live_score: Any, feed: Any, canvas: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.live_score, self.feed, self.canvas = panel, live_score, feed, canvas
        self.worker = SuggestWorker(live_score.worker, self)
        self.doc: Any = None
        self.cover_id: str | None = None  # the cover the shown suggestions were made for
        self._snapshot: str | None = None  # that cover as it was when 帮我改 started
        self.previewing: Any = None
        panel.suggest_requested.connect(self.start)
        panel.suggest_cancel_requested.connect(self.worker.cancel)
        panel.preview_requested.connect(self.preview)
        panel.apply_requested.connect(self.apply)
        self.worker.update.connect(panel.show_suggest_update)
        self.worker.busy_changed.connect(panel.set_suggest_busy)

    def set_document(self, doc: Any) -> None:
        if self.doc is not None:
            disconnect_all(self._connections(self.doc))
        self.end_preview()
        self.worker.cancel()
        self.panel.forget_suggestions()
        self.doc, self.cover_id = doc, None
        if doc is not None:
            connect_all(self._connections(doc))

    def _connections(self, doc: Any) -> list[tuple[Any, Any]]:
        return [(doc.changed, self._changed), (doc.structure_changed, self._structure),
                (doc.current_cover_changed, self._current)]

    # --- the job -------------------------------------------------------------------------------
    def start(self) -> None:
        if self.doc is None or self.feed.doc is None:
            return
        self.end_preview()
        self.panel.forget_suggestions()
        self.cover_id = self.doc.cover_id
        self._snapshot = self._fingerprint()
        self.worker.start(build_suggest_request(self.feed, 0, placements=self.live_score.placements, n=0, top=0))

    def _changed(self, cover_id: str, _ids: list[Any]) -> None:
        self._edited(cover_id)

    def _structure(self, cover_id: str) -> None:
        self._edited(cover_id)

    def _current(self, _cover_id: str) -> None:
        self.end_preview()

    def _edited(self, cover_id: str) -> None:
        """An edit ends the preview; an edit of the improved cover also drops its suggestions
        (adding a variant, as 应用 does, leaves that cover as it was and keeps them)."""
        self.end_preview()
        if self.cover_id is not None and self._fingerprint() != self._snapshot:
            self.worker.cancel()
            self.panel.forget_suggestions()
            self.cover_id = None

    def _fingerprint(self) -> str | None:
        from xhscover.model.serialize import to_dict

        cover = next((c for c in self.doc.project.covers if c.id == self.cover_id), None) if self.doc else None
        return repr(to_dict(cover)) if cover is not None else None

    # --- preview and apply ---------------------------------------------------------------------
    def preview(self, s: Any) -> None:
        if s is None or self.doc is None or self.doc.cover_id != self.cover_id:
            self.end_preview()
            return
        self.previewing = s
        self.canvas.set_preview(s.candidate.cover)
        if s.rgb.shape[0] > 1:
            self.feed.set_preview(self.cover_id, s.rgb)

    def end_preview(self) -> None:
        if self.previewing is None:
            return
        self.previewing = None
        self.canvas.set_preview(None)
        self.feed.set_preview(None)

    def apply(self, s: Any) -> None:
        """The suggestion as a new variant after the others (one undo step); the editor switches to it."""
        if self.doc is None:
            return
        rank = next((i for i, x in enumerate(self.panel.shown, 1) if x is s), 1)
        original = next((c for c in self.doc.project.covers if c.id == self.cover_id), self.doc.cover)
        cover = copy.deepcopy(s.candidate.cover)
        cover.note_title = original.note_title
        self.end_preview()
        self.doc.push(C.add_variant(self.doc, cover, name=self.tr("Help me improve {0}").format(rank)))
