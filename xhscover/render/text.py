"""Text layers: fitting, Chinese line breaking, glyph outlines, and the XHS effects stack.

Text is measured and shaped once at a reference pixel size (hinting off, so advances scale
linearly) and the outlines are scaled to the fitted size, which may be fractional. A text layer is
painted into a cached device-resolution image (shadow, label, marker, stacked strokes, fill), keyed
by content and device transform: stroking a big title costs tens of milliseconds, so unchanged text
is never re-stroked while the canvas redraws.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRawFont,
    QTextLayout,
    QTransform,
)

from xhscover.model.cover import Cover
from xhscover.model.layers import Layer, TextLayer
from xhscover.model.runs import normalize, segments
from xhscover.model.styles import Highlight, Stroke, TextRun, TextStyle
from xhscover.model.textbreak import LineMetrics, Measure, fit_text, plain_metrics
from xhscover.render.paint import (
    ImageCache,
    blit_device,
    blur_image,
    device_transform,
    fill_brush,
    new_argb,
    painting,
    qcolor,
)
from xhscover.render.qt import make_font

REF = 128  # reference pixel size for measuring and outlines
EXACT_MEASURE_CHARS = 400  # longer texts are measured by summed per-character advances (bounded work)
MAX_LINES = 400  # lines ever laid out for one layer: the rest cannot be visible anyway
MAX_CACHE_PIXELS = 24_000_000  # a text layer image larger than this is rendered at reduced resolution
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")

Box = tuple[float, float, float, float]


@dataclass
class TextLayout:
    """Where a text layer's lines land, in canvas pixels (unrotated), at the fitted size."""

    size: float
    lines: list[str]
    fits: bool
    line_boxes: list[Box] = field(default_factory=list)
    ink_box: Box = (0.0, 0.0, 0.0, 0.0)
    glyph_height: float = 0.0


@dataclass
class _Group:
    """Glyph outlines painted alike: the layer's own style, or one run's colour and strokes."""

    path: QPainterPath
    color: str | None  # None: the layer's fill (solid or gradient over the whole text)
    strokes: list[Stroke]


@dataclass
class _Shape:
    """A laid-out text block in layer-local coordinates (origin = layer box top-left)."""

    key: tuple[object, ...]
    size: float
    lines: list[str]
    fits: bool
    path: QPainterPath  # every outline (shadow silhouette, ink box)
    line_ink: list[QRectF]
    line_logical: list[QRectF]  # x, top of the line pitch, advance width, pitch
    baselines: list[float]
    bitmaps: list[tuple[QRawFont, int, QPointF, float]]  # colour (emoji) glyphs at REF, local pos, scale
    scale: float  # fitted size / REF
    glyph_height: float
    ink: QRectF
    block: QRectF  # union of the logical line boxes
    clip: QRectF | None  # set when the text overflows its box
    groups: list[_Group] = field(default_factory=list)
    pitches: list[float] = field(default_factory=list)
    run_marks: list[tuple[QRectF, float, float, float, Highlight]] = field(default_factory=list)  # ink, baseline, pitch, px


# ---------------------------------------------------------------- fonts and measuring


@dataclass
class _FontRef:
    font: QFont
    metrics: QFontMetricsF
    char_adv: dict[str, float]
    str_adv: OrderedDict[str, float]
    ink_center: float  # y of the ink centre of a CJK glyph relative to the baseline, at REF
    cjk_height: float
    cap_height: float
    last_long: tuple[str, float] = ("", 0.0)  # the last long string summed, to extend it cheaply


@lru_cache(maxsize=64)
def _font_ref(family: str, weight: int, italic: bool) -> _FontRef:
    font = make_font(family, weight, REF, italic=italic)
    fm = QFontMetricsF(font)

    def ink(ch: str) -> QRectF:
        p = QPainterPath()
        p.addText(0, 0, font, ch)
        return p.boundingRect()

    han, cap = ink("国"), ink("H")
    if han.height() <= 0:
        han = QRectF(0, -0.88 * REF, REF, REF)
    return _FontRef(font, fm, {}, OrderedDict(), han.center().y(), han.height(), cap.height() or 0.7 * REF)


