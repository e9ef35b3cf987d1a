"""Score panel: attention share, fair ratio, A/B verdicts and findings for the current cover.

Shows what `xhscover.editing.scoring` computed through the same calls as `xhscover score`
(every number comes from the attention engine); the text is the finding's Chinese or English
per the UI language, and each finding's tooltip says in plain words what it measures.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from xhscover.ui.language import ui_language

STATUS_MARK = {"pass": ("✓", "#1E9E5A"), "warn": ("▲", "#D9822B"), "fail": ("✗", "#D0312D"),
               "info": ("•", "#6B7280")}
STATUS_BG = {"warn": "#FFF4E5", "fail": "#FDECEC"}
VERDICT_KEY = "ab"
"""The list rows of A/B verdicts carry this key (findings carry their registry key)."""


class ScorePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel(self.tr("No score yet"))
        f = self.headline.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        self.headline.setFont(f)
        self.sub = QLabel()
        self.sub.setWordWrap(True)
        self.status = QLabel()
        self.status.setStyleSheet("color: #6B7280;")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setObjectName("findings")
        self.list.setAlternatingRowColors(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.headline)
        lay.addWidget(self.sub)
        lay.addWidget(self.status)
        lay.addWidget(self.list, 1)
        self.result: Any = None

    def set_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Scoring…") if busy else "")

    def show_result(self, res: Any) -> None:
        from xhscover.score.diagnose import check, pick

        self.result = res
        lang = ui_language()
        if res.error:
            self.status.setText(self.tr("Scoring failed: {0}").format(res.error))
            return
        if res.share is None:
            self.headline.setText("—")
        else:
            self.headline.setText(self.tr("Share {0:.1f}%").format(100 * res.share))
        fs = res.fair.get(res.current)
        if fs is not None and fs.n:
            self.sub.setText(self.tr("Rank {0} of {1} on this screen · fair ratio {2:.2f}× ({3} placements)").format(
                res.rank, res.visible_cards, fs.fair_ratio, fs.n))
        elif res.share is not None:
            self.sub.setText(self.tr("Rank {0} of {1} on this screen · fair ratio: computing…").format(
                res.rank, res.visible_cards))
        else:
            self.sub.setText("")
        self.list.clear()
        for f in res.findings:
            row = check(f.key)
            self._add(f.status, f.text(lang), f.key, f"{row.name(lang)}: {row.about(lang)}\n({f.threshold})")
        if res.run is not None:
            n = res.names
            for v in res.run.verdicts:  # with the variant names the user gave them
                named = dataclasses.replace(v, a=n.get(v.a, v.a), b=n.get(v.b, v.b),
                                            winner=n.get(v.winner, v.winner) if v.winner else None)
                self._add("pass" if v.clear else "info", "A/B: " + pick(lang, named.text_zh(), named.text_en()),
                          VERDICT_KEY, "")
        if res.stage == "full":
            self.status.setText("")

    def _add(self, status: str, text: str, key: str, tip: str) -> None:
        mark, colour = STATUS_MARK.get(status, STATUS_MARK["info"])
        item = QListWidgetItem(f"{mark}  {text}")
        item.setForeground(QColor(colour if status == "fail" else "#1F2328"))
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(tip)
        if status in STATUS_BG:
            item.setBackground(QColor(STATUS_BG[status]))
        self.list.addItem(item)
