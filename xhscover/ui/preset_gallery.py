"""花字 gallery: every text style preset as a thumbnail of the selected text, applied in one click.

Thumbnails are drawn by the one renderer (`xhscover.render.preview`), so what the gallery shows is
what the cover gets. They are redrawn only when the text they show changes, a few per event-loop
turn, so selecting a layer never stalls the window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from xhscover.errors import XhsError
from xhscover.model.presets import TextPreset, apply_preset, text_presets
from xhscover.model.styles import TextStyle
from xhscover.render.preview import preview_text, text_preview
from xhscover.ui.language import is_english

THUMB = QSize(100, 52)  # two columns fit the properties dock in both languages
PER_TURN = 6  # thumbnails drawn per event-loop turn


class PresetGallery(QListWidget):
    """Icon grid of the presets; `preset_chosen(id)` when one is clicked."""

    preset_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetGallery")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 6, THUMB.height() + 24))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setMinimumHeight(2 * (THUMB.height() + 24) + 8)
        self._text = ""
        self._drawn_for: dict[str, str] = {}  # preset id -> text its icon shows
        self._base = TextStyle(weight=900)
        self._pending: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._draw_some)
        self.error = ""
        try:
            self.presets: tuple[TextPreset, ...] = text_presets()
        except XhsError as exc:  # a broken install: say so in the gallery, keep the editor working
            self.presets = ()
            self.error = str(exc)
            self.addItem(QListWidgetItem(self.error))
        english = is_english()
        blank = QPixmap(THUMB)  # full-size placeholder: item sizes are measured before thumbnails exist
        blank.fill(QColor("#E4E4E9"))
        for p in self.presets:
            item = QListWidgetItem(p.name(english))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setIcon(QIcon(blank))
            item.setToolTip(f"{p.name_zh} / {p.name_en}  ({p.id})")
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.addItem(item)
        self.itemClicked.connect(self._clicked)

    def show_text(self, text: str, style: TextStyle | None = None) -> None:
        """Preview the presets on `text` (the selected layer's), keeping its font weight."""
        shown = preview_text(text)
        if style is not None:
            self._base = TextStyle(family=style.family, weight=style.weight)
        if shown == self._text and not self._pending and len(self._drawn_for) == len(self.presets):
            return
        self._text = shown
        self._pending = [i for i, p in enumerate(self.presets) if self._drawn_for.get(p.id) != shown]
        if self._pending and self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.doItemsLayout()  # laid out while hidden (zero width): place the grid for the real width
        if self._pending:
            self._timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()

    def draw_all(self) -> None:
        """Draw every pending thumbnail now (tests, screenshots)."""
        while self._pending:
            self._draw_some()

    def _draw_some(self) -> None:
        dpr = self.devicePixelRatioF() or 1.0
        for _ in range(PER_TURN):
            if not self._pending:
                self._timer.stop()
                return
            i = self._pending.pop(0)
            preset = self.presets[i]
            img = text_preview(self._text, apply_preset(self._base, preset), THUMB.width(), THUMB.height(),
                               scale=dpr)
            pix = QPixmap.fromImage(img)
            pix.setDevicePixelRatio(dpr)
            self.item(i).setIcon(QIcon(pix))
            self._drawn_for[preset.id] = self._text
        if not self._pending:
            self._timer.stop()

    def _clicked(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if pid:
            self.preset_chosen.emit(str(pid))