def _advance(ref: _FontRef, text: str) -> float:
    """Advance width at REF without letter spacing; exact (shaped) for short strings."""
    if len(text) <= EXACT_MEASURE_CHARS:
        w = ref.str_adv.get(text)
        if w is None:
            w = ref.metrics.horizontalAdvance(text)
            ref.str_adv[text] = w
            if len(ref.str_adv) > 20000:
                for _ in range(5000):
                    ref.str_adv.popitem(last=False)
        return w
    # Greedy line breaking measures line + next word again and again: extending the previous
    # sum keeps a long line linear instead of quadratic (10,000 characters in a wide box).
    prev, total = ref.last_long
    start = len(prev) if prev and text.startswith(prev) else 0
    if not start:
        total = 0.0
    for ch in text[start:]:
        a = ref.char_adv.get(ch)
        if a is None:
            a = ref.char_adv[ch] = ref.metrics.horizontalAdvance(ch)
        total += a
    ref.last_long = (text, total)
    return total


def _measure_at(ref: _FontRef, spacing: float) -> Callable[[float], Measure]:
    def measure_at(size: float) -> Measure:
        k = size / REF

        def measure(text: str) -> float:
            if not text:
                return 0.0
            return _advance(ref, text) * k + spacing * (len(text) - 1)

        return measure

    return measure_at


# ---------------------------------------------------------------- layout


def _style_key(style: TextStyle) -> str:
    return repr(style)


_shapes: OrderedDict[tuple[object, ...], _Shape] = OrderedDict()


def _shape(layer: TextLayer) -> _Shape:
    key = (layer.text, _style_key(layer.style), repr(layer.runs), round(layer.w, 3), round(layer.h, 3))
    shape = _shapes.get(key)
    if shape is not None:
        _shapes.move_to_end(key)
        return shape
    shape = _build_shape(layer, key)
    _shapes[key] = shape
    while len(_shapes) > 512:
        _shapes.popitem(last=False)
    return shape


def _avail(layer: TextLayer) -> QRectF:
    """The area text is fitted into: the layer box, minus the label padding when there is a label."""
    st = layer.style
    px = st.label.padding_x if st.label else 0.0
    py = st.label.padding_y if st.label else 0.0
    px = min(px, layer.w / 2 - 0.5)
    py = min(py, layer.h / 2 - 0.5)
    return QRectF(px, py, max(1.0, layer.w - 2 * px), max(1.0, layer.h - 2 * py))


def _run_metrics(text: str, runs: list[TextRun], ref: _FontRef, spacing: float,
                 line_height: float) -> Callable[[float], LineMetrics]:
    """Span widths and line pitches when runs change the size of some characters."""

    def at(size: float) -> LineMetrics:
        k = size / REF

        def width(s: int, e: int) -> float:
            total = 0.0
            for a, b, run in segments(runs, s, e):
                scale = run.scale if run else 1.0
                total += _advance(ref, text[a:b]) * k * scale + spacing * (b - a)
            return total - spacing if e > s else 0.0

        def pitch(s: int, e: int) -> float:
            top = max((run.scale for a, b, run in segments(runs, s, e) if run), default=1.0)
            return size * line_height * max(1.0, top) if e > s else size * line_height

        return LineMetrics(width, pitch)

    return at


