"""Import competitors from screenshots: read them off the UI thread, then a preview of every card.

Left, the screenshot with each card found outlined and numbered (blue: imported; grey dashes:
left out). Right, one row per card: a tick box, its number, the cover crop, the title, nickname
and like count (all editable) and what the reader noticed (video, cut by the screen edge, an
overlay, seen in an earlier screenshot). 导入 makes the ticked cards the project's shelf (one undo
step); the feed and the score follow.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xhscover.editing.feedstate import FeedController
from xhscover.editing.shelfreader import ShelfReader
from xhscover.feed.images import rgb_to_qimage
from xhscover.shelfimport.reader import FoundCard, ShotReading
from xhscover.shelfimport.text import parse_like_count

COLUMNS = ("", "#", "Cover", "Title", "Nickname", "Likes", "Notes")
THUMB_H = 72
KEPT = QColor("#1E6FFF")
LEFT_OUT = QColor("#8A8A8A")


class ShotView(QGraphicsView):
    """One screenshot with its cards outlined and numbered; fits the view's height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor("#DADADF"))
        self.setRenderHints(self.renderHints())
        self.pixmap = QGraphicsPixmapItem()
        self.pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap)
        self.boxes: dict[int, QGraphicsRectItem] = {}

    def show_reading(self, reading: ShotReading, ticked: dict[int, bool], current: int | None) -> None:
        for item in list(self.scene().items()):
            if item is not self.pixmap:
                self.scene().removeItem(item)
        self.boxes.clear()
        if reading.pixels is not None:
            self.pixmap.setPixmap(QPixmap.fromImage(rgb_to_qimage(reading.pixels)))
        w, h = reading.size
        self.scene().setSceneRect(0, 0, w, h)
        line = max(2.0, w / 250)
        font = QFont()
        font.setPixelSize(max(12, round(w / 22)))
        font.setBold(True)
        for card in reading.cards:
            x, y, cw, ch = card.cover_box
            on = ticked.get(card.number, False)
            pen = QPen(KEPT if on else LEFT_OUT, line * (1.8 if card.number == current else 1.0))
            if not on:
                pen.setStyle(Qt.PenStyle.DashLine)
            box = QGraphicsRectItem(QRectF(x, y, cw, ch))
            box.setPen(pen)
            self.scene().addItem(box)
            self.boxes[card.number] = box
            badge = QGraphicsRectItem(QRectF(x, y, font.pixelSize() * 1.6, font.pixelSize() * 1.3))
            badge.setBrush(QBrush(KEPT if on else LEFT_OUT))
            badge.setPen(QPen(Qt.PenStyle.NoPen))
            self.scene().addItem(badge)
            label = QGraphicsSimpleTextItem(str(card.number))
            label.setFont(font)
            label.setBrush(QBrush(QColor("#FFFFFF")))
            label.setPos(x + font.pixelSize() * 0.25, y + font.pixelSize() * 0.05)
            self.scene().addItem(label)
        self.fit()

    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if rect.width() > 0:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


