"""Fixed covers built in code: golden images, the benchmark fallback, and a visual check.

Run `python -m tests.render.showcase [outdir]` to write them as PNGs and look at them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from xhscover.model.cover import Background, Cover
from xhscover.model.layers import ImageLayer, ShapeLayer, StickerLayer, TextLayer
from xhscover.model.styles import Fill, Highlight, LabelBox, Shadow, Stroke, TextStyle


def stacked_title() -> Cover:
    """Big two-stroke title over a gradient with a drop shadow, marker subtitle and a tag."""
    bg = Background(fill=Fill.linear([(0.0, "#FFF3B0"), (1.0, "#FFD43B")], 90))
    layers = [
        ShapeLayer(id="blob", x=620, y=-120, w=560, h=520, shape="ellipse", fill=Fill.solid("#FF244233")),
        TextLayer(id="tag", x=72, y=96, w=420, h=90, text="打工人必看", role="tag", style=TextStyle(
            weight=900, size=50, align="left", fill=Fill.solid("#FFFFFF"),
            label=LabelBox(color="#FF2442", padding_x=28, padding_y=12, radius=40))),
        TextLayer(id="title", x=60, y=260, w=960, h=560, text="一周带饭\n不重样！", style=TextStyle(
            family="smiley-sans", size=250, line_height=1.1, fill=Fill.solid("#FF2442"),
            strokes=[Stroke("#1A1A1A", 10), Stroke("#FFFFFF", 18)],
            shadow=Shadow("#00000066", 0, 14, 16)), rotation=-4),
        TextLayer(id="sub", x=90, y=880, w=900, h=220, text="附食谱清单 省钱又好吃", role="subtitle", style=TextStyle(
            weight=900, size=78, fill=Fill.solid("#1A1A1A"), highlight=Highlight(color="#FFFFFF", height=0.42))),
        ShapeLayer(id="arrow", x=120, y=1180, w=300, h=80, shape="arrow", fill=Fill.solid("#1A1A1A")),
        StickerLayer(id="emoji", x=800, y=1120, w=200, h=200, emoji="🍱", rotation=10),
        TextLayer(id="caption", x=440, y=1180, w=560, h=80, text="点赞收藏不迷路🔥", role="caption", style=TextStyle(
            weight=700, size=44, align="left", fill=Fill.solid("#1A1A1A"))),
    ]
    return Cover(id="stacked", background=bg, layers=layers)


def photo_cover(photo: str = "") -> Cover:
    """A photo background with blur and veil, a rounded framed photo, gradient text, a sticker."""
    bg = Background(fill=Fill.solid("#2B2B2B"), image=photo or None, image_blur=24, image_dim=0.35)
    layers = [
        ImageLayer(id="photo", x=90, y=160, w=900, h=760, src=photo, corner_radius=36,
                   border=Stroke("#FFFFFF", 12), focal=(0.5, 0.4)),
        TextLayer(id="title", x=70, y=960, w=940, h=300, text="周末去哪儿\n城市漫游指南", style=TextStyle(
            weight=900, size=120, line_height=1.15,
            fill=Fill.linear([(0.0, "#FFFFFF"), (1.0, "#FFE45C")], 90),
            strokes=[Stroke("#1A1A1A", 8)], shadow=Shadow("#000000AA", 0, 8, 20))),
        StickerLayer(id="star", x=860, y=80, w=170, h=170, sticker="star", rotation=12),
        ShapeLayer(id="pill", x=330, y=1300, w=420, h=72, shape="rounded_rect", radius=36,
                   fill=Fill.solid("#FF2442"), stroke=Stroke("#FFFFFF", 4)),
        TextLayer(id="pill_text", x=330, y=1300, w=420, h=72, text="收藏 · 慢慢看", role="caption", style=TextStyle(
            weight=700, size=40, fill=Fill.solid("#FFFFFF"))),
    ]
    return Cover(id="photo", background=bg, layers=layers)


def plain_cover() -> Cover:
    """Handwriting face, radial background, left/right/bottom alignment, letter spacing, italic."""
    bg = Background(fill=Fill.radial([(0.0, "#FFFFFF"), (1.0, "#E8F0FF")]))
    layers = [
        TextLayer(id="quote", x=100, y=200, w=880, h=600, text="你不必活成\n别人期待的样子", style=TextStyle(
            family="lxgw-wenkai", weight=700, size=110, align="left", valign="top", letter_spacing=6,
            fill=Fill.solid("#22304A"))),
        ShapeLayer(id="rule", x=100, y=860, w=160, h=10, shape="rect", fill=Fill.solid("#FF2442")),
        TextLayer(id="by", x=100, y=1200, w=880, h=140, text="写给25岁的自己 Day 1", role="caption", style=TextStyle(
            weight=400, size=44, align="right", valign="bottom", fill=Fill.solid("#6B7280"), italic=True)),
        ShapeLayer(id="ring", x=800, y=800, w=180, h=180, shape="ellipse", fill=None,
                   stroke=Stroke("#FF2442", 10)),
        ShapeLayer(id="line", x=100, y=1140, w=880, h=6, shape="line", fill=Fill.solid("#22304A")),
    ]
    return Cover(id="plain", background=bg, layers=layers)


def all_covers(photo: str = "") -> dict[str, Cover]:
    return {"stacked": stacked_title(), "photo": photo_cover(photo), "plain": plain_cover()}


def _main(out: Path) -> None:
    from xhscover.model.images import ImageStore
    from xhscover.render.cover import render_cover
    from xhscover.render.export import save_image
    from xhscover.render.qt import ensure_gui_app

    ensure_gui_app()
    photos = sorted((Path(__file__).resolve().parents[2] / "assets" / "photos").glob("*.jpg"))
    photo = f"asset:photos/{photos[0].name}" if photos else ""
    out.mkdir(parents=True, exist_ok=True)
    for name, cover in all_covers(photo).items():
        save_image(render_cover(cover, ImageStore()), out / f"showcase-{name}.png", fast=True)
        print(out / f"showcase-{name}.png")


if __name__ == "__main__":
    _main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/xhs-render"))
