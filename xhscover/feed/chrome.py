"""The app chrome around the grid: status bar, home or search header, bottom bar, home indicator.

Proportions follow screenshots of the iOS app (see devices.json for the numbers that vary).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QLinearGradient

from xhscover.feed import icons
from xhscover.feed.canvas import Canvas
from xhscover.feed.profiles import Device


def status_bar(cv: Canvas, dev: Device, time_text: str = "9:41") -> None:
    cv.fill_rect(0, 0, dev.width, dev.status_bar, "chrome")
    col = cv.c("status")
    if dev.platform == "android":
        cy = dev.status_bar / 2
        cv.text(16, cy, time_text, 14, col, 500)
        x = dev.width - 14 - 8
        with cv.icon(x, cy - 6.5) as p:
            icons.android_battery(p, col)
        x -= 6 + 12
        with cv.icon(x, cy - 6) as p:
            icons.android_signal(p, col)
        x -= 6 + 15
        with cv.icon(x, cy - 5.5) as p:
            icons.wifi(p, col, 15, 11)
        return
    if dev.status_bar < 30:  # home-button iPhones: time centred, small icons at the sides
        cy = dev.status_bar / 2
        cv.text(dev.width / 2, cy, time_text, 12, col, 600, align="center")
        with cv.icon(6, cy - 4) as p:
            icons.signal_bars(p, col, 13, 8)
        with cv.icon(24, cy - 4) as p:
            icons.wifi(p, col, 11, 8)
        with cv.icon(dev.width - 6 - 23, cy - 5) as p:
            icons.battery(p, col, 1.0, 23, 10.5)
        return
    cy = 23.0 if dev.status_bar >= 50 else dev.status_bar / 2
    left_center = dev.width * 0.165
    cv.text(left_center, cy, time_text, 17, col, 600, align="center")
    x = dev.width - dev.width * 0.075 - 25
    with cv.icon(x, cy - 6) as p:
        icons.battery(p, col, 1.0)
    x -= 6 + 15.5
    with cv.icon(x, cy - 5.5) as p:
        icons.wifi(p, col)
    x -= 6 + 17
    with cv.icon(x, cy - 5.5) as p:
        icons.signal_bars(p, col)


def _underline(cv: Canvas, cx: float, y: float) -> None:
    cv.rounded(cx - 10, y, 20, 2.5, 1.25, "brand")


def home_header(cv: Canvas, dev: Device, page: dict[str, Any], channel: str) -> None:
    top = dev.status_bar
    nav_h, ch_h = page["nav_height"], page["channel_height"]
    cv.fill_rect(0, top, dev.width, nav_h + ch_h, "chrome")
    cy = top + nav_h / 2
    with cv.icon(14, cy - 11) as p:
        icons.hamburger(p, 22, cv.c("icon"))
    with cv.icon(dev.width - 14 - 24, cy - 12) as p:
        icons.magnifier(p, 24, cv.c("icon"))
    tabs, active = page["tabs"], page["active_tab"]
    size = page["tab_font_size"]
    spacing = 26.0
    widths = [cv.text_width(t, size + (1 if i == active else 0), 600 if i == active else 400)
              for i, t in enumerate(tabs)]
    x = dev.width / 2 - (sum(widths) + spacing * (len(tabs) - 1)) / 2
    for i, (t, w) in enumerate(zip(tabs, widths, strict=True)):
        on = i == active
        cv.text(x, cy, t, size + (1 if on else 0), "tab_active" if on else "tab_inactive", 600 if on else 400)
        if on:
            _underline(cv, x + w / 2, cy + 13)
        x += w + spacing
    # channel row: plain text items, the active one dark and bold, fading out under a chevron
    cy = top + nav_h + ch_h / 2
    size = page["channel_font_size"]
    chans = list(page["channels"])
    if channel and channel not in chans:
        chans.insert(1, channel)
    x = 16.0
    limit = dev.width - 20
    for name in chans:
        if x > limit:
            break
        on = name == (channel or chans[0])
        w = cv.text(x, cy, name, size, "tab_active" if on else "chip_text", 600 if on else 400)
        x += w + 22
    fade_w = 64.0
    chrome = cv.c("chrome")
    clear = QColor(chrome)
    clear.setAlpha(0)
    x0 = (dev.width - fade_w) * cv.r
    grad = QLinearGradient(QPointF(x0, 0), QPointF(x0 + fade_w * 0.55 * cv.r, 0))
    grad.setColorAt(0, clear)
    grad.setColorAt(1, chrome)
    cv.p.fillRect(round(x0), round((top + nav_h) * cv.r), round(fade_w * cv.r) + 1, round(ch_h * cv.r), grad)
    with cv.icon(dev.width - 14 - 16, cy - 8) as p:
        icons.chevron_down(p, 16, cv.c("chip_text"))


def search_header(cv: Canvas, dev: Device, page: dict[str, Any], query: str) -> None:
    top = dev.status_bar
    nav_h, tabs_h, chips_h = page["nav_height"], page["tabs_height"], page["chips_height"]
    cv.fill_rect(0, top, dev.width, nav_h + tabs_h + chips_h, "chrome")
    cy = top + nav_h / 2
    with cv.icon(8, cy - 11) as p:
        icons.chevron_left(p, 22, cv.c("icon"))
    fh = page["search_field_height"]
    fx, fw = 36.0, dev.width - 36 - 60
    cv.rounded(fx, cy - fh / 2, fw, fh, fh / 2, "search_bg")
    with cv.icon(fx + 11, cy - 8) as p:
        icons.magnifier(p, 16, cv.c("secondary"), 1.6)
    cv.text(fx + 33, cy, query or "搜索", page["query_font_size"], "title" if query else "secondary",
            max_width=fw - 44)
    cv.text(dev.width - 16, cy, "搜索", 16, "tab_active", 500, align="right")
    # result tabs
    cy = top + nav_h + tabs_h / 2
    size = page["tab_font_size"]
    x = 16.0
    for i, t in enumerate(page["tabs"]):
        on = i == page["active_tab"]
        w = cv.text(x, cy, t, size + (1 if on else 0), "tab_active" if on else "tab_inactive", 600 if on else 400)
        if on:
            _underline(cv, x + w / 2, cy + 13)
        x += w + 24
    fw_ = cv.text(dev.width - 16, cy, "筛选", 14, "secondary", align="right")
    with cv.icon(dev.width - 16 - fw_ - 16, cy - 7) as p:
        icons.funnel(p, 14, cv.c("secondary"))
    # filter chips
    cy = top + nav_h + tabs_h + chips_h / 2
    x = 12.0
    size = page["chip_font_size"]
    for chip in page["chips"]:
        w = cv.text_width(chip, size) + 24
        if x + w > dev.width:
            break
        cv.rounded(x, cy - 14, w, 28, 14, "chip_bg")
        cv.text(x + w / 2, cy, chip, size, "chip_text", align="center")
        x += w + 8


def bottom_bar(cv: Canvas, dev: Device, page: dict[str, Any], y: float) -> None:
    """Bottom tab bar whose top edge is at y (pt), with the home-indicator strip under it."""
    bar_h = page["bottom_bar_height"]
    cv.fill_rect(0, y, dev.width, bar_h + dev.home_indicator, "chrome")
    cv.fill_rect(0, y, dev.width, 1 / cv.r, "chrome_line")
    cy = y + bar_h / 2
    tabs = page["bottom_tabs"]
    n = len(tabs)
    for i, t in enumerate(tabs):
        cx = dev.width * (i + 0.5) / n
        if t == "+":
            cv.rounded(cx - 21, cy - 15, 42, 30, 9, "brand")
            with cv.icon(cx - 7.5, cy - 7.5) as p:
                icons.plus(p, 15, QColor("#FFFFFF"), 2.2)
            continue
        on = i == 0
        cv.text(cx, cy, t, page["bottom_font_size"] + (1 if on else 0), "tab_active" if on else "tab_inactive",
                600 if on else 400, align="center")


def home_indicator(cv: Canvas, dev: Device, bottom: float) -> None:
    """The iOS home bar / Android gesture pill, centred `bottom` pt from the image top."""
    if dev.home_indicator <= 0:
        return
    if dev.platform == "android":
        cv.rounded(dev.width / 2 - 54, bottom - 6 - 4, 108, 4, 2, "home_indicator")
    else:
        cv.rounded(dev.width / 2 - 67, bottom - 8 - 5, 134, 5, 2.5, "home_indicator")
