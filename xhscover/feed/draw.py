"""Drawing a whole simulated feed onto a QImage (QtGui only): `render_feed(spec) -> (image, description)`.

The description lists every card's rectangles in the image's pixels, exactly where the pixels
were drawn (covers land on whole-pixel rectangles), so attention scoring can crop by them.
"""

from __future__ import annotations

import hashlib
from typing import Any, overload

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from xhscover.errors import XhsError
from xhscover.feed import chrome, icons
from xhscover.feed.canvas import Canvas
from xhscover.feed.images import ImageCache, qimage_to_rgb, rgb_to_qimage
from xhscover.feed.likes import format_likes
from xhscover.feed.masonry import FeedGeometry, PlacedCard, Rect, arrange, layout_feed
from xhscover.feed.profiles import Profiles, load_profiles
from xhscover.feed.spec import FeedSpec
from xhscover.feed.titles import TitleSetter
from xhscover.model.images import clean_text
from xhscover.notices import notice
from xhscover.render.paint import painting

AVATAR_COLORS = ["#F7B267", "#8FB9A8", "#A1C6EA", "#E99AA9", "#B5A1E0", "#9BC995", "#F4D35E", "#7FB3D5",
                 "#E4A07B", "#C9ADA7"]


class RenderCache:
    """Scaled covers/avatars and wrapped titles shared by successive renders of a feed."""

    def __init__(self, max_images: int = 256):
        self.images = ImageCache(max_images)
        self._setters: dict[tuple[Any, ...], TitleSetter] = {}

    def title_setter(self, cv: Canvas, profiles: Profiles) -> TitleSetter:
        f = profiles.feed
        font = cv.font(f["title_font_size"], int(f["title_weight"]))
        key = (font.key(), int(f["title_max_lines"]))
        setter = self._setters.get(key)
        if setter is None:
            setter = self._setters[key] = TitleSetter(font, int(f["title_max_lines"]))
        return setter


_DEFAULT_CACHE: RenderCache | None = None


def default_cache() -> RenderCache:
    global _DEFAULT_CACHE
    if _DEFAULT_CACHE is None:
        _DEFAULT_CACHE = RenderCache()
    return _DEFAULT_CACHE


def feed_order(spec: FeedSpec, profiles: Profiles | None = None) -> list[Any]:
    """The cards of a spec in feed order (user's covers inserted, competitors shuffled by seed)."""
    profiles = profiles or load_profiles()
    comp = spec.competitors
    if spec.max_cards is not None:
        comp = comp[: max(0, spec.max_cards - len(spec.mine))]
    return arrange(spec.mine, comp, spec.slot, spec.seed, profiles.first_screen_slots)


def render_feed(spec: FeedSpec, cache: RenderCache | None = None, *,
                pixel_ratio: float | None = None) -> tuple[QImage, dict[str, Any]]:
    """Render the feed described by `spec` at the device pixel ratio (or `pixel_ratio` px per pt).

    Returns (QImage RGB32, description dict in that image's pixels); see `describe`. One screen by
    default, the whole scrolled feed with `spec.full_scroll`. Scoring draws at 1 px per pt: the
    attention model works on a small image, so a 3x render would be drawn only to be shrunk.
    Needs a QGuiApplication.
    """
    cache = cache or default_cache()
    profiles = load_profiles()
    dev = profiles.device(spec.device)
    colors = profiles.theme(spec.theme)
    page = profiles.page(spec.page)
    cards = feed_order(spec, profiles)
    by_id = {c.id: c for c in cards}
    ratio = float(pixel_ratio) if pixel_ratio else dev.pixel_ratio

    setter = cache.title_setter(Canvas(None, ratio, colors), profiles)
    geo = layout_feed(cards, dev, profiles, spec.page, title_lines=lambda t, w: setter.count(t, w * ratio))

    height_pt = dev.height
    if spec.full_scroll:
        height_pt = max(dev.height, geo.content_height + geo.bottom_chrome)
    w_px, h_px = round(dev.width * ratio), round(height_pt * ratio)
    image = QImage(w_px, h_px, QImage.Format.Format_RGB32)
    image.fill(Canvas(None, ratio, colors).c("canvas"))

    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        cv = Canvas(painter, ratio, colors)
        grid_bottom = height_pt - geo.bottom_chrome
        for pc in geo.cards:
            if pc.card.overlaps_y(geo.top_chrome, grid_bottom):
                _draw_card(cv, pc, by_id[pc.id], setter, cache, profiles, spec.outline_mine)
        if spec.mark_first_screen:
            _first_screen_marker(cv, geo)
        chrome.status_bar(cv, dev, spec.time_text)
        if spec.page == "home":
            chrome.home_header(cv, dev, page, spec.channel)
        else:
            chrome.search_header(cv, dev, page, spec.query)
        if page.get("bottom_bar_height", 0):
            chrome.bottom_bar(cv, dev, page, height_pt - geo.bottom_chrome)
        chrome.home_indicator(cv, dev, height_pt)
    return image, describe(spec, geo, cards, image, profiles, ratio)


