"""Fixtures for the editor core: a QGuiApplication (no widgets) and a small layout."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from xhscover.model.layouts import bundled_layouts, parse_layout

SAMPLE = {
    "id": "test-sample", "name": {"zh": "测试", "en": "Test"}, "genre": "big-title",
    "background": {"fill": {"kind": "solid", "color": "#FFF4E0"}},
    "slots": [
        {"id": "title", "kind": "text", "rect": [0.08, 0.3, 0.84, 0.3], "role": "title", "text": "周末去哪儿",
         "style": {"size": 120, "fill": {"kind": "solid", "color": "#1A1A1A"}}},
        {"id": "sub", "kind": "text", "rect": [0.1, 0.65, 0.8, 0.1], "role": "subtitle", "text": "三个小众公园",
         "style": {"size": 56}},
        {"kind": "shape", "shape": "rounded_rect", "rect": [0.3, 0.8, 0.4, 0.06]},
    ],
}


def sample_layout():
    return parse_layout(SAMPLE, "test-sample.json")


def any_layout():
    try:
        layouts = bundled_layouts()
    except Exception:
        layouts = ()
    return layouts[0] if layouts else sample_layout()


@pytest.fixture(scope="session")
def gui_app():
    """The editor core needs only QtGui; tests/ui's conftest may already have made a QApplication."""
    app = QGuiApplication.instance() or QGuiApplication([])
    yield app


@pytest.fixture
def doc(gui_app):
    from xhscover.editing.document import EditorDocument

    return EditorDocument.from_layout(sample_layout(), "3:4")
