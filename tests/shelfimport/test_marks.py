import numpy as np
from PySide6.QtGui import QPainter

from tests.shelfimport.shots import draw_play_icon
from xhscover.feed.images import qimage_to_rgb, rgb_to_qimage
from xhscover.feed.sample import synthetic_cover
from xhscover.shelfimport.marks import has_play_icon


def _cover(seed: int, icon: str | None, w: int = 540, size: float = 60) -> np.ndarray:
    rgb = synthetic_cover(np.random.default_rng(seed), w, round(w * 4 / 3))
    if icon is None:
        return rgb
    img = rgb_to_qimage(rgb)
    p = QPainter(img)
    draw_play_icon(p, w - size * 0.5 - 20, size * 0.5 + 20, size, icon)
    p.end()
    return qimage_to_rgb(img)


def test_play_icons_of_every_style_and_size_are_found():
    for seed, style, w in [(1, "disc", 540), (2, "bare", 540), (3, "pill", 300), (4, "disc", 200)]:
        assert has_play_icon(_cover(seed, style, w, size=w / 9)), (style, w)


def test_covers_without_the_icon_are_not_videos():
    for seed in range(5, 12):
        assert not has_play_icon(_cover(seed, None))
    white = np.full((720, 540, 3), 255, np.uint8)
    assert not has_play_icon(white)
