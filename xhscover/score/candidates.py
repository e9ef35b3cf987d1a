"""帮我改 candidates: variants of the user's own cover, one change at a time and a few pairs.

Each generator takes the cover (a copy is changed, never the original) and returns
(Change, Cover) pairs. The text content of every text layer stays exactly as the user wrote it;
only size, position, colours, effects, the background, the photo's framing, the layout and
stickers change. Which changes come first depends on the cover's findings (a failing title size
puts "bigger title" first), so a budget of n candidates tries the likely fixes before the rest.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from xhscover.attention import diagnostics as D
from xhscover.model.cover import Cover
from xhscover.model.layers import Crop, ImageLayer, StickerLayer, TextLayer
from xhscover.model.styles import Fill, Highlight, LabelBox, Shadow, Stroke
from xhscover.score.diagnose import LEGIBLE_GOOD_PT
from xhscover.score.palette import RGB, Palette, contrast, hex_rgb, rgb_hex

MARGIN = 0.04
"""Boxes moved or grown by a candidate stay this far (fraction of the canvas) inside its edges."""
SIZE_UP = (1.3, 1.6, 2.0)
"""A bigger title is tried at 1.3x, 1.6x and 2x its feed size, and at least at 1.1x, 1.35x and 1.7x the
size that reads at a glance."""
LEGIBLE_PT = LEGIBLE_GOOD_PT
"""The gate every candidate must pass (title size at feed size)."""
SIZE_DOWN = 0.8
FOCAL_MOVE_MIN = 0.08
"""A new focal point closer than this (fraction of the photo) to the current one is no change."""
CROP_ZOOM = 0.8
PHOTO_MIN_AREA = 0.25
"""Photos covering at least a quarter of the cover get focal-point and crop candidates."""
LABEL_MIN_CONTRAST = 1.5
"""A label box has to stand off what is behind it (its text is picked to read on the label)."""
STICKER_WIDTH = 0.22
PREFERRED_STICKERS = ("must-see", "flame-hot", "sparkle", "star")


@dataclass(frozen=True)
class Change:
    """One change, machine-readable (`kind` + `params`) and in plain words."""

    kind: str
    params: dict[str, Any]
    zh: str
    en: str
    why_zh: str
    why_en: str
    fixes: tuple[str, ...] = ()
    """Finding keys this change works on (the score panel links a finding to it)."""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.params}


@dataclass
class Candidate:
    id: str
    changes: tuple[Change, ...]
    cover: Cover
    same_pictures: bool = True
    """No photo, background, sticker or layout changed: text found inside pictures is unchanged."""

    @property
    def key(self) -> str:
        """Two candidates with the same key make the same kind of change ("distinct" = different keys)."""
        return "+".join(sorted(c.kind.split(":")[0] for c in self.changes))

    @property
    def fixes(self) -> tuple[str, ...]:
        out: list[str] = []
        for c in self.changes:
            out += [k for k in c.fixes if k not in out]
        return tuple(out)

    def text_zh(self) -> str:
        parts = [c.zh for c in self.changes]
        for i in range(1, len(parts)):  # "标题放大到 24 pt 并加双层描边", not "... 并标题加双层描边"
            if parts[0].startswith("标题") and parts[i].startswith("标题"):
                parts[i] = parts[i][2:]
        what = " 并".join(parts)
        return f"{what}：{self.changes[0].why_zh}"

    def text_en(self) -> str:
        what = " and ".join(c.en for c in self.changes)
        return f"{what[:1].upper()}{what[1:]}: {self.changes[0].why_en}"


@dataclass
class Context:
    """What the generators know about the original cover and its shelf."""

    cover: Cover
    store: Any
    rgb: np.ndarray
    """The original cover rendered at its own size."""
    card_width_pt: float
    palette: Palette
    statuses: dict[str, str] = field(default_factory=dict)
    """Finding key -> status of the original ("fail", "warn" ...), to order the generators."""


# ---------------------------------------------------------------- helpers

HUE_NAMES = (("红", "red"), ("橙", "orange"), ("黄", "yellow"), ("黄绿", "lime"), ("绿", "green"),
             ("青绿", "teal"), ("青", "cyan"), ("天蓝", "sky blue"), ("蓝", "blue"), ("紫", "purple"),
             ("品红", "magenta"), ("粉", "pink"))
"""30° hue sectors starting at 345° (red spans 345-15°)."""


def colour_name(rgb: Sequence[int]) -> tuple[str, str]:
    """A plain colour word (zh, en) for sentences."""
    from xhscover.score.palette import NEUTRAL_SAT, _hsv

    h, s, v = _hsv(rgb)
    if s < NEUTRAL_SAT:
        if v > 0.85:
            return "白", "white"
        if v < 0.25:
            return "黑", "black"
        return "灰", "grey"
    zh, en = HUE_NAMES[int(((h * 360 + 15) % 360) // 30)]
    if v < 0.6:
        return f"深{zh}", f"dark {en}"
    return zh, en


def _a(word: str) -> str:
    """English article for a colour word ("an orange title")."""
    return ("an " if word[:1] in "aeiou" else "a ") + word


def title_of(cover: Cover) -> TextLayer | None:
    return cover.title_layer()


def _fitted(layer: TextLayer) -> Any:
    from xhscover.render.text import layout_text

    return layout_text(layer)


def _feed_pt(layer: TextLayer, cover: Cover, card_width_pt: float) -> float:
    return float(_fitted(layer).glyph_height) * card_width_pt / max(1, cover.width)


def _clamp_box(x: float, y: float, w: float, h: float, cw: float, ch: float) -> tuple[float, float, float, float]:
    mx, my = MARGIN * cw, MARGIN * ch
    w, h = min(w, cw - 2 * mx), min(h, ch - 2 * my)
    x = min(max(x, mx), cw - mx - w)
    y = min(max(y, my), ch - my - h)
    return x, y, w, h


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Area of a ∩ b as a fraction of a's area."""
    iw = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    ih = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0.0, iw) * max(0.0, ih) / max(1e-9, a[2] * a[3])


