"""Sticker picker: the bundled SVG stickers as thumbnails (QSvgRenderer), plus an emoji field."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xhscover.model.assets import sticker_catalog

THUMB = 72
_CACHE: dict[str, QIcon] = {}


def sticker_icon(path: str, size: int = THUMB) -> QIcon:
    """The SVG drawn into a square, kept at its aspect (cached per file)."""
    key = f"{path}@{size}"
    if key not in _CACHE:
        pm = QPixmap(size, size)
        pm.fill(QColor(0, 0, 0, 0))
        r = QSvgRenderer(path)
        if r.isValid():
            vb = r.viewBoxF()
            a = vb.width() / vb.height() if vb.height() > 0 else 1.0
            w, h = (size, size / a) if a >= 1 else (size * a, size)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            r.render(p, QRectF((size - w) / 2, (size - h) / 2, w, h))
            p.end()
        _CACHE[key] = QIcon(pm)
    return _CACHE[key]


class StickerPicker(QDialog):
    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert sticker"))
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 24, THUMB + 30))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumSize(520, 360)
        for st in sticker_catalog():  # a broken sticker bundle fails here, loudly
            item = QListWidgetItem(sticker_icon(str(st.path)), st.name_zh if lang.startswith("zh") else st.name_en)
            item.setData(Qt.ItemDataRole.UserRole, st.id)
            item.setToolTip(f"{st.name_zh} / {st.name_en}")
            self.list.addItem(item)
        self.emoji = QLineEdit()
        self.emoji.setPlaceholderText(self.tr("or type / paste an emoji, e.g. 🔥"))
        self.emoji.setMaxLength(8)
        self.emoji.textChanged.connect(lambda t: self.list.clearSelection() if t else None)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Emoji:")))
        row.addWidget(self.emoji, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        lay.addWidget(buttons)

    def choice(self) -> tuple[str, str]:
        """(sticker id, emoji); one of them is empty."""
        emoji = self.emoji.text().strip()
        if emoji:
            return "", emoji
        items = self.list.selectedItems()
        return (items[0].data(Qt.ItemDataRole.UserRole), "") if items else ("", "")
