"""Shared fixtures: a small synthetic shelf, covers built from the model, one scorer per session."""

from __future__ import annotations

import numpy as np
import pytest

from xhscover.feed.cards import card_from_image
from xhscover.feed.sample import synthetic_shelf
from xhscover.model.cover import Background, Cover
from xhscover.model.layers import TextLayer
from xhscover.model.styles import Fill, TextStyle


@pytest.fixture(scope="session")
def app():
    from xhscover.render.qt import ensure_gui_app

    return ensure_gui_app()


def title_cover(text: str = "大字标题", size: float = 260, colour: str = "#000000", bg: str = "#FFFFFF",
                cid: str = "A", box: tuple[float, float, float, float] = (60, 420, 960, 600)) -> Cover:
    """A plain cover with one title layer (role "title")."""
    x, y, w, h = box
    layer = TextLayer(id="title", x=x, y=y, w=w, h=h, text=text, role="title",
                      style=TextStyle(size=size, weight=900, fill=Fill.solid(colour)))
    return Cover(id=cid, name=cid, background=Background(fill=Fill.solid(bg)), layers=[layer], note_title="测试笔记标题")


def cover_card(cover: Cover, cid: str | None = None):
    """A feed card of the user's cover with its exact facts attached (as shelf.load_mine does)."""
    from xhscover.model.images import ImageStore
    from xhscover.render.convert import qimage_to_rgb
    from xhscover.render.cover import render_cover
    from xhscover.score.covers import facts_from_cover

    store = ImageStore()
    rgb = qimage_to_rgb(render_cover(cover, store))
    card = card_from_image(rgb, id=cid or cover.id, title=cover.note_title, mine=True)
    card.extra["facts"] = facts_from_cover(cover, store, id=card.id, rgb=rgb)
    return card


def grey_card(cid: str = "grey"):
    from xhscover.score.covers import facts_from_image

    rgb = np.full((1440, 1080, 3), 128, np.uint8)
    card = card_from_image(rgb, id=cid, title="测试笔记标题", mine=True)
    card.extra["facts"] = facts_from_image(rgb, id=cid, mine=True)
    return card


@pytest.fixture(scope="session")
def shelf():
    return synthetic_shelf(n=10, seed=3, width=360)


@pytest.fixture(scope="session")
def scorer(app, shelf):
    from xhscover.score.shares import ShelfScorer

    s = ShelfScorer(shelf)
    s.prepare()
    return s


@pytest.fixture(scope="session")
def big_card(app):
    return cover_card(title_cover(), "big")


@pytest.fixture(scope="session")
def flat_card(app):
    return grey_card("flat")
