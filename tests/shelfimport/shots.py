"""Synthetic feed screenshots with ground truth, for the screenshot reader's tests and benchmarks.

Not shipped: this is development data. It draws phone screens (the simulator's chrome and masonry,
with its numbers perturbed per shot so the reader cannot learn one set of pixel offsets) and a
web-like 3-6 column masonry with a left sidebar, then degrades them (downscaling, JPEG). Every
card comes with the truth the reader must recover: the visible cover rectangle, whether the card
is complete or cut by the chrome, the title as shown (ellipsis dropped), nickname, likes, and the
video / overlay flags.

`make_set(seed, n, variation=False)` is the tuning set; `variation=True` draws from other ranges
(other devices and widths, fonts, colours, paddings, title pools, cover sources), for a check on
shots the reader was not tuned on.
"""

from __future__ import annotations

import copy
import io
import json
import random
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from xhscover.feed import chrome, icons
from xhscover.feed.canvas import Canvas, parse_color
from xhscover.feed.cards import load_sample_shelf
from xhscover.feed.fonts import feed_font
from xhscover.feed.imagefiles import load_rgb
from xhscover.feed.images import crop_scale, qimage_to_rgb, rgb_to_qimage
from xhscover.feed.likes import format_likes
from xhscover.feed.masonry import layout_feed
from xhscover.feed.profiles import Device, parse_profiles, profiles_path
from xhscover.feed.titles import ELLIPSIS, TitleSetter
from xhscover.paths import assets_dir

Box = list[int]


@dataclass
class Note:
    """A note to place on a shelf: `key` names the cover's content (duplicates share it)."""

    key: str
    image: np.ndarray
    title: str
    author: str
    likes: int
    video: bool = False

    @property
    def aspect(self) -> float:
        return self.image.shape[1] / self.image.shape[0]


@dataclass
class TruthCard:
    key: str
    cover: Box  # the visible part of the cover, [x, y, w, h] in the screenshot's pixels
    card: Box  # the visible part of the whole card
    complete: bool  # the whole card (cover, title, author row) is on screen, nothing cut
    cut_top: bool
    cut_bottom: bool
    video: bool
    overlaid: bool
    title: str  # as shown: the lines joined, a trailing ellipsis dropped
    author: str  # as shown (elided names without the ellipsis)
    likes: int
    likes_text: str


@dataclass
class Shot:
    image: np.ndarray  # RGB uint8
    cards: list[TruthCard]
    meta: dict[str, Any] = field(default_factory=dict)
    feed: bool = True

    def complete_cards(self) -> list[TruthCard]:
        return [c for c in self.cards if c.complete]


# ------------------------------------------------------------------------------------------ notes

TITLES_TUNE = [
    "秋冬氛围感穿搭｜小个子也能穿出大长腿", "一周通勤早餐不重样 5分钟搞定", "去了10次的宝藏咖啡店，终于舍得分享了",
    "平价好物分享！学生党闭眼入", "新手化妆教程 | 超详细底妆步骤", "周末去哪儿｜城市近郊露营攻略",
    "租房改造｜3000块打造ins风小屋", "低卡减脂餐，好吃到停不下来", "iPhone 15 Pro 使用一个月真实感受",
    "这家日料人均100吃到扶墙出", "ootd | 今日份温柔奶茶色", "读书笔记：《被讨厌的勇气》", "猫咪的迷惑行为大赏",
    "考研上岸经验贴，时间规划表分享", "手机摄影技巧｜随手拍出大片感", "超治愈的海边日落", "健身三个月前后对比，真的有用",
    "秋天的第一杯奶茶", "Citywalk路线推荐：老城区慢游", "极简护肤流程，敏感肌亲测有效", "早八人5分钟快速出门妆",
    "被问爆的小众香水", "杭州", "存钱", "新疆自驾15天全攻略，含路线和花费明细，看这一篇就够了",
    "打工人的一周便当记录", "30岁裸辞后的第一年", "周末在家做的蛋糕卷，零失败配方分享给大家",
]
TITLES_VARIATION = [
    "入冬第一件大衣怎么选？看完不踩雷", "广州早茶店排名｜本地人私藏", "我的桌面改造before & after",
    "三亚旅行vlog：第一次潜水就爱上了", "英语听力从20分到满分的方法", "毛孩子体检清单，新手铲屎官必看",
    "宜家最值得买的10件小东西", "Python入门学习路线（零基础）", "每日穿搭 Day 23", "重庆火锅", "手工皂",
    "夏天必备的清爽妆容，持妆一整天不脱妆还不闷痘", "一个人的生日也要好好过🎂", "装修避坑：这些钱千万别省",
    "北欧风客厅软装搭配", "跑步一年瘦了20斤的真实经历分享", "2024年度书单 TOP10", "厦门鼓浪屿拍照攻略",
    "面试被问到缺点怎么回答", "小众旅行地推荐：云南沙溪古镇",
]
AUTHORS_TUNE = ["momo", "穿搭日记", "是小鹿呀", "吃不胖的阿花", "Lily的日常", "旅行的猫", "小红薯5F2A1C", "家居控Anna",
                "健身girl", "读书的鱼", "咖啡探店王", "一只橘子", "阿白不白", "深夜食堂老板娘", "Coco"]
AUTHORS_VARIATION = ["橙子味的夏天", "Kevin在上海", "小王同学", "爱吃鱼的猫猫", "Mia", "早睡早起身体好",
                     "大叔的厨房", "Yuki酱", "山川湖海", "不想上班的一天天"]

WHITE_COVER_TEXT = ["干货分享", "必看清单", "建议收藏", "避坑指南", "一定要知道的5件事", "真实测评", "保姆级教程"]


