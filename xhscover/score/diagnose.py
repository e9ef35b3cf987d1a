"""Per-cover findings (中文 + English), each with the number it measured and the rule it applied.

The findings are one registry, `CHECKS`: a row per finding with its key, the function that
computes it, its names and a plain-words explanation (for tooltips), and the rule in words
(for the JSON schema doc). `diagnose` runs the rows in order; the report's CSV columns and
competitor table, `docs/report-schema.md` (see `schema_doc_rows`) and the tests read the same
rows. A new finding is one function taking a `Subject` and one `Check` row.

The rules (each function's `threshold` string says it with its numbers):

- title size at feed size: the title's glyph height in phone pt when the cover is shown at its
  real card width (glyph px x card width pt / cover width px). The two-column feed shows a
  1080 px cover about 180 pt wide, and type smaller than about 1/15 of the cover width is hard
  to read there: 180 / 15 = 12 pt.
- title contrast: WCAG 2 contrast ratio between the title's text colour and its local background
  (>= 4.5 good, >= 3 the large-text minimum, below 3 it blends in).
- OCR at feed size: the cover shrunk to the card's width at 2 px per pt (what a reader resolves
  at arm's length), then read by the OCR model; the title counts as readable when >= 70% of its
  characters come back in order.
- attention focus: where the model's attention lands inside the cover (title, face, main object)
  or "lost in clutter" when no region holds a clear share.
- clutter (edge density), colourfulness (Hasler & Süsstrunk bands), distinctiveness against the
  shelf (colour and layout distance vs the median competitor pair), faces.

The user's covers from a project use their exact title layer; image-only covers use OCR boxes.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from xhscover.attention import detectors
from xhscover.attention import diagnostics as D
from xhscover.attention.detectors import FACE_PRESENT_SCORE
from xhscover.attention.lru import Lru
from xhscover.attention.saliency import saliency_map
from xhscover.errors import ModelMissingError
from xhscover.score.covers import TITLE_VISIBLE_MIN, CoverFacts

Box = tuple[int, int, int, int]

LEGIBLE_MIN_PT = 12.0
"""Title glyph height (pt, at feed size) below which it is hard to read: the feed shows a 1080 px
cover about 180 pt wide and type under about 1/15 of the cover width is hard to read, 180 / 15."""
LEGIBLE_GOOD_PT = 18.0
"""At or above this the title reads at a glance while scrolling."""
OCR_PX_PER_PT = 2.0
"""The OCR check sees the cover at the card's width in pt x 2 px (about 380 px on a 393 pt phone)."""
OCR_REFERENCE_WIDTH = 736
"""When the feed-size reading fails, the cover is read again at 736 px wide (the OCR pipeline's
own working size) to tell "too small" from "lettering the model cannot read at all"."""
OCR_MATCH_MIN = 0.7
"""Share of the title's characters the OCR model must return (in order) to call it readable."""
FOCUS_MIN_SHARE = 0.25
"""A region "holds" attention when it has at least 25% of the cover's attention ..."""
FOCUS_MIN_DENSITY = 1.5
"""... and at least 1.5x what its area alone would give it (share / area fraction)."""
OBJECT_LEVEL = 0.5
"""The main object is the largest blob of the bottom-up ("conspicuity") map above 50% of its
peak, outside the text and the faces."""
DISTINCT_HIGH = 1.1
DISTINCT_LOW = 0.9
"""Distinctiveness ratio (median distance to the competitors / median distance between two
competitors, colour and layout averaged): >= 1.1 stands out, <= 0.9 blends in."""
COLOUR_LOUD = 82.0
"""Colourfulness at or above this (Hasler & Süsstrunk's "extremely colourful") reads as loud."""

STATUS = ("pass", "warn", "fail", "info")
"""pass / warn / fail are verdicts; info is a fact or "nothing to judge"."""


def pick(lang: str, zh: str, en: str) -> str:
    """The Chinese or English text for a UI language code ("zh_CN", "zh", "en" ...)."""
    return zh if lang.lower().startswith("zh") else en


@dataclass
class Finding:
    """One finding about one cover: the app, the CLI and the reports all show this class."""

    key: str
    status: str
    """pass | warn | fail | info"""
    value: float | None
    unit: str
    threshold: str
    """The rule applied, in words and numbers (English)."""
    en: str
    zh: str
    extra: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return pick(lang, self.zh, self.en)

    def to_dict(self) -> dict[str, Any]:
        value = None if self.value is None or not np.isfinite(self.value) else round(float(self.value), 4)
        return {"key": self.key, "status": self.status, "value": value, "unit": self.unit,
                "threshold": self.threshold, "en": self.en, "zh": self.zh, **({"extra": self.extra} if self.extra else {})}