def _build_shape(layer: TextLayer, key: tuple[object, ...]) -> _Shape:
    st = layer.style
    text = layer.text
    empty = _Shape(key, st.size, [], True, QPainterPath(), [], [], [], [], 1.0, 0.0, QRectF(), QRectF(), None)
    if not text.strip():
        return empty
    ref = _font_ref(st.family, int(st.weight), bool(st.italic))
    avail = _avail(layer)
    size = max(1.0, float(st.size))
    min_size = max(1.0, min(float(st.min_size), size))
    line_height = max(0.1, float(st.line_height))
    measure_at = _measure_at(ref, st.letter_spacing)
    runs = normalize(layer.runs, len(text)) if layer.runs else []
    metrics_at = (_run_metrics(text, runs, ref, st.letter_spacing, line_height) if runs
                  else plain_metrics(text, measure_at, line_height))
    fit = fit_text(
        text, metrics_at, avail.width(), avail.height(),
        size=size, min_size=min_size, auto_fit=st.auto_fit,
    )
    size, spans = fit.size, fit.spans
    k = size / REF
    metrics = metrics_at(size)
    valign = st.valign
    clip = None
    if not fit.fits:
        # Overflow: show the start of the text and clip to the box (the editor flags `fits`).
        used, visible = 0.0, 0
        for a, b in spans[:MAX_LINES]:
            used += metrics.pitch(a, b)
            if visible and used > avail.height() + 0.5:
                break
            visible += 1
        spans = spans[:visible]
        valign = "top"
        grow = max((sum(x.width for x in strokes) for strokes in _stroke_sets(st, runs)), default=0.0) + 2
        clip = QRectF(0, 0, layer.w, layer.h).adjusted(-grow, -grow, grow, grow)
    spans = spans[:MAX_LINES]
    pitches = [metrics.pitch(a, b) for a, b in spans]
    block_h = sum(pitches)
    top = avail.top() + {"top": 0.0, "bottom": avail.height() - block_h}.get(valign, (avail.height() - block_h) / 2)

    fonts: dict[float, QFont] = {}

    def font_for(kk: float) -> QFont:
        f = fonts.get(kk)
        if f is None:
            f = fonts[kk] = QFont(ref.font)
            if st.letter_spacing:
                f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, st.letter_spacing / kk)
        return f

    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    groups: dict[tuple[str | None, str], _Group] = {}
    line_ink: list[QRectF] = []
    line_logical: list[QRectF] = []
    baselines: list[float] = []
    bitmaps: list[tuple[QRawFont, int, QPointF, float]] = []
    run_marks: list[tuple[QRectF, float, float, float, Highlight]] = []
    line_top = top
    for (a, b), pitch in zip(spans, pitches, strict=True):
        lw = metrics.width(a, b)
        if st.align == "left":
            x = avail.left()
        elif st.align == "right":
            x = avail.right() - lw
        else:
            x = avail.left() + (avail.width() - lw) / 2
        top_scale = pitch / (size * line_height)
        baseline = line_top + pitch / 2 - ref.ink_center * k * top_scale
        line_logical.append(QRectF(x, line_top, lw, pitch))
        baselines.append(baseline)
        ink = QRectF()
        for sa, sb, run in segments(runs, a, b) if runs else [(a, b, None)]:
            scale = run.scale if run else 1.0
            kk = k * scale
            seg = text[sa:sb]
            lpath, lbitmaps = _line_outline(seg, font_for(kk), x, baseline, kk)
            seg_ink = lpath.boundingRect() if not lpath.isEmpty() else QRectF()
            for raw, idx, pos in lbitmaps:
                r = _glyph_box(raw, idx)
                box = QRectF(pos.x() + r.x() * kk, pos.y() + r.y() * kk, r.width() * kk, r.height() * kk)
                seg_ink = seg_ink.united(box) if not seg_ink.isEmpty() else box
                bitmaps.append((raw, idx, pos, kk))
            if not seg_ink.isEmpty():
                ink = seg_ink if ink.isEmpty() else ink.united(seg_ink)
            color = run.color if run else None
            strokes = run.strokes if run and run.strokes is not None else st.strokes
            gkey = (color, repr(strokes))
            group = groups.get(gkey)
            if group is None:
                group = groups[gkey] = _Group(QPainterPath(), color, strokes)
                group.path.setFillRule(Qt.FillRule.WindingFill)
            group.path.addPath(lpath)
            path.addPath(lpath)
            if run and run.highlight and not seg_ink.isEmpty():
                run_marks.append((seg_ink, baseline, size * scale * line_height, size * scale, run.highlight))
            x += _advance(ref, seg) * kk + st.letter_spacing * (sb - sa)
        line_ink.append(ink)
        line_top += pitch
    ink_all = QRectF()
    for r in line_ink:
        if not r.isEmpty():
            ink_all = r if ink_all.isEmpty() else ink_all.united(r)
    block = QRectF()
    for r in line_logical:
        block = r if block.isEmpty() else block.united(r)
    has_cjk = bool(_CJK.search(text))
    glyph_h = (ref.cjk_height if has_cjk else ref.cap_height) * k
    lines = [text[a:b] for a, b in spans]
    return _Shape(key, size, lines, fit.fits, path, line_ink, line_logical, baselines, bitmaps, k, glyph_h, ink_all,
                  block, clip, list(groups.values()), pitches, run_marks)


