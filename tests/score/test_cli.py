"""`xhscover feed` and `xhscover score` end to end on small inputs, and their error messages."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from xhscover.cli import main
from xhscover.feed.sample import synthetic_shelf
from xhscover.model.project import Project, save_project

from .conftest import title_cover


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, app):
    root = tmp_path_factory.mktemp("shelf")
    comp = root / "competitors"
    comp.mkdir()
    for card in synthetic_shelf(n=5, seed=11, width=300):
        Image.fromarray(card.image).save(comp / f"{card.id}.png")
    project = Project()
    project.covers = [title_cover("大字标题", cid="A"), title_cover("小字", size=40, colour="#555555", cid="B")]
    proj = root / "note.xhscover"
    save_project(project, proj)
    img = root / "plain.png"
    Image.fromarray(np.full((1440, 1080, 3), 90, np.uint8)).save(img)
    return root, comp, proj, img


def test_feed_command(inputs, capsys):
    root, comp, proj, img = inputs
    out = root / "feed.png"
    code = main(["feed", "--mine", str(proj), "--competitors", str(comp), "--seed", "1", "-o", str(out),
                 "--json", str(root / "feed.json")])
    assert code == 0
    printed = capsys.readouterr().out
    assert "feed:" in printed and "A at slot" in printed
    assert Image.open(out).size == (1179, 2556)
    desc = json.loads((root / "feed.json").read_text(encoding="utf-8"))
    mine = [c for c in desc["cards"] if c["mine"]]
    assert [c["id"] for c in mine] == ["A", "B"]
    assert mine[0]["title_text"] == "测试笔记标题"


def test_feed_with_an_image_and_a_title(inputs, capsys):
    root, comp, _proj, img = inputs
    out = root / "feed2.png"
    assert main(["feed", "--mine", str(img), "--title", "我的标题", "--competitors", str(comp), "--slot", "1",
                 "-o", str(out)]) == 0
    assert "plain at slot 1)" in capsys.readouterr().out  # counted from 1, as in the app
    assert main(["feed", "--mine", str(img), "--slot", "0", "-o", str(out)]) == 2
    assert "counts feed positions from 1" in capsys.readouterr().err
    assert out.is_file() and not (root / "feed2.json").exists()


def test_score_command(inputs, capsys):
    root, comp, proj, _img = inputs
    code = main(["score", "--mine", str(proj), "--competitors", str(comp), "--placements", "4",
                 "--json", str(root / "r.json"), "--csv", str(root / "r.csv"), "--html", str(root / "r.html"),
                 "--heatmaps", str(root / "heat")])
    assert code == 0
    printed = capsys.readouterr().out
    assert "A: " in printed and "its fair share (share" in printed and "A/B:" in printed
    data = json.loads((root / "r.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["covers"]] == ["A", "B"]
    assert data["ab"]["verdicts"][0]["winner"] == "A"
    assert (root / "r.csv").is_file() and (root / "r.html").is_file()
    assert (root / "heat" / "feed-A.png").is_file() and (root / "heat" / "cover-B.png").is_file()


@pytest.mark.parametrize("command", ["feed", "score"])
def test_missing_mine_file(inputs, tmp_path, capsys, command):
    extra = ["-o", str(tmp_path / "x.png")] if command == "feed" else []
    code = main([command, "--mine", str(tmp_path / "nope.png"), *extra])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.count("\n") == 0 and "nope.png" in err and err.startswith("xhscover: error:")


def test_broken_project(tmp_path, capsys):
    bad = tmp_path / "broken.xhscover"
    bad.write_bytes(b"this is not a zip file")
    code = main(["score", "--mine", str(bad)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.count("\n") == 0 and "broken.xhscover" in err


def test_bad_placements_and_device(inputs, capsys):
    _root, comp, _proj, img = inputs
    assert main(["score", "--mine", str(img), "--competitors", str(comp), "--placements", "0"]) == 2
    assert "--placements" in capsys.readouterr().err
    assert main(["score", "--mine", str(img), "--device", "nokia-3310"]) == 2
    assert "nokia-3310" in capsys.readouterr().err
