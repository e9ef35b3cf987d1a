from __future__ import annotations

from xhscover.editing import commands as C
from xhscover.editing.document import EditorDocument
from xhscover.model.styles import Shadow, Stroke


def test_set_props_nested_undo_redo(doc: EditorDocument):
    seen = []
    doc.changed.connect(lambda cid, ids: seen.append((cid, ids)))
    doc.push(C.SetProps(doc, {"title": {"style.fill.color": "#FF2442", "style.size": 140.0}}))
    t = doc.cover.layer("title")
    assert t.style.fill.color == "#FF2442" and t.style.size == 140
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert t.style.fill.color == "#1A1A1A" and t.style.size == 120
    assert not doc.is_modified()
    doc.undo_stack.redo()
    assert t.style.size == 140
    assert seen and seen[0] == ("A", ["title"])


def test_strokes_and_shadow_whole_objects(doc):
    doc.push(C.SetProps(doc, {"title": {"style.strokes": [Stroke("#FFFFFF", 10)], "style.shadow": Shadow()}}))
    doc.push(C.SetProps(doc, {"title": {"style.strokes.0.width": 14.0}}))
    t = doc.cover.layer("title")
    assert t.style.strokes[0].width == 14 and t.style.shadow is not None
    doc.undo_stack.undo()
    assert t.style.strokes[0].width == 10
    doc.undo_stack.undo()
    assert t.style.strokes == [] and t.style.shadow is None


def test_drag_gesture_is_one_step(doc):
    g = doc.new_gesture()
    x0 = doc.cover.layer("title").x
    for i in range(1, 20):
        doc.push(C.SetProps(doc, {"title": {"x": x0 + i * 3}}, gesture=g))
    assert doc.undo_stack.count() == 1
    assert doc.cover.layer("title").x == x0 + 57
    doc.undo_stack.undo()
    assert doc.cover.layer("title").x == x0
    # a new gesture is a new step
    doc.undo_stack.redo()
    doc.push(C.SetProps(doc, {"title": {"x": 5.0}}, gesture=doc.new_gesture()))
    assert doc.undo_stack.count() == 2


def test_nudges_merge(doc):
    x0 = doc.cover.layer("sub").x
    for _ in range(5):
        doc.push(C.nudge(doc, ["sub"], 1, 0))
    assert doc.undo_stack.count() == 1
    assert doc.cover.layer("sub").x == x0 + 5
    doc.undo_stack.undo()
    assert doc.cover.layer("sub").x == x0


def test_add_remove_reorder_duplicate(doc):
    ids = [lay.id for lay in doc.cover.layers]
    doc.push(C.duplicate_layers(doc, ["title"]))
    assert len(doc.cover.layers) == len(ids) + 1
    new_id = doc.selection[0]
    assert doc.cover.layer(new_id).text == doc.cover.layer("title").text
    doc.push(C.reorder_layer(doc, new_id, 0))
    assert doc.cover.layers[0].id == new_id
    doc.push(C.remove_layers(doc, [new_id, "sub"]))
    assert [lay.id for lay in doc.cover.layers] == [i for i in ids if i != "sub"]
    for _ in range(3):
        doc.undo_stack.undo()
    assert [lay.id for lay in doc.cover.layers] == ids


def test_group_hide_lock_rename(doc):
    doc.push(C.group_layers(doc, ["title", "sub"]))
    assert doc.cover.layer("title").group == doc.cover.layer("sub").group is not None
    assert set(doc.expand_groups(["title"])) == {"title", "sub"}
    doc.push(C.ungroup_layers(doc, ["title", "sub"]))
    assert doc.cover.layer("title").group is None
    doc.push(C.set_visible(doc, "title", False))
    doc.push(C.set_locked(doc, "title", True))
    doc.push(C.rename_layer(doc, "title", "大标题"))
    t = doc.cover.layer("title")
    assert (t.visible, t.locked, t.name) == (False, True, "大标题")


def test_background_and_ratio(doc):
    from xhscover.model.styles import Fill

    doc.push(C.set_background(doc, fill=Fill.solid("#000000")))
    assert doc.cover.background.fill.color == "#000000"
    doc.push(C.change_ratio(doc, "1:1"))
    assert (doc.cover.width, doc.cover.height) == (1080, 1080)
    doc.undo_stack.undo()
    assert (doc.cover.width, doc.cover.height) == (1080, 1440)


def test_variants(doc):
    doc.push(C.duplicate_variant(doc))
    assert [c.id for c in doc.project.covers] == ["A", "B"]
    assert doc.cover_id == "B"
    doc.push(C.SetProps(doc, {"title": {"text": "B 版标题"}}))
    doc.set_current_cover("A")
    assert doc.cover.layer("title").text == "周末去哪儿"
    doc.push(C.rename_variant(doc, "B", "短标题"))
    assert doc.project.cover("B").name == "短标题"
    doc.push(C.delete_variant(doc, "B"))
    assert [c.id for c in doc.project.covers] == ["A"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.project.cover("B").layer("title").text == "B 版标题"


def test_replace_image_and_bad_image(doc, tmp_path):
    import pytest
    from PIL import Image

    from xhscover.errors import ImageError
    from xhscover.model.layers import ImageLayer

    p = tmp_path / "a.png"
    Image.new("RGB", (40, 30), "red").save(p)
    key = doc.store.add_file(p)
    doc.push(C.add_layer(doc, C.new_image_layer(doc, key)))
    lay = doc.selected_layers()[0]
    assert isinstance(lay, ImageLayer) and abs(lay.w / lay.h - 4 / 3) < 0.01
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff garbage")
    with pytest.raises(ImageError):
        C.replace_image(doc, lay.id, bad)
    Image.new("RGB", (10, 10), "blue").save(tmp_path / "b.png")
    doc.push(C.replace_image(doc, lay.id, tmp_path / "b.png"))
    assert lay.src != key


def test_text_edit_keeps_runs_and_preset_is_one_step(doc):
    from xhscover.editing import commands as C
    from xhscover.model.layers import TextLayer
    from xhscover.model.styles import TextRun

    lay = next(lay for lay in doc.cover.layers if isinstance(lay, TextLayer))
    doc.push(C.set_text(doc, lay.id, "人均800玩转西湖"))
    doc.push(C.style_text_range(doc, lay.id, 2, 5, color="#FF2442"))
    assert lay.runs == [TextRun(2, 5, color="#FF2442")]
    doc.push(C.set_text(doc, lay.id, "杭州人均800玩转西湖"))
    assert lay.runs == [TextRun(4, 7, color="#FF2442")]
    before = doc.undo_stack.count()
    doc.push(C.apply_text_preset(doc, [lay.id], "triple-outline"))
    assert doc.undo_stack.count() == before + 1 and len(lay.style.strokes) == 3
    doc.undo_stack.undo()
    assert len(lay.style.strokes) != 3 and lay.runs == [TextRun(4, 7, color="#FF2442")]
    doc.undo_stack.undo()
    assert lay.text == "人均800玩转西湖" and lay.runs == [TextRun(2, 5, color="#FF2442")]
