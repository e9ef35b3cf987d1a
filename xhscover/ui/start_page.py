"""Start page: a gallery of bundled layouts with real thumbnails (rendered lazily by the engine and
cached on disk), filtered by genre and ratio, a Create button for the chosen one (double-click works
too), and recent projects with thumbnails of their first cover."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from xhscover.editing import rendering, thumbnails
from xhscover.editing.paths import user_data_dir
from xhscover.errors import XhsError
from xhscover.model.images import ImageStore
from xhscover.model.layouts import GENRES, Layout, build_cover, bundled_layouts
from xhscover.paths import assets_dir
from xhscover.ui.language import is_english

log = logging.getLogger(__name__)
LAYOUT_ROLE = Qt.ItemDataRole.UserRole
THUMB_W = 180
RECENT_W = 54  # recent-project thumbnails, drawn at thumbnails.THUMB_W and shown this wide
THUMB_CACHE: dict[tuple[str, str], QImage] = {}


def genre_name(genre: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "big-title": "Big title", "photo-title": "Photo + title", "collage": "Collage", "compare": "Compare",
        "list": "List", "tutorial": "Tutorial", "product": "Product", "place": "Place", "plog": "Plog",
        "knowledge": "Knowledge", "quote": "Quote", "other": "Other",
    }
    return QCoreApplication.translate("genres", names.get(genre, genre))


def _cache_file(layout: Layout, ratio: str) -> Path | None:
    try:
        src = Path(layout.source)
        from xhscover.model.layouts import layouts_dir

        p = layouts_dir() / src.name
        fonts = assets_dir() / "fonts" / "fonts.json"
        stamp = (f"{layout.id}|{ratio}|{p.stat().st_mtime_ns if p.exists() else 0}|"
                 f"{fonts.stat().st_mtime_ns if fonts.exists() else 0}|{THUMB_W}|v1")
        d = user_data_dir() / "thumbs"
        d.mkdir(parents=True, exist_ok=True)
        return d / (hashlib.sha1(stamp.encode()).hexdigest()[:20] + ".png")
    except OSError:
        return None


def layout_thumbnail(layout: Layout, ratio: str) -> QImage:
    """Rendered by the real renderer; memory and disk cached (keyed by the layout file's mtime)."""
    key = (layout.id, ratio)
    if key in THUMB_CACHE:
        return THUMB_CACHE[key]
    cache = _cache_file(layout, ratio)
    img = QImage(str(cache)) if cache and cache.exists() else QImage()
    if img.isNull():
        cover = build_cover(layout, ratio)
        img = rendering.render(cover, ImageStore(), scale=THUMB_W / cover.width)
        if cache:
            img.save(str(cache), None)  # PNG, from the suffix
    THUMB_CACHE[key] = img
    return img


class StartPage(QWidget):
    layout_chosen = Signal(str, str)  # layout id, ratio
    open_requested = Signal(str)
    open_dialog_requested = Signal()
    blank_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = QLabel()
        self.problem.setObjectName("startProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B35C00;")
        self.problem.hide()
        try:
            self.layouts = list(bundled_layouts())
        except XhsError as exc:  # a broken layout file must not keep the app from starting: say which
            log.error("bundled layouts: %s", exc)
            self.layouts = []
            self._say(str(exc))
        title = QLabel(self.tr("New cover from a layout"))
        title.setStyleSheet("font-size:20px; font-weight:600;")
        self.ratio = QComboBox()
        self.ratio.setObjectName("ratioFilter")
        for r, label in (("3:4", self.tr("3:4 portrait")), ("1:1", self.tr("1:1 square")),
                         ("4:3", self.tr("4:3 landscape"))):
            self.ratio.addItem(label, r)
        self.ratio.currentIndexChanged.connect(self.populate)
        self.genres = QTabBar()
        self.genres.setObjectName("genreTabs")
        self.genres.setDrawBase(False)
        self.genres.setExpanding(False)
        self.genres.setUsesScrollButtons(True)  # many genres must not force a wide window
        self.genres.setElideMode(Qt.TextElideMode.ElideNone)
        self.genres.addTab(self.tr("All"))
        self.genres.setTabData(0, "")
        present = [g for g in GENRES if any(lay.genre == g for lay in self.layouts)]
        for g in present:
            self.genres.setTabData(self.genres.addTab(genre_name(g)), g)
        self.genres.currentChanged.connect(self.populate)
        self.create_btn = QPushButton(self.tr("Create"))
        self.create_btn.setObjectName("createButton")
        self.create_btn.setDefault(True)
        self.create_btn.setToolTip(self.tr("New cover from the chosen layout (or double-click it)"))
        self.create_btn.setStyleSheet("QPushButton { background: #FF2442; color: white; font-weight: 600;"
                                      " padding: 5px 22px; border-radius: 4px; }"
                                      " QPushButton:disabled { background: #E0A0AA; }")
        self.create_btn.clicked.connect(self.create_chosen)
        self.gallery = QListWidget()
        self.gallery.setObjectName("layoutGallery")
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setIconSize(QSize(THUMB_W, round(THUMB_W * 4 / 3)))
        self.gallery.setGridSize(QSize(THUMB_W + 28, round(THUMB_W * 4 / 3) + 48))
        self.gallery.setSpacing(6)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setWordWrap(True)
        self.gallery.itemDoubleClicked.connect(self._chosen)
        self.gallery.itemActivated.connect(self._chosen)
        self.gallery.currentItemChanged.connect(lambda cur, _prev: self.create_btn.setEnabled(cur is not None))
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setMaximumWidth(280)
        self.recent.setIconSize(QSize(RECENT_W, round(RECENT_W * 4 / 3)))
        self.recent.setSpacing(2)
        self.recent.setWordWrap(True)
        self.recent.itemDoubleClicked.connect(self._open_recent)
        self.recent.itemActivated.connect(self._open_recent)
        open_btn = QPushButton(self.tr("Open project…"))
        open_btn.clicked.connect(self.open_dialog_requested)
        blank_btn = QPushButton(self.tr("Blank cover"))
        blank_btn.clicked.connect(lambda: self.blank_requested.emit(self.ratio.currentData()))
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Recent projects")))
        side.addWidget(self.recent, 1)
        side.addWidget(open_btn)
        side.addWidget(blank_btn)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Ratio")))
        top.addWidget(self.ratio)
        top.addWidget(self.create_btn)
        main = QVBoxLayout()
        main.addWidget(self.problem)
        main.addLayout(top)
        main.addWidget(self.genres)
        main.addWidget(self.gallery, 1)
        outer = QHBoxLayout(self)
        outer.addLayout(main, 1)
        outer.addLayout(side)
        self._pending: list[QListWidgetItem] = []
        self._pending_recent: list[QListWidgetItem] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_next)
        self._placeholder = self._make_placeholder()
        self.populate()

    def _make_placeholder(self, width: int = THUMB_W) -> QIcon:
        pm = QPixmap(width, round(width * 4 / 3))
        pm.fill(QColor("#EEEEEE"))
        return QIcon(pm)

    def _say(self, message: str) -> None:
        self.problem.setText("⚠ " + message)
        self.problem.show()

    def set_recent(self, files: list[str]) -> None:
        """One row per recent project: name, folder, and a thumbnail of its first cover (drawn
        lazily, like the layout gallery; a file that cannot be opened says why in its tooltip)."""
        self.recent.clear()
        self._pending_recent = []
        placeholder = self._make_placeholder(RECENT_W)
        for f in files:
            p = Path(f)
            item = QListWidgetItem(f"{p.stem}\n{p.parent.name or p.parent}")
            item.setToolTip(f)
            item.setData(LAYOUT_ROLE, f)
            img = thumbnails.cached(f)
            item.setIcon(QIcon(QPixmap.fromImage(img)) if img is not None else placeholder)
            if img is None:
                self._pending_recent.append(item)
            self.recent.addItem(item)
        if self._pending_recent:
            self._timer.start()

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(LAYOUT_ROLE))

    def _render_recent(self, item: QListWidgetItem) -> None:
        path = item.data(LAYOUT_ROLE)
        try:
            item.setIcon(QIcon(QPixmap.fromImage(thumbnails.thumbnail(path))))
        except XhsError as exc:  # damaged or from a newer version: the row stays, and says why
            item.setToolTip(f"{path}\n{exc}")
            item.setForeground(QColor("#B35C00"))
        except OSError as exc:  # moved or deleted since it was opened
            item.setToolTip(f"{path}\n{exc.strerror or exc}")
            item.setForeground(QColor("#999999"))

    def populate(self, *_a) -> None:
        ratio = self.ratio.currentData()
        genre = self.genres.tabData(self.genres.currentIndex()) or ""
        self.gallery.clear()
        self._pending = []
        zh = not is_english()
        for lay in self.layouts:
            if genre and lay.genre != genre:
                continue
            item = QListWidgetItem(lay.name_zh if zh else lay.name_en)
            item.setData(LAYOUT_ROLE, lay.id)
            item.setToolTip(f"{lay.id} · {genre_name(lay.genre)}")
            key = (lay.id, ratio)
            item.setIcon(QIcon(QPixmap.fromImage(THUMB_CACHE[key])) if key in THUMB_CACHE else self._placeholder)
            if key not in THUMB_CACHE:
                self._pending.append(item)
            self.gallery.addItem(item)
        if self.gallery.count():
            self.gallery.setCurrentRow(0)  # Create works at once; arrows and a click choose another
        self.create_btn.setEnabled(self.gallery.currentItem() is not None)
        if self._pending:
            self._timer.start()

    def _render_next(self) -> None:
        """One thumbnail per event-loop turn: the window stays responsive while the lists fill."""
        ratio = self.ratio.currentData()
        if self._pending:
            item = self._pending.pop(0)
            lay = next(lay for lay in self.layouts if lay.id == item.data(LAYOUT_ROLE))
            try:
                item.setIcon(QIcon(QPixmap.fromImage(layout_thumbnail(lay, ratio))))
            except XhsError as exc:  # a layout that fails to render keeps the placeholder, and says why
                log.error("layout %s: %s", lay.id, exc)
                item.setToolTip(f"{lay.id}: {exc}")
            return
        if self._pending_recent:
            self._render_recent(self._pending_recent.pop(0))
            return
        self._timer.stop()

    def render_all_now(self) -> None:
        while self._pending or self._pending_recent:
            self._render_next()
        self._timer.stop()

    def create_chosen(self) -> None:
        """The Create button: a new cover from the chosen layout at the chosen ratio."""
        item = self.gallery.currentItem()
        if item is not None:
            self._chosen(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.layout_chosen.emit(item.data(LAYOUT_ROLE), self.ratio.currentData())