def _colour_of(fill: Fill) -> RGB:
    return hex_rgb(fill.stops[0][1] if fill.kind != "solid" and fill.stops else fill.color)


def _title_background(ctx: Context) -> RGB | None:
    """The colour right behind the original title (as the contrast finding measures it)."""
    from xhscover.render.text import text_boxes

    title = title_of(ctx.cover)
    if title is None:
        return None
    for lid, box, _lay in text_boxes(ctx.cover):
        if lid == title.id:
            x, y, w, h = (int(round(v)) for v in box)
            x, y = max(0, x), max(0, y)
            w = min(w, ctx.rgb.shape[1] - x)
            h = min(h, ctx.rgb.shape[0] - y)
            if w > 2 and h > 2:
                return D.text_colours(ctx.rgb, (x, y, w, h))[1]
    return None


Generated = list[tuple[Change, Cover]]


# ---------------------------------------------------------------- generators

def _target_pts(pt0: float) -> list[float]:
    """Feed-size targets for a bigger title: clearly bigger than now, and at least the size that
    reads at a glance (a title that stays under 18 pt is dropped by the legibility gate anyway)."""
    good = LEGIBLE_PT * 1.1
    out: list[float] = []
    for factor in SIZE_UP:
        pt = max(pt0 * factor, good * (factor / SIZE_UP[0]))
        if all(abs(pt - o) > 0.15 * o for o in out):
            out.append(pt)
    return out


