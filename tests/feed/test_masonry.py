from dataclasses import dataclass

import pytest

from xhscover.feed.masonry import arrange, card_text_height, chrome_heights, column_metrics, layout_feed
from xhscover.feed.profiles import load_profiles


@dataclass
class C:
    id: str
    aspect: float
    title: str = ""
    mine: bool = False


def one_line(title, width):
    return 1 if title else 0


def test_each_card_goes_to_the_shorter_column_by_hand():
    prof = load_profiles()
    dev = prof.device("iphone-se")
    col, margin, gap = column_metrics(dev, prof)
    f = prof.feed
    cards = [C("a", 3 / 4, "t"), C("b", 4 / 3, "t"), C("c", 1.0, "t"), C("d", 3 / 4, "t"), C("e", 3 / 4, "t")]
    geo = layout_feed(cards, dev, prof, "home", one_line)
    text = card_text_height(1, prof)
    top = chrome_heights(dev, prof, "home")[0] + f["top_padding"]
    h = {"a": col * 4 / 3 + text, "b": col * 3 / 4 + text, "c": col + text, "d": col * 4 / 3 + text}
    g = f["row_gap"]
    # a -> left (tie), b -> right, c -> right (right is shorter), d -> left? compare by hand:
    left, right = top + h["a"] + g, top + h["b"] + g
    assert right < left
    right_after_c = right + h["c"] + g
    expect_d = 0 if left <= right_after_c else 1
    cols = {pc.id: pc.column for pc in geo.cards}
    assert cols["a"] == 0 and cols["b"] == 1 and cols["c"] == 1 and cols["d"] == expect_d
    ys = {pc.id: pc.card.y for pc in geo.cards}
    assert ys["a"] == pytest.approx(top) and ys["b"] == pytest.approx(top)
    assert ys["c"] == pytest.approx(right)
    for pc in geo.cards:
        assert pc.card.x == pytest.approx(margin if pc.column == 0 else margin + col + gap)
        assert pc.card.w == pytest.approx(col)
        assert pc.cover.h == pytest.approx(col / pc.cover_aspect)


def test_tall_covers_cropped_to_3_4_and_wide_to_4_3():
    prof = load_profiles()
    geo = layout_feed([C("tall", 9 / 16), C("wide", 16 / 9)], prof.device("iphone-15"), prof, "home", one_line)
    assert geo.cards[0].cover_aspect == pytest.approx(0.75)
    assert geo.cards[1].cover_aspect == pytest.approx(4 / 3)


def test_title_lines_change_card_height():
    prof = load_profiles()
    dev = prof.device("iphone-15")
    geo = layout_feed([C("a", 0.75, "x"), C("b", 0.75, "xx"), C("c", 0.75, "")], dev, prof, "home",
                      lambda t, w: len(t))
    hs = [pc.card.h - pc.cover.h for pc in geo.cards]
    lh = prof.feed["title_line_height"]
    assert hs[1] - hs[0] == pytest.approx(lh)
    assert geo.cards[2].title_lines == 0 and hs[2] < hs[0]
    assert geo.cards[1].title.h == pytest.approx(2 * lh)


def test_first_screen_flags_and_viewport():
    prof = load_profiles()
    dev = prof.device("iphone-15")
    geo = layout_feed([C(str(i), 0.75, "t") for i in range(12)], dev, prof, "home", one_line)
    top, bottom = chrome_heights(dev, prof, "home")
    assert geo.viewport.y == top and geo.viewport.bottom == pytest.approx(dev.height - bottom)
    for pc in geo.cards:
        assert pc.visible == (pc.card.y < geo.viewport.bottom)
    assert 4 <= sum(pc.visible for pc in geo.cards) <= 6
    search = layout_feed([C(str(i), 0.75, "t") for i in range(12)], dev, prof, "search", one_line)
    assert search.bottom_chrome == 0 and search.top_chrome > geo.top_chrome


def test_arrange_slot_seed_and_variants():
    comp = [C(f"c{i}", 0.75) for i in range(10)]
    mine = [C("m1", 0.75), C("m2", 1.0)]
    feed = arrange(mine[:1], comp, slot=3)
    assert [c.id for c in feed].index("m1") == 3 and feed[3].mine
    assert [c.id for c in feed if not c.mine] == [c.id for c in comp]  # no seed: order kept
    feed = arrange(mine, comp, slot=2)
    assert [c.id for c in feed][2:4] == ["m1", "m2"]
    a = arrange(mine, comp, seed=11)
    b = arrange(mine, comp, seed=11)
    c = arrange(mine, comp, seed=12)
    assert [x.id for x in a] == [x.id for x in b]
    assert [x.id for x in a] != [x.id for x in c]
    assert all(i < 6 for i, x in enumerate(a) if x.mine)
    assert sorted(x.id for x in a) == sorted([*(m.id for m in mine), *(x.id for x in comp)])
    feed = arrange(mine[:1], comp, slot=99)
    assert feed[-1].id == "m1"
    feed = arrange(mine, comp, slot=[0, 5])
    assert feed[0].id == "m1" and feed[5].id == "m2"


def test_arrange_makes_ids_unique():
    feed = arrange([C("x", 1.0)], [C("x", 1.0), C("y", 1.0)], slot=0)
    assert len({c.id for c in feed}) == 3
