"""The feed dock: the cover in a simulated two-column feed beside the editor, updated live.

Thin: `xhscover.editing.feedstate.FeedController` decides what is shown; this shows the picture
(scrollable whole feed, first screen marked), edits the controller's fields and draws the
attention heatmap over the first screen when a score result arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xhscover.editing import commands as C
from xhscover.editing import scoring
from xhscover.editing.feedstate import FeedController, device_choices, fit_zoom, true_size_zoom
from xhscover.feed.draw import squint
from xhscover.ui.flow_layout import flow_row


class FeedView(QGraphicsView):
    """The whole scrolled feed as one picture; zoom fit / 100% / true physical size.

    The bottom tab bar stays at the bottom of the phone screen while the feed scrolls under it, as
    on the phone and in a one-screen export; "fit" shows exactly the first screen, no scrolling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor("#DADADF"))
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.heat = QGraphicsPixmapItem()
        self.heat.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.heat.setZValue(1)
        self.heat.hide()
        self.chrome = QGraphicsPixmapItem()  # the bottom tab bar, pinned to the screen's bottom
        self.chrome.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.chrome.setZValue(0.5)  # under the heatmap, which scores the bar too
        self.chrome.hide()
        self.scene().addItem(self.item)
        self.scene().addItem(self.heat)
        self.scene().addItem(self.chrome)
        self.mode = "fit"
        self.screen_height = 1
        self.true_scale = 1.0

    def set_image(self, img: QImage, screen_height: int, chrome: QImage | None = None) -> None:
        """The scrolled feed, the height of one phone screen in its pixels, and the bottom bar strip."""
        self.item.setPixmap(QPixmap.fromImage(img))
        self.screen_height = screen_height
        self.scene().setSceneRect(0, 0, img.width(), img.height())
        if chrome is None or chrome.isNull():
            self.chrome.hide()
        else:
            self.chrome.setPixmap(QPixmap.fromImage(chrome))
            self.chrome.show()
        self.apply_zoom()

    def place_chrome(self) -> None:
        """One phone screen below the top of what is shown, never past the end of the feed."""
        pm, bar = self.item.pixmap(), self.chrome.pixmap()
        if pm.isNull() or bar.isNull():
            return
        top = 0.0 if self.mode == "fit" else max(0.0, self.mapToScene(0, 0).y())
        self.chrome.setPos(0, min(top + self.screen_height, pm.height()) - bar.height())

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Fit shows one phone screen: what lies below it in the scrolled feed is covered."""
        super().drawForeground(painter, rect)
        rect = QRectF(rect)
        if self.mode == "fit" and rect.bottom() > self.screen_height:
            painter.fillRect(QRectF(rect.left(), self.screen_height, rect.width(), rect.bottom() - self.screen_height),
                             self.backgroundBrush())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.place_chrome()

    def set_heat(self, img: QImage | None) -> None:
        if img is None:
            self.heat.hide()
            return
        self.heat.setPixmap(QPixmap.fromImage(img))
        self.heat.show()

    def apply_zoom(self) -> None:
        pm = self.item.pixmap()
        if pm.isNull():
            return
        fit = self.mode == "fit"
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fit else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.setVerticalScrollBarPolicy(policy)  # fit: the first screen, whole, with no scroll bar eating
        self.setHorizontalScrollBarPolicy(policy)  # into the room it was fitted to
        if fit:
            vp = self.viewport().size()
            z = fit_zoom(pm.width(), self.screen_height, vp.width() - 4, vp.height() - 4)
        elif self.mode == "true":
            z = self.true_scale
        else:
            z = 1.0 / max(1.0, self.devicePixelRatioF())
        self.setTransform(QTransform.fromScale(z, z))
        if fit:
            self.verticalScrollBar().setValue(0)
        self.place_chrome()

    def zoom(self) -> float:
        return self.transform().m11()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.mode == "fit":
            self.apply_zoom()


class FeedDock(QWidget):
    export_requested = Signal()
    screenshots_dropped = Signal(list)  # paths of image files dropped on the dock: competitor screenshots

    def __init__(self, feed: FeedController, settings=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self.app_settings = settings
        self.last_screen = None  # score.shares.Screen for the heatmap
        self.view = FeedView(self)

        self.device = QComboBox()
        for did, name in device_choices():
            self.device.addItem(name, did)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.page = QComboBox()
        self.page.addItem(self.tr("Home feed"), "home")
        self.page.addItem(self.tr("Search results"), "search")
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search query"))
        self.note_title = QLineEdit()
        self.note_title.setPlaceholderText(self.tr("Note title under your cover"))
        self.placement = QComboBox()
        self.placement.addItem(self.tr("Slot"), "slot")
        self.placement.addItem(self.tr("Random"), "random")
        self.slot = QSpinBox()  # counts from 1 as people do; the settings count from 0
        self.slot.setRange(1, 16)
        self.slot.setToolTip(self.tr("Feed position of your cover (1 = top left)"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 99999)
        self.seed.setPrefix(self.tr("seed "))
        self.shuffle = QPushButton(self.tr("Shuffle"))
        self.shuffle.setToolTip(self.tr("Random position and competitor order (next seed)"))
        self.all_variants = QCheckBox(self.tr("All variants"))
        self.all_variants.setToolTip(self.tr("Show every variant of the project in the feed"))
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Fit screen"), "fit")
        self.zoom.addItem("100%", "100")
        self.zoom.addItem(self.tr("True size"), "true")
        self.dpi_fix = QDoubleSpinBox()
        self.dpi_fix.setRange(0.5, 2.0)
        self.dpi_fix.setSingleStep(0.01)
        self.dpi_fix.setDecimals(2)
        self.dpi_fix.setPrefix("×")
        self.dpi_fix.setToolTip(self.tr("Screen DPI correction for true size: hold a ruler to the screen and adjust"))
        self.squint = QCheckBox(self.tr("Squint"))
        self.squint.setToolTip(self.tr("Blur the feed: only big shapes and contrasts remain"))
        self.heatmap = QCheckBox(self.tr("Heatmap"))
        self.heatmap.setToolTip(self.tr("Attention heatmap over the first screen"))
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.sample_btn = QPushButton(self.tr("Sample shelf"))
        self.import_btn = QPushButton(self.tr("Import folder…"))
        self.titles_btn = QToolButton()
        self.titles_btn.setText(self.tr("Titles"))
        self.titles_btn.setCheckable(True)
        self.titles_btn.setToolTip(self.tr("Edit the competitors' note titles"))
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #B35C00;")
        self.warnings.hide()
        self.setAcceptDrops(True)
        self.setToolTip(self.tr("Drop screenshots of the feed or search results here to import competitors"))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Cover"), self.tr("Title")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(160)
        self.table.hide()

        g = QGridLayout()
        g.setContentsMargins(0, 0, 0, 0)
        g.setHorizontalSpacing(4)
        g.setVerticalSpacing(3)
        g.addWidget(self.device, 0, 0, 1, 2)
        g.addWidget(self.theme, 0, 2)
        g.addWidget(self.page, 1, 0)
        g.addWidget(self.query, 1, 1, 1, 2)
        g.addWidget(self.note_title, 2, 0, 1, 3)
        # flows: the option rows wrap in a narrow dock (English labels are wider) instead of widening it
        g.addWidget(flow_row(self.placement, self.slot, self.seed, self.shuffle), 3, 0, 1, 3)
        g.addWidget(flow_row(self.zoom, self.dpi_fix, self.squint, self.heatmap), 4, 0, 1, 3)
        g.addWidget(flow_row(self.sample_btn, self.import_btn, self.titles_btn, self.all_variants), 5, 0, 1, 3)
        for combo in (self.device, self.theme, self.page, self.placement, self.zoom):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(3)
        lay.addLayout(g)
        lay.addWidget(self.source)
        lay.addWidget(self.warnings)
        lay.addWidget(self.table)
        lay.addWidget(self.view, 1)

        self.device.currentIndexChanged.connect(lambda: self.feed.update(device=self.device.currentData()))
        self.theme.currentIndexChanged.connect(lambda: self.feed.update(theme=self.theme.currentData()))
        self.page.currentIndexChanged.connect(self._page_changed)
        self.query.textChanged.connect(lambda t: self.feed.update(query=t))
        self.note_title.textEdited.connect(self._note_title_edited)
        self.placement.currentIndexChanged.connect(lambda: self.feed.update(placement=self.placement.currentData()))
        self.slot.valueChanged.connect(lambda v: self.feed.update(slot=v - 1, placement="slot"))
        self.seed.valueChanged.connect(lambda v: self.feed.update(seed=v))
        self.shuffle.clicked.connect(self.feed.shuffle)
        self.all_variants.toggled.connect(lambda on: self.feed.update(all_variants=on))
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.dpi_fix.valueChanged.connect(self._dpi_changed)
        self.squint.toggled.connect(lambda on: self.feed.update(squint=on))
        self.heatmap.toggled.connect(lambda on: self.feed.update(heatmap=on))
        self.sample_btn.clicked.connect(self.use_sample)
        self.import_btn.clicked.connect(self.import_dialog)
        self.titles_btn.toggled.connect(self.table.setVisible)
        self.table.itemChanged.connect(self._title_cell_changed)
        feed.rendered.connect(self.show_feed)
        feed.settings_changed.connect(self.sync_controls)
        feed.competitors_changed.connect(self.fill_competitors)
        if settings is not None:
            self.dpi_fix.setValue(settings.true_size_dpi_correction())
        else:
            self.dpi_fix.setValue(1.0)
        self.sync_controls()

    # --- controller -> widgets ------------------------------------------------------------------------
    def sync_controls(self) -> None:
        s = self.feed.settings
        pairs = [(self.device, s.device), (self.theme, s.theme), (self.page, s.page),
                 (self.placement, s.placement), (self.zoom, s.zoom)]
        for combo, value in pairs:
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(value)))
        for spin, v in ((self.slot, s.slot + 1), (self.seed, s.seed)):
            with QSignalBlocker(spin):
                spin.setValue(v)
        for check, on in ((self.all_variants, s.all_variants), (self.squint, s.squint), (self.heatmap, s.heatmap)):
            with QSignalBlocker(check):
                check.setChecked(on)
        if self.query.text() != s.query:
            with QSignalBlocker(self.query):
                self.query.setText(s.query)
        self.query.setEnabled(s.page == "search")
        self.dpi_fix.setVisible(s.zoom == "true")
        self.slot.setEnabled(s.placement == "slot")
        self.seed.setEnabled(s.placement == "random")
        self.sync_note_title()
        if self.view.mode != s.zoom:
            self.view.mode = s.zoom
            self._update_true_scale()
            self.view.apply_zoom()
        self._show_heat()

    def sync_note_title(self) -> None:
        doc = self.feed.doc
        text = doc.cover.note_title if doc is not None else ""
        if self.note_title.text() != text:
            with QSignalBlocker(self.note_title):
                self.note_title.setText(text)

    def fill_competitors(self) -> None:
        s = self.feed.settings
        n = len(self.feed.competitors)
        self.source.setText(self.tr("Competitors: {0} covers from {1}").format(n, s.competitor_dir)
                             if s.competitor_dir else self.tr("Competitors: bundled sample shelf ({0} covers)").format(n))
        if self.feed.warnings:
            self.warnings.setText("⚠ " + "\n⚠ ".join(self.feed.warnings[:4])
                                  + (f"\n… (+{len(self.feed.warnings) - 4})" if len(self.feed.warnings) > 4 else ""))
            self.warnings.setToolTip("\n".join(self.feed.warnings))
            self.warnings.show()
        else:
            self.warnings.hide()
        with QSignalBlocker(self.table):
            titles = self.feed.competitor_titles()
            self.table.setRowCount(n)
            for r, c in enumerate(self.feed.competitors):
                idc = QTableWidgetItem(c.id)
                idc.setFlags(idc.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, 0, idc)
                t = QTableWidgetItem(titles[c.id])
                t.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(r, 1, t)

    def show_feed(self, image: QImage, desc: dict) -> None:
        self.sync_note_title()
        if self.feed.settings.squint:
            image = squint(image)
        self.shown_image = image
        self._update_true_scale()
        screen_h = int(desc["screen_size"][1])
        bar_h = screen_h - int(desc["first_screen_bottom"])  # bottom bar + home indicator, at the feed's end
        bar = image.copy(0, image.height() - bar_h, image.width(), bar_h) if 0 < bar_h < image.height() else None
        self.view.set_image(image, screen_h, bar)
        if self.source.text() == "":
            self.fill_competitors()
        self._show_heat()

    def set_screen(self, screen) -> None:
        """A scored first screen from the score worker (for the heatmap)."""
        self.last_screen = screen
        self._show_heat()

    def _show_heat(self) -> None:
        img = getattr(self, "shown_image", None)
        if not self.feed.settings.heatmap or self.last_screen is None or img is None:
            self.view.set_heat(None)
            return
        desc = self.feed.last_description or {}
        size = desc.get("screen_size") or (img.width(), img.height())
        self.view.set_heat(scoring.feed_heatmap(img, self.last_screen, size))

    # --- widgets -> controller ------------------------------------------------------------------------
    def _page_changed(self) -> None:
        self.feed.update(page=self.page.currentData())

    def _zoom_changed(self) -> None:
        self.feed.update(zoom=self.zoom.currentData())

    def _update_true_scale(self) -> None:
        screen = self.screen() if self.isVisible() else None
        if screen is None:
            from PySide6.QtGui import QGuiApplication

            screen = QGuiApplication.primaryScreen()
        dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
        dev = self.feed.device()
        shown = self.feed.last_image
        width_px = shown.width() if shown is not None else dev.pixel_size[0]
        self.view.true_scale = true_size_zoom(dev, width_px, dpi, self.view.devicePixelRatioF(), self.dpi_fix.value())

    def _dpi_changed(self, value: float) -> None:
        if self.app_settings is not None:
            self.app_settings.set_true_size_dpi_correction(value)
        self._update_true_scale()
        self.view.apply_zoom()

    def _note_title_edited(self, text: str) -> None:
        doc = self.feed.doc
        if doc is not None:
            doc.push(C.set_note_title(doc, doc.cover_id, text))

    def _title_cell_changed(self, item: QTableWidgetItem) -> None:
        cid = item.data(Qt.ItemDataRole.UserRole)
        if cid:
            self.feed.set_competitor_title(cid, item.text())

    # --- screenshots dropped on the dock become competitors (through the preview dialog) -----------
    def dragEnterEvent(self, event) -> None:
        if dropped_images(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if dropped_images(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = dropped_images(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.screenshots_dropped.emit(paths)

    def use_sample(self) -> None:
        self.feed.use_sample_shelf()

    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = self.app_settings.last_folder() if self.app_settings is not None else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of competitor covers"), start)
        if folder:
            self.import_folder(folder)

    def import_folder(self, folder: str) -> list[str]:
        """Import; problems are shown in the dock's warning line, never in a blocking box."""
        from xhscover.errors import XhsError

        try:
            return self.feed.import_folder(folder)
        except XhsError as exc:
            self.feed.warnings = [str(exc)]
            self.fill_competitors()
            return [str(exc)]


SCREENSHOT_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def dropped_images(mime) -> list[str]:
    """Local image files in a drag's data (screenshots to import), in the order dragged."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.lower().endswith(SCREENSHOT_SUFFIXES)]