@lru_cache(maxsize=1)
def _sample_covers() -> list[tuple[str, np.ndarray, str, str, int]]:
    cards, _ = load_sample_shelf()
    return [(c.id, c.image, c.title, c.author, c.likes) for c in cards]


@lru_cache(maxsize=1)
def _photos() -> list[tuple[str, np.ndarray]]:
    folder = assets_dir() / "photos"
    return [(p.stem, load_rgb(p, max_width=720)) for p in sorted(folder.glob("*.jpg"))]


def _crop_aspect(rgb: np.ndarray, aspect: float, rng: random.Random, width: int = 540) -> np.ndarray:
    h, w = rgb.shape[:2]
    if w / h > aspect:
        cw = int(h * aspect)
        x0 = rng.randint(0, w - cw)
        rgb = rgb[:, x0:x0 + cw]
    else:
        ch = int(w / aspect)
        y0 = rng.randint(0, h - ch)
        rgb = rgb[y0:y0 + ch]
    return crop_scale(rgb, width, max(1, round(width / aspect)))


def _text_cover(rng: random.Random, aspect: float, width: int = 540) -> np.ndarray:
    """A text-on-plain cover (the hard case: its edges vanish into a card body of the same colour)."""
    h = round(width / aspect)
    img = QImage(width, h, QImage.Format.Format_RGB32)
    bg = rng.choice(["#FFFFFF", "#FFFFFF", "#FFFFFF", "#FFF8E7", "#F4F1EA", "#FDFDFD", "#000000", "#19191E"])
    img.fill(QColor(bg))
    dark_bg = QColor(bg).lightness() < 128
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor("#F0F0F0" if dark_bg else rng.choice(["#111111", "#D7263D", "#1B4F9C"])))
    p.setFont(feed_font(700, rng.randint(60, 90)))
    text = rng.choice(WHITE_COVER_TEXT)
    y = rng.uniform(0.25, 0.55) * h
    p.drawText(QRectF(30, y, width - 60, h * 0.4), int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), text)
    p.setFont(feed_font(400, 30))
    for i in range(rng.randint(0, 3)):
        p.drawText(QPointF(34, y + h * 0.3 + 50 * i), f"{i + 1}. " + rng.choice(TITLES_TUNE)[:10])
    p.end()
    return qimage_to_rgb(img)


def _gradient_cover(rng: random.Random, aspect: float, width: int = 540) -> np.ndarray:
    from xhscover.feed.sample import synthetic_cover

    return synthetic_cover(np.random.default_rng(rng.randint(0, 2**31)), width, round(width / aspect))


def _likes(rng: random.Random) -> int:
    u = rng.random()
    if u < 0.06:
        return 0
    if u < 0.55:
        return rng.randint(1, 999)
    if u < 0.7:
        return rng.randint(1000, 9999)
    return int(10 ** rng.uniform(4, 6.3))


def make_notes(rng: random.Random, n: int, *, variation: bool = False, video_rate: float = 0.2) -> list[Note]:
    """n notes with mixed cover sources, aspects, title lengths and like counts."""
    titles = TITLES_VARIATION if variation else TITLES_TUNE
    authors = AUTHORS_VARIATION if variation else AUTHORS_TUNE
    notes: list[Note] = []
    shelf = list(_sample_covers())
    rng.shuffle(shelf)
    for i in range(n):
        u = rng.random()
        aspect = rng.choice([3 / 4] * 6 + [1.0, 4 / 3, 9 / 16, 2 / 3])
        if not variation and u < 0.45 and shelf:
            cid, image, title, author, likes = shelf.pop()
            key = f"shelf:{cid}"
        else:
            if u < (0.6 if variation else 0.8):
                name, photo = rng.choice(_photos())
                image = _crop_aspect(photo, aspect, rng)
                key = f"photo:{name}:{i}"
            elif u < (0.85 if variation else 0.92):
                image = _text_cover(rng, aspect)
                key = f"text:{i}"
            else:
                image = _gradient_cover(rng, aspect)
                key = f"grad:{i}"
            title = rng.choice(titles) if rng.random() > 0.05 else ""
            author = rng.choice(authors)
            likes = _likes(rng)
        if rng.random() < 0.3:
            likes = _likes(rng)
        notes.append(Note(key=key, image=image, title=title, author=author, likes=likes,
                          video=rng.random() < video_rate))
    return notes


def white_cover_notes(seed: int, n: int) -> list[Note]:
    """n notes, every other one with a text-on-plain cover (mostly white: on the white web page or
    a white card body its edges are invisible, so only the text band says where it is)."""
    rng = random.Random(seed)
    notes = make_notes(rng, n)
    for i in range(0, n, 2):
        img = _text_cover(rng, rng.choice([3 / 4, 3 / 4, 1.0]))
        notes[i] = replace(notes[i], key=f"text:{i}", image=img, title=notes[i].title or "白色封面的笔记")
    return notes


def likes_text(n: int, style: str) -> str:
    """The count as drawn: the app's 1.2万, a 'w' style (3.1w) some builds and the web use."""
    text = format_likes(n)
    if style == "w" and text.endswith("万"):
        return text[:-1] + "w"
    return text


# ------------------------------------------------------------------------------------------ drawing

def _qcolor(text: str) -> QColor:
    return QColor(parse_color(text))


def _rounded_path(x: float, y: float, w: float, h: float, r: float, bottom: bool) -> QPainterPath:
    path = QPainterPath()
    if bottom:
        path.addRoundedRect(QRectF(x, y, w, h), r, r)
        return path
    path.moveTo(x, y + h)
    path.lineTo(x, y + r)
    path.arcTo(QRectF(x, y, 2 * r, 2 * r), 180, -90)
    path.lineTo(x + w - r, y)
    path.arcTo(QRectF(x + w - 2 * r, y, 2 * r, 2 * r), 90, -90)
    path.lineTo(x + w, y + h)
    path.closeSubpath()
    return path


