"""The declarative actions table (xhscover.ui.actions): menus and toolbar come from it, no two
actions share a key, every menu has unique access keys in English and Chinese, the dock toggles
work, and Qt's own file dialog speaks Chinese in the Chinese UI."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLabel, QMenu

from tests.ui.panel_helpers import open_layout
from xhscover.ui import actions as A


def _access_key(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def _menus(win) -> list[tuple[str, list]]:
    """(name, actions) for the menu bar and every menu and submenu in it."""
    out = [("menubar", win.menuBar().actions())]
    todo = [a.menu() for a in win.menuBar().actions()]
    while todo:
        m = todo.pop()
        out.append((m.title(), m.actions()))
        todo += [a.menu() for a in m.actions() if isinstance(a.menu(), QMenu)]
    return out


def _assert_unique_access_keys(win) -> int:
    checked = 0
    for name, acts in _menus(win):
        keys = [_access_key(a.text()) for a in acts if not a.isSeparator() and a.isVisible()]
        keys = [k for k in keys if k]
        assert len(keys) == len(set(keys)), f"{name}: access keys {keys}"
        checked += len(keys)
    return checked


def test_table_builds_menus_and_toolbar(window):
    ids = {row.id for row in A.ACTIONS}
    assert set(window.action_map) == ids
    titles = [a.text() for a in window.menuBar().actions()]
    assert len(titles) == len(A.MENUS) - 1  # Shape is a submenu of Insert
    file_menu = window.menuBar().actions()[0].menu()
    assert window.recent_menu.menuAction() in file_menu.actions()
    tb = [a for a in window.toolbar.actions() if not a.isSeparator()]
    on_toolbar = [row.id for row in A.ACTIONS if row.toolbar is not None]
    assert [window.action(i) for i in on_toolbar] == [a for a in tb if a in window.action_map.values()]
    assert window.shape_btn.menu() is window.shapes_menu


def test_no_two_actions_share_a_key(window):
    """Qt runs neither of two actions bound to the same key in one scope ('Ambiguous shortcut')."""
    seen: dict[str, str] = {}
    for row in A.ACTIONS:
        for seq in window.action(row.id).shortcuts():
            name = seq.toString(QKeySequence.SequenceFormat.PortableText)
            assert name not in seen, f"{name} is bound to {seen.get(name)} and {row.id}"
            seen[name] = row.id
    redo = {s.toString(QKeySequence.SequenceFormat.PortableText) for s in window.action("redo").shortcuts()}
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= redo


def test_key_sequences_drop_duplicates():
    seqs = A.key_sequences((QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Shift+Ctrl+Z", "Ctrl+Y"))
    names = [s.toString(QKeySequence.SequenceFormat.PortableText) for s in seqs]
    assert len(names) == len(set(names)) and "Ctrl+Y" in names


def test_access_keys_unique_in_english(window):
    assert _assert_unique_access_keys(window) > 40


def test_access_keys_unique_in_chinese(qapp, user_dirs, errors):
    from xhscover.editing.settings import Settings
    from xhscover.ui.app import install_translations
    from xhscover.ui.main_window import MainWindow

    translators = install_translations(qapp, "zh_CN")
    try:
        win = MainWindow(Settings())
        assert win.action("undo").text() == "撤销(&U)" and win.action("duplicate").text() == "复制(&C)"
        assert _assert_unique_access_keys(win) > 40
        win.deleteLater()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("xhs_language", "en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_dock_toggles_enabled_in_the_editor(window):
    toggles = [d.toggleViewAction() for d in window.docks()]
    view = window.findChild(QMenu, "menu_view")
    assert all(t in view.actions() for t in toggles)
    assert not any(t.isEnabled() for t in toggles)  # start page: no docks to show
    open_layout(window)
    assert all(t.isEnabled() and t.isChecked() for t in toggles)
    toggles[2].trigger()
    assert not window.feed_dock.isVisible()
    window.close_project()
    open_layout(window)
    assert not window.feed_dock.isVisible() and window.layers_dock.isVisible()  # as the user left it
    toggles[2].trigger()
    assert window.feed_dock.isVisible()


def test_editor_actions_follow_the_document(window):
    assert not window.action("save").isEnabled() and window.action("open").isEnabled()
    assert not window.action("nudge_left_1").isEnabled()
    open_layout(window)
    assert window.action("save").isEnabled() and window.action("nudge_left_1").isEnabled()


def test_file_dialog_is_chinese_in_the_chinese_ui(qapp, tmp_path):
    """Qt's widget file dialog (used where the desktop has no native one) gets every label from
    Qt's translations plus ours for what Qt's own catalogue misses."""
    from xhscover.ui.app import install_translations

    (tmp_path / "folder").mkdir()
    (tmp_path / "note.xhscover").write_bytes(bytes(range(256)))
    translators = install_translations(qapp, "zh_CN")
    try:
        d = QFileDialog(None, "x", str(tmp_path), "xhscover (*.xhscover)")
        d.setOption(QFileDialog.Option.DontUseNativeDialog)
        d.show()
        for _ in range(40):
            qapp.processEvents()
        view = d.findChild(QAbstractItemView, "treeView")
        model = view.model()
        for _ in range(200):
            qapp.processEvents()
            if model.rowCount(view.rootIndex()) >= 2:
                break
        labels = {lab.objectName(): lab.text() for lab in d.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)：" and labels["fileTypeLabel"] == "文件类型(&T)："
        types = {str(model.data(model.index(r, 2, view.rootIndex()))) for r in range(model.rowCount(view.rootIndex()))}
        assert "文件夹" in types and len(types) == 2, types
        assert not [t for t in types if re.search(r"[A-Za-z]{3,}", t.replace("xhscover", ""))], types
        headers = [str(model.headerData(i, Qt.Orientation.Horizontal))
                   for i in range(model.columnCount())]
        assert not [h for h in headers if re.search(r"[A-Za-z]{3,}", h)], headers
        assert QLocale().language() == QLocale.Language.Chinese  # dates in the dialog follow the UI
        d.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("xhs_language", "en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


@pytest.mark.parametrize("row", [r for r in A.ACTIONS if r.menu], ids=lambda r: r.id)
def test_every_menu_row_has_an_access_key(row):
    assert _access_key(row.text), row.text