def title_size(ctx: Context, base: Cover) -> Generated:
    title = title_of(base)
    if title is None:
        return []
    out: Generated = []
    before = _fitted(title).size
    pt0 = _feed_pt(title, base, ctx.card_width_pt)
    if not pt0 > 0:
        return []
    cw, ch = float(base.width), float(base.height)
    for target in _target_pts(pt0):
        factor = target / pt0
        cover = copy.deepcopy(base)
        t = cover.layer(title.id)
        assert isinstance(t, TextLayer)
        cx, cy = t.x + t.w / 2, t.y + t.h / 2
        w = max(t.w, min(cw * (1 - 2 * MARGIN), t.w * factor))
        h = t.h * factor
        t.x, t.y, t.w, t.h = _clamp_box(cx - w / 2, cy - h / 2, w, h, cw, ch)
        t.style.size = before * factor
        t.style.min_size = min(t.style.min_size, t.style.size)
        after = _fitted(t).size
        if after < before * (1 + 0.6 * (factor - 1)):
            continue  # the canvas has no room for it
        pt = _feed_pt(t, cover, ctx.card_width_pt)
        out.append((Change("title_size", {"factor": round(after / before, 3), "from_pt": round(pt0, 1),
                                          "to_pt": round(pt, 1)},
                           f"标题放大到 {pt:.0f} pt", f"the title up to {pt:.0f} pt",
                           "在信息流里一眼就能读到", "it reads at a glance in the feed",
                           ("title_size", "title_ocr", "attention_focus")), cover))
    if ctx.statuses.get("clutter") == "warn" and pt0 * SIZE_DOWN >= LEGIBLE_PT:
        cover = copy.deepcopy(base)
        t = cover.layer(title.id)
        assert isinstance(t, TextLayer)
        t.style.size = before * SIZE_DOWN
        t.style.min_size = min(t.style.min_size, t.style.size)
        pt = _feed_pt(t, cover, ctx.card_width_pt)
        out.append((Change("title_size", {"factor": SIZE_DOWN, "from_pt": round(pt0, 1), "to_pt": round(pt, 1)},
                           f"标题缩小到 {pt:.0f} pt", f"the title down to {pt:.0f} pt",
                           "画面留出更多空间，不那么挤", "the picture gets room and looks less crowded",
                           ("clutter",)), cover))
    return out


THIRDS = ((1 / 6, "上方", "top"), (1 / 2, "中间", "middle"), (5 / 6, "下方", "bottom"))


def title_position(ctx: Context, base: Cover) -> Generated:
    title = title_of(base)
    if title is None:
        return []
    cw, ch = float(base.width), float(base.height)
    centre = (title.y + title.h / 2) / ch
    others = [lay for lay in base.layers if isinstance(lay, (TextLayer, StickerLayer)) and lay.visible
              and lay.id != title.id]
    out: Generated = []
    for frac, zh, en in THIRDS:
        if abs(frac - centre) < 1 / 6:
            continue
        cover = copy.deepcopy(base)
        t = cover.layer(title.id)
        t.x, t.y, t.w, t.h = _clamp_box(t.x, frac * ch - t.h / 2, t.w, t.h, cw, ch)
        if any(_overlap(t.rect, o.rect) > 0.1 for o in others):
            continue  # would sit on another text or sticker
        out.append((Change(f"title_position:{en}", {"to": en, "y": round(t.y / ch, 4)},
                           f"标题移到{zh}", f"the title moved to the {en} third",
                           "视线先落在标题上", "the eye lands on the title first", ("attention_focus",)), cover))
    return out


def title_fill(ctx: Context, base: Cover) -> Generated:
    title = title_of(base)
    bg = _title_background(ctx)
    if title is None or bg is None:
        return []
    current = _colour_of(title.style.fill)
    out: Generated = []
    for c in ctx.palette.against(bg, exclude=[current], n=3):
        cover = copy.deepcopy(base)
        t = cover.layer(title.id)
        assert isinstance(t, TextLayer)
        t.style.fill = Fill.solid(rgb_hex(c))
        zh, en = colour_name(c)
        out.append((Change("title_fill", {"colour": rgb_hex(c), "contrast": round(contrast(c, bg), 2)},
                           f"标题改成{zh}色", f"{_a(en)} title",
                           "和背景、和邻居都分得开", "it stands apart from its background and the neighbours",
                           ("title_contrast", "distinct", "colourfulness")), cover))
    return out


