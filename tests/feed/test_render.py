import json

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QImage

from xhscover.feed.cards import card_from_image
from xhscover.feed.draw import RenderCache, render_feed, squint
from xhscover.feed.export import export_feed
from xhscover.feed.images import qimage_to_rgb
from xhscover.feed.sample import synthetic_shelf
from xhscover.feed.spec import FeedSpec

GREEN = (0, 255, 0)
CANVAS = {"light": (245, 245, 245), "dark": (14, 14, 17)}
CARD = {"light": (255, 255, 255), "dark": (25, 25, 30)}


def green_card(ratio=3 / 4, title="我的封面：秋天第一次去杭州，西湖边的咖啡店太出片了！"):
    arr = np.zeros((round(600 / ratio), 600, 3), np.uint8)
    arr[:] = GREEN
    return card_from_image(arr, title=title)


def bbox(mask):
    ys, xs = np.nonzero(mask)
    return [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page", ["home", "search"])
def test_cover_pixels_are_where_the_json_says(qapp, tmp_path, theme, page):
    spec = FeedSpec(device="iphone-15", theme=theme, page=page, query="秋冬穿搭", mine=[green_card()],
                    competitors=synthetic_shelf(12), slot=1)
    png, jpath, _ = export_feed(spec, tmp_path / "feed.png", png_compression=1)
    desc = json.loads(jpath.read_text(encoding="utf-8"))
    rgb = np.asarray(Image.open(png).convert("RGB"))
    assert desc["size"] == [1179, 2556] == [rgb.shape[1], rgb.shape[0]]
    assert desc["device"] == "iphone-15" and desc["theme"] == theme
    mine = [c for c in desc["cards"] if c["mine"]]
    assert len(mine) == 1 and mine[0]["index"] == 1 and mine[0]["visible"]
    x, y, w, h = mine[0]["cover"]
    assert bbox(np.all(rgb == GREEN, axis=2)) == [x, y, w, h]
    inner = rgb[y + 20: y + h - 1, x: x + w]  # below the rounded top corners: every pixel green
    assert np.all(inner == GREEN)
    cx, cy, cw, ch = mine[0]["card"]
    assert cw == w and cx == x and cy == y and ch > h
    assert tuple(rgb[cy + ch // 2, cx - 2]) == CANVAS[theme] or mine[0]["column"] == 0
    assert tuple(rgb[y + h + 3, x + w // 2]) == CARD[theme]  # card surface under the cover
    tx, ty, tw, th = mine[0]["title"]
    assert th > 0 and ty >= y + h
    title_px = rgb[ty: ty + th, tx: tx + tw].astype(int)
    assert np.abs(title_px - np.array(CARD[theme])).sum(axis=2).max() > 200  # there is text
    for c in desc["cards"]:
        cx, cy, cw, ch = c["card"]
        assert c["visible"] == (cy < desc["first_screen_bottom"] and cy + ch > desc["viewport"][1])
        assert c["cover"][0] == cx and c["cover"][2] == cw


def test_canvas_and_columns_match_profile(qapp):
    img, desc = render_feed(FeedSpec(device="iphone-se", competitors=synthetic_shelf(8)))
    assert desc["size"] == [750, 1334]
    rgb = qimage_to_rgb(img)
    left = [c for c in desc["cards"] if c["column"] == 0][0]
    right = [c for c in desc["cards"] if c["column"] == 1][0]
    gap = right["card"][0] - (left["card"][0] + left["card"][2])
    assert left["card"][2] / 750 == pytest.approx(0.482, abs=0.003)
    assert 6 <= gap <= 14  # ~4.5 pt at 2x
    y = left["card"][1] + 50
    assert tuple(rgb[y, left["card"][0] + left["card"][2] + gap // 2]) == CANVAS["light"]


def test_full_scroll_contains_every_card(qapp):
    img, desc = render_feed(FeedSpec(competitors=synthetic_shelf(20), mine=[green_card()], slot=5,
                                     full_scroll=True))
    assert desc["size"][1] > 2556 and img.height() == desc["size"][1]
    assert len(desc["cards"]) == 21
    for c in desc["cards"]:
        x, y, w, h = c["card"]
        assert 0 <= x and x + w <= desc["size"][0] and y + h <= desc["size"][1]
    rgb = qimage_to_rgb(img)
    x, y, w, h = next(c for c in desc["cards"] if c["mine"])["cover"]
    assert np.all(rgb[y + 20: y + h - 1, x + 1: x + w - 1] == GREEN)


def test_rerender_after_cover_edit_rescales_only_that_cover(qapp):
    cache = RenderCache()
    mine = green_card()
    spec = FeedSpec(competitors=synthetic_shelf(12), mine=[mine], slot=0)
    render_feed(spec, cache)
    misses = cache.images.misses
    render_feed(spec, cache)
    assert cache.images.misses == misses  # nothing changed: nothing rescaled
    red = np.zeros_like(mine.image)
    red[:] = (255, 0, 0)
    spec.mine = [mine.with_image(red)]
    img, desc = render_feed(spec, cache)
    assert cache.images.misses == misses + 1
    x, y, w, h = desc["cards"][0]["cover"]
    assert np.all(qimage_to_rgb(img)[y + 20: y + h - 1, x: x + w] == (255, 0, 0))


def test_cover_sources_path_qimage_and_tall_crop(qapp, tmp_path):
    Image.new("RGB", (900, 1600), GREEN).save(tmp_path / "tall.png")  # 9:16 -> cropped to 3:4
    q = QImage(400, 400, QImage.Format.Format_RGB32)
    q.fill(0x0000FF)
    mine = [card_from_image(tmp_path / "tall.png", id="tall"), card_from_image(q, id="square")]
    img, desc = render_feed(FeedSpec(mine=mine, competitors=synthetic_shelf(6), slot=0))
    by_id = {c["id"]: c for c in desc["cards"]}
    x, y, w, h = by_id["tall"]["cover"]
    assert h / w == pytest.approx(4 / 3, abs=0.01)
    rgb = qimage_to_rgb(img)
    x, y, w, h = by_id["square"]["cover"]
    assert abs(w - h) <= 1 and np.all(rgb[y + 20: y + h - 1, x: x + w] == (0, 0, 255))


def test_squint_blurs_and_keeps_type(qapp):
    img, _ = render_feed(FeedSpec(competitors=synthetic_shelf(6)))
    out = squint(img, 12)
    assert isinstance(out, QImage) and out.size() == img.size()
    arr = qimage_to_rgb(img)
    blurred = squint(arr)
    assert isinstance(blurred, np.ndarray) and blurred.shape == arr.shape
    assert np.abs(np.diff(blurred.astype(int), axis=1)).mean() < np.abs(np.diff(arr.astype(int), axis=1)).mean()


def test_android_and_outline_option(qapp):
    spec = FeedSpec(device="android-412", theme="dark", mine=[green_card()], competitors=synthetic_shelf(8),
                    slot=0, outline_mine=True)
    img, desc = render_feed(spec)
    assert desc["size"] == [1080, 2400]
    x, y, w, h = desc["cards"][0]["card"]
    rgb = qimage_to_rgb(img)
    px = rgb[y + h // 2, x - 1]
    assert px[0] > 150 and px[1] < 100  # brand-red outline just outside the card


def test_first_screen_marker_option(qapp):
    spec = FeedSpec(competitors=synthetic_shelf(8))
    plain, desc = render_feed(spec)
    spec.mark_first_screen = True
    marked, _ = render_feed(spec)
    row = desc["first_screen_bottom"]
    a, b = qimage_to_rgb(plain)[row - 2: row + 3], qimage_to_rgb(marked)[row - 2: row + 3]
    blue = (b[..., 2].astype(int) - b[..., 0]) > 100
    assert blue.sum() > 200 and not ((a[..., 2].astype(int) - a[..., 0]) > 100).any()
