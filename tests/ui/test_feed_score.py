"""Feed dock, score panel, heatmaps and the new insert tools, through the real widgets offscreen."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QModelIndex, QPointF, Qt

from xhscover.editing import commands as C
from xhscover.model.layers import ImageLayer
from xhscover.ui.interactions import FocalInteraction


@pytest.fixture
def editor(window, qtbot):
    window.new_from_layout("big-title-red", "3:4")
    assert window.doc is not None
    with qtbot.waitSignal(window.feed.rendered, timeout=5000):
        pass
    return window


def _title(win):
    return next(t for t in win.doc.cover.text_layers() if t.role == "title")


def test_feed_dock_updates_live_and_controls(editor, qtbot):
    feed, dock = editor.feed, editor.feed_panel
    assert editor.feed_dock.isVisible() and not dock.view.item.pixmap().isNull()
    renders, covers = feed.renders, feed.cover_renders
    t = _title(editor)
    for i in range(3):
        editor.doc.push(C.SetProps(editor.doc, {t.id: {"text": f"改{i}"}}))
    with qtbot.waitSignal(feed.rendered, timeout=3000):
        pass
    assert feed.renders == renders + 1 and feed.cover_renders == covers + 1  # debounced, one cover
    # every device profile is offered; switching re-renders at that phone's size
    assert dock.device.count() >= 6
    dock.device.setCurrentIndex(dock.device.findData("iphone-se"))
    dock.theme.setCurrentIndex(dock.theme.findData("dark"))
    dock.page.setCurrentIndex(dock.page.findData("search"))
    assert dock.query.isEnabled()
    dock.query.setText("秋冬穿搭")
    with qtbot.waitSignal(feed.rendered, timeout=3000):
        pass
    d = feed.last_description
    assert (d["device"], d["theme"], d["page"], d["query"]) == ("iphone-se", "dark", "search", "秋冬穿搭")
    # the user's note title goes through the undo stack
    qtbot.keyClicks(dock.note_title, "Weekend")
    assert editor.doc.cover.note_title == "Weekend"
    # 3 text edits + device, theme, page, query (the project keeps its shelf) + one merged note-title step
    assert editor.doc.undo_stack.count() == 8
    # competitor titles are edited in the table
    dock.titles_btn.setChecked(True)
    assert dock.table.isVisible() and dock.table.rowCount() == len(feed.competitors)
    dock.table.item(0, 1).setText("竞品新标题")
    # placement: slot, then random with seed + shuffle, all variants
    dock.slot.setValue(5)  # counted from 1: the fifth place, index 4
    editor.doc.push(C.duplicate_variant(editor.doc))
    dock.all_variants.setChecked(True)
    with qtbot.waitSignal(feed.rendered, timeout=3000):
        pass
    d = feed.last_description
    assert sorted(c["index"] for c in d["cards"] if c["mine"]) == [4, 5]
    assert "竞品新标题" in {c["title_text"] for c in d["cards"]} and "Weekend" in {c["title_text"] for c in d["cards"]}
    dock.shuffle.click()
    assert feed.settings.placement == "random" and dock.seed.value() == feed.settings.seed
    # scrolled feed with the first screen marked
    assert d["full_scroll"] and d["size"][1] > d["first_screen_bottom"]


def test_feed_zoom_modes_and_squint(editor, qtbot):
    dock = editor.feed_panel
    dock.zoom.setCurrentIndex(dock.zoom.findData("100"))
    assert dock.view.zoom() == pytest.approx(1 / dock.view.devicePixelRatioF())
    dock.zoom.setCurrentIndex(dock.zoom.findData("true"))
    assert dock.dpi_fix.isVisibleTo(dock)
    z = dock.view.zoom()
    dock.dpi_fix.setValue(1.25)
    assert dock.view.zoom() == pytest.approx(1.25 * z)
    assert editor.settings.true_size_dpi_correction() == pytest.approx(1.25)
    dock.zoom.setCurrentIndex(dock.zoom.findData("fit"))
    vp = dock.view.viewport().size()
    assert dock.view.screen_height * dock.view.zoom() <= vp.height()
    plain = dock.shown_image
    dock.squint.setChecked(True)
    with qtbot.waitSignal(editor.feed.rendered, timeout=3000):
        pass
    assert dock.shown_image.size() == plain.size() and dock.shown_image != plain


def test_import_competitors_warns_without_blocking(editor, tmp_path, errors):
    from PIL import Image

    Image.new("RGB", (300, 400), (30, 90, 200)).save(tmp_path / "蓝色.png")
    (tmp_path / "bad.png").write_bytes(b"nope")
    dock = editor.feed_panel
    warnings = dock.import_folder(str(tmp_path))
    assert any("bad.png" in w for w in warnings)
    assert dock.warnings.isVisibleTo(dock) and "bad.png" in dock.warnings.toolTip()
    assert str(tmp_path) in dock.source.text()
    dock.import_folder(str(tmp_path / "missing"))
    assert "does not exist" in dock.warnings.text()
    assert errors == []  # no message box
    dock.use_sample()
    assert not dock.warnings.isVisibleTo(dock)


def test_export_feed_png_and_json(editor, tmp_path):
    img, js = editor.export_feed_to(tmp_path / "feed")
    assert img.suffix == ".png" and img.stat().st_size > 10_000
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["image"] == "feed.png" and any(c["mine"] for c in data["cards"])
    assert editor.action("export_feed") in editor.menuBar().actions()[0].menu().actions()


def test_score_panel_and_heatmaps(editor, qtbot):
    from xhscover.feed.sample import synthetic_shelf

    editor.feed._set_competitors(synthetic_shelf(8), [], "")  # small shelf: a fast first analysis
    editor.auto_score = True
    editor.live_score.placements = 3
    editor._update_scoring_enabled()
    assert editor.live_score.enabled and editor.score_dock.isVisible()
    editor.feed_panel.heatmap.setChecked(True)
    worker = editor.live_score.worker
    qtbot.waitUntil(lambda: worker.latest is not None and worker.latest.stage == "full", timeout=60000)
    res = worker.latest
    assert not res.error, res.error
    panel = editor.score_panel
    assert panel.list.count() == len(res.findings) + len(res.run.verdicts) >= 8
    fs = res.fair[res.current]  # the headline: the mean share with its placement range; the sub line: this screen
    assert f"{100 * fs.share_mean:.1f}%" in panel.headline.text() and f"{fs.n} " in panel.headline.text()
    assert f"{100 * res.share:.1f}%" in panel.sub.text()
    keys = [panel.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.list.count())]
    from xhscover.score.diagnose import CHECK_KEYS, check

    assert keys[:len(CHECK_KEYS)] == list(CHECK_KEYS)
    tip = panel.list.item(0).toolTip()  # plain words from the registry, then the rule with its numbers
    assert check(keys[0]).about_zh in tip or check(keys[0]).about_en in tip
    # the feed heatmap covers the first screen
    assert editor.feed_panel.view.heat.isVisible()
    heat_px = editor.feed_panel.view.heat.pixmap()
    assert abs(heat_px.height() - editor.feed.last_description["screen_size"][1]) <= 3
    # an edit re-scores 100 ms after the last change; older results are dropped
    gen = worker.generation
    editor.doc.push(C.SetProps(editor.doc, {_title(editor).id: {"text": "再改"}}))
    qtbot.waitUntil(lambda: worker.generation > gen, timeout=1000)
    # canvas heatmap: same size, different pixels
    editor.canvas.render_now()
    plain = editor.canvas.cover_item.pixmap().toImage()
    editor.action("heat_canvas").trigger()
    heat = editor.canvas.cover_item.pixmap().toImage()
    assert heat.size() == plain.size() and heat != plain
    editor.action("heat_canvas").trigger()
    qtbot.waitUntil(lambda: worker.latest.generation == worker.generation and worker.latest.stage == "full",
                    timeout=60000)
    editor.live_score.set_enabled(False)
    worker.wait()


def test_insert_shapes_and_stickers(editor, qtbot, monkeypatch):
    doc = editor.doc
    n = len(doc.cover.layers)
    for a in editor.shapes_menu.actions():
        a.trigger()
    assert [lay.shape for lay in doc.cover.layers[n:]] == ["rect", "rounded_rect", "ellipse", "line", "arrow"]
    from xhscover.ui.sticker_picker import StickerPicker

    dlg = StickerPicker("zh_CN")
    assert dlg.list.count() >= 5 and not dlg.list.item(0).icon().isNull()
    dlg.list.item(0).setSelected(True)
    sid, emoji = dlg.choice()
    assert sid and not emoji
    dlg.emoji.setText("🔥")
    assert dlg.choice() == ("", "🔥")
    monkeypatch.setattr(StickerPicker, "exec", lambda self: StickerPicker.DialogCode.Accepted)
    monkeypatch.setattr(StickerPicker, "choice", lambda self: (sid, ""))
    editor.action("sticker").trigger()
    assert doc.cover.layers[-1].kind == "sticker" and doc.cover.layers[-1].sticker == sid
    assert editor.add_sticker(emoji="✨") and doc.cover.layers[-1].emoji == "✨"


def test_layers_friendly_names_and_drag_reorder(editor, qtbot):
    panel = editor.layers
    names = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "Title" in names or "标题" in names
    assert not any(n == "title" for n in names)
    before = [lay.id for lay in editor.doc.cover.layers]
    top = panel.list.item(0).data(Qt.ItemDataRole.UserRole)
    # the InternalMove drop moves rows in the list's model; the panel turns it into one command
    assert panel.list.model().moveRow(QModelIndex(), 0, QModelIndex(), panel.list.count())
    qtbot.waitUntil(lambda: [lay.id for lay in editor.doc.cover.layers] != before, timeout=2000)
    assert editor.doc.cover.layers[0].id == top
    editor.doc.undo_stack.undo()
    assert [lay.id for lay in editor.doc.cover.layers] == before


def test_focal_point_alt_drag_is_one_step(editor):
    doc = editor.doc
    lay = ImageLayer(id="img9", src="asset:photos/beauty-dahlia.jpg", fit="cover",
                     x=200, y=300, w=700, h=300)  # wide box: the photo overflows vertically
    doc.push(C.add_layer(doc, lay))
    count = doc.undo_stack.count()
    cv = editor.canvas
    centre = QPointF(lay.x + lay.w / 2, lay.y + lay.h / 2)
    cv.begin_drag_at(centre, Qt.KeyboardModifier.AltModifier)
    assert isinstance(cv.interaction, FocalInteraction)
    for dy in (20, 60, 120):
        cv.drag_to(centre + QPointF(0, dy), snap=False)
    cv.end_drag()
    assert (lay.x, lay.y) == (200, 300)  # the box did not move
    assert lay.focal[0] == pytest.approx(0.5) and lay.focal[1] < 0.5
    assert doc.undo_stack.count() == count + 1
    doc.undo_stack.undo()
    assert tuple(lay.focal) == (0.5, 0.5)


def test_new_strings_are_translated(qapp):
    from PySide6.QtCore import QTranslator

    from xhscover.editing.names import display_name
    from xhscover.model.layers import TextLayer
    from xhscover.ui.app import I18N_DIR

    t = QTranslator()
    assert t.load(str(I18N_DIR / "xhscover_zh_CN.qm"))
    qapp.installTranslator(t)
    try:
        assert display_name(TextLayer(id="title", slot="title")) == "标题"
        assert display_name(TextLayer(id="photo2", slot="photo2")) == "图片 2"
        assert t.translate("FeedDock", "Squint") == "眯眼看"
        assert t.translate("MainWindow", "Export &feed…") == "导出信息流(&F)…"
        assert t.translate("ScorePanel", "Scoring…") == "正在评分…"
    finally:
        qapp.removeTranslator(t)