def title_stroke(ctx: Context, base: Cover) -> Generated:
    title = title_of(base)
    bg = _title_background(ctx)
    if title is None or bg is None:
        return []
    text = _colour_of(title.style.fill)
    size = _fitted(title).size
    edge = ctx.palette.best_text_on(text)
    out: Generated = []
    cover = copy.deepcopy(base)
    t = cover.layer(title.id)
    assert isinstance(t, TextLayer)
    t.style.strokes = [Stroke(rgb_hex(edge), round(0.08 * size, 1))]
    ez, ee = colour_name(edge)
    out.append((Change("title_stroke", {"strokes": [[rgb_hex(edge), round(0.08 * size, 1)]]},
                       f"标题加{ez}色粗描边", f"a thick {ee} outline on the title",
                       "压在任何背景上都清楚", "it reads on any background", ("title_contrast", "title_ocr")), cover))
    outer = ctx.palette.against(edge, min_contrast=3.0, exclude=[text, edge], n=1)
    if outer:
        cover = copy.deepcopy(base)
        t = cover.layer(title.id)
        assert isinstance(t, TextLayer)
        t.style.strokes = [Stroke(rgb_hex(edge), round(0.06 * size, 1)), Stroke(rgb_hex(outer[0]), round(0.08 * size, 1))]
        oz, oe = colour_name(outer[0])
        out.append((Change("title_stroke", {"strokes": [[rgb_hex(edge), round(0.06 * size, 1)],
                                                        [rgb_hex(outer[0]), round(0.08 * size, 1)]]},
                           f"标题加双层描边（{ez}+{oz}）", f"a double outline ({ee} inside, {oe} outside) on the title",
                           "压在任何背景上都清楚，还更抢眼", "it reads on any background and catches the eye",
                           ("title_contrast", "title_ocr", "distinct")), cover))
    return out


def title_highlight(ctx: Context, base: Cover) -> Generated:
    title = title_of(base)
    if title is None or title.style.label is not None:
        return []
    text = _colour_of(title.style.fill)
    out: Generated = []
    for c in ctx.palette.against(text, min_contrast=D.WCAG_AA_TEXT, exclude=[text], n=2):
        cover = copy.deepcopy(base)
        t = cover.layer(title.id)
        assert isinstance(t, TextLayer)
        t.style.highlight = Highlight(color=rgb_hex(c), height=0.5, offset=0.08)
        zh, en = colour_name(c)
        out.append((Change("title_highlight", {"colour": rgb_hex(c)}, f"标题加{zh}色荧光笔底", f"{_a(en)} marker band behind the title", "标题像被划了重点", "the title looks marked as the point",
                           ("title_contrast", "attention_focus")), cover))
    return out


def title_label(ctx: Context, base: Cover) -> Generated:
    title = title_of(base)
    if title is None or title.style.label is not None:
        return []
    size = _fitted(title).size
    cw, ch = float(base.width), float(base.height)
    out: Generated = []
    bg = _title_background(ctx)
    picks = (ctx.palette.against(bg, min_contrast=LABEL_MIN_CONTRAST, exclude=[bg], n=3) if bg is not None
             else [c for c in ctx.palette.colours if ctx.palette.rarity(c) >= 0.5][:3])
    for c in picks:
        cover = copy.deepcopy(base)
        t = cover.layer(title.id)
        assert isinstance(t, TextLayer)
        px, py = round(0.22 * size, 1), round(0.12 * size, 1)
        t.style.label = LabelBox(color=rgb_hex(c), padding_x=px, padding_y=py, radius=round(0.2 * size, 1))
        text = ctx.palette.best_text_on(c)
        t.style.fill = Fill.solid(rgb_hex(text))
        t.style.strokes = []
        t.x, t.y, t.w, t.h = _clamp_box(t.x - px, t.y - py, t.w + 2 * px, t.h + 2 * py, cw, ch)
        zh, en = colour_name(c)
        out.append((Change("title_label", {"colour": rgb_hex(c), "text_colour": rgb_hex(text)},
                           f"标题放进{zh}色底块", f"the title on {_a(en)} label",
                           "标题成了画面里最醒目的一块", "the title becomes the boldest block on the cover",
                           ("title_contrast", "attention_focus", "distinct")), cover))
    return out


