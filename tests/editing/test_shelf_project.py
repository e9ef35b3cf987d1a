"""The shelf is project data: import from screenshots -> save -> reopen gives the same shelf and
feed settings; every change is an undo step and marks the project unsaved."""

from __future__ import annotations

import numpy as np
import pytest

from tests.editing.conftest import sample_layout
from tests.shelfimport import shots
from xhscover.editing.document import EditorDocument
from xhscover.editing.feedstate import FeedController
from xhscover.shelfimport.reader import read_screenshot


@pytest.fixture(scope="module")
def found(gui_app):
    shot = shots.phone_shot(41, theme="light", page="home", scroll=0.0, overlay="none", device="iphone-15")
    reading = read_screenshot(shot.image, "shot41.png")
    cards = [c for c in reading.cards if c.importable]
    assert len(cards) >= 2
    return cards


def _feed(doc: EditorDocument) -> FeedController:
    f = FeedController(delay_ms=10)
    f.set_document(doc)
    return f


def test_import_save_reopen_same_shelf(found, tmp_path, gui_app):
    doc = EditorDocument.from_layout(sample_layout(), "3:4")
    feed = _feed(doc)
    feed.import_found(found, "screenshots: shot41.png")
    feed.update(device="android-360", theme="dark", page="search", query="秋冬穿搭", slot=3)
    assert doc.is_modified()
    assert [c.title for c in feed.competitors] == [c.title for c in found]
    assert [c.likes for c in feed.competitors] == [int(c.likes or 0) for c in found]
    assert [c.id for c in feed.competitors] == [f"shot41-{c.number}" for c in found]
    path = doc.save(tmp_path / "shelf.xhscover")
    shown = feed.render_now()
    assert shown is not None

    again = EditorDocument.open(path)
    feed2 = _feed(again)
    s1, s2 = feed.settings, feed2.settings
    for name in ("device", "theme", "page", "query", "placement", "slot", "seed", "competitor_dir"):
        assert getattr(s2, name) == getattr(s1, name), name
    assert [(c.id, c.title, c.author, c.likes) for c in feed2.competitors] == \
           [(c.id, c.title, c.author, c.likes) for c in feed.competitors]
    for a, b in zip(feed.competitors, feed2.competitors, strict=True):
        assert np.array_equal(a.image, b.image)
    assert again.project.shelf == doc.project.shelf
    # the reopened feed draws those competitors (their titles are in the description)
    _img, desc = feed2.render_now()
    drawn = {c["title_text"] for c in desc["cards"] if not c["mine"]}
    assert drawn & {c.title for c in found if c.title}


def test_settings_and_imports_are_undo_steps(found, gui_app):
    doc = EditorDocument.from_layout(sample_layout(), "3:4")
    feed = _feed(doc)
    assert not doc.is_modified()
    feed.update(theme="dark")
    assert doc.project.shelf.theme == "dark" and doc.is_modified()
    for q in ("秋", "秋冬", "秋冬穿搭"):  # typing a query is one step
        feed.update(query=q)
    assert doc.undo_stack.count() == 2
    feed.import_found(found, "screenshots")
    assert len(feed.competitors) == len(found)
    doc.undo_stack.undo()
    assert not doc.project.shelf.cards
    feed.ensure_competitors()
    assert len(feed.competitors) > len(found)  # the sample shelf again
    doc.undo_stack.undo()
    assert doc.project.shelf.query == "" and feed.settings.query == ""
    doc.undo_stack.undo()
    assert feed.settings.theme == "light" and not doc.is_modified()
    # view-only settings are not project data
    feed.update(zoom="true", squint=True)
    assert not doc.is_modified()


def test_the_cli_scores_a_project_on_its_saved_shelf(found, tmp_path, gui_app, capsys):
    """`xhscover feed --mine project.xhscover` without --competitors shows the project's shelf."""
    import json

    from xhscover.cli import main

    doc = EditorDocument.from_layout(sample_layout(), "3:4")
    feed = _feed(doc)
    feed.import_found(found, "screenshots: shot41.png")
    path = doc.save(tmp_path / "p.xhscover")
    out = tmp_path / "feed.png"
    assert main(["feed", "--mine", str(path), "-o", str(out), "--json", str(tmp_path / "feed.json")]) == 0
    capsys.readouterr()
    desc = json.loads((tmp_path / "feed.json").read_text(encoding="utf-8"))
    others = {c["id"] for c in desc["cards"] if not c["mine"]}
    assert others == {c.id for c in feed.competitors}