def _top_rounded_path(x: float, y: float, w: float, h: float, r: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(x, y + h)
    path.lineTo(x, y + r)
    path.arcTo(QRectF(x, y, 2 * r, 2 * r), 180, -90)
    path.lineTo(x + w - r, y)
    path.arcTo(QRectF(x + w - 2 * r, y, 2 * r, 2 * r), 90, -90)
    path.lineTo(x + w, y + h)
    path.closeSubpath()
    return path


def _texture_fill(p: QPainter, path: QPainterPath, img: QImage, x: int, y: int) -> None:
    brush = QBrush(img)
    brush.setTransform(QTransform.fromTranslate(x, y))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(brush)
    p.drawPath(path)


def _draw_card(cv: Canvas, pc: PlacedCard, card: Any, setter: TitleSetter, cache: RenderCache,
               profiles: Profiles, outline_mine: bool) -> None:
    f = profiles.feed
    r = cv.r
    radius = f["card_radius"] * r
    x, y, w, h = pc.card.to_px(r)
    p = cv.p
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(cv.c("card"))
    p.drawRoundedRect(QRectF(x, y, w, h), radius, radius)

    cx, cy, cw, ch = pc.cover.to_px(r)
    try:
        cover = cache.images.get(card.image, cw, ch)
    except XhsError as exc:  # one unreadable cover must not break the whole feed: a blank card, said
        notice(f"cover of card {clean_text(str(card.id))!r} not shown: {exc}")
        cover = QImage(cw, ch, QImage.Format.Format_RGB32)
        cover.fill(cv.c("placeholder"))
    _texture_fill(p, _top_rounded_path(cx, cy, cw, ch, radius), cover, cx, cy)

    # title, up to two lines
    lh = f["title_line_height"]
    if pc.title_lines:
        lines = setter.lines(card.title, pc.title.w * r)
        p.setFont(setter.font)
        p.setPen(cv.c("title"))
        base = 0.36 * setter.font.pixelSize()
        for i, line in enumerate(lines):
            p.drawText(QPointF(pc.title.x * r, (pc.title.y + (i + 0.5) * lh) * r + base), line)

    # author row: avatar, nickname, heart + count at the right
    av = pc.avatar
    _draw_avatar(cv, av, card, cache)
    row_cy = pc.author.y + pc.author.h / 2
    likes_text = format_likes(getattr(card, "likes", 0))
    ls = f["likes_font_size"]
    lw = cv.text(pc.author.right, row_cy, likes_text, ls, "secondary", align="right")
    hs = f["heart_size"]
    hx = pc.author.right - lw - 2.5 - hs
    liked = bool(getattr(card, "liked", False))
    with cv.icon(hx, row_cy - hs / 2) as ip:
        icons.heart(ip, hs, cv.c("brand") if liked else cv.c("secondary"), filled=liked)
    nx = av.right + 5
    cv.text(nx, row_cy, getattr(card, "author", "") or "", f["nickname_font_size"], "secondary",
            max_width=max(0.0, hx - 6 - nx))

    if outline_mine and pc.mine:
        pen = QPen(cv.c("mine_outline"), 2 * r)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(x - r, y - r, w + 2 * r, h + 2 * r), radius + r, radius + r)


def _draw_avatar(cv: Canvas, av: Rect, card: Any, cache: RenderCache) -> None:
    x, y, w, h = av.to_px(cv.r)
    path = QPainterPath()
    path.addEllipse(QRectF(x, y, w, h))
    src = getattr(card, "avatar", None)
    if src is not None:
        try:
            _texture_fill(cv.p, path, cache.images.get(src, w, h), x, y)
            return
        except XhsError as exc:  # the coloured initial below stands in, and the reason is said
            notice(f"avatar of card {clean_text(str(card.id))!r} not shown: {exc}")
    name = getattr(card, "author", "") or "?"
    idx = int(hashlib.blake2b(name.encode("utf-8"), digest_size=2).hexdigest(), 16) % len(AVATAR_COLORS)
    cv.p.setPen(Qt.PenStyle.NoPen)
    cv.p.setBrush(QColor(AVATAR_COLORS[idx]))
    cv.p.drawPath(path)
    initial = name.strip()[:1].upper() or "?"
    cv.text(av.x + av.w / 2, av.y + av.h / 2, initial, av.h * 0.55, QColor("#FFFFFF"), 600, align="center")