def title_shadow(ctx: Context, base: Cover) -> Generated:
    title = title_of(base)
    if title is None or title.style.shadow is not None:
        return []
    text = _colour_of(title.style.fill)
    dark = contrast(text, (0, 0, 0)) >= contrast(text, (255, 255, 255))
    size = _fitted(title).size
    cover = copy.deepcopy(base)
    t = cover.layer(title.id)
    assert isinstance(t, TextLayer)
    colour = "#000000A0" if dark else "#FFFFFFC0"
    t.style.shadow = Shadow(colour, 0.0, round(0.05 * size, 1), round(0.12 * size, 1))
    return [(Change("title_shadow", {"colour": colour}, "标题加一层投影", "a soft shadow under the title",
                    "标题从背景里浮出来", "the title lifts off its background", ("title_contrast",)), cover)]


def _photo_layers(cover: Cover) -> list[ImageLayer]:
    area = float(cover.width * cover.height)
    return [lay for lay in cover.layers if isinstance(lay, ImageLayer) and lay.visible and lay.src
            and lay.fit == "cover" and lay.w * lay.h >= PHOTO_MIN_AREA * area]


def _background_visible(cover: Cover) -> bool:
    return cover.background.image is None and not _photo_layers(cover)


def background(ctx: Context, base: Cover) -> Generated:
    if not _background_visible(base):
        return []
    title = title_of(base)
    text = _colour_of(title.style.fill) if title is not None else None
    current = _colour_of(base.background.fill)
    picks = (ctx.palette.against(text, exclude=[current], n=2) if text is not None
             else [c for c in ctx.palette.colours if c != current and ctx.palette.rarity(c) >= 0.5][:2])
    out: Generated = []
    for c in picks:
        zh, en = colour_name(c)
        cover = copy.deepcopy(base)
        cover.background.fill = Fill.solid(rgb_hex(c))
        out.append((Change("background", {"fill": "solid", "colour": rgb_hex(c)}, f"背景换成{zh}色",
                           f"{_a(en)} background", "和货架上的邻居拉开差别", "it stands apart from its neighbours on the shelf",
                           ("distinct", "colourfulness")), cover))
    if picks:
        c = picks[0]
        light = tuple(int(round(v + (255 - v) * 0.45)) for v in c)
        zh, en = colour_name(c)
        cover = copy.deepcopy(base)
        cover.background.fill = Fill.linear([(0.0, rgb_hex(light)), (1.0, rgb_hex(c))], 90.0)
        out.append((Change("background", {"fill": "linear", "colours": [rgb_hex(light), rgb_hex(c)]},
                           f"背景换成{zh}色渐变", f"{_a(en)} gradient background",
                           "有层次又和邻居不一样", "it has depth and differs from the neighbours",
                           ("distinct", "colourfulness")), cover))
    return out


def _subject_point(ctx: Context, layer: ImageLayer) -> tuple[float, float] | None:
    """Where the photo's main subject is (fractions of the source image): the biggest face,
    else the peak region of the bottom-up attention map."""
    from xhscover.attention import detectors
    from xhscover.attention.saliency import saliency_map
    from xhscover.errors import XhsError

    try:
        img = ctx.store.load(layer.src).convert("RGB")
    except (XhsError, OSError):
        return None
    img.thumbnail((384, 384))
    rgb = np.asarray(img, dtype=np.uint8)
    h, w = rgb.shape[:2]
    try:
        faces = [(b, s) for b, s in detectors.detect_faces(rgb) if s >= detectors.FACE_PRESENT_SCORE]
    except XhsError:
        faces = []
    if faces:
        (x, y, bw, bh), _s = max(faces, key=lambda f: f[0][2] * f[0][3])
        return ((x + bw / 2) / w, (y + bh / 2) / h)
    m = saliency_map(rgb, model="conspicuity")
    top = m >= np.quantile(m, 0.95)
    ys, xs = np.nonzero(top)
    if not len(xs):
        return None
    return (float(xs.mean()) / w, float(ys.mean()) / h)


