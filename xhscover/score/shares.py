"""Attention shares on one feed screen: which cover wins the reader's first look (货架思维).

The saliency model runs on the whole rendered screen (status bar, tabs, cards, bottom bar: what
a reader sees at once), with the text it cannot be told about from pixels given as boxes: every
card's note title (from the feed description), the text on each cover (exact layers for the
user's covers, detected once per image for the others) and the faces on each cover. Each card's
share is the map's mass inside the visible part of its cover; the covers and titles are disjoint
boxes, so the shares over a screen sum to at most 1 (the rest falls on chrome and gaps).

Scoring renders the screen at 1 pixel per pt: the models work on small images anyway, and a
393x852 screen is 9x cheaper to push through than the 3x screenshot.

With the default (deep) model a screen is assembled rather than pushed through the backbone
whole (`ShelfScorer.assembled`), at the level of the backbone's stride-8 features: each card
(its cover from the cover's own image, its title and author row as the screen shows them) is run
through the front of the network once, framed by the feed's background at the same position
modulo 8 as on the screen, and cached; a screen's s8 map is the shelf's empty screen (chrome and
background, one front pass per scorer) with every visible card's cells copied in; the rest of the
network then runs on that whole map, so the coarse features (s16, s32, which see a third of the
screen at once) see each cover's neighbours as on the real screen. Then the readout, the text and
face channels, the screen's position prior ("screen" kind: the web pages' prior re-expressed for
the device's width and height in degrees of visual angle, see `attention/deep.py`), the blur and
one normalisation over the whole screen. The full pass (`full_pass=True`) runs the whole backbone
on the real screen image; tests check that the two agree (`tests/score/test_deep_screen.py`).
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import cv2
import numpy as np

from xhscover.attention import backbone, deep
from xhscover.attention._checks import normalise_map
from xhscover.attention.diagnostics import share_in_boxes
from xhscover.attention.saliency import saliency_map
from xhscover.feed.cards import Card
from xhscover.feed.draw import RenderCache, render_feed
from xhscover.feed.images import crop_scale, source_key, source_rgb
from xhscover.feed.spec import FeedSpec
from xhscover.render.convert import qimage_to_rgb
from xhscover.score.covers import CoverFacts, FBox, facts_from_image

SCORING_SCALE = 1.0
"""Pixels per pt of the screens the model scores (1 = a 393x852 image for an iPhone 15)."""

Rect = tuple[float, float, float, float]


@dataclass
class CardShare:
    """One card on a scored screen. Shares are fractions of the whole screen's attention."""

    id: str
    index: int
    """Feed slot (0 = top left, in feed order)."""
    mine: bool
    column: int
    cover_share: float
    """Attention on the visible part of the cover: the headline number."""
    title_share: float
    """Attention on the note title under the cover."""
    card_share: float
    """Cover + title + author row (the whole white card)."""
    visible: float
    """Fraction of the cover's area inside the screen's viewport (0 = scrolled out of sight)."""
    rank: int = 0
    """1 = the cover with the largest share on this screen; 0 when not visible."""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "index": self.index, "mine": self.mine, "column": self.column,
                "cover_share": round(self.cover_share, 5), "title_share": round(self.title_share, 5),
                "card_share": round(self.card_share, 5), "visible": round(self.visible, 4), "rank": self.rank}


@dataclass
class Screen:
    """A scored feed screen."""

    rgb: np.ndarray
    """The screen at the scoring scale (RGB uint8)."""
    smap: np.ndarray
    """The attention map over `rgb` (float32, sums to 1)."""
    scale: float
    """Pixels of `rgb` per device pixel of `description` (1 / pixel ratio at SCORING_SCALE 1)."""
    description: dict[str, Any]
    """`render_feed`'s description (rectangles in device pixels)."""
    cards: list[CardShare]
    seed: int | None = None
    text_boxes: list[Rect] = field(default_factory=list)
    face_boxes: list[Rect] = field(default_factory=list)

    @property
    def other_share(self) -> float:
        """Attention that lands on no card (chrome, gaps, off-screen cards' edges)."""
        return max(0.0, 1.0 - sum(c.card_share for c in self.cards))

    def card(self, card_id: str) -> CardShare:
        for c in self.cards:
            if c.id == card_id:
                return c
        raise KeyError(card_id)

    def mine(self) -> list[CardShare]:
        return [c for c in self.cards if c.mine]


