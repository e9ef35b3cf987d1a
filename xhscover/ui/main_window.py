"""Main window: start page or editor (variants bar + canvas, layers and properties docks), menus, files.

Thin: the work is in `xhscover.editing` (document, commands, autosave, export) and the renderer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xhscover.editing import commands as C
from xhscover.editing import thumbnails
from xhscover.editing.align import align, distribute
from xhscover.editing.autosave import Autosaver
from xhscover.editing.document import EditorDocument
from xhscover.editing.exporting import ExportOptions, export_covers
from xhscover.editing.feedstate import FeedController
from xhscover.editing.geometry import bounds as layer_bounds
from xhscover.editing.names import default_stem
from xhscover.editing.rendering import render_notices
from xhscover.editing.scoring import LiveScore
from xhscover.editing.settings import Settings
from xhscover.errors import XhsError
from xhscover.model.cover import Cover, canvas_size
from xhscover.model.layers import TextLayer
from xhscover.model.layouts import get_layout
from xhscover.model.project import Project
from xhscover.model.styles import Stroke
from xhscover.ui import actions, dialogs
from xhscover.ui.canvas import CoverCanvas
from xhscover.ui.export_dialog import ExportDialog
from xhscover.ui.feed_dock import FeedDock
from xhscover.ui.language import ui_language
from xhscover.ui.layers_panel import LayersPanel
from xhscover.ui.properties_panel import PropertiesPanel
from xhscover.ui.score_panel import ScorePanel
from xhscover.ui.start_page import StartPage
from xhscover.ui.suggest_link import SuggestLink
from xhscover.ui.variants_bar import VariantsBar

log = logging.getLogger(__name__)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".heic"}


class PageStack(QStackedWidget):
    """Start page or editor, sized by the page shown: the start page's gallery must not make the
    editor (with its docks) need a wider window than a 1280-pixel screen, nor the other way round."""

    def sizeHint(self) -> QSize:
        w = self.currentWidget()
        return w.sizeHint() if w is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        w = self.currentWidget()
        return w.minimumSizeHint() if w is not None else super().minimumSizeHint()


class MainWindow(QMainWindow):
    document_changed = Signal()
    auto_score = True  # live attention scoring (tests that do not look at scores turn it off)

    def __init__(self, settings: Settings | None = None, autosaver: Autosaver | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.autosaver = autosaver
        self.doc: EditorDocument | None = None
        self.setAcceptDrops(True)
        self.resize(1360, 880)
        self.stack = PageStack()
        self.start = StartPage()
        self.start.layout_chosen.connect(self.new_from_layout)
        self.start.open_requested.connect(self.open_path)
        self.start.open_dialog_requested.connect(self.open_dialog)
        self.start.blank_requested.connect(self.new_blank)
        self.canvas = CoverCanvas()
        self.variants = VariantsBar()
        editor = QWidget()
        ev = QVBoxLayout(editor)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.setSpacing(0)
        ev.addWidget(self.variants)
        ev.addWidget(self.canvas, 1)
        self.editor = editor
        self.stack.addWidget(self.start)
        self.stack.addWidget(editor)
        self.setCentralWidget(self.stack)
        self.layers = LayersPanel()
        self.props = PropertiesPanel(canvas=self.canvas, settings=self.settings)
        self.layers_dock = self._dock(self.tr("Layers"), self.layers, Qt.DockWidgetArea.LeftDockWidgetArea, "layers")
        self.props_dock = self._dock(self.tr("Properties"), self.props, Qt.DockWidgetArea.RightDockWidgetArea,
                                     "properties")
        self.feed = FeedController(parent=self)
        self.feed_panel = FeedDock(self.feed, self.settings)
        self.feed_dock = self._dock(self.tr("Feed"), self.feed_panel, Qt.DockWidgetArea.RightDockWidgetArea, "feed")
        self.feed_panel.screenshots_dropped.connect(self.import_screenshots)
        self.splitDockWidget(self.props_dock, self.feed_dock, Qt.Orientation.Horizontal)
        self.score_panel = ScorePanel()
        self.score_dock = self._dock(self.tr("Attention score"), self.score_panel,
                                     Qt.DockWidgetArea.LeftDockWidgetArea, "score")
        self.splitDockWidget(self.layers_dock, self.score_dock, Qt.Orientation.Vertical)
        self._docks_sized = False
        self._dock_shown: dict[str, bool] = {}
        self.live_score = LiveScore(self.feed, parent=self)
        self.live_score.worker.result.connect(self._score_result)
        self.live_score.worker.busy_changed.connect(self.score_panel.set_busy)
        self.suggest = SuggestLink(self.score_panel, self.live_score, self.feed, self.canvas, self)
        self.score_dock.visibilityChanged.connect(lambda _v: self._update_scoring_enabled())
        self.feed.settings_changed.connect(self._update_scoring_enabled)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.canvas.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        self.canvas.problem.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        render_notices().posted.connect(self.show_notices)  # what the renderer drew a placeholder for
        self.recent_menu: QMenu
        self.shapes_menu: QMenu
        self.shape_btn: QToolButton
        self.toolbar: QToolBar
        self.action_map = actions.install(self)
        geo = self.settings.geometry()
        if geo is not None:
            self.restoreGeometry(geo)
        self.start.set_recent(self.settings.recent_files())
        self.show_start()

    def _dock(self, title: str, widget: QWidget, area, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # closable: Qt greys out a dock's View-menu toggle unless the dock can be closed
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    # --- actions (declared in xhscover.ui.actions) ---------------------------------------------------
    def action(self, action_id: str) -> QAction:
        return self.action_map[action_id]

    def docks(self) -> list[QDockWidget]:
        """The editor's docks, in View-menu order."""
        return [self.layers_dock, self.props_dock, self.feed_dock, self.score_dock]

    def undo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.undo()

    def redo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.redo()

    def show_notices(self, texts: list[str]) -> None:
        """Say in the status bar what the renderer skipped (a damaged photo, an unknown sticker)."""
        self.statusBar().showMessage("⚠ " + " · ".join(texts), 15000)

    def set_language(self, code: str) -> None:
        self.settings.set_language(code)
        dialogs.notify_info(self, self.tr("Language"), self.tr("The language changes the next time xhscover starts."))

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        for f in self.settings.recent_files():
            self.recent_menu.addAction(f, lambda f=f: self.open_path(f))  # type: ignore[misc]  # bound per item
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _update_actions(self) -> None:
        has = self.doc is not None
        for a in self.action_map.values():
            if a.property("editor_only"):
                a.setEnabled(has)
        for dock in self.docks():  # the docks belong to the editor, not the start page
            dock.toggleViewAction().setEnabled(has)
        self.shape_btn.setEnabled(has)

    # --- document switching ------------------------------------------------------------------------
    def set_document(self, doc: EditorDocument | None) -> None:
        old = self.doc
        if old is not None:
            try:
                old.clean_changed.disconnect(self._update_title)
                old.path_changed.disconnect(self._update_title)
            except (RuntimeError, TypeError):
                pass
        self.doc = doc
        self.canvas.set_document(doc)
        self.layers.set_document(doc)
        self.props.set_document(doc)
        self.variants.set_document(doc)
        self.feed.set_document(doc)
        self.live_score.set_document(doc)
        self.suggest.set_document(doc)
        if doc is None:
            self.live_score.worker.cancel()
        if self.autosaver is not None:
            self.autosaver.set_document(doc)
        if doc is not None:
            doc.setParent(self)
            doc.clean_changed.connect(self._update_title)
            doc.path_changed.connect(self._update_title)
            self.stack.setCurrentWidget(self.editor)
            self.stack.updateGeometry()
            for dock in self.docks():  # as the user left them (all shown the first time)
                dock.setVisible(self._dock_shown.get(dock.objectName(), True))
            if not self._docks_sized:
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, self.size_docks)
            self.canvas.setFocus()
            self.canvas.fit()
        else:
            self.show_start()
        if old is not None and old is not doc:
            old.deleteLater()
        self._update_title()
        self._update_actions()
        self.document_changed.emit()

    def show_start(self) -> None:
        if self.stack.currentWidget() is self.editor:
            self._dock_shown = {d.objectName(): d.isVisible() for d in self.docks()}
        for dock in self.docks():  # first: the start page must not be laid out beside the docks
            dock.hide()
        self.stack.setCurrentWidget(self.start)
        self.stack.updateGeometry()
        self.zoom_label.clear()  # the canvas zoom means nothing on the start page
        self.start.set_recent(self.settings.recent_files())
        self._update_title()
        self._update_actions()

    def show_start_checked(self) -> None:
        if self.maybe_save():
            self.set_document(None)

    def _update_title(self, *_a) -> None:
        if self.doc is None:
            self.setWindowTitle("xhscover")
            self.setWindowModified(False)
            return
        name = self.doc.path.name if self.doc.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — xhscover")
        self.setWindowModified(self.doc.is_modified())

    # --- file flows -----------------------------------------------------------------------------------
    def new_from_layout(self, layout_id: str, ratio: str = "3:4") -> None:
        if not self.maybe_save():
            return
        try:
            doc = EditorDocument.from_layout(get_layout(layout_id), ratio)
        except XhsError as exc:
            dialogs.notify_error(self, self.tr("Cannot use this layout"), str(exc))
            return
        self.set_document(doc)

    def new_blank(self, ratio: str = "3:4") -> None:
        if not self.maybe_save():
            return
        w, h = canvas_size(ratio)
        self.set_document(EditorDocument(Project(covers=[Cover(ratio=ratio, width=w, height=h)])))

    def open_dialog(self) -> None:
        path = dialogs.ask_open_project(self, self.settings.last_folder())
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        try:
            doc = EditorDocument.open(path)
        except XhsError as exc:
            dialogs.notify_error(self, self.tr("Cannot open the project"), str(exc))
            if not Path(path).exists():
                self.settings.remove_recent_file(str(path))
                self.start.set_recent(self.settings.recent_files())
            return False
        log.info("opened %s", doc.path)
        self._remember(doc.path, doc.project)
        self.set_document(doc)
        return True

    def _remember(self, path: Path | None, project: Project) -> None:
        """A file opened or saved: first in the recent list, its folder next time, its thumbnail cached."""
        if path is None:
            return
        self.settings.add_recent_file(str(Path(path).resolve()))
        self.settings.set_last_folder(str(Path(path).resolve().parent))
        thumbnails.remember(project, path)

    def default_stem(self) -> str:
        """The saved file's name until the user picks one: the note title, else the cover's title
        text, never the layout's name (which every cover made from that layout shares)."""
        if self.doc is None:
            return self.tr("cover")
        if self.doc.path is not None:
            return self.doc.path.stem
        cover = self.doc.cover
        title = next((t.text for t in cover.text_layers() if t.role == "title"), "")
        return default_stem(cover.note_title, title, self.tr("cover"))

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        suggested = str(Path(self.settings.last_folder() or Path.home()) / f"{self.default_stem()}.xhscover")
        path = dialogs.ask_save_project(self, suggested)
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        self.canvas.commit_text_edit()
        try:
            self.doc.save(path)
        except (XhsError, OSError) as exc:
            dialogs.notify_error(self, self.tr("Could not save"), str(exc))
            return False
        log.info("saved %s", path)
        self._remember(self.doc.path, self.doc.project)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path.name), 4000)
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or nothing to lose)."""
        if self.doc is None or not self.doc.is_modified():
            return True
        name = self.doc.path.name if self.doc.path else self.tr("Untitled")
        answer = dialogs.ask_save_changes(self, name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def close_project(self) -> None:
        if self.maybe_save():
            self.set_document(None)

    def export(self) -> list[Path]:
        if self.doc is None:
            return []
        c = self.doc.cover
        dlg = ExportDialog(c.width, c.height, len(self.doc.project.covers), self)
        if dlg.exec() != ExportDialog.DialogCode.Accepted:
            return []
        opts = dlg.options()
        stem = self.default_stem()
        folder = self.settings.last_folder() or str(Path.home())
        target = dialogs.ask_export_target(self, folder if opts.all_variants else
                                           str(Path(folder) / f"{stem}-{c.id}.{opts.fmt}"), opts.all_variants)
        if not target:
            return []
        return self.export_to(target, opts)

    def export_to(self, target: str | Path, opts: ExportOptions) -> list[Path]:
        try:
            written = export_covers(self.doc.project, self.doc.cover_id, target, opts)
        except (XhsError, OSError) as exc:
            dialogs.notify_error(self, self.tr("Could not export"), str(exc))
            return []
        self.statusBar().showMessage(self.tr("Exported {0} file(s)").format(len(written)), 5000)
        return written

    # --- editing helpers --------------------------------------------------------------------------------
    def _ensure_doc(self) -> EditorDocument:
        if self.doc is None:
            self.new_blank("3:4")
        return self.doc

    def add_text(self) -> None:
        doc = self._ensure_doc()
        c = doc.cover
        lay = TextLayer(id=c.new_layer_id("text"), name=self.tr("Text"), x=c.width * 0.1, y=c.height * 0.42,
                        w=c.width * 0.8, h=c.height * 0.16, text=self.tr("Double-click to edit"))
        lay.style.strokes = [Stroke("#FFFFFF", 10)]
        doc.push(C.add_layer(doc, lay))

    def add_image_dialog(self) -> None:
        files = dialogs.ask_image_files(self, self.settings.last_folder())
        self.add_images(files)

    def add_images(self, paths: list[str]) -> int:
        """Import image files as layers; bad files get one clear message, good ones are still added."""
        doc = self._ensure_doc()
        keys, errors = [], []
        for p in paths:  # import first: a bad file leaves no half-made undo step behind
            try:
                keys.append(doc.store.add_file(p))
            except XhsError as exc:
                errors.append(str(exc))
        if keys:
            doc.undo_stack.beginMacro(self.tr("Add images"))
            for key in keys:
                doc.push(C.add_layer(doc, C.new_image_layer(doc, key)))
            doc.undo_stack.endMacro()
        added = len(keys)
        if errors:
            dialogs.notify_error(self, self.tr("Some images could not be added"), "\n".join(errors))
        return added

    def paste(self) -> bool:
        img = QGuiApplication.clipboard().image()
        if img.isNull():
            return False
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        img.save(buf, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
        buf.close()
        doc = self._ensure_doc()
        try:
            key = doc.store.add_bytes(data.data(), "clipboard.png")
        except XhsError as exc:
            dialogs.notify_error(self, self.tr("Cannot paste"), str(exc))
            return False
        doc.push(C.add_layer(doc, C.new_image_layer(doc, key)))
        return True

    def select_all(self) -> None:
        if self.doc:
            self.doc.set_selection([lay.id for lay in self.doc.cover.layers if lay.visible and not lay.locked])

    def align(self, mode: str) -> None:
        doc = self.doc
        sel = [lay for lay in doc.selected_layers() if not lay.locked] if doc else []
        if not sel:
            return
        canvas = (doc.cover.width, doc.cover.height) if len(sel) == 1 else None
        rects = [layer_bounds(lay) for lay in sel]
        self._apply_rects(sel, rects, align(rects, mode, canvas), self.tr("Align"))

    def distribute(self, axis: str) -> None:
        doc = self.doc
        sel = [lay for lay in doc.selected_layers() if not lay.locked] if doc else []
        if len(sel) < 3:
            return
        rects = [layer_bounds(lay) for lay in sel]
        self._apply_rects(sel, rects, distribute(rects, axis), self.tr("Distribute"))

    def _apply_rects(self, layers, old, new, text: str) -> None:
        changes = {lay.id: {"x": lay.x + n[0] - o[0], "y": lay.y + n[1] - o[1]}
                   for lay, o, n in zip(layers, old, new, strict=True)}
        self.doc.push(C.SetProps(self.doc, changes, text))

    def add_shape(self, kind: str) -> None:
        doc = self._ensure_doc()
        doc.push(C.add_layer(doc, C.new_shape_layer(doc, kind)))

    def add_sticker(self, sticker_id: str = "", emoji: str = "") -> bool:
        if not sticker_id and not emoji:
            return False
        doc = self._ensure_doc()
        doc.push(C.add_layer(doc, C.new_sticker_layer(doc, sticker_id=sticker_id, emoji=emoji)))
        return True

    def add_sticker_dialog(self) -> None:

        from xhscover.ui.sticker_picker import StickerPicker

        dlg = StickerPicker(ui_language(), self)
        if dlg.exec() == StickerPicker.DialogCode.Accepted:
            self.add_sticker(*dlg.choice())

    def toggle_canvas_heatmap(self, on: bool) -> None:
        self.canvas.set_heatmap(bool(on))

    def import_screenshots_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Screenshots of the feed or search results"), self.settings.last_folder() or "",
            self.tr("Screenshots (*.png *.jpg *.jpeg *.webp)"))
        if paths:
            self.import_screenshots(paths)

    def import_screenshots(self, paths: list[str]) -> int:
        """Read screenshots into competitor cards: a preview to check and edit, then 导入."""
        from xhscover.ui.shelf_import_dialog import ShelfImportDialog

        self._ensure_doc()
        self.settings.set_last_folder(str(Path(paths[0]).parent))
        self.shelf_dialog = ShelfImportDialog(self.feed, paths, self)
        self.shelf_dialog.setModal(True)
        self.shelf_dialog.show()
        return len(paths)

    def export_feed_dialog(self) -> None:
        if self.doc is None:
            return
        from PySide6.QtWidgets import QFileDialog

        stem = self.default_stem()
        start = str(Path(self.settings.last_folder() or Path.home()) / f"{stem}-feed.png")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export feed"), start, self.tr("PNG image (*.png)"))
        if path:
            self.export_feed_to(path)

    def export_feed_to(self, path: str | Path) -> tuple[Path, Path] | None:
        """The feed as the dock shows it (whole scroll, first screen marked) + its JSON description."""
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        try:
            written = self.feed.export(path)
        except (XhsError, OSError) as exc:
            dialogs.notify_error(self, self.tr("Could not export"), str(exc))
            return None
        self.statusBar().showMessage(self.tr("Exported {0} and {1}").format(written[0].name, written[1].name), 5000)
        return written

    def size_docks(self) -> None:
        """First editor show: layer tools on one row, a narrow properties dock, the feed wide enough
        to read its cards; at 1280 px the canvas keeps about 400 px in either language."""
        self._docks_sized = True
        w = self.width()
        self.resizeDocks([self.layers_dock, self.props_dock, self.feed_dock],
                         [262, self.props.minimumWidth(), min(420, max(320, int(w * 0.26)))],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.layers_dock, self.score_dock], [260, max(300, self.height() - 400)],
                         Qt.Orientation.Vertical)

    def _update_scoring_enabled(self) -> None:
        on = self.auto_score and (self.score_dock.isVisible() or self.feed.settings.heatmap)
        self.live_score.set_enabled(on)

    def _score_result(self, res) -> None:
        self.score_panel.show_result(res)
        if res.screen is not None:
            self.feed_panel.set_screen(res.screen)

    def toggle_safe_area(self, on: bool) -> None:
        self.canvas.show_safe_area = bool(on)
        self.canvas.overlay_update()

    # --- drag and drop ----------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        md = event.mimeData()
        paths = [u.toLocalFile() for u in md.urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.handle_dropped_paths(paths)

    def handle_dropped_paths(self, paths: list[str]) -> None:
        projects = [p for p in paths if p.lower().endswith(".xhscover")]
        if projects:
            self.open_path(projects[0])
            return
        images = [p for p in paths if Path(p).suffix.lower() in IMAGE_SUFFIXES or Path(p).suffix == ""]
        others = [p for p in paths if p not in images]
        if images:
            self.add_images(images)
        if others:
            dialogs.notify_error(self, self.tr("Cannot open"),
                                 self.tr("Not an image or an xhscover project:") + "\n" + "\n".join(others))

    # --- closing ------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.canvas.commit_text_edit()
        if not self.maybe_save():
            event.ignore()
            return
        self.live_score.set_enabled(False)
        self.live_score.worker.cancel()
        self.suggest.worker.cancel()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        if self.autosaver is not None:
            self.autosaver.finish_clean()
        event.accept()