def photo(ctx: Context, base: Cover) -> Generated:
    out: Generated = []
    for layer in _photo_layers(base)[:1]:
        point = _subject_point(ctx, layer)
        if point is None:
            continue
        fx, fy = (round(v, 3) for v in point)
        if max(abs(fx - layer.focal[0]), abs(fy - layer.focal[1])) >= FOCAL_MOVE_MIN:
            cover = copy.deepcopy(base)
            lay = cover.layer(layer.id)
            assert isinstance(lay, ImageLayer)
            lay.focal = (fx, fy)
            out.append((Change("photo_focal", {"layer": layer.id, "focal": [fx, fy]}, "照片对准主体",
                               "the photo re-framed on its subject", "主体不再被裁掉", "the subject is no longer cut off",
                               ("attention_focus",)), cover))
        cover = copy.deepcopy(base)
        lay = cover.layer(layer.id)
        assert isinstance(lay, ImageLayer)
        z = CROP_ZOOM
        cx = min(max(fx - z / 2, 0.0), 1 - z)
        cy = min(max(fy - z / 2, 0.0), 1 - z)
        lay.crop = Crop(round(cx, 4), round(cy, 4), z, z)
        lay.focal = (0.5, 0.5)
        out.append((Change("photo_crop", {"layer": layer.id, "crop": [round(cx, 4), round(cy, 4), z, z]},
                           f"照片放大 {round(100 * (1 / z - 1))}%，对准主体",
                           f"the photo zoomed in {round(100 * (1 / z - 1))}% on its subject",
                           "主体更大，画面更干净", "a bigger subject and a calmer picture",
                           ("attention_focus", "clutter")), cover))
    return out


def sticker(ctx: Context, base: Cover) -> Generated:
    from xhscover.errors import XhsError
    from xhscover.model.assets import sticker_catalog

    shown = [lay for lay in base.layers if isinstance(lay, StickerLayer) and lay.visible]
    if shown:
        cover = copy.deepcopy(base)
        for lay in cover.layers:
            if isinstance(lay, StickerLayer):
                lay.visible = False
        return [(Change("sticker:off", {"hidden": [s.id for s in shown]}, "去掉贴纸", "without the stickers",
                        "画面更干净，视线集中到标题", "a calmer picture that sends the eye to the title",
                        ("clutter", "attention_focus")), cover)]
    try:
        catalog = sticker_catalog()
    except XhsError:  # a broken sticker manifest is reported where stickers are picked; none to add here
        return []
    ids = catalog.ids()
    sid = next((s for s in PREFERRED_STICKERS if s in ids), ids[0] if ids else None)
    if sid is None:
        return []
    st = catalog.get(sid)
    cw, ch = float(base.width), float(base.height)
    w = STICKER_WIDTH * cw
    text_rects = [lay.rect for lay in base.layers if isinstance(lay, TextLayer) and lay.visible]
    corners = [(cw * (1 - MARGIN) - w, ch * MARGIN), (cw * MARGIN, ch * MARGIN),
               (cw * (1 - MARGIN) - w, ch * (1 - MARGIN) - w), (cw * MARGIN, ch * (1 - MARGIN) - w)]
    x, y = min(corners, key=lambda p: sum(_overlap((p[0], p[1], w, w), r) for r in text_rects))
    cover = copy.deepcopy(base)
    cover.layers.append(StickerLayer(id=cover.new_layer_id("sticker"), name=st.name_zh, x=x, y=y, w=w, h=w,
                                     rotation=-8.0, sticker=sid))
    return [(Change("sticker:on", {"sticker": sid}, f"加一个「{st.name_zh}」贴纸", f"a “{st.name_en}” sticker",
                    "角落里多一个抓眼的点", "a corner detail that catches the eye", ("attention_focus", "colourfulness")),
             cover)]