def _draw_cover(p: QPainter, note: Note, x: int, y: int, w: int, h: int, radius: float, bottom_round: bool) -> None:
    from PySide6.QtGui import QBrush, QTransform

    img = rgb_to_qimage(crop_scale(note.image, w, h))
    brush = QBrush(img)
    brush.setTransform(QTransform.fromTranslate(x, y))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(brush)
    p.drawPath(_rounded_path(x, y, w, h, radius, bottom_round))


def draw_play_icon(p: QPainter, cx: float, cy: float, size: float, style: str) -> None:
    """A video note's play mark at (cx, cy): a disc with a triangle, a bare triangle, or a pill."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    if style == "disc":
        p.setBrush(QColor(0, 0, 0, 90))
        p.drawEllipse(QPointF(cx, cy), size / 2, size / 2)
    elif style == "pill":
        p.setBrush(QColor(0, 0, 0, 110))
        p.drawRoundedRect(QRectF(cx - size * 0.75, cy - size * 0.42, size * 1.5, size * 0.84), size * 0.42, size * 0.42)
    else:  # bare triangle with a soft shadow
        shadow = QPainterPath()
        t = size * 0.32
        shadow.moveTo(cx - t * 0.8 + 1, cy - t + 1)
        shadow.lineTo(cx + t + 1, cy + 1)
        shadow.lineTo(cx - t * 0.8 + 1, cy + t + 1)
        shadow.closeSubpath()
        p.setBrush(QColor(0, 0, 0, 70))
        p.drawPath(shadow)
    t = size * (0.24 if style != "bare" else 0.32)
    tri = QPainterPath()
    tri.moveTo(cx - t * 0.75, cy - t)
    tri.lineTo(cx + t, cy)
    tri.lineTo(cx - t * 0.75, cy + t)
    tri.closeSubpath()
    p.setBrush(QColor(255, 255, 255, 240))
    p.drawPath(tri)
    p.restore()


@dataclass
class CardStyle:
    """Every number and colour a card is drawn with, in device pixels (so phone and web share it)."""

    radius: float
    bottom_round: bool  # web covers are rounded at all four corners; phone covers only on top
    body: str | None  # card body colour; None: no body (text on the page background)
    pad_x: float
    pad_top: float
    title_px: int
    title_weight: int
    line_h: float
    author_gap: float
    author_h: float
    avatar: float
    nick_px: int
    likes_px: int
    heart: float
    pad_bottom: float
    title_color: str
    secondary: str
    likes_style: str
    video_style: str
    video_size: float

    def body_height(self, lines: int) -> float:
        text = self.pad_top + lines * self.line_h + (self.author_gap if lines else 0)
        return text + self.author_h + self.pad_bottom


AVATAR_COLORS = ["#F7B267", "#8FB9A8", "#A1C6EA", "#E99AA9", "#B5A1E0", "#9BC995", "#F4D35E", "#7FB3D5"]


def _elide(fm: QFontMetricsF, text: str, width: float) -> str:
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)


def draw_card(p: QPainter, note: Note, box: tuple[float, float, float, float], cover_h: int, lines: tuple[str, ...],
              st: CardStyle, avatar_rng: random.Random) -> tuple[str, str]:
    """Draw one card with its top-left at box[:2] (px); returns (title as shown, author as shown)."""
    x, y, w, h = box
    xi, yi, wi = round(x), round(y), round(x + w) - round(x)
    if st.body is not None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_qcolor(st.body))
        p.drawRoundedRect(QRectF(xi, yi, wi, round(y + h) - yi), st.radius, st.radius)
    _draw_cover(p, note, xi, yi, wi, cover_h, st.radius, st.bottom_round)
    if note.video:
        s = st.video_size
        draw_play_icon(p, xi + wi - s * 0.5 - st.pad_x * 0.8, yi + s * 0.5 + st.pad_x * 0.8, s, st.video_style)
    # title
    tfont = feed_font(st.title_weight, st.title_px)
    p.setFont(tfont)
    p.setPen(_qcolor(st.title_color))
    ty = yi + cover_h + st.pad_top
    for i, line in enumerate(lines):
        p.drawText(QPointF(xi + st.pad_x, ty + (i + 0.5) * st.line_h + 0.36 * st.title_px), line)
    shown_title = "".join(lines)
    if shown_title.endswith(ELLIPSIS):
        shown_title = shown_title[:-1]
    # author row
    ay = ty + len(lines) * st.line_h + (st.author_gap if lines else 0)
    cy = ay + st.author_h / 2
    av = st.avatar
    p.setPen(Qt.PenStyle.NoPen)
    if avatar_rng.random() < 0.5:
        p.setBrush(QColor(AVATAR_COLORS[avatar_rng.randrange(len(AVATAR_COLORS))]))
        p.drawEllipse(QRectF(xi + st.pad_x, cy - av / 2, av, av))
        p.setPen(QColor("#FFFFFF"))
        p.setFont(feed_font(600, max(1, round(av * 0.55))))
        p.drawText(QRectF(xi + st.pad_x, cy - av / 2, av, av), int(Qt.AlignmentFlag.AlignCenter), (note.author or "?")[:1])
    else:  # a photo avatar
        from xhscover.feed.sample import synthetic_cover

        face = synthetic_cover(np.random.default_rng(avatar_rng.randint(0, 9999)), 64, 64)
        img = rgb_to_qimage(crop_scale(face, max(1, round(av)), max(1, round(av))))
        path = QPainterPath()
        path.addEllipse(QRectF(xi + st.pad_x, cy - av / 2, av, av))
        p.save()
        p.setClipPath(path)
        p.drawImage(QPointF(xi + st.pad_x, cy - av / 2), img)
        p.restore()
    lfont = feed_font(400, st.likes_px)
    lfm = QFontMetricsF(lfont)
    ltext = likes_text(note.likes, st.likes_style)
    lw = lfm.horizontalAdvance(ltext)
    right = xi + wi - st.pad_x
    p.setFont(lfont)
    p.setPen(_qcolor(st.secondary))
    p.drawText(QPointF(right - lw, cy + 0.36 * st.likes_px), ltext)
    hs = st.heart
    hx = right - lw - hs * 0.2 - hs
    p.save()
    p.translate(hx, cy - hs / 2)
    icons.heart(p, hs, _qcolor(st.secondary))
    p.restore()
    nfont = feed_font(400, st.nick_px)
    nfm = QFontMetricsF(nfont)
    nx = xi + st.pad_x + av + st.nick_px * 0.4
    shown_author = _elide(nfm, note.author, max(0.0, hx - st.nick_px * 0.5 - nx))
    p.setFont(nfont)
    p.drawText(QPointF(nx, cy + 0.36 * st.nick_px), shown_author)
    if shown_author.endswith(ELLIPSIS):
        shown_author = shown_author[:-1]
    return shown_title, shown_author


def draw_toast(p: QPainter, width: int, height: int, rng: random.Random, scale: float) -> tuple[float, float, float, float]:
    text = rng.choice(["已保存到相册", "复制成功", "网络不给力，请稍后重试", "已收藏"])
    font = feed_font(500, round(15 * scale))
    fm = QFontMetricsF(font)
    w = fm.horizontalAdvance(text) + 40 * scale
    h = 44 * scale
    x = (width - w) / 2
    y = height * rng.uniform(0.35, 0.65)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, rng.randint(150, 210)))
    p.drawRoundedRect(QRectF(x, y, w, h), 10 * scale, 10 * scale)
    p.setFont(font)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(QRectF(x, y, w, h), int(Qt.AlignmentFlag.AlignCenter), text)
    return x, y, w, h


def draw_badge(p: QPainter, cover: tuple[int, int, int, int], rng: random.Random, scale: float) -> tuple[float, float, float, float]:
    """A browser extension's button straddling a cover's corner (download helpers do this)."""
    x, y, w, h = cover
    bw, bh = 64 * scale, 26 * scale
    bx = x + w - bw * rng.uniform(0.3, 0.7)
    by = y + h - bh * rng.uniform(0.2, 0.8)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(rng.choice(["#1E88FF", "#00B578", "#FF6A00", "#7B61FF"])))
    p.drawRoundedRect(QRectF(bx, by, bw, bh), 6 * scale, 6 * scale)
    p.setFont(feed_font(600, round(13 * scale)))
    p.setPen(QColor("#FFFFFF"))
    p.drawText(QRectF(bx, by, bw, bh), int(Qt.AlignmentFlag.AlignCenter), rng.choice(["下载", "保存", "⬇ 无水印"]))
    return bx, by, bw, bh


def _overlaps(a: tuple[float, float, float, float], b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _clip(box: tuple[int, int, int, int], top: int, bottom: int) -> Box | None:
    x, y, w, h = box
    y0, y1 = max(y, top), min(y + h, bottom)
    return [x, y0, w, y1 - y0] if y1 > y0 else None


# ------------------------------------------------------------------------------------------ phone

@lru_cache(maxsize=1)
def _base_profile_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(profiles_path()).read_text(encoding="utf-8"))
    return data


VARIATION_DEVICES = [
    {"id": "iphone-mini", "name": "iPhone 13 mini", "platform": "ios", "width": 375, "height": 812,
     "pixel_ratio": 3, "status_bar": 50, "home_indicator": 34, "ppi": 476},
    {"id": "android-384", "name": "Android 384 dp", "platform": "android", "width": 384, "height": 854,
     "pixel_ratio": 2.8125, "status_bar": 32, "home_indicator": 0, "ppi": 420},
    {"id": "android-393", "name": "Android 393 dp (Xiaomi)", "platform": "android", "width": 392.7, "height": 872.7,
     "pixel_ratio": 2.75, "status_bar": 30, "home_indicator": 14, "ppi": 440},
    {"id": "ipad-mini", "name": "iPad mini portrait (2 cols)", "platform": "ios", "width": 744, "height": 1133,
     "pixel_ratio": 2, "status_bar": 24, "home_indicator": 20, "ppi": 326},
]


def phone_profile(rng: random.Random, variation: bool, device: str | None = None) -> tuple[Any, Device, dict[str, Any]]:
    """The simulator's profiles with every feed number perturbed; returns (profiles, device, style extras)."""
    data = copy.deepcopy(_base_profile_data())
    if variation:
        data["devices"] = data["devices"] + VARIATION_DEVICES
        dev_id = rng.choice(VARIATION_DEVICES)["id"]
    else:
        dev_id = rng.choice([d["id"] for d in data["devices"]])
    dev_id = device or dev_id
    f = data["feed"]
    j = rng.uniform
    if variation:
        margin, gap = j(0.004, 0.016), j(0.008, 0.03)
        f.update(column_fraction=(1 - 2 * margin - gap) / 2, outer_margin_fraction=margin, row_gap=j(3, 9),
                 card_radius=j(2, 10), title_pad_x=j(6, 11), title_pad_top=j(6, 12), title_font_size=j(13, 16),
                 title_line_height=j(18, 23), author_gap=j(4, 9), author_row_height=j(18, 24), avatar_size=j(15, 22),
                 nickname_font_size=j(11, 13), likes_font_size=j(11, 13.5), heart_size=j(12, 16), pad_bottom=j(8, 14))
    else:
        margin, gap = j(0.008, 0.014), j(0.01, 0.02)
        f.update(column_fraction=(1 - 2 * margin - gap) / 2, outer_margin_fraction=margin, row_gap=j(4, 7),
                 card_radius=j(3, 7), title_pad_x=j(7, 9), title_pad_top=j(7, 10), title_font_size=j(13.5, 15),
                 title_line_height=j(19, 21), author_gap=j(5, 7), author_row_height=j(19, 22), avatar_size=j(16, 20),
                 nickname_font_size=j(11.5, 12.5), likes_font_size=j(11.5, 12.5), heart_size=j(13, 15),
                 pad_bottom=j(9, 11))
    for page in data["pages"].values():
        for k in ("nav_height", "channel_height", "tabs_height", "chips_height"):
            if k in page:
                page[k] = page[k] * j(0.85, 1.2)
    theme_light = data["themes"]["light"]
    theme_dark = data["themes"]["dark"]
    if variation:
        theme_light["canvas"] = rng.choice(["#F5F5F5", "#F2F2F2", "#F7F8FA", "#FFFFFF"])
        theme_dark["card"] = rng.choice(["#19191E", "#1C1C1E", "#202020"])
        theme_dark["canvas"] = rng.choice(["#0E0E11", "#000000", "#111111"])
    profiles = parse_profiles(data)
    return profiles, profiles.device(dev_id), {}