class ShelfImportDialog(QDialog):
    def __init__(self, feed: FeedController, paths: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import competitors from screenshots"))
        self.feed = feed
        self.paths = [str(p) for p in paths]
        self.readings: list[ShotReading] = []
        self.failed: dict[str, str] = {}
        self.rows: list[tuple[ShotReading, FoundCard]] = []
        self.reader = ShelfReader(self)

        self.status = QLabel(self.tr("Reading {0} screenshot(s)…").format(len(self.paths)))
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(self.paths)))
        self.shots = QComboBox()
        self.shots.setEnabled(False)
        self.view = ShotView()
        self.view.setMinimumWidth(240)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(["", "#", self.tr("Cover"), self.tr("Title"), self.tr("Nickname"),
                                              self.tr("Likes"), self.tr("Notes")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setIconSize(QSize(THUMB_H * 3 // 4, THUMB_H))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_btn = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_btn.setEnabled(False)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.shots)
        lv.addWidget(self.view, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addWidget(self.buttons)
        self.resize(1100, 720)

        self.buttons.rejected.connect(self.reject)
        self.import_btn.clicked.connect(self.import_cards)
        self.shots.currentIndexChanged.connect(self._show_shot)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda row, *_: self._select_row(row))
        self.reader.progress.connect(self._progress)
        self.reader.finished.connect(self._read)
        self.reader.start(self.paths)

    # --- reading ---------------------------------------------------------------------------------
    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        if name:
            self.status.setText(self.tr("Reading {0} ({1} of {2})…").format(name, done + 1, total))

    def _read(self, readings: list[ShotReading], failed: dict[str, str]) -> None:
        self.readings, self.failed = readings, failed
        self.progress.hide()
        cards = sum(len(r.cards) for r in readings)
        lines = [self.tr("{0} card(s) found in {1} screenshot(s); untick the ones to leave out.").format(
            cards, len(readings))]
        for name, why in failed.items():
            lines.append("⚠ " + (self.tr("No feed grid found in {0}").format(name)
                                 if why == f"no feed grid found in {name}" else why))
        self.status.setText("\n".join(lines))
        with _Blocked(self.table):
            for reading in readings:
                for card in reading.cards:
                    self._add_row(reading, card)
        with _Blocked(self.shots):
            for reading in readings:
                self.shots.addItem(reading.source)
        self.shots.setEnabled(len(readings) > 1)
        if readings:
            self._show_shot(0)
            if self.rows:
                self.table.selectRow(0)
        self._update_button()

    def _add_row(self, reading: ShotReading, card: FoundCard) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.rows.append((reading, card))
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tick.setCheckState(Qt.CheckState.Checked if card.importable else Qt.CheckState.Unchecked)
        self.table.setItem(r, 0, tick)
        num = QTableWidgetItem(f"{Path(reading.source).stem} #{card.number}" if len(self.paths) > 1
                               else str(card.number))
        num.setFlags(num.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(r, 1, num)
        thumb = QTableWidgetItem()
        thumb.setFlags(thumb.flags() & ~Qt.ItemFlag.ItemIsEditable)
        img = rgb_to_qimage(card.image)
        thumb.setIcon(QIcon(QPixmap.fromImage(img.scaledToHeight(THUMB_H, Qt.TransformationMode.SmoothTransformation))))
        self.table.setItem(r, 2, thumb)
        self.table.setItem(r, 3, QTableWidgetItem(card.title))
        self.table.setItem(r, 4, QTableWidgetItem(card.author))
        self.table.setItem(r, 5, QTableWidgetItem(card.likes_text or ("" if card.likes is None else str(card.likes))))
        notes = QTableWidgetItem(self._notes(card))
        notes.setFlags(notes.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(r, 6, notes)
        self.table.setRowHeight(r, THUMB_H + 6)

    def _notes(self, card: FoundCard) -> str:
        out = []
        if card.video:
            out.append(self.tr("video"))
        if card.cut_top:
            out.append(self.tr("cut at the top"))
        if card.cut_bottom:
            out.append(self.tr("cut at the bottom"))
        if card.overlaid:
            out.append(self.tr("something lies over it"))
        if card.duplicate_of is not None:
            out.append(self.tr("same as {0} #{1}").format(card.duplicate_of[0], card.duplicate_of[1]))
        if card.likes is None:
            out.append(self.tr("likes not read"))
        return ", ".join(out)

    # --- preview -----------------------------------------------------------------------------------
    def ticked(self) -> dict[tuple[str, int], bool]:
        out = {}
        for r, (reading, card) in enumerate(self.rows):
            item = self.table.item(r, 0)
            out[(reading.source, card.number)] = item is not None and item.checkState() == Qt.CheckState.Checked
        return out

    def _show_shot(self, index: int, current: int | None = None) -> None:
        if not 0 <= index < len(self.readings):
            return
        reading = self.readings[index]
        ticks = {n: on for (src, n), on in self.ticked().items() if src == reading.source}
        self.view.show_reading(reading, ticks, current)

    def _select_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        reading, card = self.rows[row]
        index = self.readings.index(reading)
        if self.shots.currentIndex() != index:
            with _Blocked(self.shots):
                self.shots.setCurrentIndex(index)
        self._show_shot(index, card.number)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            reading, card = self.rows[item.row()]
            self._show_shot(self.readings.index(reading), card.number)
            self._update_button()
        elif item.column() == 5:
            ok = parse_like_count(item.text()) is not None or not item.text().strip()
            item.setForeground(QBrush(QColor("#000000" if ok else "#C62828")))
            self._update_button()

    def _update_button(self) -> None:
        n = sum(self.ticked().values())
        bad = any(self._likes_bad(r) for r in range(len(self.rows)) if self._is_ticked(r))
        self.import_btn.setEnabled(n > 0 and not bad)
        self.import_btn.setText(self.tr("Import {0} card(s)").format(n) if n else self.tr("Import"))

    def _is_ticked(self, row: int) -> bool:
        item = self.table.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def _likes_bad(self, row: int) -> bool:
        text = self.table.item(row, 5).text().strip()
        return bool(text) and parse_like_count(text) is None

    # --- result ------------------------------------------------------------------------------------
    def chosen_cards(self) -> list[FoundCard]:
        """The ticked cards with the user's edits, in the order shown."""
        out = []
        for r, (_reading, card) in enumerate(self.rows):
            if not self._is_ticked(r):
                continue
            likes_text = self.table.item(r, 5).text().strip()
            out.append(dataclasses.replace(card, title=self.table.item(r, 3).text().strip(),
                                           author=self.table.item(r, 4).text().strip(),
                                           likes=parse_like_count(likes_text) if likes_text else 0,
                                           likes_text=likes_text))
        return out

    def import_cards(self) -> None:
        cards = self.chosen_cards()
        if not cards:
            return
        sources = list(dict.fromkeys(c.source for c in cards))
        self.feed.import_found(cards, ", ".join(sources))
        self.accept()

    def reject(self) -> None:
        self.reader.cancel()
        super().reject()

    def done(self, result: int) -> None:
        self.reader.cancel()
        self.reader.wait(120000)
        super().done(result)


class _Blocked:
    """Signals of a widget off while it is filled."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def __enter__(self) -> None:
        self.was = self.widget.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        self.widget.blockSignals(self.was)
