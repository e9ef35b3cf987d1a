"""Every command of the main window, declared once: its text, keys, place in the menus and toolbar,
and the window method it runs. `install` turns the table into QActions, menus and the toolbar.

One row per action keeps a key, a menu place or an access key a one-line change, and lets tests
read the whole table (no two actions may share a key; access keys are unique in every menu, in
both languages). The pattern of napari's `_app_model/actions`, without the framework: a row names
its handler as a dotted path on the window ("canvas.fit", "layers.delete") plus fixed arguments.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

if TYPE_CHECKING:
    from xhscover.ui.main_window import MainWindow

log = logging.getLogger(__name__)
K = QKeySequence.StandardKey
Key = str | QKeySequence.StandardKey
Scope = Literal["window", "canvas", "canvas+layers"]
CONTEXT = "MainWindow"  # the translation context of every text below (make_ts.py collects them: `texts()`)


@dataclass(frozen=True)
class Act:
    """One command. `menu` is a menu id from MENUS ('' = no menu); `sep` puts a separator before
    it in its menu; `toolbar` is its toolbar group (None = not on the toolbar; a new group starts
    after a separator). `scope` 'canvas' keys fire only while the canvas (or, for 'canvas+layers',
    the layers list) has focus, so typing T or Delete in a text field does not edit the cover."""

    id: str
    text: str
    run: str
    keys: tuple[Key, ...] = ()
    args: tuple[Any, ...] = ()
    menu: str = ""
    sep: bool = False
    toolbar: int | None = None
    editor_only: bool = True
    checkable: bool = False
    scope: Scope = "window"
    tip: str = ""


# menu id -> (title, parent menu id; '' = the menu bar). Order = order in the menu bar.
MENUS: dict[str, tuple[str, str]] = {
    "file": ("&File", ""),
    "edit": ("&Edit", ""),
    "insert": ("&Insert", ""),
    "shape": ("S&hape", "insert"),
    "arrange": ("&Arrange", ""),
    "view": ("&View", ""),
    "competitors": ("Co&mpetitors", ""),
}

ACTIONS: tuple[Act, ...] = (
    Act("new", "&New…", "show_start_checked", (K.New,), menu="file", toolbar=0, editor_only=False),
    Act("open", "&Open…", "open_dialog", (K.Open,), menu="file", toolbar=0, editor_only=False),
    Act("save", "&Save", "save", (K.Save,), menu="file", toolbar=0),
    Act("save_as", "Save &As…", "save_as", ("Ctrl+Shift+S",), menu="file"),
    Act("export", "&Export…", "export", ("Ctrl+E",), menu="file", toolbar=0),
    Act("export_feed", "Export &feed…", "export_feed_dialog", ("Ctrl+Shift+E",), menu="file"),
    Act("close", "&Close project", "close_project", (K.Close,), menu="file"),
    Act("quit", "&Quit", "close", (K.Quit,), menu="file", sep=True, editor_only=False),
    Act("undo", "&Undo", "undo", (K.Undo,), menu="edit", toolbar=1),
    # Ctrl+Shift+Z (Linux, macOS) and Ctrl+Y (Windows) both redo, whatever the platform's standard key
    Act("redo", "&Redo", "redo", (K.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), menu="edit", toolbar=1),
    Act("paste", "&Paste image", "paste", (K.Paste,), menu="edit", sep=True, scope="canvas"),
    Act("duplicate", "Dupli&cate", "layers.duplicate", ("Ctrl+D",), menu="edit"),
    Act("delete", "&Delete", "layers.delete", (K.Delete, "Backspace"), menu="edit",
        scope="canvas+layers"),
    Act("group", "&Group / ungroup", "layers.toggle_group", ("Ctrl+G",), menu="edit"),
    Act("select_all", "Select &all", "select_all", (K.SelectAll,), menu="edit", scope="canvas"),
    Act("add_text", "Add &text", "add_text", ("T",), menu="insert", toolbar=2, scope="canvas"),
    Act("add_image", "Add &image…", "add_image_dialog", ("Ctrl+Shift+I",), menu="insert", toolbar=2),
    Act("shape_rect", "&Rectangle", "add_shape", args=("rect",), menu="shape"),
    Act("shape_rounded_rect", "R&ounded rectangle", "add_shape", args=("rounded_rect",), menu="shape"),
    Act("shape_ellipse", "&Ellipse", "add_shape", args=("ellipse",), menu="shape"),
    Act("shape_line", "&Line", "add_shape", args=("line",), menu="shape"),
    Act("shape_arrow", "&Arrow", "add_shape", args=("arrow",), menu="shape"),
    Act("sticker", "&Sticker…", "add_sticker_dialog", ("Ctrl+Shift+K",), menu="insert", toolbar=2),
    Act("align_left", "Align &left", "align", args=("left",), menu="arrange"),
    Act("align_hcenter", "Align &centre", "align", args=("hcenter",), menu="arrange"),
    Act("align_right", "Align &right", "align", args=("right",), menu="arrange"),
    Act("align_top", "Align &top", "align", args=("top",), menu="arrange"),
    Act("align_vcenter", "Align &middle", "align", args=("vcenter",), menu="arrange"),
    Act("align_bottom", "Align &bottom", "align", args=("bottom",), menu="arrange"),
    Act("distribute_h", "Distribute &horizontally", "distribute", args=("h",), menu="arrange",
        sep=True),
    Act("distribute_v", "Distribute &vertically", "distribute", args=("v",), menu="arrange"),
    Act("forward", "Bring &forward", "layers.move_selected", ("Ctrl+]",), args=(1,), menu="arrange",
        sep=True),
    Act("backward", "Send bac&kward", "layers.move_selected", ("Ctrl+[",), args=(-1,),
        menu="arrange"),
    Act("fit", "&Fit to window", "canvas.fit", ("Ctrl+0",), menu="view", toolbar=3),
    Act("zoom_100", "&Actual pixels (100%)", "canvas.set_zoom", ("Ctrl+1",), args=(1.0,), menu="view",
        toolbar=3),
    Act("zoom_in", "Zoom &in", "canvas.zoom_by", (K.ZoomIn,), args=(1.25,), menu="view"),
    Act("zoom_out", "Zoom &out", "canvas.zoom_by", (K.ZoomOut,), args=(0.8,), menu="view"),
    Act("safe_area", "&Safe area", "toggle_safe_area", ("Ctrl+;",), menu="view", toolbar=3,
        checkable=True),
    Act("heat_canvas", "&Heatmap on canvas", "toggle_canvas_heatmap", ("Ctrl+H",), menu="view",
        toolbar=3, checkable=True),
    Act("import_screenshots", "From &screenshots…", "import_screenshots_dialog", menu="competitors"),
    Act("import_folder", "From a &folder…", "feed_panel.import_dialog", menu="competitors"),
    Act("sample_shelf", "S&ample shelf", "feed_panel.use_sample", menu="competitors", sep=True),
) + tuple(
    Act(f"nudge_{name}_{step}", "", "canvas.nudge", (mod + key,), args=(dx * step, dy * step), scope="canvas")
    for key, name, dx, dy in (("Left", "left", -1, 0), ("Right", "right", 1, 0), ("Up", "up", 0, -1),
                              ("Down", "down", 0, 1))
    for mod, step in (("", 1), ("Shift+", 10))
)

TOOLBAR_SHAPE_AFTER = "add_image"  # the toolbar's Shape drop-down button follows this action

LANGUAGES = (("", "System"), ("zh_CN", "中文"), ("en", "English"))
OPEN_RECENT, LANGUAGE, TOOLBAR, SHAPE_BUTTON = "Open &recent", "Lan&guage", "Main", "Shape"
DOCK_TOGGLES = {"layers": "&Layers", "properties": "&Properties", "feed": "F&eed", "score": "Attention s&core"}
EXTRA_TEXTS = (OPEN_RECENT, LANGUAGE, TOOLBAR, SHAPE_BUTTON, *DOCK_TOGGLES.values())


def texts() -> list[str]:
    """Every translatable text of the table, for make_ts.py (lupdate cannot see texts in a table)."""
    out = [title for title, _parent in MENUS.values()] + [row.text for row in ACTIONS if row.text]
    out += [label for code, label in LANGUAGES if code == ""] + list(EXTRA_TEXTS)
    return list(dict.fromkeys(out))


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The keys of a row as distinct sequences: a standard key expands to the platform's bindings,
    and a sequence named twice is kept once (Qt calls two equal shortcuts on one action ambiguous
    and then runs neither)."""
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for k in keys:
        seqs = QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [QKeySequence(k)]
        for s in seqs:
            name = s.toString(QKeySequence.SequenceFormat.PortableText)
            if name and name not in seen:
                seen.add(name)
                out.append(s)
    return out