def phone_shot(seed: int, *, variation: bool = False, theme: str | None = None, page: str | None = None,
               notes: list[Note] | None = None, scroll: float | None = None, overlay: str | None = None,
               likes_style: str | None = None, device: str | None = None) -> Shot:
    """One phone screen of the two-column feed (home or search), perturbed from the simulator."""
    rng = random.Random(seed)
    profiles, dev, _ = phone_profile(rng, variation, device)
    theme = theme or rng.choice(["light", "light", "dark"])
    page_name = page or rng.choice(["home", "home", "search"])
    colors = dict(profiles.theme(theme))
    f = profiles.feed
    notes = notes if notes is not None else make_notes(rng, 14, variation=variation)
    ratio = dev.pixel_ratio
    st = CardStyle(radius=f["card_radius"] * ratio, bottom_round=False, body=colors["card"],
                   pad_x=f["title_pad_x"] * ratio, pad_top=f["title_pad_top"] * ratio,
                   title_px=round(f["title_font_size"] * ratio), title_weight=rng.choice([400, 500, 500, 700]),
                   line_h=f["title_line_height"] * ratio, author_gap=f["author_gap"] * ratio,
                   author_h=f["author_row_height"] * ratio, avatar=f["avatar_size"] * ratio,
                   nick_px=round(f["nickname_font_size"] * ratio), likes_px=round(f["likes_font_size"] * ratio),
                   heart=f["heart_size"] * ratio, pad_bottom=f["pad_bottom"] * ratio, title_color=colors["title"],
                   secondary=colors["secondary"], likes_style=likes_style or rng.choice(["wan", "wan", "w"]),
                   video_style=rng.choice(["disc", "disc", "bare", "pill"]), video_size=rng.uniform(18, 24) * ratio)
    setter = TitleSetter(feed_font(st.title_weight, st.title_px), 2)
    # layout_feed in pt with the perturbed profile; our own card drawer uses the same numbers
    geo = layout_feed(notes_as_cards(notes), dev, profiles, page_name,
                      title_lines=lambda t, w: setter.count(t, w * ratio))
    top, bottom = geo.top_chrome, geo.bottom_chrome
    view_h = dev.height - top - bottom
    max_scroll = max(0.0, geo.content_height - dev.height + bottom + 4)
    if scroll is None:
        scroll = 0.0 if rng.random() < 0.3 else rng.uniform(0, max(0.0, min(max_scroll, view_h * 1.2)))
    w_px, h_px = round(dev.width * ratio), round(dev.height * ratio)
    image = QImage(w_px, h_px, QImage.Format.Format_RGB32)
    image.fill(_qcolor(colors["canvas"]))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    grid_top, grid_bottom = round(top * ratio), round((dev.height - bottom) * ratio)
    p.setClipRect(0, grid_top, w_px, grid_bottom - grid_top)
    avatar_rng = random.Random(seed + 7)
    by_id = {f"n{i}": n for i, n in enumerate(notes)}
    truth: list[TruthCard] = []
    for pc in geo.cards:
        note = by_id[pc.id]
        card_px = pc.card.to_px(ratio, -scroll)
        cover_px = pc.cover.to_px(ratio, -scroll)
        if card_px[1] > grid_bottom or card_px[1] + card_px[3] < grid_top:
            continue
        lines = setter.lines(note.title, pc.title.w * ratio) if note.title else ()
        box = (pc.card.x * ratio, (pc.card.y - scroll) * ratio, pc.card.w * ratio, pc.card.h * ratio)
        title, author = draw_card(p, note, box, cover_px[3], lines, st, avatar_rng)
        vis_cover = _clip(tuple(cover_px), grid_top, grid_bottom)
        vis_card = _clip(tuple(card_px), grid_top, grid_bottom)
        if vis_card is None:
            continue
        cut_top = card_px[1] < grid_top - 1
        cut_bottom = card_px[1] + card_px[3] - st.pad_bottom / 2 > grid_bottom  # padding may go
        truth.append(TruthCard(key=note.key, cover=vis_cover or [cover_px[0], grid_top, cover_px[2], 0],
                               card=vis_card, complete=not (cut_top or cut_bottom), cut_top=cut_top,
                               cut_bottom=cut_bottom, video=note.video, overlaid=False, title=title, author=author,
                               likes=note.likes, likes_text=likes_text(note.likes, st.likes_style)))
    p.setClipping(False)
    cv = Canvas(p, ratio, colors)
    chrome.status_bar(cv, dev, rng.choice(["9:41", "10:08", "23:59", "7:30"]))
    page_d = profiles.page(page_name)
    if page_name == "home":
        chrome.home_header(cv, dev, page_d, rng.choice(page_d["channels"]))
    else:
        chrome.search_header(cv, dev, page_d, rng.choice(["秋冬穿搭", "杭州旅游", "减脂餐", "考研"]))
    if page_d.get("bottom_bar_height", 0):
        chrome.bottom_bar(cv, dev, page_d, dev.height - bottom)
    chrome.home_indicator(cv, dev, dev.height)
    overlay = overlay if overlay is not None else rng.choice(["none"] * 6 + ["toast", "badge"])
    _apply_overlay(p, overlay, truth, w_px, h_px, rng, ratio)
    p.end()
    meta = {"kind": "phone", "device": dev.id, "theme": theme, "page": page_name, "scroll": scroll,
            "overlay": overlay, "pixel_ratio": ratio, "seed": seed, "variation": variation}
    return Shot(qimage_to_rgb(image), truth, meta)


