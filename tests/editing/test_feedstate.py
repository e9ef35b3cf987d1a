"""Feed settings, debounce and the feed controller, without widgets."""

from __future__ import annotations

import pytest

from tests.editing.conftest import sample_layout
from xhscover.editing import commands as C
from xhscover.editing.document import EditorDocument
from xhscover.editing.feedstate import (
    Debouncer,
    FeedController,
    FeedSettings,
    device_choices,
    fit_zoom,
    true_size_zoom,
)
from xhscover.feed.profiles import load_profiles
from xhscover.feed.sample import synthetic_shelf


def test_settings_replace_checks_fields():
    s = FeedSettings()
    assert s.replace(theme="dark").theme == "dark"
    with pytest.raises(KeyError):
        s.replace(colour="red")


def test_true_size_zoom_uses_physical_size():
    dev = load_profiles().device("iphone-15")
    z = true_size_zoom(dev, dev.pixel_size[0], screen_dpi=96.0)
    shown_in = dev.pixel_size[0] * z / 96.0
    assert shown_in == pytest.approx(dev.true_size_mm[0] / 25.4)
    # a correction of 1.1 makes it 10% bigger; a 2x screen needs half the logical pixels
    assert true_size_zoom(dev, dev.pixel_size[0], 96.0, correction=1.1) == pytest.approx(1.1 * z)
    assert true_size_zoom(dev, dev.pixel_size[0], 192.0, device_pixel_ratio=2.0) == pytest.approx(z)


def test_fit_zoom_fits_first_screen():
    assert fit_zoom(1179, 2556, 400, 800) == pytest.approx(min(400 / 1179, 800 / 2556))


def test_device_choices_lists_all_profiles():
    assert [d for d, _ in device_choices()] == list(load_profiles().devices)


def test_debouncer_fires_once(gui_app, qtbot):
    d = Debouncer(30)
    hits = []
    d.fired.connect(lambda: hits.append(1))
    for _ in range(5):
        d.poke()
    qtbot.waitUntil(lambda: hits == [1], timeout=1000)
    qtbot.wait(60)
    assert hits == [1]


@pytest.fixture
def feed(gui_app):
    doc = EditorDocument.from_layout(sample_layout(), "3:4")
    f = FeedController(delay_ms=20)
    f.competitors = synthetic_shelf(8)
    f.set_document(doc)
    return f


def test_live_update_rerenders_only_changed_cover(feed, qtbot):
    doc = feed.doc
    doc.push(C.duplicate_variant(doc))  # variant B, current
    feed.update(all_variants=True)
    with qtbot.waitSignal(feed.rendered, timeout=3000):
        pass
    before = feed.cover_renders
    assert before == 2
    title = doc.cover.title_layer()
    for i in range(3):  # a burst of edits: one render after the debounce
        doc.push(C.SetProps(doc, {title.id: {"text": f"新标题{i}"}}))
    with qtbot.waitSignal(feed.rendered, timeout=3000):
        pass
    assert feed.cover_renders == before + 1
    mine = [c for c in feed.last_description["cards"] if c["mine"]]
    assert len(mine) == 2


def test_note_title_and_competitor_titles_reach_the_feed(feed):
    doc = feed.doc
    doc.push(C.set_note_title(doc, doc.cover_id, "我的笔记标题"))
    feed.set_competitor_title(feed.competitors[0].id, "改过的竞品标题")
    _img, desc = feed.render_now()
    titles = {c["title_text"] for c in desc["cards"]}
    assert "我的笔记标题" in titles and "改过的竞品标题" in titles
    doc.undo_stack.undo()  # the competitor's title is project data too: its own undo step
    assert feed.competitor_titles()[feed.competitors[0].id] == feed.competitors[0].title
    doc.undo_stack.undo()
    assert doc.cover.note_title == ""


def test_placement_slot_and_random(feed):
    feed.update(slot=3)
    _img, desc = feed.render_now()
    assert [c["index"] for c in desc["cards"] if c["mine"]] == [3]
    seed = feed.shuffle()
    assert feed.settings.placement == "random" and seed == 2
    spec = feed.spec()
    assert spec.slot is None and spec.seed == 2
    assert desc["full_scroll"] and desc["size"][1] > desc["screen_size"][1]


def test_export_png_and_json(feed, tmp_path):
    import json

    img, js = feed.export(tmp_path / "feed.png")
    assert img.stat().st_size > 10_000
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["image"] == "feed.png" and any(c["mine"] for c in data["cards"])


def test_import_folder_warns(feed, tmp_path):
    from PIL import Image

    Image.new("RGB", (300, 400), (200, 40, 40)).save(tmp_path / "红色封面.png")
    (tmp_path / "broken.jpg").write_bytes(b"not an image")
    warnings = feed.import_folder(tmp_path)
    assert [c.id for c in feed.competitors] == ["红色封面"]
    assert any("broken.jpg" in w for w in warnings)
    assert feed.settings.competitor_dir == str(tmp_path)
    # the covers are kept in the project, byte for byte, as one undo step
    doc = feed.doc
    assert [c.name for c in doc.project.shelf.cards] == ["红色封面"]
    assert doc.store.raw(doc.project.shelf.cards[0].image) == (tmp_path / "红色封面.png").read_bytes()
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert not doc.project.shelf.cards and feed.settings.competitor_dir == ""


def test_display_only_settings_do_not_rerender(feed, qtbot):
    feed.render_now()
    n = feed.renders
    feed.update(zoom="true", heatmap=True)
    qtbot.wait(60)
    assert feed.renders == n and not feed.debounce.pending()
    feed.update(theme="dark")
    assert feed.debounce.pending()


def test_render_waits_for_the_score_worker_without_blocking(feed, qtbot):
    """While the worker paints a screen (PAINT_LOCK held in another thread) the feed retries later."""
    import threading

    from xhscover.editing.rendering import PAINT_LOCK

    held, release = threading.Event(), threading.Event()

    def worker():
        with PAINT_LOCK:
            held.set()
            release.wait(5)

    t = threading.Thread(target=worker)
    t.start()
    held.wait(5)
    assert feed.render_now() is None and feed.debounce.pending()
    release.set()
    t.join()
    with qtbot.waitSignal(feed.rendered, timeout=3000):
        pass
