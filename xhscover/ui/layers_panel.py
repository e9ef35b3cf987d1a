"""Layers list (top layer first): drag to reorder, tick to show/hide, lock, rename, duplicate, delete, group."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xhscover.editing import commands as C
from xhscover.editing.document import EditorDocument
from xhscover.editing.names import display_name
from xhscover.editing.signals import connect_all, disconnect_all
from xhscover.model.layers import TextLayer
from xhscover.ui.flow_layout import flow_row

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ICON = {"text": "T", "image": "▣", "shape": "◆", "sticker": "★"}


class LayersPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: EditorDocument | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("layersList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.model().rowsMoved.connect(self._rows_moved)
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemSelectionChanged.connect(self._selection_from_list)
        self.btn_lock = self._button(self.tr("Lock"), self.tr("Lock / unlock"), self.toggle_lock)
        self.btn_up = self._button(self.tr("Up"), self.tr("Bring forward"), lambda: self.move_selected(+1))
        self.btn_down = self._button(self.tr("Down"), self.tr("Send backward"), lambda: self.move_selected(-1))
        self.btn_dup = self._button(self.tr("Copy"), self.tr("Duplicate"), self.duplicate)
        self.btn_group = self._button(self.tr("Group"), self.tr("Group / ungroup"), self.toggle_group)
        self.btn_del = self._button(self.tr("Del"), self.tr("Delete"), self.delete)
        # a flow: the buttons wrap to a second row in a narrow dock instead of widening the window
        buttons = flow_row(self.btn_lock, self.btn_up, self.btn_down, self.btn_dup, self.btn_group, self.btn_del,
                           spacing=2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list)
        lay.addWidget(buttons)
        self._updating = False

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def set_document(self, doc: EditorDocument | None) -> None:
        if self.doc is not None:
            disconnect_all(self._connections())
        self.doc = doc
        if doc is not None:
            connect_all(self._connections())
        self.refresh()

    def _connections(self):
        d = self.doc
        return [(d.structure_changed, self.refresh), (d.current_cover_changed, self.refresh),
                (d.changed, self._on_changed), (d.selection_changed, self._sync_selection)]

    def _on_changed(self, cover_id: str, ids: list) -> None:
        if self.doc and cover_id == self.doc.cover_id and ids:
            self.refresh()

    def refresh(self, *_args) -> None:
        self._updating = True
        blocker = QSignalBlocker(self.list)
        self.list.clear()
        if self.doc is not None:
            for lay in reversed(self.doc.cover.layers):
                item = QListWidgetItem(_glyph_icon(KIND_ICON.get(lay.kind, "?")), display_name(lay))
                item.setData(ID_ROLE, lay.id)
                tip = lay.kind + (f" · {lay.text[:40]}" if isinstance(lay, TextLayer) else "")
                if lay.group:
                    tip += " · " + self.tr("group") + f" {lay.group}"
                if lay.locked:
                    tip += " · " + self.tr("locked")
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                    item.setForeground(QColor("#999999"))
                item.setToolTip(tip)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                item.setCheckState(Qt.CheckState.Checked if lay.visible else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        del blocker
        self._updating = False
        self._sync_selection()

    def _sync_selection(self) -> None:
        if self.doc is None:
            return
        sel = set(self.doc.selection)
        blocker = QSignalBlocker(self.list)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setSelected(item.data(ID_ROLE) in sel)
        del blocker

    def _selection_from_list(self) -> None:
        if self._updating or self.doc is None:
            return
        self.doc.set_selection([it.data(ID_ROLE) for it in self.list.selectedItems()])

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._updating or self.doc is None:
            return
        lid = item.data(ID_ROLE)
        lay = self.doc.cover.layer(lid)
        visible = item.checkState() == Qt.CheckState.Checked
        if visible != lay.visible:
            self.doc.push(C.set_visible(self.doc, lid, visible))
            return
        text = item.text().strip()
        if text and text != display_name(lay):
            self.doc.push(C.rename_layer(self.doc, lid, text))

    def _rows_moved(self, *_args) -> None:
        if self._updating or self.doc is None:
            return
        ids_top_first = [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]
        order = list(reversed(ids_top_first))
        if order != [lay.id for lay in self.doc.cover.layers]:
            # defer: changing the list while Qt finishes its drop crashes the view
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: self.doc.push(C.set_order(self.doc, order)))

    # --- actions ------------------------------------------------------------------------------
    def _sel(self) -> list[str]:
        return self.doc.selection if self.doc else []

    def toggle_lock(self) -> None:
        for lay in self.doc.selected_layers() if self.doc else []:
            self.doc.push(C.set_locked(self.doc, lay.id, not lay.locked))

    def move_selected(self, step: int) -> None:
        sel = self._sel()
        if len(sel) != 1:
            return
        idx = [lay.id for lay in self.doc.cover.layers].index(sel[0])
        self.doc.push(C.reorder_layer(self.doc, sel[0], idx + step))

    def duplicate(self) -> None:
        if self._sel():
            self.doc.push(C.duplicate_layers(self.doc, self._sel()))

    def delete(self) -> None:
        if self._sel():
            self.doc.push(C.remove_layers(self.doc, self._sel()))

    def toggle_group(self) -> None:
        sel = self._sel()
        if not sel:
            return
        layers = self.doc.selected_layers()
        if len(sel) > 1 and not all(lay.group and lay.group == layers[0].group for lay in layers):
            self.doc.push(C.group_layers(self.doc, sel))
        elif any(lay.group for lay in layers):
            self.doc.push(C.ungroup_layers(self.doc, self.doc.expand_groups(sel)))


_ICONS: dict[str, QIcon] = {}


def _glyph_icon(ch: str) -> QIcon:
    if ch not in _ICONS:
        pm = QPixmap(18, 18)
        pm.fill(QColor(0, 0, 0, 0))
        p = QPainter(pm)
        p.setPen(QColor("#555555"))
        f = p.font()
        f.setPixelSize(13)
        f.setBold(True)
        p.setFont(f)
        p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, ch)
        p.end()
        _ICONS[ch] = QIcon(pm)
    return _ICONS[ch]