def notes_as_cards(notes: list[Note]) -> list[Any]:
    from xhscover.feed.cards import Card

    return [Card(id=f"n{i}", image=n.image, aspect=n.aspect, title=n.title, author=n.author, likes=n.likes)
            for i, n in enumerate(notes)]


def _apply_overlay(p: QPainter, overlay: str, truth: list[TruthCard], w_px: int, h_px: int,
                   rng: random.Random, scale: float) -> None:
    box = None
    if overlay == "toast":
        box = draw_toast(p, w_px, h_px, rng, scale)
    elif overlay == "badge":
        complete = [c for c in truth if c.complete]
        if complete:
            box = draw_badge(p, tuple(rng.choice(complete).cover), rng, scale)
    if box is not None:
        for c in truth:
            if _overlaps(box, c.card):
                c.overlaid = True


# ------------------------------------------------------------------------------------------ web

WEB_CHANNELS = ["推荐", "穿搭", "美食", "彩妆", "影视", "职场", "情感", "家居", "游戏", "旅行", "健身"]
WEB_MENU = ["发现", "直播", "发布", "通知", "我"]


def web_shot(seed: int, *, variation: bool = False, theme: str | None = None, columns: int | None = None,
             notes: list[Note] | None = None, scroll: float | None = None) -> Shot:
    """A browser window on the web feed: left sidebar, search header, 3-6 column masonry."""
    rng = random.Random(seed)
    theme = theme or rng.choice(["light", "light", "dark"])
    dark = theme == "dark"
    dpr = rng.choice([1.0, 1.25, 1.5, 2.0] if variation else [1.0, 1.0, 1.5, 2.0])
    css_w = rng.choice([1280, 1366, 1440, 1536, 1680, 1920] if not variation else [1300, 1400, 1600, 1760, 2048])
    css_h = rng.choice([720, 800, 900, 1000])
    browser_bar = rng.choice([0, 0, 74, 86])
    sidebar = rng.uniform(200, 260) if css_w >= 1300 else rng.uniform(64, 80)
    pad = rng.uniform(16, 32)
    gap = rng.uniform(12, 24) if not variation else rng.uniform(10, 28)
    content_w = css_w - sidebar - 2 * pad
    n_cols = columns or max(3, min(6, int((content_w + gap) // rng.uniform(220, 290))))
    col_w = (content_w - (n_cols - 1) * gap) / n_cols
    header_h = rng.uniform(60, 76)
    chips_h = rng.uniform(44, 60)
    bg = rng.choice(["#FFFFFF"] if not dark else ["#0A0A0A", "#121212", "#000000"])
    title_c = "#333333" if not dark else "#FFFFFFD6"
    sec = "#00000080" if not dark else "#FFFFFF8F"
    s = dpr
    st = CardStyle(radius=rng.uniform(10, 18) * s, bottom_round=True, body=None, pad_x=rng.uniform(6, 12) * s,
                   pad_top=rng.uniform(8, 14) * s, title_px=round(rng.uniform(13.5, 15.5) * s),
                   title_weight=rng.choice([500, 500, 700]), line_h=rng.uniform(19, 22) * s,
                   author_gap=rng.uniform(6, 10) * s, author_h=rng.uniform(20, 24) * s, avatar=rng.uniform(18, 22) * s,
                   nick_px=round(rng.uniform(12, 13.5) * s), likes_px=round(rng.uniform(12, 13.5) * s),
                   heart=rng.uniform(14, 17) * s, pad_bottom=rng.uniform(4, 10) * s, title_color=title_c,
                   secondary=sec, likes_style=rng.choice(["wan", "wan", "w"]), video_style=rng.choice(["disc", "bare"]),
                   video_size=rng.uniform(20, 26) * s)
    row_gap = rng.uniform(6, 20) * s
    setter = TitleSetter(feed_font(st.title_weight, st.title_px), 2)
    notes = notes if notes is not None else make_notes(rng, 6 * n_cols, variation=variation)
    # masonry in device pixels
    x0 = (sidebar + pad) * s
    grid_top = round((browser_bar + header_h + chips_h) * s)
    r = rng.random()
    scroll = (0.0 if r < 0.3 else rng.uniform(0, 700) if scroll is None else scroll) * s
    heights = [grid_top + rng.uniform(4, 12) * s - scroll] * n_cols
    placed = []
    for note in notes:
        c = min(range(n_cols), key=lambda k: (heights[k], k))
        x = x0 + c * (col_w + gap) * s
        w = col_w * s
        aspect = min(max(note.aspect, 0.75), 4 / 3)
        cover_h = round(w / aspect)
        lines = setter.lines(note.title, w - 2 * st.pad_x) if note.title else ()
        h = cover_h + st.body_height(len(lines))
        placed.append((note, (x, heights[c], w, h), cover_h, lines))
        heights[c] += h + row_gap
    w_px, h_px = round(css_w * s), round(css_h * s)
    image = QImage(w_px, h_px, QImage.Format.Format_RGB32)
    image.fill(_qcolor(bg))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setClipRect(round(sidebar * s), grid_top, w_px, h_px - grid_top)
    avatar_rng = random.Random(seed + 7)
    truth: list[TruthCard] = []
    for note, (x, y, w, h), cover_h, lines in placed:
        card_px = (round(x), round(y), round(x + w) - round(x), round(y + h) - round(y))
        if card_px[1] > h_px or card_px[1] + card_px[3] < grid_top:
            continue
        title, author = draw_card(p, note, (x, y, w, h), cover_h, lines, st, avatar_rng)
        cover_px = (card_px[0], card_px[1], card_px[2], cover_h)
        vis_card = _clip(card_px, grid_top, h_px)
        if vis_card is None:
            continue
        vis_cover = _clip(cover_px, grid_top, h_px)
        cut_top = card_px[1] < grid_top - 1
        cut_bottom = card_px[1] + card_px[3] - st.pad_bottom / 2 > h_px
        truth.append(TruthCard(key=note.key, cover=vis_cover or [cover_px[0], grid_top, cover_px[2], 0],
                               card=vis_card, complete=not (cut_top or cut_bottom), cut_top=cut_top,
                               cut_bottom=cut_bottom, video=note.video, overlaid=False, title=title, author=author,
                               likes=note.likes, likes_text=likes_text(note.likes, st.likes_style)))
    p.setClipping(False)
    _web_chrome(p, rng, s, css_w, css_h, browser_bar, sidebar, header_h, chips_h, pad, dark, bg)
    overlay = rng.choice(["none"] * 6 + ["toast", "badge"])
    _apply_overlay(p, overlay, truth, w_px, h_px, rng, s)
    p.end()
    meta = {"kind": "web", "theme": theme, "columns": n_cols, "css_width": css_w, "dpr": dpr, "overlay": overlay,
            "seed": seed, "variation": variation}
    return Shot(qimage_to_rgb(image), truth, meta)


def _web_chrome(p: QPainter, rng: random.Random, s: float, css_w: float, css_h: float, browser_bar: float,
                sidebar: float, header_h: float, chips_h: float, pad: float, dark: bool, bg: str) -> None:
    fg = QColor("#333333") if not dark else QColor("#E6E6E6")
    dim = _qcolor("#00000073" if not dark else "#FFFFFF80")
    p.setPen(Qt.PenStyle.NoPen)
    if browser_bar:
        p.fillRect(QRectF(0, 0, css_w * s, browser_bar * s), QColor("#DEE1E6") if not dark else QColor("#202124"))
        p.setBrush(QColor("#FFFFFF") if not dark else QColor("#35363A"))
        p.drawRoundedRect(QRectF(80 * s, 8 * s, 240 * s, 30 * s), 8 * s, 8 * s)
        p.drawRoundedRect(QRectF(90 * s, 44 * s, (css_w - 180) * s, 30 * s), 15 * s, 15 * s)
        p.setFont(feed_font(400, round(13 * s)))
        p.setPen(fg)
        p.drawText(QPointF(110 * s, 64 * s), "https://www.xiaohongshu.com/explore")
        p.drawText(QPointF(96 * s, 28 * s), "小红书 - 你的生活指南")
    top = browser_bar * s
    p.fillRect(QRectF(0, top, css_w * s, header_h * s), _qcolor(bg))
    p.setPen(QColor("#FF2442"))
    p.setFont(feed_font(700, round(22 * s)))
    p.drawText(QPointF(24 * s, top + header_h * s * 0.62), "小红书")
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(_qcolor("#0000000A" if not dark else "#FFFFFF14"))
    sw = min(520.0, css_w * 0.35)
    p.drawRoundedRect(QRectF((css_w - sw) / 2 * s, top + (header_h - 40) / 2 * s, sw * s, 40 * s), 20 * s, 20 * s)
    p.setPen(dim)
    p.setFont(feed_font(400, round(15 * s)))
    p.drawText(QPointF(((css_w - sw) / 2 + 18) * s, top + header_h / 2 * s + 5 * s), "搜索小红书")
    p.setPen(fg)
    p.drawText(QPointF((css_w - 200) * s, top + header_h / 2 * s + 5 * s), "创作中心   业务合作")
    # channel chips
    y = top + header_h * s
    p.fillRect(QRectF(sidebar * s, y, (css_w - sidebar) * s, chips_h * s), _qcolor(bg))
    x = (sidebar + pad) * s
    p.setFont(feed_font(500, round(15 * s)))
    fm = QFontMetricsF(p.font())
    for i, ch in enumerate(WEB_CHANNELS):
        w = fm.horizontalAdvance(ch) + 32 * s
        if x + w > css_w * s:
            break
        if i == 0:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_qcolor("#0000000A" if not dark else "#FFFFFF14"))
            p.drawRoundedRect(QRectF(x, y + (chips_h - 36) / 2 * s, w, 36 * s), 18 * s, 18 * s)
        p.setPen(fg if i == 0 else dim)
        p.drawText(QRectF(x, y, w, chips_h * s), int(Qt.AlignmentFlag.AlignCenter), ch)
        x += w + 4 * s
    # sidebar
    p.fillRect(QRectF(0, y, sidebar * s, css_h * s - y), _qcolor(bg))
    p.setFont(feed_font(600, round(16 * s)))
    for i, item in enumerate(WEB_MENU if sidebar > 120 else []):
        iy = y + (12 + 56 * i) * s
        if i == 0:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_qcolor("#0000000A" if not dark else "#FFFFFF14"))
            p.drawRoundedRect(QRectF(12 * s, iy, (sidebar - 24) * s, 48 * s), 24 * s, 24 * s)
        p.setPen(fg)
        p.drawText(QPointF(56 * s, iy + 30 * s), item)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fg)
        p.drawEllipse(QRectF(26 * s, iy + 15 * s, 18 * s, 18 * s))
    p.setPen(QPen(dim, 1))