def _stroke_sets(style: TextStyle, runs: list[TextRun]) -> list[list[Stroke]]:
    return [style.strokes, *(r.strokes for r in runs if r.strokes is not None)]


_colour_fonts: dict[str, bool] = {}


def _is_colour_font(raw: QRawFont) -> bool:
    """Colour (bitmap / COLR) fonts have no glyph outlines to stroke: emoji are drawn as images."""
    name = raw.familyName()
    if name not in _colour_fonts:
        _colour_fonts[name] = any(not raw.fontTable(t).isEmpty() for t in ("CBDT", "sbix", "COLR"))
    return _colour_fonts[name]


def _glyph_box(raw: QRawFont, idx: int) -> QRectF:
    """Advance x (ascent + descent) box of a glyph, baseline at y = 0, at the raw font's size."""
    adv = raw.advancesForGlyphIndexes([idx])[0].x()
    return QRectF(0, -raw.ascent(), adv, raw.ascent() + raw.descent())


def _line_outline(
    line: str, font: QFont, x: float, baseline: float, k: float
) -> tuple[QPainterPath, list[tuple[QRawFont, int, QPointF]]]:
    """Glyph outlines of one line at the fitted size, plus colour glyphs that have no outline."""
    out = QPainterPath()
    out.setFillRule(Qt.FillRule.WindingFill)
    bitmaps: list[tuple[QRawFont, int, QPointF]] = []
    if not line:
        return out, bitmaps
    tl = QTextLayout(line, font)
    tl.beginLayout()
    ql = tl.createLine()
    ql.setLineWidth(1e7)
    ql.setPosition(QPointF(0, 0))
    tl.endLayout()
    ascent = ql.ascent()
    to_local = QTransform(k, 0, 0, k, x, baseline)
    for run in tl.glyphRuns():
        raw = run.rawFont()
        colour = _is_colour_font(raw)
        for idx, pos in zip(run.glyphIndexes(), run.positions(), strict=True):
            gx, gy = pos.x(), pos.y() - ascent
            if colour:  # emoji: bitmaps without outlines, drawn as images
                bitmaps.append((raw, idx, QPointF(x + gx * k, baseline + gy * k)))
                continue
            gp = raw.pathForGlyph(idx)
            if gp.isEmpty():
                continue
            gp.translate(gx, gy)
            out.addPath(to_local.map(gp))
    return out, bitmaps


def layout_text(layer: TextLayer) -> TextLayout:
    """Fitted size, broken lines and ink boxes of a text layer in canvas pixels (cached by content)."""
    s = _shape(layer)
    ox, oy = layer.x, layer.y

    def box(r: QRectF) -> Box:
        return (r.x() + ox, r.y() + oy, r.width(), r.height()) if not r.isEmpty() else (ox, oy, 0.0, 0.0)

    return TextLayout(
        size=s.size, lines=list(s.lines), fits=s.fits,
        line_boxes=[box(r) for r in s.line_ink], ink_box=box(s.ink), glyph_height=s.glyph_height,
    )


def layer_transform(layer: Layer) -> QTransform:
    """Layer-local (box top-left origin) -> canvas: rotation about the box centre."""
    t = QTransform()
    t.translate(layer.x + layer.w / 2, layer.y + layer.h / 2)
    if layer.rotation:
        t.rotate(layer.rotation)
    t.translate(-layer.w / 2, -layer.h / 2)
    return t