def layouts(ctx: Context, base: Cover) -> Generated:
    """The same texts and photos in the other bundled layouts of the same genre (same ratio)."""
    from xhscover.errors import XhsError
    from xhscover.model.layouts import build_cover, bundled_layouts, get_layout

    if not base.layout:
        return []
    try:
        genre = get_layout(base.layout).genre
    except XhsError:
        return []
    texts = [lay for lay in base.layers if isinstance(lay, TextLayer) and lay.visible and lay.text.strip()]
    photos = [lay for lay in base.layers if isinstance(lay, ImageLayer) and lay.visible and lay.src]
    order = {"title": 0, "subtitle": 1, "tag": 2, "body": 3, "caption": 4}
    out: Generated = []
    for layout in bundled_layouts():
        if layout.genre != genre or layout.id == base.layout:
            continue
        new = build_cover(layout, base.ratio)
        slots_t = [lay for lay in new.layers if isinstance(lay, TextLayer)]
        slots_i = [lay for lay in new.layers if isinstance(lay, ImageLayer) and lay.slot]
        if len(slots_t) < len(texts) or len(slots_i) != len(photos):
            continue  # every text and every photo must find a place, and no stock photo may remain
        free = sorted(slots_t, key=lambda s: order.get(s.role, 9))
        for src in sorted(texts, key=lambda s: order.get(s.role, 9)):
            slot = next((s for s in free if s.role == src.role), free[0])
            free.remove(slot)
            slot.text = src.text
        for slot in free:
            slot.visible = False  # a layout's sample text never reaches the user's cover
        for image_slot, src_img in zip(slots_i, photos, strict=True):
            image_slot.src, image_slot.focal, image_slot.crop = src_img.src, src_img.focal, src_img.crop
        if base.background.image:
            new.background.image = base.background.image
        new.id, new.name, new.note_title = base.id, base.name, base.note_title
        out.append((Change(f"layout:{layout.id}", {"layout": layout.id}, f"换成「{layout.name_zh}」版式",
                           f"the “{layout.name_en}” layout", "同样的文字和照片，换一种构图更突出",
                           "the same words and photos, arranged to stand out", ("distinct", "attention_focus")), new))
    return out


Generator = Callable[[Context, Cover], Generated]
GENERATORS: dict[str, Generator] = {
    "title_size": title_size, "title_stroke": title_stroke, "title_label": title_label, "title_fill": title_fill,
    "title_highlight": title_highlight, "title_shadow": title_shadow, "title_position": title_position,
    "background": background,
    "photo": photo, "layout": layouts, "sticker": sticker,
}
PICTURE_KINDS = ("background", "photo", "layout", "sticker")
PRIORITY: dict[str, tuple[str, ...]] = {
    "title_size": ("title_size", "title_label", "title_stroke"),
    "title_ocr": ("title_size", "title_stroke", "title_label"),
    "title_contrast": ("title_stroke", "title_label", "title_fill", "title_highlight", "title_shadow"),
    "attention_focus": ("title_size", "title_label", "photo", "title_position"),
    "distinct": ("background", "layout", "title_fill", "title_label"),
    "clutter": ("sticker", "photo", "title_size"),
    "colourfulness": ("background", "title_fill", "title_label"),
}
PAIRS = (("title_size", "title_stroke"), ("title_size", "title_label"), ("title_size", "title_fill"),
         ("title_size", "title_highlight"), ("title_size", "title_shadow"), ("title_position", "title_size"),
         ("title_fill", "title_stroke"), ("background", "title_size"), ("photo", "title_size"))


def generator_order(statuses: dict[str, str]) -> list[str]:
    """Generators whose changes work on the failing findings first, then the warnings, then the rest."""
    order: list[str] = []
    for level in ("fail", "warn"):
        for key, gens in PRIORITY.items():
            if statuses.get(key) == level:
                order += [g for g in gens if g not in order]
    return order + [g for g in GENERATORS if g not in order]


