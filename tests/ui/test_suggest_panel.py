"""帮我改 in the app, through the real widgets offscreen: the button runs in the background with
progress, results come early, a click previews on the canvas and in the feed without editing,
应用 adds a variant in one undo step, a finding links to the suggestion that works on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from xhscover.editing import commands as C
from xhscover.model.styles import Fill


@pytest.fixture
def editor(window, qtbot):
    from xhscover.feed.sample import synthetic_shelf

    window.new_from_layout("photo-title-band", "3:4")
    doc = window.doc
    band = next(lay for lay in doc.cover.layers if lay.id == "band")
    title = doc.cover.title_layer()
    doc.push(C.SetProps(doc, {band.id: {"visible": False},  # the weak cover of the honesty test
                              title.id: {"style.size": 70.0, "style.fill": Fill.solid("#B8B8B0"), "style.shadow": None}}))
    window.feed._set_competitors(synthetic_shelf(8), [], "")  # small shelf: a fast first analysis
    window.auto_score = True
    window.live_score.placements = 8
    window._update_scoring_enabled()
    worker = window.live_score.worker
    qtbot.waitUntil(lambda: worker.latest is not None and worker.latest.stage == "full", timeout=90000)
    return window


def test_help_me_improve_end_to_end(editor, qtbot):
    panel, link = editor.score_panel, editor.suggest
    doc = editor.doc
    # the verdict line opens the panel: one word, the key finding, the variant scored, the share range
    assert panel.verdict.text() and any(w in panel.verdict.text() for w in ("好", "一般", "弱", "Good", "OK", "Weak"))
    assert "11.5" in panel.verdict.text()  # the failing title size is the finding that matters most
    assert "A" in panel.variant.text()
    assert "–" in panel.headline.text() and "8" in panel.headline.text()
    assert panel.headline.toolTip() and panel.sub.toolTip() and panel.verdict.toolTip()

    updates = []
    link.worker.update.connect(updates.append)
    before = doc.undo_stack.count()
    panel.suggest_button.click()
    assert link.worker.busy and panel.cancel_button.isVisibleTo(panel) and panel.progress.isVisibleTo(panel)
    assert not panel.suggest_button.isEnabled()
    qtbot.waitUntil(lambda: link.worker.latest is not None and link.worker.latest.result is not None, timeout=180000)
    assert not link.worker.busy and panel.suggest_button.isEnabled()
    early = [u for u in updates if u.suggestions and u.result is None]
    assert early and early[0].done < early[0].total  # progressive: results before the run ended
    result = link.worker.latest.result
    assert result.suggestions and panel.suggestions.count() == len(result.suggestions)
    assert not panel.suggestions.item(0).icon().isNull()  # thumbnail
    assert doc.undo_stack.count() == before  # running it edits nothing

    # the verdict line now names the best suggestion; a finding links to the one that works on it
    qtbot.waitUntil(lambda: "→" in " ".join(panel.list.item(i).text() for i in range(panel.list.count())),
                    timeout=5000)
    linked = next(panel.list.item(i) for i in range(panel.list.count()) if "→" in panel.list.item(i).text())
    panel._finding_clicked(linked)
    chosen = panel.current_suggestion()
    assert chosen is not None and chosen.id == linked.data(Qt.ItemDataRole.UserRole + 1)

    # preview: canvas and feed show the suggestion, the document is untouched
    assert editor.canvas.preview_cover is chosen.candidate.cover
    card = editor.feed.my_card(doc.cover_id)
    assert card.extra.get("preview") and card.image is chosen.rgb
    assert doc.undo_stack.count() == before
    panel.end_preview.click()
    assert editor.canvas.preview_cover is None and not editor.feed.my_card(doc.cover_id).extra.get("preview")

    # 应用: a new variant, one undo step, with the suggestion's look and the original's text
    panel.select_suggestion(result.suggestions[0].id)
    assert panel.apply_button.isEnabled()
    n = len(doc.project.covers)
    panel.apply_button.click()
    assert len(doc.project.covers) == n + 1 and doc.undo_stack.count() == before + 1
    new = doc.project.covers[-1]
    assert doc.cover_id == new.id and new.name.endswith("1")
    texts = sorted(t.text for t in new.text_layers() if t.visible and t.text.strip())
    assert texts == sorted(t.text for t in doc.project.covers[0].text_layers() if t.visible and t.text.strip())
    assert panel.suggestions.count() == len(result.suggestions)  # the original is unchanged: suggestions stay
    doc.undo_stack.undo()
    assert len(doc.project.covers) == n

    # editing the improved cover drops its suggestions (they were made for the cover as it was)
    title = doc.cover.title_layer()
    doc.push(C.SetProps(doc, {title.id: {"style.size": 80.0}}))
    assert panel.suggestions.count() == 0 and panel.suggest_result is None
    editor.live_score.set_enabled(False)
    link.worker.wait()


def test_cancel_stops_the_background_run(editor, qtbot):
    panel, link = editor.score_panel, editor.suggest
    panel.suggest_button.click()
    qtbot.waitUntil(lambda: link.worker.latest is not None, timeout=60000)
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: not link.worker.busy, timeout=60000)
    assert link.worker.latest.cancelled or link.worker.latest.result is not None
    assert panel.suggest_button.isEnabled()
    editor.live_score.set_enabled(False)
    link.worker.wait()


def test_new_strings_are_translated(qapp):
    from PySide6.QtCore import QTranslator

    from xhscover.ui.app import I18N_DIR

    t = QTranslator()
    assert t.load(str(I18N_DIR / "xhscover_zh_CN.qm"))
    assert t.translate("ScorePanel", "Help me improve") == "帮我改"
    assert t.translate("ScorePanel", "Apply as a new variant") == "应用为新方案"
    assert t.translate("ScorePanel", "End preview") == "结束预览"
    assert t.translate("SuggestLink", "Help me improve {0}") == "帮我改 {0}"


def test_a_shelf_of_one_card_says_why(editor, qtbot):
    from xhscover.feed.sample import synthetic_shelf

    panel, link = editor.score_panel, editor.suggest
    editor.feed._set_competitors(synthetic_shelf(1), [], "")
    panel.suggest_button.click()
    qtbot.waitUntil(lambda: not link.worker.busy, timeout=60000)
    assert "at least 2" in panel.suggest_status.text() and "Error" not in panel.suggest_status.text()
    editor.live_score.set_enabled(False)
    link.worker.wait()