def resolve(win: MainWindow, run: str) -> Callable[..., Any]:
    """'canvas.fit' -> win.canvas.fit."""
    obj: Any = win
    for part in run.split("."):
        obj = getattr(obj, part)
    if not callable(obj):
        raise TypeError(f"action handler {run!r} is not callable")
    return obj


def _run(action_id: str, fn: Callable[..., Any], *args: Any) -> None:
    """Run an action's handler; logged, so a crash log lists the commands run just before."""
    log.info("action %s%s", action_id, f" {args[-1]}" if args and isinstance(args[-1], bool) else "")
    fn(*args)


def make_action(win: MainWindow, row: Act) -> QAction:
    a = QAction(tr(row.text) if row.text else "", win)
    a.setObjectName("action_" + row.id)
    a.setShortcuts(key_sequences(row.keys))
    a.setCheckable(row.checkable)
    if row.tip:
        a.setToolTip(tr(row.tip))
    a.setProperty("editor_only", row.editor_only)
    fn = resolve(win, row.run)
    if row.checkable:
        a.toggled.connect(lambda on, fn=fn, args=row.args, rid=row.id: _run(rid, fn, *args, bool(on)))
    else:
        a.triggered.connect(lambda _checked=False, fn=fn, args=row.args, rid=row.id: _run(rid, fn, *args))
    if row.scope == "window":
        win.addAction(a)
    else:
        a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        win.canvas.addAction(a)
        if row.scope == "canvas+layers":
            win.layers.list.addAction(a)
    return a


