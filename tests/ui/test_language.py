"""One UI-language lookup: every widget that shows bilingual text asks `ui.language`."""

from __future__ import annotations

import ast
from pathlib import Path

from xhscover.ui.language import DEFAULT, is_english, pick, set_ui_language, ui_language

UI = Path(__file__).resolve().parents[2] / "xhscover" / "ui"


def test_lookup_follows_the_installed_language(qapp):
    before = qapp.property("xhs_language")
    try:
        set_ui_language(qapp, "en")
        assert ui_language() == "en" and is_english() and pick("中文", "English") == "English"
        set_ui_language(qapp, "zh_CN")
        assert ui_language() == "zh_CN" and not is_english() and pick("中文", "English") == "中文"
        qapp.setProperty("xhs_language", None)
        assert ui_language() == DEFAULT == "zh_CN"  # Chinese by default, as the app starts
    finally:
        qapp.setProperty("xhs_language", before)


def test_no_other_module_reads_the_language_property():
    for path in UI.rglob("*.py"):
        if path.name == "language.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "xhs_language":
                raise AssertionError(f"{path.name} reads the UI language itself; use xhscover.ui.language")
