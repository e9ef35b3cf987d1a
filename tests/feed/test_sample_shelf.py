"""The bundled sample shelf (assets/shelf/): complete, loadable, and rebuildable from its recipe."""

from collections import Counter

import numpy as np
import pytest
from PIL import Image

from xhscover.errors import XhsError
from xhscover.feed.build_shelf import RECIPE_NAME, ShelfEntry, cards_json, entry_cover, load_recipe, render_entry
from xhscover.feed.cards import load_sample_shelf, sample_shelf_dir
from xhscover.feed.images import qimage_to_rgb
from xhscover.feed.metadata import read_metadata
from xhscover.model.cover import canvas_size

SHELF = sample_shelf_dir()
MAIN_NICHES = ("food", "outfit", "travel", "study", "home", "beauty")


@pytest.fixture(scope="module")
def recipe():
    return load_recipe()


def test_recipe_covers_niches_ratios_and_likes(recipe):
    entries = recipe.entries
    assert len(entries) >= 24
    niches = Counter(e.niche for e in entries)
    assert all(niches[n] >= 4 for n in MAIN_NICHES), niches
    ratios = Counter(e.ratio for e in entries)
    assert ratios["3:4"] > len(entries) / 2 and ratios["1:1"] >= 1 and ratios["4:3"] >= 1
    assert len({e.layout for e in entries}) >= 15  # a varied shelf, not one template
    likes = [e.likes for e in entries]
    assert min(likes) <= 100 and max(likes) >= 10_000


def test_recipe_and_rendered_files_agree(recipe):
    on_disk = {p.name for p in SHELF.glob("*.jpg")}
    assert on_disk == {e.file for e in recipe.entries}
    # cards.json is generated from the recipe: stale titles mean the shelf was not rebuilt
    assert (SHELF / "cards.json").read_text(encoding="utf-8") == cards_json(recipe)


def test_cards_json_parses_without_warnings(recipe):
    metas, warnings, name = read_metadata(SHELF)
    assert name == "cards.json" and warnings == []
    assert [m.file for m in metas] == [e.file for e in recipe.entries]
    assert all(m.title and m.author and m.likes is not None for m in metas)


def test_every_file_decodes_at_its_ratio(recipe):
    for entry in recipe.entries:
        with Image.open(SHELF / entry.file) as im:
            assert im.format == "JPEG"
            im.load()
            cw, ch = canvas_size(entry.ratio)
            assert im.size == (recipe.width, round(recipe.width * ch / cw)), entry.id
    total = sum(p.stat().st_size for p in SHELF.iterdir() if p.is_file())
    assert total < 6.5e6


def test_load_sample_shelf_uses_the_bundled_folder(recipe):
    cards, warnings = load_sample_shelf()
    assert warnings == []
    assert [c.id for c in cards] == [e.id for e in recipe.entries]
    assert all(c.title and c.author for c in cards)


def test_missing_shelf_folder_falls_back_to_placeholders(tmp_path, monkeypatch):
    monkeypatch.setenv("XHSCOVER_ASSETS", str(tmp_path))
    cards, warnings = load_sample_shelf()
    assert len(cards) >= 6 and warnings == []
    assert all(c.id.startswith("sample-") for c in cards)


@pytest.mark.parametrize("index", [0, 2])  # a big-title card and a 4:3 photo card
def test_rerendering_an_entry_matches_the_stored_jpeg(qapp, recipe, index):
    entry = recipe.entries[index]
    fresh = qimage_to_rgb(render_entry(entry, recipe.width)).astype(np.int16)
    stored = np.asarray(Image.open(SHELF / entry.file).convert("RGB"), dtype=np.int16)
    assert fresh.shape == stored.shape
    assert np.abs(fresh - stored).mean() < 3.0, f"rebuild the shelf: {entry.id} no longer matches"


def test_recipe_errors_name_the_card(tmp_path):
    base = dict(id="x-1", niche="food", layout="big-title-red", ratio="3:4", content={"title": "标题"},
                title="t", author="a", likes=1)
    entry_cover(ShelfEntry(**base))
    with pytest.raises(XhsError, match="x-1.*unknown slots"):
        entry_cover(ShelfEntry(**base, restyle={"nope": {"fill": {"color": "#000000"}}}))
    with pytest.raises(XhsError, match="x-1.*no slot"):
        entry_cover(ShelfEntry(**{**base, "content": {"photo": "asset:photos/food-espresso-cup.jpg"}}))
    bad = tmp_path / RECIPE_NAME
    bad.write_text('{"cards": [{"id": "y", "niche": "cars", "layout": "quote-card", "ratio": "3:4",'
                   ' "title": "t", "author": "a", "likes": 3}]}', encoding="utf-8")
    with pytest.raises(XhsError, match="niche 'cars'"):
        load_recipe(bad)