def text_boxes(cover: Cover) -> list[tuple[str, Box, TextLayout]]:
    """(layer id, rotated bounding box in canvas px, layout) for visible, non-empty text layers.

    The box is the ink of the glyphs grown by the stacked strokes (what a reader sees as text),
    rotated with the layer, then axis-aligned.
    """
    out = []
    for layer in cover.layers:
        if not isinstance(layer, TextLayer) or not layer.visible or layer.opacity <= 0:
            continue
        s = _shape(layer)
        if not s.lines or s.ink.isEmpty():
            continue
        grow = _stroke_grow(s, layer.style)
        r = layer_transform(layer).mapRect(s.ink.adjusted(-grow, -grow, grow, grow))
        out.append((layer.id, (r.x(), r.y(), r.width(), r.height()), layout_text(layer)))
    return out


# ---------------------------------------------------------------- painting

_images = ImageCache(256 * 1024 * 1024)


def _stroke_total(strokes: list[Stroke]) -> float:
    return sum(max(0.0, s.width) for s in strokes)


def _stroke_grow(s: _Shape, style: TextStyle) -> float:
    """How far the widest stroke stack (the layer's or a run's) reaches beyond the glyphs."""
    return max((_stroke_total(g.strokes) for g in s.groups), default=_stroke_total(style.strokes))


def _label_rect(s: _Shape, style: TextStyle) -> QRectF:
    lab = style.label
    assert lab is not None
    return s.block.adjusted(-lab.padding_x, -lab.padding_y, lab.padding_x, lab.padding_y)


def _label_radius(rect: QRectF, radius: float) -> float:
    """A radius past half the short side makes a capsule (pill label), never an ellipse."""
    return max(0.0, min(radius, rect.height() / 2, rect.width() / 2))


def _marker(ink: QRectF, baseline: float, pitch: float, size: float, hl: Highlight) -> QPolygonF:
    """A marker band under `ink`, from the baseline up, overshooting the glyphs like a real pen."""
    bottom = baseline + hl.offset * pitch
    top = bottom - hl.height * pitch
    over = 0.12 * size
    left, right = ink.left() - over, ink.right() + over
    shift = hl.skew * (bottom - top)
    return QPolygonF([QPointF(left + shift, top), QPointF(right + shift, top), QPointF(right, bottom),
                      QPointF(left, bottom)])


def _highlight_polys(s: _Shape, style: TextStyle) -> list[QPolygonF]:
    hl = style.highlight
    assert hl is not None
    pitches = s.pitches or [s.size * style.line_height] * len(s.line_ink)
    return [_marker(ink, baseline, pitch, s.size, hl)
            for ink, baseline, pitch in zip(s.line_ink, s.baselines, pitches, strict=True) if not ink.isEmpty()]


def _run_polys(s: _Shape) -> list[tuple[QPolygonF, Highlight]]:
    return [(_marker(ink, baseline, pitch, px, hl), hl) for ink, baseline, pitch, px, hl in s.run_marks]


def _effects_bounds(s: _Shape, style: TextStyle) -> QRectF:
    grow = _stroke_grow(s, style) + 2
    r = s.ink.adjusted(-grow, -grow, grow, grow)
    if style.label:
        bw = style.label.border.width if style.label.border else 0
        r = r.united(_label_rect(s, style).adjusted(-bw - 1, -bw - 1, bw + 1, bw + 1))
    if style.highlight:
        for poly in _highlight_polys(s, style):
            r = r.united(poly.boundingRect().adjusted(-1, -1, 1, 1))
    for poly, _hl in _run_polys(s):
        r = r.united(poly.boundingRect().adjusted(-1, -1, 1, 1))
    if style.shadow:
        sh = style.shadow
        g = 1.5 * max(0.0, sh.blur) + 2
        r = r.united(r.translated(sh.dx, sh.dy).adjusted(-g, -g, g, g))
    if s.clip is not None:
        r = r.intersected(s.clip)
    return r