# ------------------------------------------------------------------------------------------ degrade, sets

def degrade(shot: Shot, *, scale: float = 1.0, jpeg: int | None = None) -> Shot:
    """Downscale (area) and/or JPEG-encode a shot, scaling its truth rectangles."""
    import cv2

    img = shot.image
    cards = shot.cards
    if scale != 1.0:
        h, w = img.shape[:2]
        nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
        img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA)
        sx, sy = nw / w, nh / h

        def sc(b: Box) -> Box:
            x0, y0 = round(b[0] * sx), round(b[1] * sy)
            return [x0, y0, round((b[0] + b[2]) * sx) - x0, round((b[1] + b[3]) * sy) - y0]

        cards = [replace(c, cover=sc(c.cover), card=sc(c.card)) for c in cards]
    if jpeg is not None:
        buf = io.BytesIO()
        Image.fromarray(img).save(buf, "JPEG", quality=jpeg)
        img = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    meta = dict(shot.meta, scale=scale, jpeg=jpeg)
    return Shot(np.ascontiguousarray(img), cards, meta, shot.feed)


def make_shot(seed: int, *, variation: bool = False) -> Shot:
    """One shot of the set: phone (70%) or web (30%), then a random degradation."""
    rng = random.Random(seed * 7919 + (1 if variation else 0))
    if rng.random() < 0.7:
        shot = phone_shot(seed, variation=variation)
    else:
        shot = web_shot(seed, variation=variation)
    scale = rng.choice([1.0, 1.0, 1.0, 0.75, 0.5, 2 / 3] if not variation else [1.0, 0.8, 0.6, 0.45])
    jpeg = rng.choice([None, None, 92, 80, 70] if not variation else [None, 95, 75, 60])
    if shot.meta["kind"] == "web" and shot.image.shape[1] * scale < 1100:
        scale = 1.0
    return degrade(shot, scale=scale, jpeg=jpeg)


