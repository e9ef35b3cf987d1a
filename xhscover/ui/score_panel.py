"""Score panel: attention share, fair ratio, A/B verdict and findings for the current cover.

Shows what `xhscover.editing.scoring` computed (every number comes from the attention engine);
the text is the finding's Chinese or English per the UI language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

LEVEL_MARK = {"good": ("✓", "#1E9E5A"), "warn": ("▲", "#D9822B"), "fail": ("✗", "#D0312D"),
              "info": ("•", "#6B7280")}
LEVEL_BG = {"warn": "#FFF4E5", "fail": "#FDECEC"}


def ui_language() -> str:
    app = QApplication.instance()
    lang = app.property("xhs_language") if app is not None else None
    return str(lang or "en")


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
        self.result = None

    def set_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Scoring…") if busy else "")

    def show_result(self, res) -> None:
        self.result = res
        lang = ui_language()
        if res.error:
            self.status.setText(self.tr("Scoring failed: {0}").format(res.error))
            return
        if res.share is None:
            self.headline.setText("—")
        else:
            self.headline.setText(self.tr("Share {0:.1f}%").format(100 * res.share))
        fs = res.fair.get(res.current) if res.fair else None
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
            mark, colour = LEVEL_MARK.get(f.level, LEVEL_MARK["info"])
            item = QListWidgetItem(f"{mark}  {f.text(lang)}")
            item.setForeground(QColor(colour if f.level == "fail" else "#1F2328"))
            item.setData(Qt.ItemDataRole.UserRole, f.key)
            item.setData(Qt.ItemDataRole.DecorationRole, None)
            item.setToolTip(f.key)
            if f.level in LEVEL_BG:
                item.setBackground(QColor(LEVEL_BG[f.level]))
            self.list.addItem(item)
        if res.stage == "full":
            self.status.setText("")