@dataclass
class Diagnosis:
    id: str
    mine: bool
    findings: list[Finding]
    smap: np.ndarray
    """The cover's own attention map (at the working size, long side `WORK_LONG_SIDE`)."""
    regions: dict[str, list[Box]]
    """Region name -> pixel boxes in the map's pixels (title, face, object), for drawing."""
    shares: dict[str, float]
    """Region name -> share of the cover's attention."""
    text_source: str

    def finding(self, key: str) -> Finding:
        for f in self.findings:
            if f.key == key:
                return f
        raise KeyError(key)

    def get(self, key: str) -> Finding | None:
        """The finding with this key, or None when it was not run (OCR on competitors ...)."""
        return next((f for f in self.findings if f.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "mine": self.mine, "text_source": self.text_source,
                "region_shares": {k: round(v, 4) for k, v in self.shares.items()},
                "regions": {k: [list(map(int, b)) for b in v] for k, v in self.regions.items()},
                "findings": [f.to_dict() for f in self.findings]}


# ---------------------------------------------------------------- shelf statistics

THUMB_LONG_SIDE = 256
WORK_LONG_SIDE = 720
"""Attention focus, clutter and colourfulness are measured on the cover at 720 px long side (edge
density works at 512 px anyway; the statistics barely move and it is 4x cheaper than 1440)."""


def _shrink(rgb: np.ndarray, long_side: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    s = long_side / max(h, w)
    if s >= 1:
        return rgb
    return cv2.resize(rgb, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA)


def _thumb(rgb: np.ndarray) -> np.ndarray:
    return _shrink(rgb, THUMB_LONG_SIDE)


@dataclass
class Look:
    """A cover's colour histogram and layout thumbnails, for the distances of `diagnostics`."""

    hist: np.ndarray
    lum: np.ndarray
    edges: np.ndarray

    @classmethod
    def of(cls, rgb: np.ndarray) -> Look:
        t = _thumb(rgb)
        lum, edges = D.layout_thumbnails(t)
        return cls(D.colour_histogram(t), lum, edges)

    def colour_distance(self, other: Look) -> float:
        """Same formula as `diagnostics.colour_distance` (Hellinger), on precomputed histograms."""
        return float(np.sqrt(max(0.0, 1.0 - float(np.sum(np.sqrt(self.hist * other.hist))))))

    def layout_distance(self, other: Look) -> float:
        """Same formula as `diagnostics.layout_distance`, on precomputed thumbnails."""
        return float(0.5 * (np.abs(self.lum - other.lum).mean() + np.abs(self.edges - other.edges).mean()))


@dataclass
class ShelfStats:
    """Competitor looks and the median colour/layout distance between two competitors."""

    ids: list[str]
    looks: list[Look]
    colour_median: float
    layout_median: float

    @classmethod
    def build(cls, competitors: Sequence[CoverFacts]) -> ShelfStats:
        return cls.from_images([(f.id, f.rgb) for f in competitors])

    @classmethod
    def from_images(cls, covers: Sequence[tuple[str, np.ndarray]]) -> ShelfStats:
        """From (id, RGB) pairs: only the pixels matter, no detector is needed."""
        looks = [Look.of(rgb) for _id, rgb in covers]
        cd, ld = [], []
        for i in range(len(looks)):
            for j in range(i + 1, len(looks)):
                cd.append(looks[i].colour_distance(looks[j]))
                ld.append(looks[i].layout_distance(looks[j]))
        return cls([cid for cid, _rgb in covers], looks, float(np.median(cd)) if cd else 0.0,
                   float(np.median(ld)) if ld else 0.0)

    def key(self) -> tuple[Any, ...]:
        """Tells two shelves apart for caches (same competitors, same medians = same shelf)."""
        return (tuple(self.ids), self.colour_median, self.layout_median)


# ---------------------------------------------------------------- what the checks see

@dataclass
class Focus:
    """Attention inside one cover: its map and the share each region (title, face, object) holds."""

    smap: np.ndarray
    regions: dict[str, list[Box]]
    shares: dict[str, float]
    density: dict[str, float]
    """Region -> share / area fraction (how much more than its size it draws)."""


@dataclass
class Subject:
    """One cover as the checks see it. The working-size image and the attention inside the
    cover are computed on first use and shared by the checks that need them."""

    facts: CoverFacts
    card_width_pt: float
    shelf: ShelfStats | None = None
    _work: np.ndarray | None = field(default=None, repr=False)
    _focus: Focus | None = field(default=None, repr=False)

    @property
    def work(self) -> np.ndarray:
        """The cover at `WORK_LONG_SIDE` (focus, clutter and colourfulness are measured on it)."""
        if self._work is None:
            self._work = _shrink(self.facts.rgb, WORK_LONG_SIDE)
        return self._work

    @property
    def focus(self) -> Focus:
        if self._focus is None:
            self._focus = cover_focus(self.facts, self.work)
        return self._focus


# ---------------------------------------------------------------- findings

def _norm_text(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        cat = unicodedata.category(ch)
        if cat[0] in ("L", "N"):
            out.append(ch.lower())
    return "".join(out)


def text_match(expected: str, found: str) -> float:
    """Share of `expected`'s letters/digits (CJK included) found in order in `found` (0-1)."""
    a, b = _norm_text(expected), _norm_text(found)
    if not a:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def hidden_title(key: str, unit: str, thr: str, facts: CoverFacts) -> Finding | None:
    """A fail when the title layer is mostly covered by layers above it (see covers.TITLE_VISIBLE_MIN):
    its size and colours no longer reach the reader, whatever the layer says."""
    if facts.title_visible >= TITLE_VISIBLE_MIN:
        return None
    pct = round(100 * facts.title_visible)
    return Finding(key, "fail", None, unit, thr + f"; the title layer must be >= {round(100 * TITLE_VISIBLE_MIN)}% visible",
                   f"The title is hidden: only {pct}% of it shows through the layers drawn above it. Move the "
                   f"photo or sticker off the title, or bring the title to the front.",
                   f"标题被上层元素挡住了：只露出 {pct}%。把图片或贴纸移开，或把标题移到最上层。",
                   {"title_visible": round(facts.title_visible, 3)})


def title_size(s: Subject) -> Finding:
    facts, card_width_pt = s.facts, s.card_width_pt
    thr = (f"glyph height >= {LEGIBLE_MIN_PT:g} pt at feed size (the two-column feed shows a cover about 180 pt "
           f"wide; type under about 1/15 of that is hard to read); >= {LEGIBLE_GOOD_PT:g} pt reads at a glance")
    if facts.glyph_height is None:
        return Finding("title_size", "info", None, "pt", thr, "No title text found on the cover.",
                       "封面上没有找到标题文字。")
    hidden = hidden_title("title_size", "pt", thr, facts)
    if hidden is not None:
        return hidden
    pt = facts.glyph_height * card_width_pt
    how = "exact (title layer)" if facts.text_source == "layers" else "estimated from OCR boxes"
    extra = {"card_width_pt": round(card_width_pt, 2), "glyph_fraction_of_width": round(facts.glyph_height, 4),
             "measured": how}
    if pt < LEGIBLE_MIN_PT:
        return Finding("title_size", "fail", pt, "pt", thr,
                       f"Title glyphs are {pt:.1f} pt tall in the feed (card {card_width_pt:.0f} pt wide): below "
                       f"{LEGIBLE_MIN_PT:g} pt, hard to read while scrolling. Make the title bigger or shorter.",
                       f"标题在信息流里字高只有 {pt:.1f} pt（卡片宽 {card_width_pt:.0f} pt），低于 {LEGIBLE_MIN_PT:g} pt，"
                       f"划动时很难看清。把标题放大或缩短。", extra)
    if pt < LEGIBLE_GOOD_PT:
        return Finding("title_size", "pass", pt, "pt", thr,
                       f"Title glyphs are {pt:.1f} pt tall in the feed: readable, though not yet at-a-glance "
                       f"(>= {LEGIBLE_GOOD_PT:g} pt).",
                       f"标题在信息流里字高 {pt:.1f} pt：能看清，但还不够一眼抓住（建议 ≥ {LEGIBLE_GOOD_PT:g} pt）。", extra)
    return Finding("title_size", "pass", pt, "pt", thr,
                   f"Title glyphs are {pt:.1f} pt tall in the feed: big enough to read at a glance.",
                   f"标题在信息流里字高 {pt:.1f} pt，足够大，一眼就能读到。", extra)


def main_title_box(facts: CoverFacts) -> Box | None:
    """The biggest of the title's boxes, in pixels of `facts.rgb`."""
    boxes = facts.px_boxes(facts.title_boxes)
    return max(boxes, key=lambda b: b[2] * b[3]) if boxes else None


def title_contrast(s: Subject) -> Finding:
    facts = s.facts
    thr = (f"WCAG 2 contrast ratio text/background >= {D.WCAG_AA_TEXT:g} good, >= {D.WCAG_AA_LARGE:g} "
           f"large-text minimum, < {D.WCAG_AA_LARGE:g} blends in")
    box = main_title_box(facts)
    if box is None:
        return Finding("title_contrast", "info", None, ":1", thr, "No title to measure contrast on.",
                       "没有标题，无法测对比度。")
    hidden = hidden_title("title_contrast", ":1", thr, facts)
    if hidden is not None:
        return hidden
    text, bg = D.text_colours(facts.rgb, box)
    ratio = D.contrast_ratio(text, bg)
    extra = {"text_rgb": list(text), "background_rgb": list(bg), "box": list(box)}
    if ratio >= D.WCAG_AA_TEXT:
        return Finding("title_contrast", "pass", ratio, ":1", thr,
                       f"Title contrast {ratio:.1f}:1 against its background: clear (>= {D.WCAG_AA_TEXT:g}:1).",
                       f"标题与背景对比度 {ratio:.1f}:1，清晰（≥ {D.WCAG_AA_TEXT:g}:1）。", extra)
    if ratio >= D.WCAG_AA_LARGE:
        return Finding("title_contrast", "warn", ratio, ":1", thr,
                       f"Title contrast {ratio:.1f}:1: enough for big type only (>= {D.WCAG_AA_LARGE:g}:1, "
                       f"< {D.WCAG_AA_TEXT:g}:1). A stroke, shadow or darker backing would help.",
                       f"标题对比度 {ratio:.1f}:1，只够大字号使用（≥ {D.WCAG_AA_LARGE:g}:1，< {D.WCAG_AA_TEXT:g}:1）。"
                       f"加描边、阴影或底色会更清楚。", extra)
    return Finding("title_contrast", "fail", ratio, ":1", thr,
                   f"Title contrast {ratio:.1f}:1: the title blends into its background (< {D.WCAG_AA_LARGE:g}:1).",
                   f"标题对比度只有 {ratio:.1f}:1，和背景混在一起（< {D.WCAG_AA_LARGE:g}:1）。", extra)


def _read(rgb: np.ndarray) -> list[tuple[tuple[int, int, int, int], str, float]]:
    return detectors.read_text(rgb)


def _overlapping_text(lines: Sequence[tuple[Box, str, float]], boxes: Sequence[Box]) -> str:
    out = []
    for (x, y, w, h), text, _conf in lines:
        for bx, by, bw, bh in boxes:
            if x < bx + bw and x + w > bx and y < by + bh and y + h > by:
                out.append(text)
                break
    return "".join(out)


def _reference(rgb: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return _shrink(rgb, round(OCR_REFERENCE_WIDTH * max(size) / size[0]))


def title_ocr(s: Subject) -> Finding:
    """Can the OCR model still read the title from the cover shrunk to feed size?"""
    facts, card_width_pt = s.facts, s.card_width_pt
    width = max(16, round(card_width_pt * OCR_PX_PER_PT))
    thr = (f"OCR of the cover at {width} px wide (card {card_width_pt:.0f} pt x {OCR_PX_PER_PT:g}) returns "
           f">= {round(100 * OCR_MATCH_MIN)}% of the title's characters")
    boxes = facts.px_boxes(facts.title_boxes)
    if not boxes:
        return Finding("title_ocr", "info", None, "", thr, "No title to read.", "没有标题可识别。")
    try:
        expected = facts.title_text
        if not _norm_text(expected):  # image-only cover: what OCR reads at full size is the reference
            ref = _reference(facts.rgb, facts.size)
            scale = ref.shape[1] / facts.size[0]
            scaled: list[Box] = [(round(x * scale), round(y * scale), round(w * scale), round(h * scale))
                                 for x, y, w, h in boxes]
            expected = _overlapping_text(_read(ref), scaled)
            if not _norm_text(expected):
                return Finding("title_ocr", "info", None, "", thr,
                               "OCR cannot read the title even at full size (decorative lettering?); check skipped.",
                               "原图上 OCR 也读不出标题（可能是装饰字体），跳过此项。")
        h, w = facts.rgb.shape[:2]
        small = cv2.resize(facts.rgb, (width, max(1, round(h * width / w))), interpolation=cv2.INTER_AREA)
        found = "".join(t for _b, t, _c in _read(small))
    except ModelMissingError as exc:
        return Finding("title_ocr", "info", None, "", thr, f"OCR check skipped: {exc}", f"未做 OCR 检查：{exc}")
    match = text_match(expected, found)
    extra: dict[str, Any] = {"expected": expected, "read": found, "width_px": width}
    if match >= OCR_MATCH_MIN:
        return Finding("title_ocr", "pass", match, "", thr,
                       f"At feed size the OCR model still reads {round(100 * match)}% of the title.",
                       f"缩到信息流尺寸后，OCR 仍能读出标题的 {round(100 * match)}%。", extra)
    if facts.title_text:
        full = text_match(expected, "".join(t for _b, t, _c in _read(_reference(facts.rgb, facts.size))))
        extra["full_size_match"] = round(full, 3)
        if full < OCR_MATCH_MIN:
            return Finding("title_ocr", "info", match, "", thr,
                           f"OCR reads only {round(100 * full)}% of the title even at full size (decorative "
                           f"lettering?), so the feed-size check ({round(100 * match)}%) is not conclusive.",
                           f"原图上 OCR 也只读出标题的 {round(100 * full)}%（可能是装饰字体），"
                           f"信息流尺寸的结果（{round(100 * match)}%）不作定论。", extra)
    return Finding("title_ocr", "fail", match, "", thr,
                   f"At feed size the OCR model reads only {round(100 * match)}% of the title: a reader will "
                   f"struggle too. Bigger, bolder or higher-contrast type helps.",
                   f"缩到信息流尺寸后，OCR 只能读出标题的 {round(100 * match)}%，读者也会吃力。"
                   f"用更大、更粗或对比更强的字。", extra)


def _mask(shape: tuple[int, int], boxes: Sequence[Box]) -> np.ndarray:
    m = np.zeros(shape, bool)
    for x, y, w, h in boxes:
        m[max(0, y):max(0, y + h), max(0, x):max(0, x + w)] = True
    return m


def _object_box(rgb: np.ndarray, exclude: np.ndarray) -> Box | None:
    cons = saliency_map(rgb, model="conspicuity").astype(np.float32)
    cons[exclude] = 0
    peak = float(cons.max())
    if not peak > 0:
        return None
    binary = (cons >= OBJECT_LEVEL * peak).astype(np.uint8)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if count <= 1:
        return None
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h = (int(v) for v in stats[best, :4])
    return (x, y, w, h)


REGION_NAMES = {"title": ("the title", "标题"), "face": ("the face", "人脸"), "object": ("the main object", "主体")}


def _px_boxes(boxes: Sequence[tuple[float, float, float, float]], size: tuple[int, int]) -> list[Box]:
    w, h = size
    out = []
    for x, y, bw, bh in boxes:
        x0, y0, x1, y1 = round(x * w), round(y * h), round((x + bw) * w), round((y + bh) * h)
        if x1 > x0 and y1 > y0:
            out.append((x0, y0, x1 - x0, y1 - y0))
    return out


def cover_focus(facts: CoverFacts, rgb: np.ndarray | None = None) -> Focus:
    """The cover's own attention map and its regions; `rgb` is the cover at the working size.

    This is the map every cover heatmap shows (reports and the app's canvas alike)."""
    rgb = facts.rgb if rgb is None else rgb
    hw = (int(rgb.shape[0]), int(rgb.shape[1]))
    size = (hw[1], hw[0])
    sure = [(f, sc) for f, sc in facts.faces if _px_boxes([f], size)]
    faces = _px_boxes([f for f, _ in sure], size)
    smap = saliency_map(rgb, text_boxes=_px_boxes(facts.text_boxes, size), face_boxes=faces,
                        face_scores=[sc for _, sc in sure], detect_text=False, detect_faces=False)
    faces = [b for b, (_, sc) in zip(faces, sure, strict=True) if sc >= FACE_PRESENT_SCORE]
    # a title hidden under a photo or sticker is not where the eye lands, whatever draws it there
    title = _px_boxes(facts.title_boxes, size) if facts.title_visible >= TITLE_VISIBLE_MIN else []
    title_m, face_m = _mask(hw, title), _mask(hw, faces)
    face_m &= ~title_m
    obj = _object_box(rgb, title_m | face_m)
    obj_m = _mask(hw, [obj] if obj else []) & ~title_m & ~face_m
    regions: dict[str, list[Box]] = {"title": title, "face": faces, "object": [obj] if obj else []}
    total = float(smap.sum()) or 1.0
    area = float(hw[0] * hw[1])
    shares: dict[str, float] = {}
    density: dict[str, float] = {}
    for name, m in (("title", title_m), ("face", face_m), ("object", obj_m)):
        if m.any():
            shares[name] = float(smap[m].sum()) / total
            density[name] = shares[name] / (float(m.sum()) / area)
    return Focus(smap=smap, regions=regions, shares=shares, density=density)


def attention_focus(s: Subject) -> Finding:
    """Where attention lands inside the cover."""
    fc = s.focus
    shares, density = fc.shares, fc.density
    thr = (f"a region holds attention with >= {round(100 * FOCUS_MIN_SHARE)}% of the cover's attention and "
           f">= {FOCUS_MIN_DENSITY:g}x its area share; otherwise 'lost in clutter'")
    held = {k: v for k, v in shares.items() if v >= FOCUS_MIN_SHARE and density[k] >= FOCUS_MIN_DENSITY}
    extra: dict[str, Any] = {"shares": {k: round(v, 4) for k, v in shares.items()},
                             "density": {k: round(v, 3) for k, v in density.items()}}
    if not held:
        top = max(shares.values(), default=0.0)
        return Finding("attention_focus", "warn", top, "share", thr,
                       "Lost in clutter: no region (title, face, main object) holds a clear share of the attention; "
                       "the eye has nowhere to land first.",
                       "注意力分散：标题、人脸、主体都没有拿到明显的注意力份额，视线没有落点。", extra)
    name = max(held, key=lambda k: held[k])
    en, zh = REGION_NAMES[name]
    note_en, note_zh = "", ""
    if name != "title" and "title" in shares and shares["title"] < D.SHARE_TITLE_LOW:
        note_en = f" The title gets only {round(100 * shares['title'])}%: easy to miss."
        note_zh = f" 标题只分到 {round(100 * shares['title'])}%，容易被忽略。"
    return Finding("attention_focus", "pass", held[name], "share", thr,
                   f"Attention lands on {en} first ({round(100 * held[name])}% of the cover's attention, "
                   f"{density[name]:.1f}x its area).{note_en}",
                   f"视线首先落在{zh}上（占封面注意力的 {round(100 * held[name])}%，是面积占比的 {density[name]:.1f} 倍）。{note_zh}",
                   dict(extra, region=name))


def clutter(s: Subject) -> Finding:
    e = D.edge_density(s.work)
    thr = f"edge density (Canny at 512 px) > {D.CLUTTER_BUSY:g} busy, < {D.CLUTTER_PLAIN:g} very plain"
    if e > D.CLUTTER_BUSY:
        return Finding("clutter", "warn", e, "edge density", thr,
                       f"Busy: {100 * e:.0f}% of pixels are edges (> {100 * D.CLUTTER_BUSY:.0f}%). At feed size this "
                       f"reads as clutter; fewer elements or a calmer background help.",
                       f"画面偏杂：{100 * e:.0f}% 的像素是边缘（> {100 * D.CLUTTER_BUSY:.0f}%），缩小后显得乱，"
                       f"减少元素或换更干净的背景。")
    if e < D.CLUTTER_PLAIN:
        return Finding("clutter", "info", e, "edge density", thr,
                       f"Very plain ({100 * e:.1f}% edges): fine for a bold title card, empty for a photo cover.",
                       f"画面非常简洁（边缘 {100 * e:.1f}%）：大字报没问题，照片封面会显得空。")
    return Finding("clutter", "pass", e, "edge density", thr,
                   f"Clean enough: {100 * e:.0f}% edges (between {100 * D.CLUTTER_PLAIN:.0f}% and "
                   f"{100 * D.CLUTTER_BUSY:.0f}%).",
                   f"画面干净度合适：边缘 {100 * e:.0f}%（在 {100 * D.CLUTTER_PLAIN:.0f}%–{100 * D.CLUTTER_BUSY:.0f}% 之间）。")


COLOUR_ZH = {"not colourful": "几乎无彩色", "slightly colourful": "略有色彩", "moderately colourful": "色彩适中",
             "quite colourful": "色彩较丰富", "highly colourful": "色彩很丰富", "extremely colourful": "色彩极其浓烈"}


def colourfulness(s: Subject) -> Finding:
    m = D.colourfulness(s.work)
    label = D.colourfulness_label(m)
    bands = ", ".join(f"< {b:g} {name}" for b, name in D.COLOURFUL_LEVELS[:-1])
    dull = D.COLOURFUL_LEVELS[0][0]
    thr = f"Hasler & Süsstrunk M: {bands}, else extremely colourful; < {dull:g} dull in the feed, >= {COLOUR_LOUD:g} loud"
    if m < dull:
        return Finding("colourfulness", "warn", m, "M", thr,
                       f"Colourfulness {m:.0f} ({label}): looks dull next to colourful neighbours.",
                       f"色彩度 {m:.0f}（{COLOUR_ZH[label]}）：放在彩色的邻居旁边会显得暗淡。", {"label": label})
    if m >= COLOUR_LOUD:
        return Finding("colourfulness", "info", m, "M", thr,
                       f"Colourfulness {m:.0f} ({label}): loud; it grabs the eye but can feel like an ad.",
                       f"色彩度 {m:.0f}（{COLOUR_ZH[label]}）：很抢眼，但可能像广告。", {"label": label})
    return Finding("colourfulness", "pass", m, "M", thr, f"Colourfulness {m:.0f} ({label}).",
                   f"色彩度 {m:.0f}（{COLOUR_ZH[label]}）。", {"label": label})


def distinct(s: Subject) -> Finding:
    facts, shelf = s.facts, s.shelf
    thr = (f"median colour and layout distance to the competitors / median distance between two competitors: "
           f">= {DISTINCT_HIGH:g} stands out, <= {DISTINCT_LOW:g} blends in; a neighbour with colour distance "
           f"< {D.COLOUR_SIMILAR:g} and layout distance < {D.LAYOUT_SIMILAR:g} is a look-alike")
    others = [(i, t) for i, t in zip(shelf.ids, shelf.looks, strict=True) if i != facts.id] if shelf else []
    if shelf is None or not others or not shelf.colour_median > 0 or not shelf.layout_median > 0:
        return Finding("distinct", "info", None, "ratio", thr, "Too few competitors to compare with.",
                       "竞品太少，无法比较。")
    mine = Look.of(facts.rgb)
    cd = np.array([mine.colour_distance(t) for _i, t in others])
    ld = np.array([mine.layout_distance(t) for _i, t in others])
    cr = float(np.median(cd)) / shelf.colour_median
    lr = float(np.median(ld)) / shelf.layout_median
    ratio = 0.5 * (cr + lr)
    alike = [others[k][0] for k in range(len(others)) if cd[k] < D.COLOUR_SIMILAR and ld[k] < D.LAYOUT_SIMILAR]
    extra = {"colour_ratio": round(cr, 3), "layout_ratio": round(lr, 3), "colour_median_pair": round(shelf.colour_median, 4),
             "layout_median_pair": round(shelf.layout_median, 4), "look_alikes": alike}
    tail_en = f" Looks like {', '.join(alike[:3])}." if alike else ""
    tail_zh = f" 和 {', '.join(alike[:3])} 很像。" if alike else ""
    if ratio >= DISTINCT_HIGH and not alike:
        return Finding("distinct", "pass", ratio, "ratio", thr,
                       f"Stands out from the shelf: {ratio:.2f}x the usual difference between two competitors "
                       f"(colour {cr:.2f}x, layout {lr:.2f}x).",
                       f"在货架上有辨识度：与竞品的差异是竞品之间常见差异的 {ratio:.2f} 倍（颜色 {cr:.2f}，构图 {lr:.2f}）。", extra)
    if ratio <= DISTINCT_LOW or alike:
        return Finding("distinct", "warn", ratio, "ratio", thr,
                       f"Blends in: only {ratio:.2f}x the usual difference between two competitors "
                       f"(colour {cr:.2f}x, layout {lr:.2f}x).{tail_en}",
                       f"容易淹没在货架里：与竞品的差异只有竞品之间常见差异的 {ratio:.2f} 倍"
                       f"（颜色 {cr:.2f}，构图 {lr:.2f}）。{tail_zh}", extra)
    return Finding("distinct", "pass", ratio, "ratio", thr,
                   f"About as different from the shelf as competitors are from each other ({ratio:.2f}x).",
                   f"与竞品的差异和竞品之间差不多（{ratio:.2f} 倍）。", extra)


def faces(s: Subject) -> Finding:
    present = [(box, sc) for box, sc in s.facts.faces if sc >= FACE_PRESENT_SCORE]
    n = len(present)
    thr = (f"BlazeFace full-range detections with score >= {FACE_PRESENT_SCORE:g} (faces under ~1/25 of the long side "
           f"are missed)")
    if not n:
        return Finding("faces", "info", 0, "faces", thr, "No face on the cover.", "封面上没有人脸。")
    biggest = max(w * h for (_x, _y, w, h), _s in present)
    return Finding("faces", "info", n, "faces", thr,
                   f"{n} face{'s' if n > 1 else ''} found (largest {100 * biggest:.0f}% of the cover); faces pull "
                   f"the eye strongly.",
                   f"发现 {n} 张人脸（最大的占封面 {100 * biggest:.0f}%），人脸很吸引视线。", {"largest_area": round(biggest, 4)})


# ---------------------------------------------------------------- the registry

@dataclass(frozen=True)
class Check:
    """One row of the registry: a finding's key, its function, names and its rule in words."""

    key: str
    run: Callable[[Subject], Finding]
    name_zh: str
    name_en: str
    about_zh: str
    """What it measures, in plain words (the score panel's tooltip)."""
    about_en: str
    unit: str
    rule: str
    """The rule, for docs/report-schema.md (the finding's own `threshold` says it with numbers)."""
    slow: bool = False
    """Runs the OCR model (about 0.2 s): left out for competitors."""
    shelf_column: bool = True
    """A column of the report's competitor table."""

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_en)

    def about(self, lang: str) -> str:
        return pick(lang, self.about_zh, self.about_en)


CHECKS: tuple[Check, ...] = (
    Check("title_size", title_size, "标题字高", "title size",
          "标题缩到信息流卡片大小后，每个字有多高（手机上的 pt）。太小的字划过去就看不清。",
          "How tall the title's letters are once the cover is shrunk to its card in the feed (phone points). "
          "Too small and nobody reads it while scrolling.",
          "pt",
          f"glyph height at feed size = glyph px x card width pt / cover width px; fail below {LEGIBLE_MIN_PT:g} pt "
          f"(the two-column feed shows a 1080 px cover about 180 pt wide, and type under about 1/15 of the cover "
          f"width is hard to read there: 180 / 15 = 12); {LEGIBLE_GOOD_PT:g} pt and up reads at a glance. Exact for "
          f"project covers (title layer's glyph height), estimated from OCR boxes (height / 1.3) for images."),
    Check("title_contrast", title_contrast, "标题对比度", "title contrast",
          "标题文字和它身后背景的明暗差。差得越多，越容易看清。",
          "How much lighter or darker the title is than what is right behind it. More difference, easier reading.",
          ":1",
          f"WCAG 2 ratio between the title's text colour and its local background (Otsu split inside the title "
          f"box): >= {D.WCAG_AA_TEXT:g} pass, >= {D.WCAG_AA_LARGE:g} warn (large-text minimum), "
          f"< {D.WCAG_AA_LARGE:g} fail."),
    Check("title_ocr", title_ocr, "缩小后能否读出", "readable when small",
          "把封面缩到信息流大小，让文字识别模型读标题：模型读不出来，读者也会吃力。",
          "The cover is shrunk to feed size and a text-reading model tries the title: if it cannot, readers "
          "will struggle too.",
          "",
          f"the cover shrunk to card width pt x {OCR_PX_PER_PT:g} px and read by the OCR model; pass when "
          f">= {round(100 * OCR_MATCH_MIN)}% of the title's letters come back in order; `info` when OCR cannot read "
          f"the lettering even at {OCR_REFERENCE_WIDTH} px wide (decorative fonts), so the check is not conclusive. "
          f"Your covers only.",
          slow=True, shelf_column=False),
    Check("attention_focus", attention_focus, "视线落点", "where the eye lands",
          "封面里最先吸引视线的是什么：标题、人脸还是主体。都不突出时，视线没有落点。",
          "What on the cover catches the eye first: the title, a face or the main object. When nothing stands "
          "out, the eye has nowhere to land.",
          "share",
          f"a region (title, face, main object = largest blob above {round(100 * OBJECT_LEVEL)}% of the bottom-up "
          f"map's peak, outside text and faces) holds attention with >= {round(100 * FOCUS_MIN_SHARE)}% of the "
          f"cover's attention and >= {FOCUS_MIN_DENSITY:g}x its area share; otherwise warn \"lost in clutter\"."),
    Check("clutter", clutter, "杂乱度", "clutter",
          "画面里线条和边缘有多密。太密，缩小后就显得乱。",
          "How dense the lines and edges are. Too dense and the cover looks messy when small.",
          "edge density",
          f"Canny edge density at {D.CLUTTER_LONG_SIDE} px: > {D.CLUTTER_BUSY:g} warn (busy), "
          f"< {D.CLUTTER_PLAIN:g} info (very plain)."),
    Check("colourfulness", colourfulness, "色彩度", "colourfulness",
          "颜色有多鲜艳、多丰富。太灰会在彩色的邻居旁边显得暗淡，太艳像广告。",
          "How vivid and varied the colours are. Too grey looks dull beside colourful neighbours; too loud "
          "looks like an ad.",
          "M",
          f"Hasler & Süsstrunk M with their bands ({', '.join(f'{b:g}' for b, _n in D.COLOURFUL_LEVELS[:-1])}); "
          f"< {D.COLOURFUL_LEVELS[0][0]:g} warn (dull in the feed), >= {COLOUR_LOUD:g} info (loud)."),
    Check("distinct", distinct, "辨识度", "stands out",
          "和货架上其他封面比，颜色和构图有多不一样。太像邻居就会被划过去。",
          "How different the colours and layout are from the other covers on the shelf. Look like your "
          "neighbours and you get scrolled past.",
          "ratio",
          f"median colour (histogram Hellinger) and layout (16x16 thumbnails) distance to the competitors, "
          f"divided by the median distance between two competitors, averaged: >= {DISTINCT_HIGH:g} pass (stands "
          f"out), <= {DISTINCT_LOW:g} warn (blends in); a competitor with colour distance < {D.COLOUR_SIMILAR:g} and "
          f"layout distance < {D.LAYOUT_SIMILAR:g} is named as a look-alike (warn)."),
    Check("faces", faces, "人脸", "faces",
          "封面上有没有人脸。人脸特别吸引视线。",
          "Whether the cover shows a face. Faces pull the eye strongly.",
          "faces",
          f"BlazeFace detections with score >= {FACE_PRESENT_SCORE:g} (info).",
          shelf_column=False),
)
"""Every finding, in the order the panel and the reports show them."""

CHECK_KEYS: tuple[str, ...] = tuple(c.key for c in CHECKS)


def check(key: str) -> Check:
    """The registry row of a finding key."""
    for c in CHECKS:
        if c.key == key:
            return c
    raise KeyError(key)


def diagnose(facts: CoverFacts, *, card_width_pt: float, shelf: ShelfStats | None = None,
             ocr_check: bool = True) -> Diagnosis:
    """All findings for one cover. `card_width_pt`: the card's width on the phone (column width);
    `ocr_check=False` leaves out the slow checks (competitors)."""
    subject = Subject(facts, card_width_pt, shelf)
    findings = [c.run(subject) for c in CHECKS if ocr_check or not c.slow]
    fc = subject.focus
    return Diagnosis(id=facts.id, mine=facts.mine, findings=findings, smap=fc.smap, regions=fc.regions,
                     shares=fc.shares, text_source=facts.text_source)


_cache: Lru[Diagnosis] = Lru(64)


def diagnose_cached(facts: CoverFacts, *, card_width_pt: float, shelf: ShelfStats | None = None,
                    ocr_check: bool = True) -> Diagnosis:
    """`diagnose`, remembered by the cover's pixels, boxes and the shelf, so a re-score after an
    edit elsewhere (another variant, the feed slot) does not run the OCR model again."""
    key = (detectors.image_key(facts.rgb), facts.id, facts.mine, tuple(facts.text_boxes), tuple(facts.title_boxes),
           facts.title_text, facts.glyph_height, tuple(facts.faces), round(card_width_pt, 4),
           shelf.key() if shelf is not None else None, bool(ocr_check))
    return _cache.get_or_compute(key, lambda: diagnose(facts, card_width_pt=card_width_pt, shelf=shelf,
                                                       ocr_check=ocr_check))


def schema_doc_rows() -> str:
    """The findings table of docs/report-schema.md, written from the registry (a test keeps the
    doc equal to it; `python -m xhscover.score.diagnose` prints it)."""
    lines = ["| key | name | unit | rule |", "|---|---|---|---|"]
    for c in CHECKS:
        lines.append(f"| `{c.key}` | {c.name_zh} / {c.name_en} | {c.unit or '—'} | {c.rule} |")
    return "\n".join(lines)


def card_width_pt(device: str = "iphone-15") -> float:
    """The feed card's (= cover's) width in pt on a device."""
    from xhscover.feed.masonry import column_metrics
    from xhscover.feed.profiles import load_profiles

    profiles = load_profiles()
    return float(column_metrics(profiles.device(device), profiles)[0])


if __name__ == "__main__":
    print(schema_doc_rows())