def make_set(seed: int, n: int, *, variation: bool = False) -> list[Shot]:
    return [make_shot(seed + i, variation=variation) for i in range(n)]


# ------------------------------------------------------------------------------------------ not a feed

def not_feed_shots(seed: int = 0) -> list[tuple[str, np.ndarray]]:
    """Screens that are not a feed: a note detail page, a chat, a photo, a settings list."""
    rng = random.Random(seed)
    out: list[tuple[str, np.ndarray]] = []
    w, h = 1179, 2556
    photo = _photos()[rng.randrange(len(_photos()))][1]
    # note detail: a full-width photo on top, then paragraphs
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#FFFFFF"))
    p = QPainter(img)
    p.drawImage(QPointF(0, 160), rgb_to_qimage(crop_scale(photo, w, 1400)))
    p.setPen(QColor("#222222"))
    p.setFont(feed_font(700, 54))
    p.drawText(QPointF(40, 1650), "周末去哪儿｜城市近郊露营攻略")
    p.setFont(feed_font(400, 42))
    for i in range(12):
        p.drawText(QPointF(40, 1760 + 62 * i), rng.choice(TITLES_TUNE) + "，" + rng.choice(TITLES_TUNE))
    p.end()
    out.append(("note-detail", qimage_to_rgb(img)))
    # chat: bubbles left and right
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#EDEDED"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    y = 200.0
    for i in range(14):
        right = i % 2 == 1
        text = rng.choice(TITLES_TUNE)[: rng.randint(4, 16)]
        p.setFont(feed_font(400, 44))
        tw = QFontMetricsF(p.font()).horizontalAdvance(text) + 60
        x = w - 160 - tw if right else 160
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#95EC69") if right else QColor("#FFFFFF"))
        p.drawRoundedRect(QRectF(x, y, tw, 110), 16, 16)
        p.setBrush(QColor("#A1C6EA"))
        p.drawRoundedRect(QRectF(w - 140 if right else 30, y, 110, 110), 12, 12)
        p.setPen(QColor("#111111"))
        p.drawText(QPointF(x + 30, y + 70), text)
        y += 160
    p.end()
    out.append(("chat", qimage_to_rgb(img)))
    # a photo
    out.append(("photo", crop_scale(_photos()[(rng.randrange(len(_photos())))][1], 1080, 1440)))
    # a settings list
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#F2F2F7"))
    p = QPainter(img)
    for i in range(16):
        y = 300 + i * 130
        p.fillRect(QRectF(40, y, w - 80, 128), QColor("#FFFFFF"))
        p.setPen(QColor("#000000"))
        p.setFont(feed_font(400, 46))
        p.drawText(QPointF(80, y + 80), rng.choice(["通知", "隐私", "通用", "账号与安全", "深色模式", "清除缓存"]))
    p.end()
    out.append(("settings", qimage_to_rgb(img)))
    return out


def shot_to_png(shot: Shot, path: Path) -> Path:
    Image.fromarray(shot.image).save(path)
    return path
