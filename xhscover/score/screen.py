"""Feed screens for scoring, rendered at a chosen pixel ratio (1 px per pt by default).

`feed.draw.render_feed` always draws at the device's pixel ratio (3x: 1179x2556 px), which
costs ~4x more to draw, convert and shrink than the model needs (it works on a 256 px image).
Until `render_feed` takes a pixel-ratio override, `render_screen` draws the same screen with
the feed package's own pieces (feed order, masonry layout, card drawing, chrome) at the ratio
asked for; it switches to `render_feed(..., pixel_ratio=...)` by itself once that exists.
The description keeps `render_feed`'s format (rectangles in DEVICE pixels), so callers scale
rectangles by `pixel_ratio / description["pixel_ratio"]`.
"""

from __future__ import annotations

import inspect
from typing import Any

from PySide6.QtGui import QImage, QPainter

from xhscover.feed import chrome
from xhscover.feed.canvas import Canvas
from xhscover.feed.draw import RenderCache, describe, feed_order, render_feed
from xhscover.feed.masonry import layout_feed
from xhscover.feed.profiles import load_profiles
from xhscover.feed.spec import FeedSpec


def _native_ratio_override() -> bool:
    try:
        return "pixel_ratio" in inspect.signature(render_feed).parameters
    except (TypeError, ValueError):
        return False


_NATIVE = _native_ratio_override()


def render_screen(spec: FeedSpec, cache: RenderCache, pixel_ratio: float = 1.0) -> tuple[QImage, dict[str, Any]]:
    """(image at `pixel_ratio` px per pt, description in device pixels) for one screen of `spec`."""
    if _NATIVE:
        return render_feed(spec, cache, pixel_ratio=pixel_ratio)  # type: ignore[call-arg]
    from xhscover.feed.draw import _draw_card  # the feed's own card painter (see module docstring)

    profiles = load_profiles()
    dev = profiles.device(spec.device)
    if abs(pixel_ratio - dev.pixel_ratio) < 1e-9:
        return render_feed(spec, cache)
    colors = profiles.theme(spec.theme)
    page = profiles.page(spec.page)
    cards = feed_order(spec, profiles)
    by_id = {c.id: c for c in cards}
    ratio = float(pixel_ratio)
    setter = cache.title_setter(Canvas(None, ratio, colors), profiles)
    geo = layout_feed(cards, dev, profiles, spec.page, title_lines=lambda t, w: setter.count(t, w * ratio))
    height_pt = dev.height
    image = QImage(max(1, round(dev.width * ratio)), max(1, round(height_pt * ratio)), QImage.Format.Format_RGB32)
    image.fill(Canvas(None, ratio, colors).c("canvas"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    cv = Canvas(painter, ratio, colors)
    grid_bottom = height_pt - geo.bottom_chrome
    for pc in geo.cards:
        if pc.card.overlaps_y(geo.top_chrome, grid_bottom):
            _draw_card(cv, pc, by_id[pc.id], setter, cache, profiles, spec.outline_mine)
    chrome.status_bar(cv, dev, spec.time_text)
    if spec.page == "home":
        chrome.home_header(cv, dev, page, spec.channel)
    else:
        chrome.search_header(cv, dev, page, spec.query)
    if page.get("bottom_bar_height", 0):
        chrome.bottom_bar(cv, dev, page, height_pt - geo.bottom_chrome)
    chrome.home_indicator(cv, dev, height_pt)
    painter.end()
    return image, describe(spec, geo, cards, image, profiles)
