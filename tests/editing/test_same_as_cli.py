"""App and CLI: the same project file and settings give the same findings and numbers (issue 12).

A new user saw contrast 12.8:1 in the app and 13.4:1 from `xhscover score` for the same project,
and the OCR finding only in the CLI: the app scored its small feed render without the OCR check.
Both now go through one code path; this test runs the real CLI and the real score worker.
"""

from __future__ import annotations

import json

import pytest
from PIL import Image

from xhscover.cli import main
from xhscover.editing import commands as C
from xhscover.editing.document import EditorDocument
from xhscover.editing.feedstate import FeedController
from xhscover.editing.scoring import ScoreEngine, build_request
from xhscover.feed.sample import synthetic_shelf
from xhscover.model.layouts import get_layout


@pytest.fixture(scope="module")
def files(tmp_path_factory, gui_app):
    root = tmp_path_factory.mktemp("same")
    comp = root / "competitors"
    comp.mkdir()
    for card in synthetic_shelf(n=8, seed=5, width=720):
        Image.fromarray(card.image).save(comp / f"{card.id}.png")
    doc = EditorDocument.from_layout(get_layout("photo-title-band"), "3:4")
    doc.push(C.duplicate_variant(doc))
    title = next(t for t in doc.cover.text_layers() if t.role == "title")
    doc.push(C.SetProps(doc, {title.id: {"style.size": 90.0, "style.fill.color": "#DDDDDD"}}))
    proj = doc.save(root / "note.xhscover")
    return root, comp, proj


def _app_result(proj, comp, placements, seed):
    doc = EditorDocument.open(proj)
    feed = FeedController(delay_ms=10)
    feed.set_document(doc)
    feed.import_folder(comp)
    if seed:
        feed.update(placement="random", seed=seed)
    out = []
    req = build_request(feed, 1, placements=placements)
    ScoreEngine().run(req, out.append, lambda: False)
    assert out and not out[-1].error, out[-1].error if out else "no result"
    assert out[-1].stage == "full"
    return doc, out[-1]


@pytest.mark.parametrize("seed", [0, 3])
def test_app_and_cli_report_the_same_numbers(files, capsys, seed):
    root, comp, proj = files
    placements = 4
    report = root / f"r{seed}.json"
    assert main(["score", "--mine", str(proj), "--competitors", str(comp), "--placements", str(placements),
                 "--seed", str(seed), "--json", str(report)]) == 0
    capsys.readouterr()
    cli = json.loads(report.read_text(encoding="utf-8"))
    doc, res = _app_result(proj, comp, placements, seed)

    assert [c["id"] for c in cli["covers"]] == [c.id for c in doc.project.covers] == list(res.fair)
    for c in cli["covers"]:
        fs = res.fair[c["id"]]
        assert c["fair_ratio"] == round(fs.fair_ratio, 4)
        assert c["share_mean"] == round(fs.share_mean, 5) and c["share_std"] == round(fs.share_std, 5)
        assert [p["share"] for p in c["placements"]] == [round(p.share, 5) for p in fs.placements]
        app_findings = [f.to_dict() for f in res.run.diagnoses[c["id"]].findings]
        assert app_findings == c["diagnostics"]["findings"]  # keys, statuses, values and sentences
    assert "title_ocr" in [f.key for f in res.findings]  # the panel shows the OCR finding too
    assert [v.to_dict() for v in res.run.verdicts] == cli["ab"]["verdicts"]
    # the panel's current cover is A; its quick-stage findings are the same call
    assert res.current == "A"
    contrast = res.diagnosis.finding("title_contrast")
    assert contrast.to_dict() == next(f for f in cli["covers"][0]["diagnostics"]["findings"]
                                      if f["key"] == "title_contrast")