def _first_screen_marker(cv: Canvas, geo: FeedGeometry) -> None:
    y = geo.viewport.bottom
    pen = QPen(cv.c("first_screen_marker"), 1.5 * cv.r)
    pen.setStyle(Qt.PenStyle.DashLine)
    cv.p.setPen(pen)
    cv.p.drawLine(0, round(y * cv.r), round(geo.width * cv.r), round(y * cv.r))
    label = "首屏"
    w = cv.text_width(label, 11, 600) + 12
    cv.rounded(geo.width - w - 6, y - 20, w, 17, 8.5, "first_screen_marker")
    cv.text(geo.width - w / 2 - 6, y - 11.5, label, 11, QColor("#FFFFFF"), 600, align="center")


def describe(spec: FeedSpec, geo: FeedGeometry, cards: list[Any], image: QImage, profiles: Profiles,
             ratio: float | None = None) -> dict[str, Any]:
    """JSON-ready description in the image's pixels: per card its card/cover/title rectangles,
    whether it is at least partly on the first screen, and the part of it that is visible there."""
    dev = profiles.device(spec.device)
    r = ratio or dev.pixel_ratio
    vp = geo.viewport.to_px(r)
    by_id = {c.id: c for c in cards}
    out = []
    for pc in geo.cards:
        c = by_id[pc.id]
        card_px = pc.card.to_px(r)
        y0 = max(card_px[1], vp[1])
        y1 = min(card_px[1] + card_px[3], vp[1] + vp[3])
        out.append({
            "id": pc.id,
            "index": pc.index,
            "mine": pc.mine,
            "column": pc.column,
            "card": card_px,
            "cover": pc.cover.to_px(r),
            "title": pc.title.to_px(r),
            "author_row": pc.author.to_px(r),
            "avatar": pc.avatar.to_px(r),
            "visible": pc.visible,
            "visible_part": [card_px[0], y0, card_px[2], y1 - y0] if y1 > y0 else None,
            "title_text": getattr(c, "title", ""),
            "title_lines": pc.title_lines,
            "author": getattr(c, "author", ""),
            "likes": int(getattr(c, "likes", 0)),
            "likes_text": format_likes(getattr(c, "likes", 0)),
            "cover_aspect": round(pc.cover_aspect, 4),
        })
    return {
        "device": dev.id,
        "device_name": dev.name,
        "theme": spec.theme,
        "page": spec.page,
        "query": spec.query if spec.page == "search" else None,
        "channel": spec.channel if spec.page == "home" else None,
        "pixel_ratio": r,
        "size": [image.width(), image.height()],
        "screen_size": [round(dev.width * r), round(dev.height * r)],
        "full_scroll": spec.full_scroll,
        "viewport": vp,
        "first_screen_bottom": vp[1] + vp[3],
        "slot": spec.slot,
        "seed": spec.seed,
        "cards": out,
    }


@overload
def squint(image: QImage, sigma: float | None = None) -> QImage: ...
@overload
def squint(image: np.ndarray, sigma: float | None = None) -> np.ndarray: ...
def squint(image: QImage | np.ndarray, sigma: float | None = None) -> QImage | np.ndarray:
    """The "squint test": a Gaussian-blurred copy, so only big shapes and contrasts remain.

    Accepts a QImage or an (H, W, 3) uint8 RGB array and returns the same kind. `sigma` is in
    pixels of the given image; by default 1/90 of its width (about 4 pt on any phone).
    """
    import cv2

    rgb = qimage_to_rgb(image) if isinstance(image, QImage) else np.ascontiguousarray(image)
    s = float(sigma) if sigma is not None else rgb.shape[1] / 90.0
    if s <= 0:
        blurred = rgb.copy()
    else:
        # a wide blur has no fine detail left: blur at reduced size and scale back (5-10x faster)
        k = int(max(1, min(8, s // 3)))
        h, w = rgb.shape[:2]
        small = cv2.resize(rgb, (max(1, w // k), max(1, h // k)), interpolation=cv2.INTER_AREA) if k > 1 else rgb
        small = cv2.GaussianBlur(small, (0, 0), sigmaX=s / k, sigmaY=s / k, borderType=cv2.BORDER_REPLICATE)
        blurred = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR) if k > 1 else small
    return rgb_to_qimage(blurred) if isinstance(image, QImage) else blurred
