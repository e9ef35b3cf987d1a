"""Screenshots in, competitor folder out: not-a-feed screens, duplicates across a scrolled feed,
the cards.json the feed and score commands read as they are, and the CLI's lines."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from tests.shelfimport import shots
from tests.shelfimport.scoring import iou
from xhscover.cli import main
from xhscover.errors import ImageError
from xhscover.feed.cards import load_competitor_dir
from xhscover.shelfimport.reader import (
    NotAFeedError,
    mark_duplicates,
    read_screenshot,
    read_screenshot_file,
    same_cover,
    shelf_cards,
)


@pytest.mark.parametrize("name", ["note-detail", "chat", "photo", "settings"])
def test_not_a_feed_is_one_clear_line(name):
    image = dict(shots.not_feed_shots())[name]
    with pytest.raises(NotAFeedError, match=f"^no feed grid found in {name}.png$"):
        read_screenshot(image, f"{name}.png")


def test_tiny_and_broken_files(tmp_path):
    with pytest.raises(ImageError, match="too small"):
        read_screenshot(np.full((100, 60, 3), 255, np.uint8), "tiny.png")
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(ImageError, match="broken.jpg"):
        read_screenshot_file(bad)


def _scrolled_pair():
    notes = shots.make_notes(__import__("random").Random(5), 14)
    a = shots.phone_shot(31, notes=notes, theme="light", page="home", scroll=0.0, overlay="none",
                       device="iphone-pro-max")
    b = shots.phone_shot(31, notes=notes, theme="light", page="home", scroll=260.0, overlay="none",
                       device="iphone-pro-max")
    return a, shots.degrade(b, scale=0.75, jpeg=80)


def test_the_same_note_in_two_screenshots_is_imported_once():
    a, b = _scrolled_pair()
    ra, rb = read_screenshot(a.image, "a.png"), read_screenshot(b.image, "b.jpg")
    both = {t.key for t in a.complete_cards()} & {t.key for t in b.complete_cards()}
    assert both, "the scroll should leave a note complete on both screens"
    assert mark_duplicates([ra, rb]) >= len(both)

    def key(shot, card):
        return max(shot.cards, key=lambda t: iou(t.cover, card.cover_box)).key

    kept_a = {key(a, c) for c in shelf_cards([ra])}
    for c in rb.cards:
        if c.duplicate_of is not None:
            assert key(b, c) in kept_a and not c.importable
            first = next(x for x in ra.cards if x.number == c.duplicate_of[1])
            assert key(a, first) == key(b, c) and c.duplicate_of[0] == "a.png"
    keys = [key(a, c) for c in shelf_cards([ra])] + [key(b, c) for c in rb.cards if c.importable]
    assert len(keys) == len(set(keys)) and both <= set(keys)
    # different notes never match
    firsts = [c for c in ra.cards if not c.cut]
    assert not any(same_cover(x, y) for i, x in enumerate(firsts) for y in firsts[i + 1:])


def test_cli_writes_a_competitor_folder_the_feed_reads(tmp_path, capsys):
    a, b = _scrolled_pair()
    pa, pb = tmp_path / "shot-a.png", tmp_path / "shot-b.jpg"
    Image.fromarray(a.image).save(pa)
    Image.fromarray(b.image).save(pb, quality=90)
    note = tmp_path / "note.png"
    Image.fromarray(dict(shots.not_feed_shots())["chat"]).save(note)
    out = tmp_path / "shelf"
    code = main(["import-shelf", str(pa), str(note), str(pb), "--out", str(out)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0].startswith("shot-a.png: ") and "kept" in lines[0]
    assert lines[1] == "no feed grid found in note.png"
    assert lines[2].startswith("shot-b.jpg: ") and "seen in an earlier screenshot" in lines[2]
    assert lines[3].startswith("wrote ")
    data = json.loads((out / "cards.json").read_text(encoding="utf-8"))
    rows = data["cards"]
    assert rows and all(isinstance(r["likes"], int) for r in rows)
    assert all(len(r["rect"]) == 4 and r["source"] in ("shot-a.png", "shot-b.jpg") for r in rows)
    assert not any(r["cut_top"] or r["cut_bottom"] for r in rows)
    cards, warnings = load_competitor_dir(out)
    assert not warnings
    assert [c.title for c in cards] == [r["title"] for r in rows]
    assert [c.likes for c in cards] == [r["likes"] for r in rows]
    assert [c.author for c in cards] == [r["author"] for r in rows]
    # importing again into the same folder replaces the earlier import
    code = main(["import-shelf", str(pa), "--out", str(out)])
    capsys.readouterr()
    assert code == 0
    again = json.loads((out / "cards.json").read_text(encoding="utf-8"))["cards"]
    assert len(list(out.glob("*.jpg"))) == len(again)


def test_cli_refuses_a_folder_of_other_covers_and_writes_nothing_without_a_feed(tmp_path, capsys):
    note = tmp_path / "note.png"
    Image.fromarray(dict(shots.not_feed_shots())["note-detail"]).save(note)
    code = main(["import-shelf", str(note), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 2
    assert out.strip() == "no feed grid found in note.png"
    assert "nothing written" in err and not (tmp_path / "out").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    Image.new("RGB", (30, 40)).save(mine / "cover.png")
    a, _ = _scrolled_pair()
    shot = tmp_path / "a.png"
    Image.fromarray(a.image).save(shot)
    code = main(["import-shelf", str(shot), "--out", str(mine)])
    assert code == 2 and "choose an empty folder" in capsys.readouterr().err
    assert sorted(p.name for p in mine.iterdir()) == ["cover.png"]