def generate(ctx: Context, n: int) -> list[Candidate]:
    """Up to n candidates: every single change (in priority order), then pairs of the best kinds."""
    singles: list[tuple[str, Change, Cover]] = []
    for name in generator_order(ctx.statuses):
        singles += [(name, ch, cv) for ch, cv in GENERATORS[name](ctx, ctx.cover)]
    out: list[Candidate] = []

    def add(changes: tuple[Change, ...], cover: Cover, kinds: Sequence[str]) -> None:
        same = not any(k in PICTURE_KINDS for k in kinds)
        out.append(Candidate(f"c{len(out) + 1:02d}", changes, cover, same_pictures=same))

    for name, ch, cv in singles:
        add((ch,), cv, [name])
    first = {name: (ch, cv) for name, ch, cv in reversed(singles)}  # each generator's first change
    pairs = list(PAIRS)
    title = title_of(ctx.cover)
    if title is not None and _feed_pt(title, ctx.cover, ctx.card_width_pt) < LEGIBLE_PT:
        # a title under the legibility size drops every change that leaves it small: pair them all with it
        pairs += [("title_size", g) for g in GENERATORS if g != "title_size" and ("title_size", g) not in pairs]
    every: dict[str, list[tuple[Change, Cover]]] = {}
    for name, ch, cv in singles:
        every.setdefault(name, []).append((ch, cv))
    for a, b in pairs:
        if a not in first or b not in first or b == "layout":  # a layout brings its own title style
            continue
        bases = [x for x in every[a] if x[0].params.get("factor", 2) > 1] if a == "title_size" else [first[a]]
        for ch_a, cv_a in bases:  # every bigger title with every option of the other change
            for ch_b, cv_b in GENERATORS[b](ctx, cv_a):
                add((ch_a, ch_b), cv_b, [a, b])
    singles_n = len(singles)
    if len(out) > n:  # the singles in priority order and the pairs, each given at least half the budget
        ones, twos = out[:singles_n], out[singles_n:]
        twos = twos[: max(n // 2, n - len(ones))]
        out = ones[: n - len(twos)] + twos
        for i, c in enumerate(out):
            c.id = f"c{i + 1:02d}"
    return out


IMAGE_ZOOMS = (0.9, 0.8)


def image_cover(rgb: np.ndarray, store: Any, cover_id: str = "A") -> Cover:
    """A cover holding one picture full-bleed: how a PNG-only cover is varied (crops only)."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb[:, :, :3])).save(buf, format="PNG", compress_level=1)
    ref = store.add_bytes(buf.getvalue(), f"{cover_id}.png")
    h, w = rgb.shape[:2]
    ratio = min(("3:4", 3 / 4), ("1:1", 1.0), ("4:3", 4 / 3), key=lambda r: abs(r[1] - w / h))[0]
    layer = ImageLayer(id="picture", name="picture", x=0, y=0, w=w, h=h, src=ref, fit="cover")
    return Cover(id=cover_id, name=cover_id, ratio=ratio, width=w, height=h, layers=[layer])


def generate_image_only(ctx: Context, facts: Any) -> list[Candidate]:
    """A PNG cover cannot be restyled: try zooming in, keeping every line of detected text whole."""
    layer = next((lay for lay in ctx.cover.layers if isinstance(lay, ImageLayer)), None)
    if layer is None:
        return []
    boxes = list(facts.text_boxes)
    if boxes:
        x0 = min(b[0] for b in boxes)
        y0 = min(b[1] for b in boxes)
        x1 = max(b[0] + b[2] for b in boxes)
        y1 = max(b[1] + b[3] for b in boxes)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    else:
        x0 = y0 = 1.0
        x1 = y1 = 0.0
        cx = cy = 0.5
    out: list[Candidate] = []
    for z in IMAGE_ZOOMS:
        if boxes and (x1 - x0 > z or y1 - y0 > z):
            continue  # the text would be cut
        left = min(max(cx - z / 2, 0.0), 1 - z)
        top = min(max(cy - z / 2, 0.0), 1 - z)
        if boxes:
            left = min(max(left, x1 - z), x0)
            top = min(max(top, y1 - z), y0)
        cover = copy.deepcopy(ctx.cover)
        lay = cover.layer(layer.id)
        assert isinstance(lay, ImageLayer)
        lay.crop = Crop(round(left, 4), round(top, 4), z, z)
        pct = round(100 * (1 / z - 1))
        change = Change("photo_crop", {"layer": layer.id, "crop": [round(left, 4), round(top, 4), z, z]},
                        f"整张图放大 {pct}%（文字完整保留）", f"the whole picture zoomed in {pct}% (all text kept)",
                        "标题和主体在信息流里更大", "the title and the subject are bigger in the feed",
                        ("title_size", "attention_focus"))
        out.append(Candidate(f"c{len(out) + 1:02d}", (change,), cover, same_pictures=False))
    return out
