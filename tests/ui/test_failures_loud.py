"""A broken renderer or asset bundle fails loudly in the canvas and the panels (no grey stand-in,
no silently empty list); a heatmap the model cannot make is said in the status bar."""

from __future__ import annotations

import pytest

from tests.ui.panel_helpers import open_layout
from xhscover.errors import FontError, ModelMissingError
from xhscover.model.assets import AssetError


def test_canvas_render_failure_raises(window, monkeypatch):
    editor = open_layout(window)

    def broken(*_a, **_k):
        raise RuntimeError("renderer broken")

    monkeypatch.setattr("xhscover.ui.canvas.rendering.render", broken)
    with pytest.raises(RuntimeError, match="renderer broken"):
        editor.canvas.render_now()
    monkeypatch.undo()  # renders queued in the event loop meanwhile must work again


def test_canvas_heatmap_problem_is_reported_not_swallowed(window, monkeypatch):
    editor = open_layout(window)
    seen: list[str] = []
    editor.canvas.problem.connect(seen.append)

    def missing(*_a, **_k):
        raise ModelMissingError("the attention model file is missing")

    monkeypatch.setattr("xhscover.ui.canvas.heat.cover_heatmap", missing)
    editor.canvas.set_heatmap(True)
    assert seen == ["the attention model file is missing"]
    assert "attention model" in editor.statusBar().currentMessage()

    def bug(*_a, **_k):
        raise ValueError("a bug")

    monkeypatch.setattr("xhscover.ui.canvas.heat.cover_heatmap", bug)
    with pytest.raises(ValueError):
        editor.canvas.render_now()
    monkeypatch.undo()
    editor.canvas.set_heatmap(False)


def test_panel_with_a_broken_font_bundle_raises(qapp, monkeypatch):
    from xhscover.ui import properties_panel

    def broken():
        raise FontError("fonts.json: unreadable")

    monkeypatch.setattr(properties_panel, "font_catalog", broken)
    with pytest.raises(FontError):
        properties_panel.PropertiesPanel()


def test_sticker_picker_with_a_broken_bundle_raises(qapp, monkeypatch):
    from xhscover.ui import sticker_picker

    def broken():
        raise AssetError("stickers.json: unreadable")

    monkeypatch.setattr(sticker_picker, "sticker_catalog", broken)
    with pytest.raises(AssetError):
        sticker_picker.StickerPicker("zh_CN")
