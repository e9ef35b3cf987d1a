"""Widget tests: a QApplication made at collection time (before any test can make a bare
QGuiApplication), isolated user folders, and message boxes routed to a list instead of blocking."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Screenshots of the real window go to XHSCOVER_UI_SHOTS when it is set (to look at them), else to
# a folder of this run only: a fixed /tmp path was raced by test runs in parallel.
os.environ.setdefault("XHSCOVER_UI_SHOTS", tempfile.mkdtemp(prefix="xhs-ui-"))

from PySide6.QtWidgets import QApplication

_APP = QApplication.instance() or QApplication(["xhscover-tests"])


@pytest.fixture
def qapp():
    if not isinstance(QApplication.instance(), QApplication):
        pytest.skip("a QGuiApplication was created before the widget tests; run tests/ui separately")
    return QApplication.instance()


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XHSCOVER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XHSCOVER_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def errors(monkeypatch):
    """Every error/info box the app would show, as (title, message); no box ever blocks a test."""
    from xhscover.ui import dialogs

    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "notify_error", lambda parent, title, msg: seen.append((title, msg)))
    monkeypatch.setattr(dialogs, "notify_info", lambda parent, title, msg: None)
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    monkeypatch.setattr(dialogs, "choose_restores", lambda parent, items: ("later", []))
    return seen


@pytest.fixture
def window(qapp, qtbot, user_dirs, errors):
    from xhscover.editing.settings import Settings
    from xhscover.ui.main_window import MainWindow

    win = MainWindow(Settings())
    win.auto_score = False  # the score tests switch it on; others need no worker thread
    win._update_scoring_enabled()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