def install(win: MainWindow) -> dict[str, QAction]:
    """Build every action, the menus (with the recent-files, dock and language menus) and the toolbar."""
    actions = {row.id: make_action(win, row) for row in ACTIONS}
    menus: dict[str, QMenu] = {}
    for mid, (title, parent) in MENUS.items():
        menu = (menus[parent].addMenu(tr(title)) if parent else win.menuBar().addMenu(tr(title)))
        menu.setObjectName("menu_" + mid)
        menus[mid] = menu
    for row in ACTIONS:
        if not row.menu:
            continue
        menu = menus[row.menu]
        if row.sep and not menu.isEmpty():
            menu.addSeparator()
        if row.menu == "insert" and row.id == "sticker":  # the Shape submenu sits before Sticker
            menu.addMenu(menus["shape"])
        menu.addAction(actions[row.id])
        if row.id == "open":
            win.recent_menu = menu.addMenu(tr(OPEN_RECENT))
            win.recent_menu.setObjectName("menu_recent")
            win.recent_menu.aboutToShow.connect(win.fill_recent)
    _view_extras(win, menus["view"])
    win.shapes_menu = menus["shape"]
    win.toolbar = _toolbar(win, actions, menus["shape"])
    return actions


def _view_extras(win: MainWindow, view: QMenu) -> None:
    view.addSeparator()
    for dock in win.docks():
        toggle = dock.toggleViewAction()
        toggle.setText(tr(DOCK_TOGGLES[dock.objectName()]))  # with an access key, which the title bar must not show
        view.addAction(toggle)
    view.addSeparator()
    lang = view.addMenu(tr(LANGUAGE))
    lang.setObjectName("menu_language")
    group = QActionGroup(win)
    for code, label in LANGUAGES:
        a = lang.addAction(tr(label))
        a.setCheckable(True)
        a.setChecked(win.settings.language() == code)
        a.triggered.connect(lambda _=False, code=code: win.set_language(code))
        group.addAction(a)


def _toolbar(win: MainWindow, actions: dict[str, QAction], shapes: QMenu) -> QToolBar:
    tb = win.addToolBar(tr(TOOLBAR))
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    group: int | None = None
    for row in ACTIONS:
        if row.toolbar is None:
            continue
        if group is not None and row.toolbar != group:
            tb.addSeparator()
        group = row.toolbar
        tb.addAction(actions[row.id])
        if row.id == TOOLBAR_SHAPE_AFTER:
            win.shape_btn = shape_button(shapes, tb)
            tb.addWidget(win.shape_btn)
    return tb


def shape_button(shapes: QMenu, parent: QWidget) -> QToolButton:
    b = QToolButton(parent)
    b.setObjectName("shapeButton")
    b.setText(tr(SHAPE_BUTTON))
    b.setMenu(shapes)
    b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    return b
