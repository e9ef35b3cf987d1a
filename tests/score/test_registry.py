"""The findings registry: one row per finding, read by diagnose, the reports, the schema doc and the panel."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from xhscover.score import report
from xhscover.score.covers import facts_from_image
from xhscover.score.diagnose import CHECK_KEYS, CHECKS, STATUS, Check, Finding, check, diagnose, schema_doc_rows

from .conftest import cover_card, title_cover

DOC = Path(__file__).resolve().parents[2] / "docs" / "report-schema.md"


def test_every_row_is_complete_and_unique():
    assert len(set(CHECK_KEYS)) == len(CHECKS) >= 8
    for row in CHECKS:
        assert isinstance(row, Check) and callable(row.run)
        assert row.name_zh and row.name_en and row.about_zh and row.about_en and row.rule
        assert check(row.key) is row


def test_diagnose_runs_the_rows_in_order(app):
    facts = cover_card(title_cover("周末出逃计划", size=200), "big").extra["facts"]
    d = diagnose(facts, card_width_pt=190.0)
    assert [f.key for f in d.findings] == list(CHECK_KEYS)
    quick = diagnose(facts, card_width_pt=190.0, ocr_check=False)
    assert [f.key for f in quick.findings] == [c.key for c in CHECKS if not c.slow]
    for f in d.findings:
        assert isinstance(f, Finding) and f.status in STATUS and f.zh and f.en and f.threshold
        assert f.unit == check(f.key).unit


def test_a_new_row_is_picked_up_everywhere(app, monkeypatch):
    """One function and one row: diagnose, the CSV columns and the doc table follow the registry."""
    from xhscover.score import diagnose as dg

    def title_length(s: dg.Subject) -> Finding:
        n = len(s.facts.title_text)
        return Finding("title_length", "info", n, "characters", "count", f"{n} characters", f"{n} 个字")

    row = Check("title_length", title_length, "标题字数", "title length", "标题有几个字。", "How many characters.",
                "characters", "number of characters in the title (info).")
    monkeypatch.setattr(dg, "CHECKS", (*dg.CHECKS, row))
    facts = cover_card(title_cover("周末出逃计划", size=200), "big").extra["facts"]
    d = dg.diagnose(facts, card_width_pt=190.0, ocr_check=False)
    assert d.finding("title_length").value == 6
    assert "`title_length`" in dg.schema_doc_rows()


def test_schema_doc_is_written_from_the_registry():
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- findings:begin -->\n(.*?)\n<!-- findings:end -->", text, re.S)
    assert block, "docs/report-schema.md lost its findings block"
    assert block.group(1) == schema_doc_rows(), "regenerate it: python -m xhscover.score.diagnose"


def test_report_columns_come_from_the_registry():
    assert tuple(report.CSV_FINDINGS) == CHECK_KEYS


def test_no_internal_file_names_in_user_facing_rules(app):
    """Thresholds cite public facts, not the team's notes (issue 13)."""
    d = diagnose(facts_from_image(np.full((1440, 1080, 3), 200, np.uint8), id="flat"), card_width_pt=190.0)
    texts = [c.rule for c in CHECKS] + [f.threshold for f in d.findings] + [f.en for f in d.findings]
    assert not any(".md" in t for t in texts)
    assert "180 pt" in check("title_size").rule and "1/15" in check("title_size").rule
