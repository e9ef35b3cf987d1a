"""The app's crash handler (xhscover.ui.crash): a crash log with the version, the traceback and the
last actions; the open work autosaved; one dialog, not one per repeat; worker-thread crashes too."""

from __future__ import annotations

import sys
import threading

import pytest

from tests.ui.panel_helpers import open_layout, role_layer
from xhscover import __version__, logs
from xhscover.editing import commands as C
from xhscover.editing.autosave import Autosaver
from xhscover.ui.app import work_state
from xhscover.ui.crash import CrashHandler, crash_dir


def _boom() -> None:
    raise ZeroDivisionError("a bug in a slot")


def _exc_info():
    try:
        _boom()
    except ZeroDivisionError:
        return sys.exc_info()
    raise AssertionError("unreachable")


@pytest.fixture
def setup(window, user_dirs):
    logs.configure(console=False)
    editor = open_layout(window)
    autosaver = Autosaver()
    autosaver.set_document(editor.doc)
    shown: list[tuple] = []
    handler = CrashHandler(show=lambda path, work: shown.append((path, work)),
                           save_work=lambda: work_state(autosaver))
    yield editor, autosaver, handler, shown
    handler.uninstall()
    autosaver.finish_clean()


def test_crash_log_autosave_and_one_dialog(setup):
    editor, autosaver, handler, shown = setup
    assert work_state(autosaver) == "clean"
    editor.action("safe_area").trigger()  # something the user did just before
    editor.doc.push(C.SetProps(editor.doc, {role_layer(editor, "title").id: {"text": "崩溃前"}}))
    path = handler.handle(_exc_info())
    assert path is not None and path.parent == crash_dir() and path.name.startswith("crash-")
    text = path.read_text(encoding="utf-8")
    assert f"xhscover {__version__}" in text and "ZeroDivisionError: a bug in a slot" in text
    assert "in _boom" in text  # the traceback
    assert "action safe_area" in text and "edit: " in text  # the last actions
    assert shown == [(path, "saved")] and autosaver.is_current()
    again = handler.handle(_exc_info())  # a repeat right after: logged, no second dialog
    assert again is not None and again != path and len(shown) == 1
    assert len(handler.crashes) == 2


def test_autosave_failure_is_said(setup, monkeypatch):
    editor, autosaver, handler, shown = setup
    editor.doc.push(C.SetProps(editor.doc, {role_layer(editor, "title").id: {"text": "改"}}))
    monkeypatch.setattr(autosaver, "autosave_now", lambda: False)
    handler.handle(_exc_info())
    assert shown[-1][1] == "failed"


def test_excepthooks_installed_and_thread_crash_reaches_the_gui_thread(setup, qtbot):
    _editor, _autosaver, handler, shown = setup
    handler.install()
    assert sys.excepthook == handler._excepthook and threading.excepthook == handler._threading_hook
    t = threading.Thread(target=_boom, name="score-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(handler.crashes) == 1, timeout=2000)  # queued to the GUI thread
    assert "thread score-worker" in handler.crashes[0].read_text(encoding="utf-8")
    handler.uninstall()
    assert sys.excepthook is not handler._excepthook