def _scale_rect(r: Sequence[float], s: float) -> Rect:
    return (r[0] * s, r[1] * s, r[2] * s, r[3] * s)


def _intersect(a: Rect, b: Rect) -> Rect | None:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def _px(r: Rect) -> list[int]:
    """A rectangle with its edges rounded (neighbours keep sharing edges, nothing double-counts)."""
    x0, y0 = round(r[0]), round(r[1])
    return [x0, y0, round(r[0] + r[2]) - x0, round(r[1] + r[3]) - y0]


def crop_window(src_aspect: float, dst_aspect: float) -> FBox:
    """The part of a cover (fractions) the feed shows in a slot of `dst_aspect` (centre crop,
    as `feed.images.crop_scale` does)."""
    if src_aspect > dst_aspect:
        w = dst_aspect / src_aspect
        return ((1 - w) / 2, 0.0, w, 1.0)
    if src_aspect < dst_aspect:
        h = src_aspect / dst_aspect
        return (0.0, (1 - h) / 2, 1.0, h)
    return (0.0, 0.0, 1.0, 1.0)


def map_boxes(boxes: Sequence[FBox], src_aspect: float, rect: Rect) -> list[Rect]:
    """Fractional cover boxes -> rectangles in the feed image, for a cover drawn into `rect`."""
    wx, wy, ww, wh = crop_window(src_aspect, rect[2] / max(1e-9, rect[3]))
    out = []
    for x, y, w, h in boxes:
        fx0, fy0 = (x - wx) / ww, (y - wy) / wh
        fx1, fy1 = (x + w - wx) / ww, (y + h - wy) / wh
        fx0, fy0, fx1, fy1 = max(0.0, fx0), max(0.0, fy0), min(1.0, fx1), min(1.0, fy1)
        if fx1 > fx0 and fy1 > fy0:
            out.append((rect[0] + fx0 * rect[2], rect[1] + fy0 * rect[3], (fx1 - fx0) * rect[2], (fy1 - fy0) * rect[3]))
    return out


