"""Variant tabs (A, B, C...): switch, duplicate the current one, rename, delete."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMenu, QTabBar, QToolButton, QWidget

from xhscover.editing import commands as C
from xhscover.editing.document import EditorDocument
from xhscover.editing.signals import connect_all, disconnect_all


class VariantsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: EditorDocument | None = None
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("variantTabs")
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._switch)
        self.tabs.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabs.customContextMenuRequested.connect(self._menu)
        self.tabs.tabBarDoubleClicked.connect(self.rename)
        self.add = QToolButton(self)
        self.add.setText("+")
        self.add.setToolTip(self.tr("Duplicate this variant (A/B test a new idea)"))
        self.add.clicked.connect(self.duplicate)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(self.tabs)
        lay.addWidget(self.add)
        lay.addStretch(1)

    def _connections(self, doc: EditorDocument):
        return [(sig, self.refresh) for sig in (doc.structure_changed, doc.current_cover_changed, doc.changed)]

    def set_document(self, doc: EditorDocument | None) -> None:
        if self.doc is not None:
            disconnect_all(self._connections(self.doc))
        self.doc = doc
        if doc is not None:
            connect_all(self._connections(doc))
        self.refresh()

    def refresh(self, *_a) -> None:
        with QSignalBlocker(self.tabs):
            while self.tabs.count():
                self.tabs.removeTab(0)
            if self.doc is None:
                return
            for c in self.doc.project.covers:
                i = self.tabs.addTab(c.name if c.name == c.id else f"{c.id} · {c.name}")
                self.tabs.setTabData(i, c.id)
                if c.id == self.doc.cover_id:
                    self.tabs.setCurrentIndex(i)

    def _switch(self, index: int) -> None:
        if self.doc is not None and index >= 0:
            self.doc.set_current_cover(self.tabs.tabData(index))

    def duplicate(self) -> None:
        if self.doc is not None:
            self.doc.push(C.duplicate_variant(self.doc))

    def rename(self, index: int) -> None:
        if self.doc is None or index < 0:
            return
        cid = self.tabs.tabData(index)
        name, ok = QInputDialog.getText(self, self.tr("Rename variant"), self.tr("Name:"),
                                        text=self.doc.project.cover(cid).name)
        if ok and name.strip():
            self.doc.push(C.rename_variant(self.doc, cid, name.strip()))

    def delete(self, index: int) -> None:
        if self.doc is None or index < 0:
            return
        cmd = C.delete_variant(self.doc, self.tabs.tabData(index))
        if cmd is not None:
            self.doc.push(cmd)

    def _menu(self, pos) -> None:
        index = self.tabs.tabAt(pos)
        if index < 0:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Duplicate"), self.duplicate)
        menu.addAction(self.tr("Rename…"), lambda: self.rename(index))
        act = menu.addAction(self.tr("Delete"), lambda: self.delete(index))
        act.setEnabled(self.tabs.count() > 1)
        menu.exec(self.tabs.mapToGlobal(pos))
