"""`xhscover suggest` end to end: outputs, the documented JSON, and clear messages for bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from xhscover.cli import main
from xhscover.feed.sample import synthetic_shelf
from xhscover.model.layers import TextLayer
from xhscover.model.project import Project, load_project, save_project

from .test_suggest import texts, weak_cover

DOC = Path(__file__).resolve().parents[2] / "docs" / "suggestions-schema.md"


@pytest.fixture(scope="module")
def files(tmp_path_factory, app):
    root = tmp_path_factory.mktemp("suggest")
    comp = root / "competitors"
    comp.mkdir()
    for card in synthetic_shelf(n=8, seed=4, width=360):
        Image.fromarray(card.image).save(comp / f"{card.id}.png")
    one = root / "one"
    one.mkdir()
    Image.fromarray(synthetic_shelf(n=1, seed=4, width=360)[0].image).save(one / "only.png")
    proj = root / "weak.xhscover"
    save_project(Project(covers=[weak_cover()]), proj)
    from xhscover.model.images import ImageStore
    from xhscover.score.user_covers import render_rgb

    png = root / "weak.png"
    Image.fromarray(render_rgb(weak_cover(), ImageStore())).save(png)
    return root, comp, one, proj, png


def test_suggest_writes_variants_json_and_html(files, capsys):
    root, comp, _one, proj, _png = files
    out = root / "out"
    code = main(["suggest", str(proj), "--competitors", str(comp), "--placements", "8", "--n", "20", "--top", "3",
                 "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert printed.split(":")[0] in ("Good", "OK", "Weak") and "json:" in printed and "1. c" in printed
    data = json.loads((out / "suggestions.json").read_text(encoding="utf-8"))
    assert data["schema"] == "xhscover.suggestions/1"
    sugg = data["suggestions"]
    assert 1 <= len(sugg) <= 3
    for s in sugg:
        for key in ("id", "change", "gain", "ci_low", "ci_high", "text_zh", "text_en", "file", "heatmap", "variant"):
            assert key in s, key
        assert s["ci_low"] <= s["gain"] <= s["ci_high"]
        assert isinstance(s["change"], list) and all("kind" in c for c in s["change"])
        assert (out / s["file"]).is_file() and (out / s["heatmap"]).is_file()
    assert [s["gain"] for s in sugg] == sorted((s["gain"] for s in sugg), reverse=True)
    # the weak cover's best fix is a big, clear gain (measured +33% with screens assembled from
    # per-cover readouts, +29% (27% to 32%) since the assembled screens follow the full pass)
    assert data["clearly_better"] and data["best"] == sugg[0]["id"] and sugg[0]["gain"] >= 0.25
    findings = data["original"]["findings"]
    size = next(f for f in findings if f["key"] == "title_size")
    assert size["status"] == "fail" and size["suggestion"] in {s["id"] for s in sugg}  # the finding links to a fix
    assert f'href="#s-{size["suggestion"]}"' in (out / "suggestions.html").read_text(encoding="utf-8")
    verdict = data["original"]["verdict"]
    assert verdict["level"] in ("good", "ok", "weak") and verdict["finding"] == "title_size"  # 11.5 pt fails
    # one project: the original, then every suggestion as a variant, text untouched
    project = load_project(out / data["project"])
    assert [c.id for c in project.covers] == ["A"] + [s["variant"] for s in sugg]
    for cover in project.covers[1:]:
        assert texts(cover) == texts(project.covers[0])
    html = (out / "suggestions.html").read_text(encoding="utf-8")
    assert "帮我改" in html and sugg[0]["text_zh"] in html and "<script" not in html
    # the schema doc names every field written
    doc = DOC.read_text(encoding="utf-8")
    for key in list(data) + list(sugg[0]) + list(data["original"]) + list(data["method"]):
        assert f"`{key}`" in doc, key


def test_a_picture_gets_crops_and_a_note(files, capsys):
    root, comp, _one, _proj, png = files
    code = main(["suggest", str(png), "--competitors", str(comp), "--placements", "6", "--n", "5",
                 "--out", str(root / "png")])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "note: weak.png is a picture, so only crops can be tried" in printed
    data = json.loads((root / "png" / "suggestions.json").read_text(encoding="utf-8"))
    assert all(c["kind"] == "photo_crop" for s in data["suggestions"] for c in s["change"])


@pytest.mark.parametrize("case", ["one-card shelf", "missing file", "bad variant", "variant on png", "bad n"])
def test_bad_input_is_one_clear_line(files, tmp_path, capsys, case):
    root, comp, one, proj, png = files
    args = {"one-card shelf": [str(proj), "--competitors", str(one)],
            "missing file": [str(root / "nope.xhscover")],
            "bad variant": [str(proj), "--variant", "Z"],
            "variant on png": [str(png), "--variant", "A"],
            "bad n": [str(proj), "--competitors", str(comp), "--n", "0"]}[case]
    code = main(["suggest", *args, "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith("xhscover: error:") and err.count("\n") == 0, err
    assert re.search({"one-card shelf": "at least 2", "missing file": "no such file", "bad variant": "no variant 'Z'",
                      "variant on png": "--variant", "bad n": "between 1 and 500"}[case], err)


def test_project_without_text(files, tmp_path, capsys):
    _root, comp, _one, _proj, _png = files
    cover = weak_cover()
    cover.layers = [lay for lay in cover.layers if not isinstance(lay, TextLayer)]
    proj = tmp_path / "notext.xhscover"
    save_project(Project(covers=[cover]), proj)
    code = main(["suggest", str(proj), "--competitors", str(comp), "--placements", "6", "--n", "8",
                 "--out", str(tmp_path / "o")])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert np.isfinite(json.loads((tmp_path / "o" / "suggestions.json").read_text(encoding="utf-8"))
                       ["original"]["fair_ratio"])
