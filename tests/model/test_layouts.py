"""Bundled layouts: coverage of the genres creators use, every ratio builds, and clear load errors."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from xhscover.errors import LayoutError, XhsError
from xhscover.model.cover import RATIOS, canvas_size
from xhscover.model.images import ImageStore
from xhscover.model.layers import ImageLayer, StickerLayer, TextLayer
from xhscover.model.layouts import (
    GENRES,
    build_cover,
    bundled_layouts,
    fill_slot,
    layouts_dir,
    load_layout_file,
)
from xhscover.paths import assets_dir

LAYOUTS = bundled_layouts()
IDS = [lay.id for lay in LAYOUTS]
REQUIRED_GENRES = {
    "big-title", "photo-title", "collage", "compare", "list", "tutorial", "product", "place", "plog",
    "knowledge", "quote",
}
TITLE_MIN_PX = 90  # below ~1/12 of a 1080 px cover a title is hard to read at feed size


def _rotated_corners(x: float, y: float, w: float, h: float, deg: float) -> list[tuple[float, float]]:
    cx, cy = x + w / 2, y + h / 2
    a = math.radians(deg)
    out = []
    for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        dx, dy = px - cx, py - cy
        out.append((cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)))
    return out


def _sticker_ids() -> set[str]:
    manifest = assets_dir() / "stickers" / "stickers.json"
    if not manifest.is_file():
        pytest.skip("sticker manifest not installed")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return {s["id"] for s in data["stickers"]}


def test_enough_layouts_and_every_required_genre():
    assert len(LAYOUTS) >= 16
    genres = {lay.genre for lay in LAYOUTS}
    assert REQUIRED_GENRES <= genres, f"missing genres: {REQUIRED_GENRES - genres}"
    assert genres <= set(GENRES)
    tags = {t for lay in LAYOUTS for t in lay.tags}
    for n in (2, 3, 4, 6):
        assert f"collage-{n}" in tags, f"no collage of {n} photos"
    assert "checklist" in tags


def test_collage_tags_match_photo_count():
    for lay in LAYOUTS:
        for tag in lay.tags:
            if tag.startswith("collage-"):
                assert len(lay.image_slots()) == int(tag.split("-")[1]), lay.id


def test_ids_unique_and_match_file_names():
    assert len(IDS) == len(set(IDS))
    for lay in LAYOUTS:
        assert lay.source == f"{lay.id}.json"
        assert lay.name_zh and lay.name_en


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_layout_builds_in_every_ratio(layout):
    for ratio in RATIOS:
        cover = build_cover(layout, ratio)
        assert (cover.width, cover.height) == canvas_size(ratio)
        assert cover.layout == layout.id
        assert len(cover.layers) == len(layout.slots)
        layer_ids = [layer.id for layer in cover.layers]
        assert len(layer_ids) == len(set(layer_ids))


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_text_slots_have_roles_placeholders_and_a_big_title(layout):
    cover = build_cover(layout, "3:4")
    texts = [t for t in cover.text_layers() if t.visible]
    assert texts, "a layout needs at least one text slot"
    for t in texts:
        assert t.text.strip(), f"{t.id} has no placeholder text"
    title = cover.title_layer()
    assert title is not None, "no visible text slot has role 'title'"
    assert title.style.size >= TITLE_MIN_PX
    for ratio in RATIOS:
        for t in build_cover(layout, ratio).text_layers():
            if t.visible and t.role == "title":
                assert t.style.size >= TITLE_MIN_PX, (ratio, t.id)


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_text_boxes_lie_inside_the_canvas(layout):
    for ratio in RATIOS:
        cover = build_cover(layout, ratio)
        for t in cover.text_layers():
            if not t.visible:
                continue
            for px, py in _rotated_corners(t.x, t.y, t.w, t.h, t.rotation):
                assert -1 <= px <= cover.width + 1 and -1 <= py <= cover.height + 1, (ratio, t.id, (px, py))


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_photo_refs_and_stickers_exist(layout):
    store = ImageStore()
    stickers = _sticker_ids()
    for ratio in RATIOS:
        cover = build_cover(layout, ratio)
        assert cover.background.image is None or store.has(cover.background.image)
        for layer in cover.layers:
            if isinstance(layer, ImageLayer) and layer.src:
                assert layer.src.startswith("asset:photos/"), layer.src
                assert store.has(layer.src), f"{layout.id}: {layer.src} is not in assets"
            if isinstance(layer, StickerLayer):
                assert layer.sticker in stickers, f"{layout.id}: unknown sticker {layer.sticker!r}"


def test_photo_layouts_ship_placeholder_photos():
    """A cover with grey boxes reads as a test pattern; photo slots come with a sample photo."""
    if not (assets_dir() / "photos" / "photos.json").is_file():
        pytest.skip("photo manifest not installed")
    for lay in LAYOUTS:
        for slot in lay.slots:
            if slot.get("kind") == "image":
                assert slot.get("src"), f"{lay.id}.{slot['id']} has no placeholder photo"


def test_fill_slot_puts_content_in_text_and_image_slots():
    layout = next(lay for lay in LAYOUTS if lay.image_slots())
    cover = build_cover(layout, "4:3", {layout.text_slots()[0]: "新标题", layout.image_slots()[0]: "abc.jpg"})
    text = cover.find_slot(layout.text_slots()[0])
    image = cover.find_slot(layout.image_slots()[0])
    assert isinstance(text, TextLayer) and text.text == "新标题"
    assert isinstance(image, ImageLayer) and image.src == "abc.jpg"
    with pytest.raises(XhsError, match="no slot 'nope'"):
        fill_slot(cover, "nope", "x")


def test_ratio_overrides_only_name_known_slots():
    for lay in LAYOUTS:
        ids = {s["id"] for s in lay.slots if "id" in s} | {"background"}
        for ratio, overrides in lay.ratios.items():
            assert ratio in RATIOS
            assert set(overrides) <= ids


def test_layout_files_are_all_bundled():
    files = sorted(p.stem for p in layouts_dir().glob("*.json"))
    assert files == sorted(IDS)


# ------------------------------------------------------------------ validation errors

GOOD = {
    "id": "t", "name": {"zh": "测试", "en": "Test"}, "genre": "quote",
    "slots": [{"id": "title", "kind": "text", "rect": [0.1, 0.1, 0.8, 0.3], "role": "title", "text": "标题",
               "style": {"size": 120, "fill": {"color": "#1A1A1A"}}}],
}


def _write(tmp_path: Path, data, name: str = "broken.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _variant(**changes):
    data = json.loads(json.dumps(GOOD))
    data.update(changes)
    return data


def test_good_minimal_layout_loads(tmp_path):
    lay = load_layout_file(_write(tmp_path, GOOD, "good.json"))
    assert lay.id == "t" and lay.source == "good.json"


def test_missing_id_names_file_and_field(tmp_path):
    data = _variant()
    del data["id"]
    with pytest.raises(LayoutError, match=r"broken\.json.*'id'"):
        load_layout_file(_write(tmp_path, data))


def test_bad_colour_names_file_and_field(tmp_path):
    data = _variant()
    data["slots"][0]["style"]["fill"]["color"] = "#12345"
    with pytest.raises(LayoutError) as err:
        load_layout_file(_write(tmp_path, data))
    assert "broken.json" in str(err.value) and "slots[0].style.fill.color" in str(err.value)


def test_bad_background_colour(tmp_path):
    data = _variant(background={"fill": {"color": "#GGGGGG"}})
    with pytest.raises(LayoutError, match=r"broken\.json.*background\.fill\.color"):
        load_layout_file(_write(tmp_path, data))


def test_bad_ratio_key(tmp_path):
    data = _variant(ratios={"16:9": {"title": {"rect": [0.1, 0.1, 0.5, 0.5]}}})
    with pytest.raises(LayoutError, match=r"broken\.json.*'ratios'"):
        load_layout_file(_write(tmp_path, data))


@pytest.mark.parametrize("rect", [[0.1, 0.1, 0.8], [0.1, 0.1, 0, 0.3], [0.1, 0.1, "w", 0.3], [0.9, 0.1, 0.9, 0.3]])
def test_bad_rect(tmp_path, rect):
    data = _variant()
    data["slots"][0]["rect"] = rect
    with pytest.raises(LayoutError, match=r"broken\.json: slots\[0\]\.rect"):
        load_layout_file(_write(tmp_path, data))


def test_bad_rect_in_one_ratio_only(tmp_path):
    data = _variant(ratios={"4:3": {"title": {"rect": [0.1, 0.1, -1, 0.3]}}})
    with pytest.raises(LayoutError, match=r"broken\.json: slots\[0\]\.rect"):
        load_layout_file(_write(tmp_path, data))


def test_unknown_slot_override(tmp_path):
    data = _variant(ratios={"1:1": {"subtitle": {"rect": [0.1, 0.1, 0.5, 0.5]}}})
    with pytest.raises(LayoutError, match=r"broken\.json.*ratios\.1:1.*subtitle"):
        load_layout_file(_write(tmp_path, data))


def test_wrong_kind(tmp_path):
    data = _variant()
    data["slots"][0]["kind"] = "video"
    with pytest.raises(LayoutError, match=r"broken\.json: slots\[0\]\.kind"):
        load_layout_file(_write(tmp_path, data))


def test_bad_genre_role_and_json(tmp_path):
    with pytest.raises(LayoutError, match=r"broken\.json.*'genre'"):
        load_layout_file(_write(tmp_path, _variant(genre="vlog")))
    data = _variant()
    data["slots"][0]["role"] = "headline"
    with pytest.raises(LayoutError, match=r"broken\.json: slots\[0\]\.role"):
        load_layout_file(_write(tmp_path, data))
    with pytest.raises(LayoutError, match=r"broken\.json: invalid JSON"):
        load_layout_file(_write(tmp_path, "{"))


def test_duplicate_slot_ids(tmp_path):
    data = _variant()
    data["slots"].append(dict(data["slots"][0]))
    with pytest.raises(LayoutError, match=r"broken\.json.*unique"):
        load_layout_file(_write(tmp_path, data))
