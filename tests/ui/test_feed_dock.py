"""Feed dock: slots counted from 1, the bottom tab bar pinned to the bottom of the phone screen as
in a one-screen export, and "fit" showing the whole first screen without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from tests.ui.panel_helpers import open_layout


@pytest.fixture
def dock(window, qtbot):
    open_layout(window)
    panel = window.feed_panel
    window.feed.render_now(wait=True)
    qtbot.waitUntil(lambda: not panel.view.item.pixmap().isNull(), timeout=5000)
    return panel


def test_slot_counts_from_one(dock):
    feed = dock.feed
    assert dock.slot.minimum() == 1 and dock.slot.value() == feed.settings.slot + 1
    dock.slot.setValue(3)
    assert feed.settings.slot == 2
    feed.update(slot=0)
    assert dock.slot.value() == 1
    feed.render_now(wait=True)
    mine = [c for c in feed.last_description["cards"] if c["mine"]]
    assert mine[0]["index"] == 0  # slot 1 = the top-left card


def test_fit_shows_the_first_screen_whole_with_the_tab_bar(dock):
    view = dock.view
    desc = dock.feed.last_description
    screen_h = desc["screen_size"][1]
    assert view.mode == "fit" and view.screen_height == screen_h
    assert not view.verticalScrollBar().isVisible() and not view.horizontalScrollBar().isVisible()
    shown = view.mapFromScene(QRectF(0, 0, desc["screen_size"][0], screen_h)).boundingRect()
    assert view.viewport().rect().contains(shown)  # the whole phone screen, nothing to scroll to
    bar = view.chrome
    assert bar.isVisible() and not bar.pixmap().isNull()
    assert bar.pos().y() + bar.pixmap().height() == pytest.approx(screen_h)  # at the screen's bottom
    assert bar.pos().y() == pytest.approx(desc["first_screen_bottom"])
    # the strip is the tab bar the export draws: it matches the end of the scrolled image
    img = dock.shown_image
    assert bar.pixmap().toImage() == img.copy(0, img.height() - bar.pixmap().height(), img.width(),
                                             bar.pixmap().height())


def test_bar_stays_at_the_screen_bottom_while_scrolling(dock):
    view = dock.view
    dock.zoom.setCurrentIndex(dock.zoom.findData("100"))
    assert view.verticalScrollBar().maximum() > 0
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    top = view.mapToScene(0, 0).y()
    assert view.chrome.pos().y() + view.chrome.pixmap().height() == pytest.approx(top + view.screen_height, abs=1)
    dock.zoom.setCurrentIndex(dock.zoom.findData("fit"))
    assert view.verticalScrollBar().value() == 0
    assert view.chrome.pos().y() == pytest.approx(dock.feed.last_description["first_screen_bottom"])
