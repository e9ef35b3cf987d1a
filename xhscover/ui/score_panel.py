"""Score panel: the verdict line, shares with their placement range, findings, and 帮我改.

Shows what `xhscover.editing.scoring` computed through the same calls as `xhscover score`
(every number comes from the attention engine). It opens with one line people understand (好 /
一般 / 弱, the finding that matters most, the best suggestion once 帮我改 has run), says which
variant it scores, and gives every metric a tooltip in plain words. The 帮我改 part starts a
background run (`editing.suggesting`) and lists its suggestions as they come: clicking one asks
for a preview, 应用 asks to add it as a variant; a finding with a suggestion that works on it
says so and selects that suggestion when clicked.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xhscover.ui.language import ui_language

STATUS_MARK = {"pass": ("✓", "#1E9E5A"), "warn": ("▲", "#D9822B"), "fail": ("✗", "#D0312D"),
               "info": ("•", "#6B7280")}
STATUS_BG = {"warn": "#FFF4E5", "fail": "#FDECEC"}
LEVEL_COLOUR = {"good": "#1E9E5A", "ok": "#D9822B", "weak": "#D0312D"}
VERDICT_KEY = "ab"
"""The list rows of A/B verdicts carry this key (findings carry their registry key)."""
THUMB = QSize(60, 80)


class ScorePanel(QWidget):
    suggest_requested = Signal()
    suggest_cancel_requested = Signal()
    preview_requested = Signal(object)  # score.suggest.Suggestion, or None to end the preview
    apply_requested = Signal(object)  # score.suggest.Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setToolTip(self.tr(
            "好 (good): your cover wins more attention than an average competitor in the same spot, beyond "
            "placement luck. 一般 (OK): about the same. 弱 (weak): clearly less."))
        self.variant = QLabel()
        self.variant.setStyleSheet("color: #6B7280;")
        self.headline = QLabel(self.tr("No score yet"))
        f = self.headline.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        self.headline.setFont(f)
        self.headline.setToolTip(self.tr(
            "Share: how much of a reader's first look at the feed screen lands on your cover, as the attention "
            "model predicts it, averaged over many shuffles of the shelf; the range is the lowest and highest "
            "placement."))
        self.sub = QLabel()
        self.sub.setWordWrap(True)
        self.sub.setToolTip(self.tr(
            "Fair ratio: your share divided by what an average competitor gets in the same spots. 1.0× is "
            "exactly average; 2.0× is twice its fair share. Rank: your place on the screen the feed shows."))
        self.status = QLabel()
        self.status.setStyleSheet("color: #6B7280;")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setObjectName("findings")
        self.list.setAlternatingRowColors(False)
        self.list.itemClicked.connect(self._finding_clicked)

        self.suggest_button = QPushButton(self.tr("Help me improve"))
        self.suggest_button.setObjectName("suggest")
        self.suggest_button.setToolTip(self.tr(
            "Try up to 50 changes to this cover (title size, colours, outline, label, background, photo framing, "
            "other layouts, stickers; never the text) on this shelf and rank them by the attention they win."))
        self.suggest_button.clicked.connect(self.suggest_requested)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.suggest_cancel_requested)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.suggest_status = QLabel()
        self.suggest_status.setWordWrap(True)
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("suggestions")
        self.suggestions.setIconSize(THUMB)
        self.suggestions.setWordWrap(True)
        self.suggestions.setVisible(False)
        self.suggestions.currentItemChanged.connect(self._suggestion_changed)
        self.apply_button = QPushButton(self.tr("Apply as a new variant"))
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self._apply)
        self.end_preview = QPushButton(self.tr("End preview"))
        self.end_preview.setEnabled(False)
        self.end_preview.clicked.connect(self.stop_preview)

        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button, 1)
        buttons.addWidget(self.cancel_button)
        actions = QHBoxLayout()
        actions.addWidget(self.apply_button, 1)
        actions.addWidget(self.end_preview)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.verdict)
        lay.addWidget(self.variant)
        lay.addWidget(self.headline)
        lay.addWidget(self.sub)
        lay.addWidget(self.status)
        lay.addWidget(self.list, 3)
        lay.addLayout(buttons)
        lay.addWidget(self.progress)
        lay.addWidget(self.suggest_status)
        lay.addWidget(self.suggestions, 2)
        lay.addLayout(actions)
        self.result: Any = None
        self.suggest_result: Any = None
        """The last finished 帮我改 run (score.suggest.SuggestResult) and the cover id it was for."""
        self.suggest_cover: str | None = None
        self.shown: list[Any] = []

    # --- scoring ---------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Scoring…") if busy else "")

    def show_result(self, res: Any) -> None:
        from xhscover.score.diagnose import check, pick
        from xhscover.score.verdict import share_range, verdict_line

        self.result = res
        lang = ui_language()
        if res.error:
            self.status.setText(self.tr("Scoring failed: {0}").format(res.error))
            return
        name = res.names.get(res.current, res.current)
        self.variant.setText(self.tr("Scoring variant {0}").format(
            res.current if name == res.current else f"{res.current} · {name}"))
        fs = res.fair.get(res.current)
        if fs is not None and fs.n:
            lo, hi = share_range(fs)
            self.headline.setText(self.tr("Share {0:.1f}% ({1:.1f}–{2:.1f}% over {3} placements)").format(
                100 * fs.share_mean, 100 * lo, 100 * hi, fs.n))
            here = "" if res.share is None else self.tr("on this screen {0:.1f}%, rank {1} of {2} · ").format(
                100 * res.share, res.rank, res.visible_cards)
            self.sub.setText(here + self.tr("fair ratio {0:.2f}×").format(fs.fair_ratio))
            line = verdict_line(fs, res.diagnosis, suggestion=self._best_for(res.current), seed=res.run.seed)
            colour = LEVEL_COLOUR[line.level]
            self.verdict.setText(f'<span style="font-size:22px;font-weight:800;color:{colour}">'
                                 f'{pick(lang, line.word_zh, line.word_en)}</span>&nbsp; '
                                 f'{_html(line.body(lang))}')
        elif res.share is not None:
            self.headline.setText(self.tr("Share {0:.1f}% on this screen").format(100 * res.share))
            self.sub.setText(self.tr("Rank {0} of {1} on this screen · fair ratio: computing…").format(
                res.rank, res.visible_cards))
            self.verdict.setText("")
        else:
            self.headline.setText("—")
            self.sub.setText("")
            self.verdict.setText("")
        self.list.clear()
        for f in res.findings:
            row = check(f.key)
            text = f.text(lang)
            fix = self._fix_for(f.key) if f.status in ("fail", "warn") else None
            if fix is not None:
                text += "\n→ " + self.tr("Help me improve: {0} ({1:+.0f}%)").format(
                    pick(lang, fix.candidate.text_zh(), fix.candidate.text_en()), 100 * fix.gain)
            item = self._add(f.status, text, f.key, f"{row.name(lang)}: {row.about(lang)}\n({f.threshold})")
            if fix is not None:
                item.setData(Qt.ItemDataRole.UserRole + 1, fix.id)
        if res.run is not None:
            n = res.names
            for v in res.run.verdicts:  # with the variant names the user gave them
                named = dataclasses.replace(v, a=n.get(v.a, v.a), b=n.get(v.b, v.b),
                                            winner=n.get(v.winner, v.winner) if v.winner else None)
                self._add("pass" if v.clear else "info", "A/B: " + pick(lang, named.text_zh(), named.text_en()),
                          VERDICT_KEY, "")
        if res.stage == "full":
            self.status.setText("")

    def _add(self, status: str, text: str, key: str, tip: str) -> QListWidgetItem:
        mark, colour = STATUS_MARK.get(status, STATUS_MARK["info"])
        item = QListWidgetItem(f"{mark}  {text}")
        item.setForeground(QColor(colour if status == "fail" else "#1F2328"))
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(tip)
        if status in STATUS_BG:
            item.setBackground(QColor(STATUS_BG[status]))
        self.list.addItem(item)
        return item

    def _finished_for(self, cover_id: str) -> Any:
        return self.suggest_result if self.suggest_cover == cover_id and self.suggest_result is not None else None

    def _best_for(self, cover_id: str) -> Any:
        r = self._finished_for(cover_id)
        return r.best if r is not None else None

    def _fix_for(self, key: str) -> Any:
        r = self._finished_for(self.result.current) if self.result is not None else None
        return r.for_finding(key) if r is not None else None

    def _finding_clicked(self, item: QListWidgetItem) -> None:
        sid = item.data(Qt.ItemDataRole.UserRole + 1)
        if sid:
            self.select_suggestion(sid)

    # --- 帮我改 ----------------------------------------------------------------------------------
    def set_suggest_busy(self, busy: bool) -> None:
        self.suggest_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.suggest_status.setText(self.tr("Trying changes on this shelf…"))

    def show_suggest_update(self, up: Any) -> None:
        from xhscover.score.diagnose import pick

        lang = ui_language()
        if up.error:
            self.suggest_status.setText(self.tr("Help me improve failed: {0}").format(up.error))
            return
        if up.cancelled:
            self.suggest_status.setText(self.tr("Stopped."))
            return
        if up.total:
            self.progress.setRange(0, up.total)
            self.progress.setValue(up.done)
        if up.result is not None:
            self.suggest_result, self.suggest_cover = up.result, up.cover_id
            self.suggest_status.setText(pick(lang, up.result.headline_zh(), up.result.headline_en()))
            self._fill(up.result.suggestions, final=True)
            if self.result is not None and self.result.current == up.cover_id:
                self.show_result(self.result)  # the verdict line and the finding links name the suggestion
            return
        if up.suggestions:
            self.suggest_status.setText(self.tr("{0} of {1} tried; best so far (one placement per slot):").format(
                up.done, up.total))
            self._fill(up.suggestions, final=False)

    def _fill(self, suggestions: list[Any], *, final: bool) -> None:
        from xhscover.score.diagnose import pick
        from xhscover.score.heatmap import fit_width

        lang = ui_language()
        current = self.current_suggestion()
        keep = current.id if current is not None else None
        self.suggestions.blockSignals(True)
        self.suggestions.clear()
        self.shown = list(suggestions)
        for rank, s in enumerate(suggestions, 1):
            gain = pick(lang, s.gain_zh(), s.gain_en()) if final else self.tr("{0:+.0f}% so far").format(100 * s.gain)
            text = f"{rank}. {pick(lang, s.candidate.text_zh(), s.candidate.text_en())}\n{gain}"
            item = QListWidgetItem(text)
            if s.rgb.shape[0] > 1:
                item.setIcon(QIcon(QPixmap.fromImage(_qimage(fit_width(s.rgb, THUMB.width() * 2)))))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            if final and not s.clear:
                item.setForeground(QColor("#6B7280"))
            self.suggestions.addItem(item)
            if s.id == keep:
                self.suggestions.setCurrentItem(item)
        self.suggestions.blockSignals(False)
        self.suggestions.setVisible(bool(suggestions))
        self.apply_button.setEnabled(final and self.current_suggestion() is not None)

    def current_suggestion(self) -> Any:
        item = self.suggestions.currentItem()
        if item is None:
            return None
        sid = item.data(Qt.ItemDataRole.UserRole)
        return next((s for s in self.shown if s.id == sid), None)

    def select_suggestion(self, sid: str) -> None:
        for i in range(self.suggestions.count()):
            if self.suggestions.item(i).data(Qt.ItemDataRole.UserRole) == sid:
                self.suggestions.setCurrentRow(i)
                return

    def _suggestion_changed(self, *_args: Any) -> None:
        s = self.current_suggestion()
        final = self.suggest_result is not None and s in self.suggest_result.suggestions
        self.apply_button.setEnabled(bool(final))
        self.end_preview.setEnabled(s is not None)
        self.preview_requested.emit(s)

    def stop_preview(self) -> None:
        self.suggestions.blockSignals(True)
        self.suggestions.setCurrentItem(None)
        self.suggestions.clearSelection()
        self.suggestions.blockSignals(False)
        self.apply_button.setEnabled(False)
        self.end_preview.setEnabled(False)
        self.preview_requested.emit(None)

    def _apply(self) -> None:
        s = self.current_suggestion()
        if s is not None:
            self.apply_requested.emit(s)

    def forget_suggestions(self) -> None:
        """The cover changed: its suggestions are for a cover that no longer exists."""
        if self.suggest_result is None and not self.shown:
            return
        self.suggest_result, self.suggest_cover, self.shown = None, None, []
        self.suggestions.clear()
        self.suggestions.setVisible(False)
        self.apply_button.setEnabled(False)
        self.end_preview.setEnabled(False)
        self.suggest_status.setText("")


def _html(text: str) -> str:
    import html

    return html.escape(text)


def _qimage(rgb: Any) -> Any:
    from xhscover.feed.images import rgb_to_qimage

    return rgb_to_qimage(rgb)