def _paint_silhouette(p: QPainter, s: _Shape, style: TextStyle, color: QColor) -> None:
    """Everything opaque the text draws, in one flat colour (the shadow's source)."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    if style.label:
        rect = _label_rect(s, style)
        r = _label_radius(rect, style.label.radius)
        p.drawRoundedRect(rect, r, r)
    for poly in _highlight_polys(s, style) if style.highlight else []:
        p.drawPolygon(poly)
    for poly, _hl in _run_polys(s):
        p.drawPolygon(poly)
    for g in s.groups:
        total = _stroke_total(g.strokes)
        if total > 0:
            p.strokePath(g.path, QPen(color, 2 * total, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                      Qt.PenJoinStyle.RoundJoin))
    p.fillPath(s.path, color)


def _paint_text(p: QPainter, s: _Shape, style: TextStyle, to_device: QTransform, img: QImage) -> None:
    """Paint the effects stack in layer-local coordinates; `p` paints on `img` via `to_device`."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if s.clip is not None:
        p.setClipRect(s.clip)
    if style.shadow:
        sh = style.shadow
        color = qcolor(sh.color)
        shadow_img = new_argb(img.width(), img.height())
        with painting(shadow_img) as sp:
            sp.setRenderHint(QPainter.RenderHint.Antialiasing)
            sp.setTransform(QTransform.fromTranslate(sh.dx, sh.dy) * to_device)
            opaque = QColor(color)
            opaque.setAlpha(255)
            _paint_silhouette(sp, s, style, opaque)
        scale = math.sqrt(abs(to_device.determinant())) or 1.0
        blur_image(shadow_img, sigma=max(0.0, sh.blur) / 2 * scale)
        p.save()
        p.resetTransform()
        p.setOpacity(color.alphaF())
        p.drawImage(0, 0, shadow_img)
        p.restore()
    if style.label:
        lab = style.label
        rect = _label_rect(s, style)
        p.setPen(Qt.PenStyle.NoPen)
        radius = _label_radius(rect, lab.radius)
        p.setBrush(qcolor(lab.color))
        p.drawRoundedRect(rect, radius, radius)
        if lab.border and lab.border.width > 0:
            bw = lab.border.width
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(qcolor(lab.border.color), bw, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            inner = rect.adjusted(bw / 2, bw / 2, -bw / 2, -bw / 2)
            p.drawRoundedRect(inner, max(0.0, radius - bw / 2), max(0.0, radius - bw / 2))
    marks = [(poly, style.highlight) for poly in _highlight_polys(s, style)] if style.highlight else []
    marks += _run_polys(s)
    p.setPen(Qt.PenStyle.NoPen)
    for poly, hl in marks:
        p.setBrush(qcolor(hl.color))
        r = 0.06 * poly.boundingRect().height() / max(hl.height, 0.05) / style.line_height
        hp = QPainterPath()
        if r > 0.5 and not hl.skew:
            hp.addRoundedRect(poly.boundingRect(), r, r)
        else:
            hp.addPolygon(poly)
            hp.closeSubpath()
        p.drawPath(hp)
    # Strokes: list order is innermost first; each ring starts where the previous one ends, so the
    # outermost ring is drawn first with the widest pen and every inner one on top of it. With runs,
    # the rings of every group are drawn widest first, then every fill, so no ring covers a glyph.
    rings: list[tuple[float, str, QPainterPath]] = []
    for g in s.groups:
        total = 0.0
        for st in g.strokes:
            total += max(0.0, st.width)
            if st.width > 0:
                rings.append((total, st.color, g.path))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for cum, ring_color, ring_path in sorted(rings, key=lambda ring: -ring[0]):
        p.strokePath(ring_path, QPen(qcolor(ring_color), 2 * cum, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
    layer_brush = fill_brush(style.fill, s.ink)
    for g in s.groups:
        p.fillPath(g.path, layer_brush if g.color is None else qcolor(g.color))
    if s.bitmaps:
        _paint_bitmaps(p, s)


def _paint_bitmaps(p: QPainter, s: _Shape) -> None:
    """Colour glyphs (emoji). Qt draws bitmap glyphs ignoring scale and rotation, so each one is
    rasterised upright at the device size it needs and drawn as an image through the transform."""
    t = p.transform()
    d = math.sqrt(abs(t.determinant())) or 1.0
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    for raw, idx, pos, scale in s.bitmaps:
        px = raw.pixelSize() * scale * d
        if px < 1:
            continue
        sized = QRawFont(raw)
        sized.setPixelSize(px)
        box = _glyph_box(sized, idx)
        img = new_argb(math.ceil(box.width()) + 2, math.ceil(box.height()) + 2)
        with painting(img) as q:
            q.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            run = QGlyphRun()
            run.setRawFont(sized)
            run.setGlyphIndexes([idx])
            run.setPositions([QPointF(0, 0)])
            q.drawGlyphRun(QPointF(1, 1 + sized.ascent()), run)
        k = 1 / d
        p.drawImage(QRectF(pos.x() - k, pos.y() - (sized.ascent() + 1) * k, img.width() * k, img.height() * k), img)
    p.restore()


def _device_rect(painter: QPainter) -> QRectF:
    """The painter's device in physical pixels, with a small margin for antialiasing."""
    device = painter.device()
    if device is None:
        return QRectF(-1e9, -1e9, 2e9, 2e9)
    k = 1.0 if isinstance(device, QImage) else device.devicePixelRatioF()
    return QRectF(-2, -2, device.width() * k + 4, device.height() * k + 4)


def draw_text_layer(painter: QPainter, layer: TextLayer) -> None:
    """Draw a text layer onto any painter (in cover coordinates) through the raster cache."""
    s = _shape(layer)
    if not s.lines or (s.ink.isEmpty() and not layer.style.label):
        return
    style = layer.style
    local_to_dev = layer_transform(layer) * device_transform(painter)
    bounds = _effects_bounds(s, style)
    if bounds.isEmpty():
        return
    # Only the part that lands on the device is rasterised: a box far wider than the cover (a
    # hostile file, or a layer dragged mostly off the canvas) costs what its visible part costs.
    screen = _device_rect(painter)
    dev = local_to_dev.mapRect(bounds).intersected(screen)
    if dev.isEmpty():
        return
    # Refuse to allocate absurd images when zoomed far in: render at a capped resolution instead.
    area = dev.width() * dev.height()
    reduce = 1.0 if area <= MAX_CACHE_PIXELS else math.sqrt(MAX_CACHE_PIXELS / area)
    to_dev = local_to_dev * QTransform.fromScale(reduce, reduce) if reduce != 1.0 else local_to_dev
    dev = to_dev.mapRect(bounds).intersected(QTransform.fromScale(reduce, reduce).mapRect(screen))
    ix, iy = math.floor(dev.left()), math.floor(dev.top())
    w, h = math.ceil(dev.right()) - ix + 1, math.ceil(dev.bottom()) - iy + 1
    fx, fy = round((to_dev.dx() - ix) * 8) / 8, round((to_dev.dy() - iy) * 8) / 8
    lin = (round(to_dev.m11(), 5), round(to_dev.m12(), 5), round(to_dev.m21(), 5), round(to_dev.m22(), 5))
    key = (s.key, lin, fx, fy, w, h)

    def make() -> QImage:
        img = new_argb(w, h)
        with painting(img) as q:
            t = QTransform(to_dev.m11(), to_dev.m12(), to_dev.m21(), to_dev.m22(), fx, fy)
            q.setTransform(t)
            _paint_text(q, s, style, t, img)
        return img

    img = _images.get(key, make)
    painter.save()
    painter.setOpacity(painter.opacity() * max(0.0, min(1.0, layer.opacity)))
    if reduce != 1.0:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.resetTransform()
        dpr = painter.device().devicePixelRatioF()
        painter.scale(1 / (reduce * dpr), 1 / (reduce * dpr))
        painter.drawImage(QPointF(ix, iy), img)
    else:
        blit_device(painter, img, ix, iy)
    painter.restore()


def clear_caches() -> None:
    _shapes.clear()
    _images.clear()
    _font_ref.cache_clear()