class ShelfScorer:
    """Scores feed screens of one shelf (device, theme, page, competitors) with shared caches.

    Per-cover work (detected text and faces, scaled cover images) is done once per cover and
    reused by every placement; screens are deterministic for a given seed and slot.
    """

    def __init__(self, competitors: Sequence[Card], *, device: str = "iphone-15", theme: str = "light",
                 page: str = "home", query: str = "", channel: str = "推荐", model: str = "default",
                 cache: RenderCache | None = None, full_pass: bool = False):
        self.competitors = list(competitors)
        self.device, self.theme, self.page, self.query, self.channel = device, theme, page, query, channel
        self.model = model
        self.full_pass = full_pass
        """Default model only: run the backbone on every whole screen instead of assembling it."""
        self.cache = cache or RenderCache()
        self._facts: dict[tuple[Any, ...], CoverFacts] = {}
        self._patches: OrderedDict[tuple[Any, ...], tuple[CoverFacts, deep.CardPatch]] = OrderedDict()
        self._frame: tuple[tuple[int, int], np.ndarray] | None = None
        self._bg: tuple[int, int, int] | None = None
        self._drawn: OrderedDict[tuple[Any, ...], tuple[CoverFacts, np.ndarray]] = OrderedDict()

    # ------------------------------------------------------------ cover facts

    def facts(self, card: Card) -> CoverFacts:
        """Facts of a card's cover: the user's exact ones when attached (`card.extra["facts"]`)."""
        given = card.extra.get("facts") if isinstance(card.extra, dict) else None
        if isinstance(given, CoverFacts):
            return given
        key = source_key(card.image)
        facts = self._facts.get(key)
        if facts is None:
            facts = facts_from_image(source_rgb(card.image), id=card.id, mine=card.mine)
            self._facts[key] = facts
        return facts

    def prepare(self) -> None:
        """Analyse every competitor cover now (text detection is the slow part, ~0.1 s each)."""
        for card in self.competitors:
            self.facts(card)

    # ------------------------------------------------------------ screens

    def spec(self, mine: Sequence[Card], *, seed: int | None, slot: int | list[int] | None = None,
             full_scroll: bool = False) -> FeedSpec:
        return FeedSpec(device=self.device, theme=self.theme, page=self.page, query=self.query,
                        channel=self.channel, mine=list(mine), competitors=self.competitors, slot=slot,
                        seed=seed, full_scroll=full_scroll)

    def render(self, spec: FeedSpec) -> tuple[np.ndarray, dict[str, Any], float]:
        """(screen RGB at the scoring scale, description, scale from device px to scoring px)."""
        image, desc = render_feed(spec, self.cache, pixel_ratio=SCORING_SCALE)
        rgb = qimage_to_rgb(image)
        return rgb, desc, SCORING_SCALE / float(desc["pixel_ratio"])

    def screen(self, mine: Sequence[Card], *, seed: int | None, slot: int | list[int] | None = None) -> Screen:
        """Render one screen with `mine` placed by seed/slot and score every card on it."""
        return self.score_spec(self.spec(mine, seed=seed, slot=slot))

    def score_spec(self, spec: FeedSpec) -> Screen:
        rgb, desc, s = self.render(spec)
        return self.score_image(spec, rgb, desc, s)

    @property
    def reads_screen_pixels(self) -> bool:
        """Whether `score_image` looks at the pixels of the covers on the screen. The default
        model's fast path takes every cover from its own image (`facts.rgb`) and reads the screen
        only outside the covers (the cards' titles and author rows), so suggestions need not paste
        each candidate in."""
        return not (self.model == "default" and not self.full_pass)

    def score_image(self, spec: FeedSpec, rgb: np.ndarray, desc: dict[str, Any], s: float) -> Screen:
        """Score a screen already rendered for `spec` (`render`'s three values). Suggestions score
        many covers in the same slot by pasting each into one rendered screen."""
        cards_by_id = {c.id: c for c in _feed_cards(spec)}
        viewport = _scale_rect(desc["viewport"], s)
        texts: list[Rect] = []
        faces: list[Rect] = []
        face_scores: list[float] = []
        entries = []
        for d in desc["cards"]:
            cover = _scale_rect(d["cover"], s)
            vis_cover = _intersect(cover, viewport)
            title = _intersect(_scale_rect(d["title"], s), viewport) if d["title_lines"] else None
            card_rect = _intersect(_scale_rect(d["card"], s), viewport)
            entries.append((d, cover, vis_cover, title, card_rect))
            if card_rect is None:
                continue
            if title is not None:
                texts.append(title)
            card = cards_by_id.get(d["id"])
            if card is None or vis_cover is None:
                continue
            facts = self.facts(card)
            aspect = facts.size[0] / facts.size[1]
            for box in map_boxes(facts.text_boxes, aspect, cover):
                clipped = _intersect(box, viewport)
                if clipped is not None:
                    texts.append(clipped)
            for fbox, fscore in facts.faces:
                for box in map_boxes([fbox], aspect, cover):
                    clipped = _intersect(box, viewport)
                    if clipped is not None:
                        faces.append(clipped)
                        face_scores.append(fscore)
        if self.model == "default" and not self.full_pass:
            placed = [(self.facts(cards_by_id[d["id"]]), _scale_rect(d["card"], s), cover, card_rect)
                      for d, cover, _vis, _t, card_rect in entries if card_rect is not None and d["id"] in cards_by_id]
            smap = self.assembled(rgb, placed, [_px(b) for b in texts],
                                  [(tuple(_px(b)), sc) for b, sc in zip(faces, face_scores, strict=True)])
        else:
            smap = saliency_map(rgb, model=self.model, text_boxes=[_px(b) for b in texts],
                                face_boxes=[_px(b) for b in faces], face_scores=face_scores,
                                detect_text=False, detect_faces=False, kind="screen", screen_mm=self.screen_mm)
        boxes = []
        for _d, _cover, vis_cover, title, card_rect in entries:
            boxes += [_px(vis_cover) if vis_cover else [0, 0, 0, 0], _px(title) if title else [0, 0, 0, 0],
                      _px(card_rect) if card_rect else [0, 0, 0, 0]]
        shares = share_in_boxes(smap, boxes) if boxes else []
        out = []
        for i, (d, cover, vis_cover, _title, _card) in enumerate(entries):
            cs, ts, ks = shares[3 * i: 3 * i + 3]
            if not vis_cover:
                cs = 0.0
            visible = (vis_cover[2] * vis_cover[3]) / max(1e-9, cover[2] * cover[3]) if vis_cover else 0.0
            out.append(CardShare(id=d["id"], index=int(d["index"]), mine=bool(d["mine"]), column=int(d["column"]),
                                 cover_share=cs, title_share=ts, card_share=ks, visible=visible))
        ranked = sorted((c for c in out if c.visible > 0), key=lambda c: (-c.cover_share, c.index))
        for r, c in enumerate(ranked, 1):
            c.rank = r
        return Screen(rgb=rgb, smap=smap, scale=s, description=desc, cards=out, seed=spec.seed,
                      text_boxes=texts, face_boxes=faces)


    # ------------------------------------------------------------ the assembled (fast) default model

    @property
    def screen_mm(self) -> tuple[float, float]:
        """The device's physical screen size: how wide the feed is in the reader's field of view
        sets its position prior (`deep.prior_coefs`)."""
        from xhscover.feed.profiles import load_profiles

        return load_profiles().device(self.device).true_size_mm

    def _background(self) -> tuple[int, int, int]:
        """The feed's background colour (the gaps between cards); looked up once per scorer (every
        card of every screen asks)."""
        if self._bg is None:
            from xhscover.feed.profiles import load_profiles

            colour = load_profiles().theme(self.theme)["canvas"].lstrip("#")
            self._bg = int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
        return self._bg

    PATCH_CACHE = 320
    """Card patches kept (about 70 KB each): 29 cards in a few positions modulo 8."""

    def card_patch(self, facts: CoverFacts, rgb: np.ndarray, card: Rect, cover: Rect,
                   geometry: deep.ScreenGeometry) -> tuple[deep.CardPatch, tuple[int, int]]:
        """The s8 patch of one card on this screen and where its corner lands on the backbone's
        input. The card is prepared as the full pass sees it: its cover from the cover's own image
        scaled as the feed draws it (`feed.images.crop_scale`), the rest of the card (title,
        author row) and the background around it from the screen, then the network's own area
        resize of the whole screen restricted to the card (`backbone.resize_part`).

        Cached by the cover (its facts object, kept alive in the cache so its id is not reused),
        a digest of the other pixels and where the card lands on the network's input."""
        height, width = rgb.shape[:2]
        sx, sy = geometry.scale
        x_in0, y_in0 = math.floor(card[0] * sx), math.floor(card[1] * sy)
        x_in1, y_in1 = math.ceil((card[0] + card[2]) * sx), math.ceil((card[1] + card[3]) * sy)
        rx0, ry0 = math.floor(x_in0 / sx) - 1, math.floor(y_in0 / sy) - 1
        rx1, ry1 = math.ceil(x_in1 / sx) + 1, math.ceil(y_in1 / sy) + 1
        region = np.empty((ry1 - ry0, rx1 - rx0, 3), np.uint8)
        region[:] = self._background()
        ys0, ys1, xs0, xs1 = max(0, ry0), min(height, ry1), max(0, rx0), min(width, rx1)
        if ys1 > ys0 and xs1 > xs0:
            region[ys0 - ry0:ys1 - ry0, xs0 - rx0:xs1 - rx0] = rgb[ys0:ys1, xs0:xs1]
        cx0, cy0 = round(cover[0]) - rx0, round(cover[1]) - ry0
        cw, ch = round(cover[0] + cover[2]) - round(cover[0]), round(cover[1] + cover[3]) - round(cover[1])
        tx0, ty0, tx1, ty1 = max(0, cx0), max(0, cy0), min(region.shape[1], cx0 + cw), min(region.shape[0], cy0 + ch)
        if tx1 > tx0 and ty1 > ty0:
            region[ty0:ty1, tx0:tx1] = 0  # the cover's pixels come from its own image, not the screen
        digest = hashlib.blake2b(region.tobytes(), digest_size=12).hexdigest()
        key = (id(facts), digest, (rx0, ry0), (x_in0, y_in0), self.theme)
        hit = self._patches.get(key)
        if hit is None or hit[0] is not facts:
            if tx1 > tx0 and ty1 > ty0:
                drawn = self._drawn_cover(facts, cw, ch)
                region[ty0:ty1, tx0:tx1] = drawn[ty0 - cy0:ty1 - cy0, tx0 - cx0:tx1 - cx0]
            small = backbone.resize_part(region, (rx0, ry0), (x_in0, y_in0), (x_in1 - x_in0, y_in1 - y_in0), (sx, sy))
            hit = (facts, deep.card_patch(small, (x_in0 % 8, y_in0 % 8), self._background()))
            self._patches[key] = hit
            while len(self._patches) > self.PATCH_CACHE:
                self._patches.popitem(last=False)
        else:
            self._patches.move_to_end(key)
        return hit[1], (x_in0, y_in0)

    def _drawn_cover(self, facts: CoverFacts, width: int, height: int) -> np.ndarray:
        """A cover scaled as the feed draws it, kept per cover and size: a cover lands at other
        positions modulo 8 on other screens (a new patch each) but at the same size."""
        key = (id(facts), width, height)
        hit = self._drawn.get(key)
        if hit is None or hit[0] is not facts:
            hit = (facts, crop_scale(facts.rgb, width, height))
            self._drawn[key] = hit
            while len(self._drawn) > self.DRAWN_CACHE:
                self._drawn.popitem(last=False)
        else:
            self._drawn.move_to_end(key)
        return hit[1]

    DRAWN_CACHE = 64
    """Scaled covers kept (about 120 KB each at 1 px/pt)."""

    def frame(self, height: int, width: int) -> np.ndarray:
        """s8 features of this shelf's screen with no cards: the chrome (status bar, tabs, bottom
        bar) and the feed's background, which every screen shows outside its cards. One front
        pass per scorer and screen size."""
        if self._frame is not None and self._frame[0] == (height, width):
            return self._frame[1]
        rgb, _desc, _s = self.render(replace(self.spec([], seed=0), competitors=[]))
        if rgb.shape[:2] != (height, width):
            raise ValueError(f"empty screen {rgb.shape[:2]} differs from the scored one {(height, width)}")
        image, _input_hw, _content_hw = backbone.network_image(rgb)
        s8 = backbone.front(image)
        self._frame = ((height, width), s8)
        return s8

    def assembled(self, rgb: np.ndarray, cards: Sequence[tuple[CoverFacts, Rect, Rect, Rect]],
                  text_boxes: Sequence[Sequence[int]], faces: Sequence[tuple[Sequence[int], float]]) -> np.ndarray:
        """The default model's map of a screen assembled from per-card s8 patches (see the module
        docstring). `cards`: (facts, the whole card, its cover, the card's visible part) in `rgb`
        pixels; only the pixels outside the covers are read from `rgb`."""
        from xhscover.attention._checks import as_boxes

        height, width = rgb.shape[:2]
        params = deep.load_deep_params()
        geometry = deep.screen_geometry(height, width)
        s8 = self.frame(height, width).copy()
        for facts, card, cover, visible in cards:
            patch, at = self.card_patch(facts, rgb, card, cover, geometry)
            deep.place_card(s8, patch, at, geometry.cells(visible))
        content = deep.screen_content(s8, geometry, params)
        log = deep.finish_log(content, as_boxes(text_boxes), [(as_boxes([b])[0], float(sc)) for b, sc in faces
                                                              if as_boxes([b])], (height, width), "screen", params,
                              self.screen_mm)
        density = deep.density_from_log(log, params.blur_sigma)
        return normalise_map(cv2.resize(density, (width, height), interpolation=cv2.INTER_LINEAR))


def _feed_cards(spec: FeedSpec) -> list[Card]:
    from xhscover.feed.draw import feed_order

    return feed_order(spec)


def screen_shares(spec: FeedSpec, *, model: str = "default", cache: RenderCache | None = None) -> Screen:
    """Score one feed spec as it is (its own mine, competitors, seed and slot)."""
    scorer = ShelfScorer(spec.competitors, device=spec.device, theme=spec.theme, page=spec.page,
                         query=spec.query, channel=spec.channel, model=model, cache=cache)
    return scorer.score_spec(spec)
